#include "checks/container/common.h"
#include "checks/pod/pod.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "pod-unsafe-sysctls",
    .title = "Pod sets an unsafe sysctl",
    .severity = core::Severity::kHigh,
    .control = core::Control::kOrchestrator,
    .layer = core::Layer::kCluster,
    .description =
        "Reports each spec.securityContext.sysctls[*].name outside the Pod Security safe set "
        "(kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, "
        "net.ipv4.ip_unprivileged_port_start, "
        "net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_local_reserved_ports, "
        "net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl, "
        "net.ipv4.tcp_keepalive_probes, net.ipv4.tcp_rmem, net.ipv4.tcp_wmem, "
        "net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat). Names written with `/` "
        "separators are compared in their dotted form, as the kubelet converts them. Unsafe "
        "sysctls are "
        "not isolated between pods: they change kernel behaviour for the whole node, or can "
        "exhaust it. The "
        "Pod Security baseline profile forbids them.",
    .remediation =
        "Remove the sysctl from spec.securityContext.sysctls; if the workload truly needs it, run "
        "it on "
        "dedicated, tainted nodes whose kubelet allows it with --allowed-unsafe-sysctls.",
};

class PodUnsafeSysctls final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr) return;
    for (const pss::Sysctl& s : pss::Sysctls(*ctx.pod)) {
      if (pss::IsSafeSysctl(pss::NormalizeSysctlName(s.name))) continue;
      out.Emit(ctx.object, s.node, s.path,
               "pod securityContext.sysctls sets " + Quoted(s.name) +
                   ", which is not in the Pod Security safe set");
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakePodUnsafeSysctls() { return std::make_unique<PodUnsafeSysctls>(); }

}  // namespace centinela::checks
