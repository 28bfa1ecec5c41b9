#include "checks/container/common.h"
#include "checks/container/container.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-run-as-root",
    .title = "Container may run as root",
    .severity = core::Severity::kHigh,
    .control = core::Control::kPermissions,
    .layer = core::Layer::kContainer,
    .description =
        "Reports containers (regular, init and ephemeral) that may run as uid 0: the effective "
        "securityContext.runAsNonRoot (container, else pod) is not true and the effective "
        "runAsUser is not "
        "greater than 0. runAsUser: 0 is explicit root; runAsNonRoot: false, or neither field, "
        "leaves the "
        "user to the image, which is root unless its USER says otherwise. Root in a container is "
        "one kernel "
        "bug or one mounted host path away from root on the node. Pods with spec.hostUsers: false "
        "run in a "
        "user namespace, where uid 0 maps to an unprivileged host user: they are reported at "
        "medium.",
    .remediation =
        "Set securityContext.runAsNonRoot: true and a non-zero securityContext.runAsUser (for "
        "example "
        "runAsUser: 10001) on the pod or on every container, and build the image with a non-root "
        "USER.",
};

enum class Cause { kUserZero, kNonRootFalse };

class ContainerRunAsRoot final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr) return;
    const bool user_namespace = pss::UsesUserNamespace(*ctx.pod);
    const std::optional<core::Severity> severity =
        user_namespace ? std::optional(core::Severity::kMedium) : std::nullopt;
    const std::string suffix = user_namespace ? " (in a user namespace: spec.hostUsers=false)" : "";
    InheritedGroups inherited;
    for (const k8s::ContainerView& c : ctx.pod->containers) {
      pss::RunAsRoot r = pss::RunsAsRoot(*ctx.pod, c);
      std::string who = ContainerLabel(c);
      std::string message;
      switch (r.cause) {
        case pss::RootCause::kNone: continue;
        case pss::RootCause::kRunAsUserZero:
          if (r.field.inherited) {
            inherited.Add(r.field, static_cast<int>(Cause::kUserZero), c);
            continue;
          }
          message = who + " sets securityContext.runAsUser=0 and runs as root";
          break;
        case pss::RootCause::kRunAsNonRootFalse:
          if (r.field.inherited) {
            inherited.Add(r.field, static_cast<int>(Cause::kNonRootFalse), c);
            continue;
          }
          message = who +
                    " sets securityContext.runAsNonRoot=false and no runAsUser > 0, so it may run "
                    "as root";
          break;
        case pss::RootCause::kNotSet:
          message =
              who +
              " sets neither securityContext.runAsNonRoot=true nor runAsUser > 0 (container or pod "
              "level), so it runs as the image's user, root by default";
          break;
      }
      out.Emit(ctx.object, r.field.node, r.field.path, message + suffix, severity);
    }
    for (const auto& g : inherited.groups()) {
      std::string message =
          g.cause == static_cast<int>(Cause::kUserZero)
              ? "pod securityContext.runAsUser=0 makes " + ContainersLabel(g.containers) +
                    " run as root"
              : "pod securityContext.runAsNonRoot=false, with no runAsUser > 0, lets " +
                    ContainersLabel(g.containers) + " run as root";
      out.Emit(ctx.object, g.field.node, g.field.path, message + suffix, severity);
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerRunAsRoot() { return std::make_unique<ContainerRunAsRoot>(); }

}  // namespace centinela::checks
