#include "checks/container/common.h"
#include "checks/container/container.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-writable-root-filesystem",
    .title = "Container root filesystem is writable",
    .severity = core::Severity::kMedium,
    .control = core::Control::kPermissions,
    .layer = core::Layer::kContainer,
    .description =
        "Reports regular and init containers whose securityContext.readOnlyRootFilesystem is not "
        "true. A "
        "writable root filesystem lets an intruder drop tools and binaries (a crypto miner, a "
        "shell) into "
        "the container and modify the application in place. Ephemeral debug containers and Windows "
        "pods "
        "(where the field does not apply) are skipped.",
    .remediation =
        "Set securityContext.readOnlyRootFilesystem: true on every container and mount an emptyDir "
        "volume "
        "on the few paths the process must write (for example /tmp).",
};

class ContainerWritableRootFilesystem final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr || pss::IsWindowsPod(*ctx.pod)) return;
    for (const k8s::ContainerView& c : ctx.pod->containers) {
      if (c.kind == k8s::ContainerKind::kEphemeral) continue;
      const pss::BoolValue value =
          pss::ReadBool(pss::FindValue(c.node, {"securityContext", "readOnlyRootFilesystem"}));
      if (value == pss::BoolValue::kTrue) continue;
      pss::Field f = pss::Locate(c.node, c.path, {"securityContext", "readOnlyRootFilesystem"});
      std::string message;
      switch (value) {
        case pss::BoolValue::kTrue: continue;
        case pss::BoolValue::kUnset:
          message = ContainerLabel(c) + " does not set securityContext.readOnlyRootFilesystem=true";
          break;
        case pss::BoolValue::kFalse:
          message = ContainerLabel(c) + " sets securityContext.readOnlyRootFilesystem=false";
          break;
        case pss::BoolValue::kInvalid:
          message = ContainerLabel(c) +
                    " sets securityContext.readOnlyRootFilesystem=" + pss::ValueText(f.node) +
                    ", which is not the boolean true";
          break;
      }
      out.Emit(ctx.object, f.node, f.path, std::move(message));
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerWritableRootFilesystem() {
  return std::make_unique<ContainerWritableRootFilesystem>();
}

}  // namespace centinela::checks
