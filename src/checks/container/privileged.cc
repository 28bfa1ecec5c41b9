#include "checks/container/common.h"
#include "checks/container/container.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-privileged",
    .title = "Container runs privileged",
    .severity = core::Severity::kCritical,
    .control = core::Control::kPermissions,
    .layer = core::Layer::kContainer,
    .description =
        "Reports containers (regular, init and ephemeral) that set "
        "securityContext.privileged=true, and "
        "Windows containers that run as HostProcess "
        "(securityContext.windowsOptions.hostProcess=true, at "
        "container or pod level). A privileged container has every capability, every host device "
        "and no "
        "seccomp or AppArmor confinement: root in it is root on the node.",
    .remediation =
        "Remove securityContext.privileged (or set it to false) and grant only the specific "
        "capabilities "
        "the process needs in securityContext.capabilities.add; do not run HostProcess containers "
        "outside "
        "dedicated system namespaces.",
};

class ContainerPrivileged final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr) return;
    InheritedGroups inherited;
    for (const k8s::ContainerView& c : ctx.pod->containers) {
      if (auto f = pss::Privileged(c)) {
        out.Emit(ctx.object, f->node, f->path,
                 ContainerLabel(c) + " sets securityContext.privileged=" + pss::ValueText(f->node));
      }
      if (auto f = pss::HostProcess(*ctx.pod, c)) {
        if (f->inherited) {
          inherited.Add(*f, 0, c);
        } else {
          out.Emit(ctx.object, f->node, f->path,
                   ContainerLabel(c) + " sets securityContext.windowsOptions.hostProcess=" +
                       pss::ValueText(f->node) +
                       " (a HostProcess container runs on the node itself)");
        }
      }
    }
    for (const auto& g : inherited.groups()) {
      out.Emit(ctx.object, g.field.node, g.field.path,
               "pod securityContext.windowsOptions.hostProcess=" + pss::ValueText(g.field.node) +
                   " makes " + ContainersLabel(g.containers) +
                   " HostProcess containers, which run on the node itself");
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerPrivileged() { return std::make_unique<ContainerPrivileged>(); }

}  // namespace centinela::checks
