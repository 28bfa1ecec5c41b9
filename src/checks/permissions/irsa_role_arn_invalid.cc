#include <string>
#include <string_view>

#include "checks/common/common.h"
#include "checks/permissions/permissions.h"
#include "checks/permissions/role_arn.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "irsa-role-arn-invalid",
    "IRSA role ARN is malformed",
    core::Severity::kHigh,
    core::Control::kPermissions,
    core::Layer::kCloud,
    "The annotation eks.amazonaws.com/role-arn on a ServiceAccount tells the EKS Pod Identity "
    "webhook which IAM "
    "role its pods assume (IRSA). The webhook copies it verbatim into AWS_ROLE_ARN; when it is not "
    "a valid IAM "
    "role ARN (wrong account id length, a user or assumed-role ARN, an unrendered template, a "
    "missing "
    "partition...) AssumeRoleWithWebIdentity fails and the AWS SDK falls through the credential "
    "chain, often to "
    "the node's instance role, which is shared by every pod on the node.",
    "Set eks.amazonaws.com/role-arn to the role's ARN exactly as IAM prints it, "
    "arn:aws:iam::<12-digit account id>:role/<name>, and block the instance metadata service from "
    "pods "
    "(IMDSv2 with a hop limit of 1).",
};

constexpr std::string_view kAnnotation = "eks.amazonaws.com/role-arn";

class IrsaRoleArnInvalid : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    const k8s::Object& sa = ctx.object;
    if (sa.kind != "ServiceAccount" || !sa.group().empty()) return;
    auto value = k8s::Lookup(sa.annotations, kAnnotation);
    if (!value) return;
    auto problem = RoleArnProblem(*value);
    if (!problem) return;
    out.Emit(sa, AnnotationNode(sa, kAnnotation), AnnotationPath(sa, kAnnotation).str(),
             "metadata.annotations[\"" + std::string(kAnnotation) + "\"]=\"" + std::string(*value) +
                 "\" is not an IAM role ARN: " + *problem);
  }
};

}  // namespace

std::unique_ptr<Check> MakeIrsaRoleArnInvalid() { return std::make_unique<IrsaRoleArnInvalid>(); }

}  // namespace centinela::checks
