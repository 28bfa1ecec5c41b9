#include "checks/container/common.h"
#include "checks/container/container.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-seccomp-unconfined",
    .title = "Container runs without a seccomp profile",
    .severity = core::Severity::kHigh,
    .control = core::Control::kPermissions,
    .layer = core::Layer::kContainer,
    .description =
        "Reports containers (regular, init and ephemeral) whose effective seccomp profile is not "
        "RuntimeDefault or Localhost. The profile is the container's "
        "securityContext.seccompProfile, else "
        "its legacy annotation container.seccomp.security.alpha.kubernetes.io/<name>, else the "
        "pod's "
        "securityContext.seccompProfile, else the legacy annotation "
        "seccomp.security.alpha.kubernetes.io/pod. "
        "An explicit Unconfined (or unconfined annotation) or an invalid value is high. No profile "
        "at all "
        "is medium: the container then runs Unconfined unless the kubelet enables SeccompDefault. "
        "Without "
        "seccomp every system call of the kernel is reachable from the container. Windows pods are "
        "skipped.",
    .remediation =
        "Set securityContext.seccompProfile.type: RuntimeDefault in the pod spec (or Localhost "
        "with a "
        "reviewed profile), and remove Unconfined settings and seccomp annotations.",
};

enum class Cause { kUnconfined, kInvalid };

std::string Setting(const pss::Profile& p, std::string_view container_name) {
  switch (p.source) {
    case pss::ProfileSource::kContainerField:
    case pss::ProfileSource::kPodField:
      if (p.node == nullptr) return "securityContext.seccompProfile with no type";
      return "securityContext.seccompProfile.type=" + pss::ValueText(p.node);
    case pss::ProfileSource::kContainerAnnotation:
      return "annotation " + std::string(pss::kSeccompContainerAnnotationPrefix) +
             std::string(container_name) + "=" + Quoted(p.value);
    case pss::ProfileSource::kPodAnnotation:
      return "annotation " + std::string(pss::kSeccompPodAnnotation) + "=" + Quoted(p.value);
    case pss::ProfileSource::kNone: break;
  }
  return "";
}

class ContainerSeccompUnconfined final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr || pss::IsWindowsPod(*ctx.pod)) return;
    InheritedGroups inherited;
    std::vector<pss::Profile> pod_profiles;  // the pod-level profile of each group, by group index
    for (const k8s::ContainerView& c : ctx.pod->containers) {
      pss::Profile p = pss::EffectiveSeccomp(*ctx.pod, c);
      if (p.type == pss::ProfileType::kRuntimeDefault || p.type == pss::ProfileType::kLocalhost) {
        continue;
      }
      pss::Field f = pss::LocateSeccomp(p, *ctx.pod, &c);
      std::string who = ContainerLabel(c);
      switch (p.type) {
        case pss::ProfileType::kRuntimeDefault:
        case pss::ProfileType::kLocalhost: continue;
        case pss::ProfileType::kUnset:
          out.Emit(
              ctx.object, f.node, f.path,
              who +
                  " has no seccomp profile (securityContext.seccompProfile is unset at container "
                  "and pod level): it runs Unconfined unless the kubelet enables SeccompDefault",
              core::Severity::kMedium);
          continue;
        case pss::ProfileType::kUnconfined:
        case pss::ProfileType::kOther: break;
      }
      const Cause cause =
          p.type == pss::ProfileType::kUnconfined ? Cause::kUnconfined : Cause::kInvalid;
      if (f.inherited) {
        size_t before = inherited.groups().size();
        inherited.Add(f, static_cast<int>(cause), c);
        if (inherited.groups().size() > before) pod_profiles.push_back(p);
        continue;
      }
      std::string message =
          cause == Cause::kUnconfined
              ? who + " sets " + Setting(p, c.name) + ", which disables seccomp"
              : who + " sets " + Setting(p, c.name) + ", which is not a valid seccomp profile";
      out.Emit(ctx.object, f.node, f.path, std::move(message));
    }
    for (size_t i = 0; i < inherited.groups().size(); ++i) {
      const auto& g = inherited.groups()[i];
      std::string setting = "pod " + Setting(pod_profiles[i], "");
      std::string message = g.cause == static_cast<int>(Cause::kUnconfined)
                                ? setting + " disables seccomp for " + ContainersLabel(g.containers)
                                : setting + " is not a valid seccomp profile (applies to " +
                                      ContainersLabel(g.containers) + ")";
      out.Emit(ctx.object, g.field.node, g.field.path, std::move(message));
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerSeccompUnconfined() {
  return std::make_unique<ContainerSeccompUnconfined>();
}

}  // namespace centinela::checks
