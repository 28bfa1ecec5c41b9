#include "checks/container/common.h"
#include "checks/pod/pod.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "pod-automount-service-account-token",
    .title = "Pod mounts a ServiceAccount token",
    .severity = core::Severity::kLow,
    .control = core::Control::kPermissions,
    .layer = core::Layer::kCluster,
    .description =
        "Reports workloads whose pods get a Kubernetes API token mounted automatically: the pod "
        "spec does "
        "not set automountServiceAccountToken: false, and its ServiceAccount, when the input "
        "contains it, "
        "does not either (the pod's value wins over the ServiceAccount's). Most applications never "
        "call "
        "the Kubernetes API; for them the token only helps an intruder move from the container to "
        "the "
        "cluster. IRSA and EKS Pod Identity do not need it: they project their own token.",
    .remediation =
        "Set automountServiceAccountToken: false in the pod spec (or on the ServiceAccount) of "
        "workloads "
        "that do not call the Kubernetes API; mount a projected token explicitly where one is "
        "needed.",
};

class PodAutomountServiceAccountToken final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr) return;
    const k8s::PodView& pod = *ctx.pod;
    const pss::BoolValue value =
        pss::ReadBool(pss::FindValue(pod.spec, {"automountServiceAccountToken"}));
    if (value == pss::BoolValue::kFalse) return;
    pss::Field f = pss::Locate(pod.spec, pod.spec_path, {"automountServiceAccountToken"});
    std::string_view sa_name = pod.ServiceAccountName();
    if (sa_name.empty()) sa_name = "default";
    switch (value) {
      case pss::BoolValue::kFalse: return;
      case pss::BoolValue::kTrue:
        out.Emit(ctx.object, f.node, f.path,
                 "pod spec sets automountServiceAccountToken=true: its containers get a token of "
                 "ServiceAccount " +
                     Quoted(sa_name));
        return;
      case pss::BoolValue::kInvalid:
        out.Emit(ctx.object, f.node, f.path,
                 "pod spec sets automountServiceAccountToken=" + pss::ValueText(f.node) +
                     ", which is not the boolean false");
        return;
      case pss::BoolValue::kUnset: break;
    }
    const k8s::Object* account =
        ctx.snapshot.Find("ServiceAccount", ctx.object.EffectiveNamespace(), sa_name);
    std::string message =
        "pod spec does not set automountServiceAccountToken=false and ServiceAccount " +
        Quoted(sa_name);
    if (account == nullptr) {
      message += " is not in the input, so its token is mounted by default";
    } else {
      const doc::Node* sa_value = account->node->Get("automountServiceAccountToken");
      switch (pss::ReadBool(sa_value)) {
        case pss::BoolValue::kFalse: return;
        case pss::BoolValue::kUnset: message += " does not set it either"; break;
        case pss::BoolValue::kTrue: message += " sets automountServiceAccountToken=true"; break;
        case pss::BoolValue::kInvalid:
          message += " sets automountServiceAccountToken=" + pss::ValueText(sa_value) +
                     ", which is not the boolean false";
          break;
      }
    }
    out.Emit(ctx.object, f.node, f.path, std::move(message));
  }
};

}  // namespace

std::unique_ptr<Check> MakePodAutomountServiceAccountToken() {
  return std::make_unique<PodAutomountServiceAccountToken>();
}

}  // namespace centinela::checks
