#include <array>

#include "checks/container/common.h"
#include "checks/container/container.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-dangerous-capabilities",
    .title = "Container adds a dangerous capability",
    .severity = core::Severity::kHigh,
    .control = core::Control::kPermissions,
    .layer = core::Layer::kContainer,
    .description =
        "Reports each dangerous Linux capability in securityContext.capabilities.add of a "
        "container "
        "(regular, init or ephemeral), in any case and with or without the CAP_ prefix: ALL, "
        "SYS_ADMIN and "
        "SYS_MODULE (critical: each is enough to take over the node), NET_ADMIN, NET_RAW, "
        "SYS_PTRACE, "
        "DAC_READ_SEARCH, BPF, PERFMON, SYS_RAWIO, SYS_BOOT, SYS_TIME, SYSLOG, MAC_ADMIN, "
        "MAC_OVERRIDE and "
        "AUDIT_CONTROL (high). None of them is in the Pod Security baseline set.",
    .remediation =
        "Remove the capability from securityContext.capabilities.add; start from "
        "capabilities.drop: "
        "[\"ALL\"] and add back only what the process needs (usually nothing, or "
        "NET_BIND_SERVICE).",
};

struct Dangerous {
  std::string_view name;
  core::Severity severity;
  std::string_view power;
};

constexpr std::array<Dangerous, 16> kDangerous = {{
    {"ALL", core::Severity::kCritical, "every capability"},
    {"SYS_ADMIN", core::Severity::kCritical, "mounts, namespaces and most other root powers"},
    {"SYS_MODULE", core::Severity::kCritical, "loading kernel modules into the node's kernel"},
    {"NET_ADMIN", core::Severity::kHigh, "reconfiguring interfaces, routes and firewall rules"},
    {"NET_RAW", core::Severity::kHigh, "raw sockets, used for ARP and DNS spoofing"},
    {"SYS_PTRACE", core::Severity::kHigh, "tracing and injecting code into other processes"},
    {"DAC_READ_SEARCH", core::Severity::kHigh,
     "bypassing file read permissions, including host files through open_by_handle_at"},
    {"BPF", core::Severity::kHigh, "loading eBPF programs into the kernel"},
    {"PERFMON", core::Severity::kHigh,
     "kernel performance monitoring that reads other processes' data"},
    {"SYS_RAWIO", core::Severity::kHigh, "raw access to I/O ports and block devices"},
    {"SYS_BOOT", core::Severity::kHigh, "rebooting and loading a new kernel (kexec_load)"},
    {"SYS_TIME", core::Severity::kHigh, "setting the node's clock"},
    {"SYSLOG", core::Severity::kHigh, "reading kernel logs and addresses"},
    {"MAC_ADMIN", core::Severity::kHigh, "changing the AppArmor / SELinux policy"},
    {"MAC_OVERRIDE", core::Severity::kHigh, "bypassing the AppArmor / SELinux policy"},
    {"AUDIT_CONTROL", core::Severity::kHigh, "changing the kernel's audit rules"},
}};

class ContainerDangerousCapabilities final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr) return;
    for (const k8s::ContainerView& c : ctx.pod->containers) {
      for (const pss::Capability& cap : pss::AddedCapabilities(c)) {
        for (const Dangerous& d : kDangerous) {
          if (cap.normalized != d.name) continue;
          std::string written = cap.name == d.name
                                    ? std::string(d.name)
                                    : Quoted(cap.name) + " (" + std::string(d.name) + ")";
          out.Emit(ctx.object, cap.node, cap.path,
                   ContainerLabel(c) + " adds capability " + written +
                       " in securityContext.capabilities.add: " + std::string(d.power),
                   d.severity);
          break;
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerDangerousCapabilities() {
  return std::make_unique<ContainerDangerousCapabilities>();
}

}  // namespace centinela::checks
