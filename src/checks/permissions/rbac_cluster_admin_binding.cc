#include <string>

#include "checks/common/common.h"
#include "checks/permissions/permissions.h"
#include "checks/permissions/rbac_syntax.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "rbac-cluster-admin-binding",
    "Binding to cluster-admin",
    core::Severity::kCritical,
    core::Control::kPermissions,
    core::Layer::kCluster,
    "The cluster-admin ClusterRole allows every verb on every resource. Bound with a "
    "ClusterRoleBinding it makes "
    "its subjects owners of the whole cluster (critical); bound with a RoleBinding it gives full "
    "control of the "
    "namespace, including its Secrets and the power to run any pod there (high). The upstream "
    "binding of "
    "cluster-admin to the system:masters group, and kubeadm's kubeadm:cluster-admins group, are "
    "not reported.",
    "Bind a Role or ClusterRole that grants only the verbs and resources the subject needs (least "
    "privilege); "
    "keep cluster-admin for break-glass access through system:masters or the cloud provider's "
    "admin access.",
};

bool IsExemptSubject(const Subject& s) {
  return s.kind == "Group" && (s.name == "system:masters" || s.name == "kubeadm:cluster-admins");
}

class RbacClusterAdminBinding : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    const k8s::Object& binding = ctx.object;
    if (!IsBinding(binding)) return;
    auto ref = GetRoleRef(binding);
    if (!ref || ref->kind != "ClusterRole" || ref->name != "cluster-admin") return;
    std::string subjects;
    for (const Subject& s : GetSubjects(binding)) {
      if (IsExemptSubject(s)) continue;
      if (!subjects.empty()) subjects += ", ";
      subjects += DescribeSubject(s);
    }
    if (subjects.empty()) return;
    const bool cluster_wide = binding.kind == "ClusterRoleBinding";
    std::string message =
        std::string(binding.kind) + " binds roleRef ClusterRole \"cluster-admin\" " +
        (cluster_wide ? std::string("cluster-wide")
                      : "in namespace \"" + std::string(binding.EffectiveNamespace()) + "\"") +
        " to " + subjects;
    out.Emit(binding, ref->name_node, RootPath(binding).Key("roleRef").Key("name").str(),
             std::move(message), cluster_wide ? core::Severity::kCritical : core::Severity::kHigh);
  }
};

}  // namespace

std::unique_ptr<Check> MakeRbacClusterAdminBinding() {
  return std::make_unique<RbacClusterAdminBinding>();
}

}  // namespace centinela::checks
