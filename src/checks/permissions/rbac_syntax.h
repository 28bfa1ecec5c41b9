#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "core/severity.h"
#include "doc/node.h"
#include "k8s/object.h"

/// Syntactic views of RBAC objects for the permission checks (an RBAC engine replaces them later).
namespace centinela::checks {

/// True for Role, ClusterRole, RoleBinding or ClusterRoleBinding (per `kind`) in
/// rbac.authorization.k8s.io (or OpenShift's mirror authorization.openshift.io).
bool IsRbacObject(const k8s::Object& object, std::string_view kind);
/// RoleBinding or ClusterRoleBinding.
bool IsBinding(const k8s::Object& object);
/// Role or ClusterRole.
bool IsRole(const k8s::Object& object);

/// A binding's roleRef.
struct RoleRef {
  std::string_view
      kind;  ///< "ClusterRole" or "Role"; "ClusterRole" when absent (OpenShift v1 style).
  std::string_view name;
  const doc::Node* name_node = nullptr;  ///< roleRef.name, or roleRef when the name is missing.
};
std::optional<RoleRef> GetRoleRef(const k8s::Object& binding);

/// One entry of a binding's subjects.
struct Subject {
  size_t index = 0;
  const doc::Node* node = nullptr;       ///< The subject mapping.
  const doc::Node* name_node = nullptr;  ///< subjects[i].name, or the subject mapping.
  std::string_view kind;                 ///< "User", "Group" or "ServiceAccount".
  std::string_view name;
  /// For ServiceAccounts: subjects[i].namespace, else the RoleBinding's namespace; empty otherwise.
  std::string_view namespace_;
};
std::vector<Subject> GetSubjects(const k8s::Object& binding);

/// `ServiceAccount "dev/app"`, `User "alice"`, `Group "system:masters"`.
std::string DescribeSubject(const Subject& subject);
/// `ClusterRole "view"` / `Role "reader"`.
std::string DescribeRoleRef(const RoleRef& ref);

/// Reports subject `s` of `binding` at subjects[i].name: `subjects[i] grants <role> to <subject>`
/// followed by `tail`.
void EmitSubjectGrant(Emitter& out, const k8s::Object& binding, const RoleRef& ref,
                      const Subject& s, std::string_view tail,
                      std::optional<core::Severity> severity = std::nullopt);

/// One rule of a Role or ClusterRole.
struct Rule {
  size_t index = 0;
  const doc::Node* node = nullptr;
  std::vector<const doc::Node*> verbs;
  std::vector<const doc::Node*> resources;
  std::vector<const doc::Node*> api_groups;
  std::vector<const doc::Node*> resource_names;
};
/// The rules as written. Empty for a ClusterRole with an aggregationRule: its rules are computed by
/// the controller from the aggregated roles, which are checked themselves.
std::vector<Rule> GetRules(const k8s::Object& role);

/// The field path of `item` in the list `field` of `rule` of `role`: rules[i].<field>[k] (k is 0
/// when `item` is not in the list).
std::string RuleItemPath(const k8s::Object& role, const Rule& rule, std::string_view field,
                         const doc::Node* item);

/// The first item of `list` whose text is `value`, or nullptr.
const doc::Node* FindItem(const std::vector<const doc::Node*>& list, std::string_view value);

/// True for the roles Kubernetes itself creates and reconciles (label kubernetes.io/bootstrapping:
/// rbac-defaults, and name cluster-admin, admin, edit, view or system:*). They are not reported:
/// changing them is undone at the next API server start.
bool IsBootstrapRole(const k8s::Object& role);

}  // namespace centinela::checks
