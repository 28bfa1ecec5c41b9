#include "checks/container/common.h"
#include "checks/container/container.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-apparmor-unconfined",
    .title = "Container runs without AppArmor",
    .severity = core::Severity::kHigh,
    .control = core::Control::kPermissions,
    .layer = core::Layer::kContainer,
    .description =
        "Reports containers (regular, init and ephemeral) whose effective AppArmor profile is "
        "Unconfined "
        "or invalid: the container's securityContext.appArmorProfile.type, else the legacy "
        "annotation "
        "container.apparmor.security.beta.kubernetes.io/<name>, else the pod's "
        "securityContext.appArmorProfile.type (the kubelet's order). On nodes with AppArmor, "
        "containers "
        "otherwise run under the runtime's default profile, which blocks writes to /proc and /sys, "
        "mounts "
        "and other escape paths; Unconfined removes it. The Pod Security baseline profile forbids "
        "it. "
        "Windows pods are skipped.",
    .remediation =
        "Remove the Unconfined setting: leave securityContext.appArmorProfile unset or set its "
        "type to "
        "RuntimeDefault (or Localhost with a reviewed profile), and delete "
        "container.apparmor.security.beta.kubernetes.io/<name>: unconfined annotations.",
};

enum class Cause { kUnconfined, kInvalid };

std::string Setting(const pss::Profile& p, std::string_view container_name) {
  switch (p.source) {
    case pss::ProfileSource::kContainerField:
    case pss::ProfileSource::kPodField:
      if (p.node == nullptr) return "securityContext.appArmorProfile with no type";
      return "securityContext.appArmorProfile.type=" + pss::ValueText(p.node);
    case pss::ProfileSource::kContainerAnnotation:
    case pss::ProfileSource::kPodAnnotation:
      return "annotation " + std::string(pss::kAppArmorContainerAnnotationPrefix) +
             std::string(container_name) + "=" + Quoted(p.value);
    case pss::ProfileSource::kNone: break;
  }
  return "";
}

class ContainerApparmorUnconfined final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr || pss::IsWindowsPod(*ctx.pod)) return;
    InheritedGroups inherited;
    for (const k8s::ContainerView& c : ctx.pod->containers) {
      pss::Profile p = pss::EffectiveAppArmor(*ctx.pod, c);
      if (p.type != pss::ProfileType::kUnconfined && p.type != pss::ProfileType::kOther) continue;
      const Cause cause =
          p.type == pss::ProfileType::kUnconfined ? Cause::kUnconfined : Cause::kInvalid;
      pss::Field f = pss::LocateAppArmor(p, *ctx.pod, &c);
      if (f.inherited) {
        inherited.Add(f, static_cast<int>(cause), c);
        continue;
      }
      std::string message =
          ContainerLabel(c) + " sets " + Setting(p, c.name) +
          (cause == Cause::kUnconfined ? ", which disables AppArmor"
                                       : ", which is not a valid AppArmor profile");
      out.Emit(ctx.object, f.node, f.path, std::move(message));
    }
    for (const auto& g : inherited.groups()) {
      std::string setting =
          g.field.set ? "pod securityContext.appArmorProfile.type=" + pss::ValueText(g.field.node)
                      : "pod securityContext.appArmorProfile with no type";
      std::string message =
          g.cause == static_cast<int>(Cause::kUnconfined)
              ? setting + " disables AppArmor for " + ContainersLabel(g.containers)
              : setting + " is not a valid AppArmor profile (applies to " +
                    ContainersLabel(g.containers) + ")";
      out.Emit(ctx.object, g.field.node, g.field.path, std::move(message));
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerApparmorUnconfined() {
  return std::make_unique<ContainerApparmorUnconfined>();
}

}  // namespace centinela::checks
