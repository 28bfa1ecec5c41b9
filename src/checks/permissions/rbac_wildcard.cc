#include <string>
#include <string_view>
#include <vector>

#include "checks/permissions/permissions.h"
#include "checks/permissions/rbac_syntax.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "rbac-wildcard",
    "RBAC rule with a wildcard",
    core::Severity::kHigh,
    core::Control::kPermissions,
    core::Layer::kCluster,
    "A `*` in a rule's verbs, resources (including `*/subresource`) or apiGroups grants everything "
    "that exists "
    "now and everything added later (new resources, CRDs, subresources such as pods/exec), which "
    "defeats least "
    "privilege. `*` verbs on `*` resources is equivalent to cluster-admin over those groups "
    "(critical). "
    "Kubernetes' own bootstrap roles (cluster-admin, system:*) are not reported.",
    "List the exact apiGroups, resources and verbs the subject needs in the rule (for example "
    "verbs: [get, "
    "list, watch] on resources: [pods] in apiGroups: [\"\"]).",
};

class RbacWildcard : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    const k8s::Object& role = ctx.object;
    if (!IsRole(role) || IsBootstrapRole(role)) return;
    for (const Rule& rule : GetRules(role)) {
      const doc::Node* verb = FindItem(rule.verbs, "*");
      const doc::Node* resource = FindItem(rule.resources, "*");
      const doc::Node* sub_resource = nullptr;
      for (const doc::Node* r : rule.resources) {
        if (r->text().substr(0, 2) == "*/" && sub_resource == nullptr) sub_resource = r;
      }
      const doc::Node* group = FindItem(rule.api_groups, "*");
      if (verb == nullptr && resource == nullptr && sub_resource == nullptr && group == nullptr)
        continue;

      std::vector<std::string> fields;
      const doc::Node* at = nullptr;
      std::string field;
      auto note = [&](const doc::Node* node, std::string_view name, std::string text) {
        if (node == nullptr) return;
        fields.push_back(std::move(text));
        // Report at the wildcard written first in the source.
        if (at == nullptr || node->line() < at->line() ||
            (node->line() == at->line() && node->column() < at->column())) {
          at = node;
          field = name;
        }
      };
      note(verb, "verbs", "verbs \"*\"");
      note(resource, "resources", "resources \"*\"");
      if (resource == nullptr && sub_resource != nullptr) {
        note(sub_resource, "resources", "resources \"" + std::string(sub_resource->text()) + "\"");
      }
      note(group, "apiGroups", "apiGroups \"*\"");
      std::string list;
      for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) list += i + 1 == fields.size() ? " and " : ", ";
        list += fields[i];
      }
      const bool all = verb != nullptr && resource != nullptr;
      std::string message =
          std::string(role.kind) + " rules[" + std::to_string(rule.index) + "] uses " + list;
      if (all)
        message += ": it grants every verb on every resource of its API groups, like cluster-admin";
      out.Emit(role, at, RuleItemPath(role, rule, field, at), std::move(message),
               all ? core::Severity::kCritical : core::Severity::kHigh);
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeRbacWildcard() { return std::make_unique<RbacWildcard>(); }

}  // namespace centinela::checks
