#include "checks/container/common.h"
#include "checks/pod/pod.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "pod-default-service-account",
    .title = "Pod runs as the default ServiceAccount",
    .severity = core::Severity::kMedium,
    .control = core::Control::kPermissions,
    .layer = core::Layer::kCluster,
    .description =
        "Reports workloads whose pod spec sets no serviceAccountName (nor the deprecated "
        "serviceAccount), or sets it to \"default\". Every pod of the namespace that does the same "
        "shares "
        "that identity, so any permission granted to it (RBAC bindings, an IRSA role or an EKS Pod "
        "Identity association) is granted to all of them: least privilege needs one ServiceAccount "
        "per "
        "application.",
    .remediation =
        "Create a ServiceAccount for the application, set spec.serviceAccountName to it, and bind "
        "to it "
        "only the Kubernetes and AWS permissions the application needs.",
};

class PodDefaultServiceAccount final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr) return;
    const k8s::PodView& pod = *ctx.pod;
    const std::string_view name = pod.ServiceAccountName();
    if (pod.UsesDefaultServiceAccountImplicitly() || name.empty()) {
      pss::Field f = pss::Locate(pod.spec, pod.spec_path, {"serviceAccountName"});
      out.Emit(ctx.object, f.node, f.path,
               "pod spec does not set serviceAccountName, so its pods run as the namespace's "
               "\"default\" "
               "ServiceAccount");
      return;
    }
    if (name != "default") return;
    pss::Field f = pss::Locate(pod.spec, pod.spec_path, {"serviceAccountName"});
    std::string_view field = "serviceAccountName";
    if (!f.set) {
      f = pss::Locate(pod.spec, pod.spec_path, {"serviceAccount"});
      field = "serviceAccount";
    }
    out.Emit(ctx.object, f.node, f.path,
             "pod spec sets " + std::string(field) + "=" + pss::ValueText(f.node) +
                 ", the namespace's shared ServiceAccount");
  }
};

}  // namespace

std::unique_ptr<Check> MakePodDefaultServiceAccount() {
  return std::make_unique<PodDefaultServiceAccount>();
}

}  // namespace centinela::checks
