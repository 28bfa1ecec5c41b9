#include <string>
#include <string_view>

#include "checks/permissions/permissions.h"
#include "checks/permissions/rbac_syntax.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "rbac-anonymous-binding",
    "Permissions granted to anonymous or all users",
    core::Severity::kCritical,
    core::Control::kPermissions,
    core::Layer::kCluster,
    "A binding to the user system:anonymous or the group system:unauthenticated grants its role to "
    "every request "
    "that reaches the API server without credentials: with a public endpoint, to the whole "
    "internet (critical). "
    "A binding to the group system:authenticated grants it to every authenticated identity, which "
    "on some "
    "providers (GKE) includes any Google account, and on any cluster every ServiceAccount of every "
    "pod (high). "
    "The upstream discovery bindings (system:public-info-viewer; and system:discovery and "
    "system:basic-user for "
    "system:authenticated) are not reported.",
    "Remove system:anonymous, system:unauthenticated and system:authenticated from the binding's "
    "subjects and "
    "bind the role to the specific users, groups or ServiceAccounts that need it; keep the API "
    "server endpoint "
    "private or restricted to known CIDRs.",
};

class RbacAnonymousBinding : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    const k8s::Object& binding = ctx.object;
    if (!IsBinding(binding)) return;
    auto ref = GetRoleRef(binding);
    if (!ref) return;
    const bool cluster_role = ref->kind == "ClusterRole";
    const bool public_info = cluster_role && ref->name == "system:public-info-viewer";
    const bool discovery = cluster_role && (public_info || ref->name == "system:discovery" ||
                                            ref->name == "system:basic-user");
    for (const Subject& s : GetSubjects(binding)) {
      std::string who;
      core::Severity severity = core::Severity::kCritical;
      const bool anonymous = (s.kind == "User" && s.name == "system:anonymous") ||
                             (s.kind == "Group" && s.name == "system:unauthenticated");
      if (anonymous && !public_info) {
        who = "every request without credentials";
      } else if (s.kind == "Group" && s.name == "system:authenticated" && !discovery) {
        who = "every authenticated user and ServiceAccount";
        severity = core::Severity::kHigh;
      } else {
        continue;
      }
      EmitSubjectGrant(out, binding, *ref, s, ", i.e. to " + who, severity);
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeRbacAnonymousBinding() {
  return std::make_unique<RbacAnonymousBinding>();
}

}  // namespace centinela::checks
