#include "checks/container/common.h"
#include "checks/container/container.h"
#include "checks/container/resources.h"
#include "k8s/quantity.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-missing-resource-limits",
    .title = "Container has no CPU or memory limit",
    .severity = core::Severity::kMedium,
    .control = core::Control::kOrchestrator,
    .layer = core::Layer::kContainer,
    .description =
        "Reports regular and init containers without resources.limits.cpu or "
        "resources.limits.memory (or "
        "with a limit of 0, which sets none), unless a LimitRange of type Container in the same "
        "namespace "
        "of the input supplies a default (default or max). Malformed quantities are reported too. "
        "Without "
        "limits one compromised or runaway container (a crypto miner, a memory leak) starves every "
        "other "
        "pod on its node.",
    .remediation =
        "Set resources.limits.cpu and resources.limits.memory on every container (or give the "
        "namespace a "
        "LimitRange with default limits).",
};

class ContainerMissingResourceLimits final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr) return;
    const ResourceDefaults defaults =
        ContainerResourceDefaults(ctx.snapshot, ctx.object.EffectiveNamespace());
    for (const k8s::ContainerView& c : ctx.pod->containers) {
      if (c.kind == k8s::ContainerKind::kEphemeral) continue;  // they cannot set resources
      std::vector<std::string_view> missing;
      for (std::string_view r : kRequiredResources) {
        const doc::Node* value = pss::FindValue(c.node, {"resources", "limits", r});
        if (value == nullptr) {
          bool defaulted = r == "cpu" ? defaults.limit_cpu : defaults.limit_memory;
          if (!defaulted) missing.push_back(r);
          continue;
        }
        std::optional<k8s::Quantity> q = k8s::ParseQuantityNode(value);
        if (q.has_value() && q->value != 0) continue;
        EmitResourceValue(ctx, out, c, "limits", r,
                          q.has_value() ? "sets no limit" : "is not a valid quantity");
      }
      EmitMissingResources(ctx, out, c, "limits", missing);
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerMissingResourceLimits() {
  return std::make_unique<ContainerMissingResourceLimits>();
}

}  // namespace centinela::checks
