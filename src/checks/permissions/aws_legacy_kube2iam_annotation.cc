#include <string>
#include <string_view>

#include "checks/common/common.h"
#include "checks/permissions/permissions.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "aws-legacy-kube2iam-annotation",
    "kube2iam / kiam IAM annotation",
    core::Severity::kMedium,
    core::Control::kPermissions,
    core::Layer::kCloud,
    "The pod annotation iam.amazonaws.com/role, and the namespace annotations "
    "iam.amazonaws.com/permitted "
    "(kube2iam) and iam.amazonaws.com/allowed-roles (kiam), belong to kube2iam and kiam. Those "
    "daemons intercept "
    "the EC2 instance metadata service and need the node's instance role to be able to assume "
    "every pod role: "
    "any pod that escapes the proxy (host network, a race at start-up, a bypass) gets the node's "
    "credentials. "
    "IRSA and EKS Pod Identity give each ServiceAccount its own role without node-wide "
    "credentials.",
    "Replace iam.amazonaws.com/role with IRSA (eks.amazonaws.com/role-arn on the pod's "
    "ServiceAccount, and a role "
    "trust policy naming system:serviceaccount:<namespace>:<name>) or an EKS Pod Identity "
    "association, then "
    "remove kube2iam/kiam and the namespace annotations.",
};

constexpr std::string_view kPodAnnotation = "iam.amazonaws.com/role";
constexpr std::string_view kNamespaceAnnotations[] = {"iam.amazonaws.com/permitted",
                                                      "iam.amazonaws.com/allowed-roles"};

class AwsLegacyKube2iamAnnotation : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    const k8s::Object& object = ctx.object;
    if (ctx.pod != nullptr) {
      const k8s::PodView& pod = *ctx.pod;
      auto value = k8s::Lookup(pod.annotations, kPodAnnotation);
      if (!value) return;
      const doc::Node* annotations =
          pod.metadata != nullptr ? pod.metadata->Get("annotations") : nullptr;
      const doc::Node* at = annotations != nullptr ? annotations->Get(kPodAnnotation) : nullptr;
      doc::FieldPath path =
          doc::FieldPath(pod.metadata_path).Key("annotations").Key(kPodAnnotation);
      out.Emit(object, at, path.str(),
               "pod annotation " + std::string(kPodAnnotation) + "=\"" + std::string(*value) +
                   "\" relies on kube2iam/kiam, which serve IAM credentials through a proxy in "
                   "front of the node's "
                   "instance metadata");
      return;
    }
    if (object.kind != "Namespace" || !object.group().empty()) return;
    for (std::string_view key : kNamespaceAnnotations) {
      auto value = k8s::Lookup(object.annotations, key);
      if (!value) continue;
      out.Emit(object, AnnotationNode(object, key), AnnotationPath(object, key).str(),
               "namespace annotation " + std::string(key) + "=\"" + std::string(*value) +
                   "\" configures kube2iam/kiam, which serve IAM credentials through a proxy in "
                   "front of the "
                   "node's instance metadata");
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeAwsLegacyKube2iamAnnotation() {
  return std::make_unique<AwsLegacyKube2iamAnnotation>();
}

}  // namespace centinela::checks
