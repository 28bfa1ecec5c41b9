#include "checks/permissions/rbac_syntax.h"

#include "checks/common/common.h"

namespace centinela::checks {

namespace {

std::vector<const doc::Node*> Strings(const doc::Node* rule, std::string_view key) {
  std::vector<const doc::Node*> out;
  const doc::Node* list = rule->Get(key);
  if (list == nullptr || !list->IsSequence()) return out;
  for (const doc::Node* item : list->items()) {
    if (item->IsScalar() && !item->IsNull()) out.push_back(item);
  }
  return out;
}

}  // namespace

bool IsRbacObject(const k8s::Object& object, std::string_view kind) {
  if (object.kind != kind) return false;
  std::string_view group = object.group();
  return group == "rbac.authorization.k8s.io" || group == "authorization.openshift.io";
}

bool IsBinding(const k8s::Object& object) {
  return IsRbacObject(object, "RoleBinding") || IsRbacObject(object, "ClusterRoleBinding");
}

bool IsRole(const k8s::Object& object) {
  return IsRbacObject(object, "Role") || IsRbacObject(object, "ClusterRole");
}

std::optional<RoleRef> GetRoleRef(const k8s::Object& binding) {
  const doc::Node* ref = binding.node->Get("roleRef");
  if (ref == nullptr || !ref->IsMapping()) return std::nullopt;
  RoleRef out;
  out.kind = ref->GetText("kind");
  if (out.kind.empty()) out.kind = "ClusterRole";
  const doc::Node* name = ref->Get("name");
  out.name = name != nullptr && name->IsScalar() ? name->text() : std::string_view();
  out.name_node = name != nullptr ? name : ref;
  return out;
}

std::vector<Subject> GetSubjects(const k8s::Object& binding) {
  std::vector<Subject> out;
  const doc::Node* subjects = binding.node->Get("subjects");
  if (subjects == nullptr || !subjects->IsSequence()) return out;
  for (size_t i = 0; i < subjects->size(); ++i) {
    const doc::Node* s = subjects->items()[i];
    if (!s->IsMapping()) continue;
    Subject subject;
    subject.index = i;
    subject.node = s;
    const doc::Node* name = s->Get("name");
    subject.name_node = name != nullptr ? name : s;
    subject.name = name != nullptr && name->IsScalar() ? name->text() : std::string_view();
    subject.kind = s->GetText("kind");
    if (subject.kind == "ServiceAccount") {
      subject.namespace_ = s->GetText("namespace");
      if (subject.namespace_.empty() && binding.kind == "RoleBinding")
        subject.namespace_ = binding.EffectiveNamespace();
    }
    out.push_back(subject);
  }
  return out;
}

std::string DescribeSubject(const Subject& subject) {
  std::string out(subject.kind.empty() ? std::string_view("subject") : subject.kind);
  out += " \"";
  if (!subject.namespace_.empty()) {
    out += subject.namespace_;
    out += '/';
  }
  out += subject.name;
  out += '"';
  return out;
}

std::string DescribeRoleRef(const RoleRef& ref) {
  return std::string(ref.kind) + " \"" + std::string(ref.name) + "\"";
}

std::vector<Rule> GetRules(const k8s::Object& role) {
  std::vector<Rule> out;
  if (role.node->Get("aggregationRule") != nullptr && !role.node->Get("aggregationRule")->IsNull())
    return out;
  const doc::Node* rules = role.node->Get("rules");
  if (rules == nullptr || !rules->IsSequence()) return out;
  for (size_t i = 0; i < rules->size(); ++i) {
    const doc::Node* r = rules->items()[i];
    if (!r->IsMapping()) continue;
    Rule rule;
    rule.index = i;
    rule.node = r;
    rule.verbs = Strings(r, "verbs");
    rule.resources = Strings(r, "resources");
    rule.api_groups = Strings(r, "apiGroups");
    rule.resource_names = Strings(r, "resourceNames");
    out.push_back(std::move(rule));
  }
  return out;
}

const doc::Node* FindItem(const std::vector<const doc::Node*>& list, std::string_view value) {
  for (const doc::Node* item : list) {
    if (item->text() == value) return item;
  }
  return nullptr;
}

bool IsBootstrapRole(const k8s::Object& role) {
  if (role.Label("kubernetes.io/bootstrapping") != "rbac-defaults") return false;
  std::string_view name = role.name;
  return name == "cluster-admin" || name == "admin" || name == "edit" || name == "view" ||
         name.substr(0, 7) == "system:";
}

void EmitSubjectGrant(Emitter& out, const k8s::Object& binding, const RoleRef& ref,
                      const Subject& s, std::string_view tail,
                      std::optional<core::Severity> severity) {
  out.Emit(binding, s.name_node, RootPath(binding).Key("subjects").Index(s.index).Key("name").str(),
           "subjects[" + std::to_string(s.index) + "] grants " + DescribeRoleRef(ref) + " to " +
               DescribeSubject(s) + std::string(tail),
           severity);
}

std::string RuleItemPath(const k8s::Object& role, const Rule& rule, std::string_view field,
                         const doc::Node* item) {
  size_t item_index = 0;
  const doc::Node* list = rule.node->Get(field);
  for (size_t k = 0; list != nullptr && k < list->size(); ++k) {
    if (list->items()[k] == item) item_index = k;
  }
  return RootPath(role).Key("rules").Index(rule.index).Key(field).Index(item_index).str();
}

}  // namespace centinela::checks
