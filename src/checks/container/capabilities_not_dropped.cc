#include "checks/container/common.h"
#include "checks/container/container.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-capabilities-not-dropped",
    .title = "Container does not drop all capabilities",
    .severity = core::Severity::kLow,
    .control = core::Control::kPermissions,
    .layer = core::Layer::kContainer,
    .description =
        "Reports containers (regular, init and ephemeral) whose securityContext.capabilities.drop "
        "does not "
        "contain ALL. Without it the container keeps the runtime's default set (CHOWN, "
        "DAC_OVERRIDE, "
        "FOWNER, SETUID, SETGID, NET_RAW, ...), which root in the container can use. The Pod "
        "Security "
        "restricted profile requires drop: [\"ALL\"]. Windows pods are skipped: capabilities do "
        "not apply "
        "to them.",
    .remediation =
        "Set securityContext.capabilities.drop: [\"ALL\"] on every container and add back only the "
        "capabilities the process needs (for example NET_BIND_SERVICE).",
};

class ContainerCapabilitiesNotDropped final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr || pss::IsWindowsPod(*ctx.pod)) return;
    for (const k8s::ContainerView& c : ctx.pod->containers) {
      if (pss::DropsAllCapabilities(c)) continue;
      pss::Field drop = pss::Locate(c.node, c.path, {"securityContext", "capabilities", "drop"});
      std::vector<pss::Capability> dropped = pss::DroppedCapabilities(c);
      std::string message;
      if (dropped.empty()) {
        message = ContainerLabel(c) +
                  " does not drop ALL capabilities (securityContext.capabilities.drop)";
      } else {
        std::string list;
        for (const pss::Capability& cap : dropped)
          list += (list.empty() ? "" : ", ") + std::string(cap.name);
        message = ContainerLabel(c) + " drops [" + list +
                  "] but not ALL in securityContext.capabilities.drop";
      }
      const doc::Node* at = drop.node;
      if (drop.set) {
        // Point at the `drop:` key rather than at its first item.
        pss::Field caps = pss::Locate(c.node, c.path, {"securityContext", "capabilities"});
        if (const doc::Node* key = KeyNode(caps.node, "drop")) at = key;
      }
      out.Emit(ctx.object, at, drop.path, std::move(message));
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerCapabilitiesNotDropped() {
  return std::make_unique<ContainerCapabilitiesNotDropped>();
}

}  // namespace centinela::checks
