#include "checks/container/common.h"
#include "checks/container/container.h"
#include "checks/container/resources.h"
#include "k8s/quantity.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-missing-resource-requests",
    .title = "Container has no CPU or memory request",
    .severity = core::Severity::kLow,
    .control = core::Control::kOrchestrator,
    .layer = core::Layer::kContainer,
    .description =
        "Reports regular and init containers without resources.requests.cpu or "
        "resources.requests.memory. "
        "A request is not missing when the container sets a limit for that resource (the API "
        "server then "
        "copies the limit into the request) or when a LimitRange of type Container in the same "
        "namespace of "
        "the input supplies one (defaultRequest, default, max or min). Malformed quantities are "
        "reported. "
        "Without requests the scheduler overcommits nodes and the pod is among the first evicted "
        "under "
        "pressure.",
    .remediation =
        "Set resources.requests.cpu and resources.requests.memory on every container to what it "
        "needs at "
        "steady state.",
};

class ContainerMissingResourceRequests final : public Check {
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
        const doc::Node* value = pss::FindValue(c.node, {"resources", "requests", r});
        if (value == nullptr) {
          bool defaulted = r == "cpu" ? defaults.request_cpu : defaults.request_memory;
          bool from_limit = pss::FindValue(c.node, {"resources", "limits", r}) != nullptr;
          if (!defaulted && !from_limit) missing.push_back(r);
          continue;
        }
        if (!k8s::ParseQuantityNode(value).has_value()) {
          EmitResourceValue(ctx, out, c, "requests", r, "is not a valid quantity");
        }
      }
      EmitMissingResources(ctx, out, c, "requests", missing);
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerMissingResourceRequests() {
  return std::make_unique<ContainerMissingResourceRequests>();
}

}  // namespace centinela::checks
