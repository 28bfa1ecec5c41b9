#include <string>
#include <string_view>

#include "checks/permissions/permissions.h"
#include "checks/permissions/rbac_syntax.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "rbac-secrets-read",
    "RBAC rule can read Secrets",
    core::Severity::kHigh,
    core::Control::kPermissions,
    core::Layer::kCluster,
    "get, list or watch on secrets (or `*` verbs, or `*` resources in the core API group) lets the "
    "subject read "
    "every Secret in scope: database passwords, API tokens, TLS keys and the tokens of other "
    "ServiceAccounts, "
    "which often leads to privilege escalation. list and watch return the contents too, not only "
    "the names. A "
    "rule limited by resourceNames is reported at medium severity. Kubernetes' own bootstrap roles "
    "are not "
    "reported.",
    "Remove secrets (and `*`) from the rule's resources, or restrict the rule with resourceNames "
    "to the Secrets "
    "the workload owns and only the get verb; prefer mounting the Secret into the pod over reading "
    "it through "
    "the API.",
};

class RbacSecretsRead : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    const k8s::Object& role = ctx.object;
    if (!IsRole(role) || IsBootstrapRole(role)) return;
    for (const Rule& rule : GetRules(role)) {
      if (FindItem(rule.api_groups, "") == nullptr && FindItem(rule.api_groups, "*") == nullptr)
        continue;
      const doc::Node* resource = FindItem(rule.resources, "secrets");
      if (resource == nullptr) resource = FindItem(rule.resources, "*");
      if (resource == nullptr) continue;
      std::string verbs;
      for (const doc::Node* v : rule.verbs) {
        std::string_view verb = v->text();
        if (verb != "get" && verb != "list" && verb != "watch" && verb != "*") continue;
        if (!verbs.empty()) verbs += ", ";
        verbs += verb;
      }
      if (verbs.empty()) continue;
      std::string message =
          std::string(role.kind) + " rules[" + std::to_string(rule.index) + "] grants " + verbs +
          " on " +
          (resource->text() == "*" ? "every core resource (\"*\"), including secrets"
                                   : std::string("secrets"));
      core::Severity severity = core::Severity::kHigh;
      if (!rule.resource_names.empty()) {
        message += ", limited to resourceNames [";
        for (size_t k = 0; k < rule.resource_names.size(); ++k) {
          if (k > 0) message += ", ";
          message += rule.resource_names[k]->text();
        }
        message += "]";
        severity = core::Severity::kMedium;
      }
      out.Emit(role, resource, RuleItemPath(role, rule, "resources", resource), std::move(message),
               severity);
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeRbacSecretsRead() { return std::make_unique<RbacSecretsRead>(); }

}  // namespace centinela::checks
