#include "checks/network/network_policy.h"

#include "k8s/kinds.h"

namespace centinela::checks {

namespace {

// A rule allows everything when it names no peers and no ports (`{}`, or empty lists).
bool IsUnrestrictedRule(const doc::Node* rule, std::string_view peers_key) {
  if (rule == nullptr || rule->IsNull()) return true;
  if (!rule->IsMapping()) return false;
  const doc::Node* peers = rule->Get(peers_key);
  const doc::Node* ports = rule->Get("ports");
  bool no_peers =
      peers == nullptr || peers->IsNull() || (peers->IsSequence() && peers->size() == 0);
  bool no_ports =
      ports == nullptr || ports->IsNull() || (ports->IsSequence() && ports->size() == 0);
  return no_peers && no_ports;
}

bool AnyUnrestricted(const doc::Node* rules, std::string_view peers_key) {
  if (rules == nullptr || !rules->IsSequence()) return false;
  for (const doc::Node* rule : rules->items()) {
    if (IsUnrestrictedRule(rule, peers_key)) return true;
  }
  return false;
}

}  // namespace

PolicySummary SummarizePolicy(const k8s::Object& policy) {
  PolicySummary out;
  out.object = &policy;
  const doc::Node* spec = policy.node->Get("spec");
  if (spec == nullptr || spec->IsNull()) {
    // No spec: the API server defaults it to an empty podSelector with policyTypes [Ingress] and
    // no rules, i.e. deny all ingress to every pod.
    out.pod_selector = k8s::LabelSelector::Everything();
    out.ingress = true;
    return out;
  }
  if (!spec->IsMapping()) return out;  // rejected by the API server: it protects nothing
  const doc::Node* selector = spec->Get("podSelector");
  if (selector == nullptr || selector->IsNull()) {
    out.pod_selector = k8s::LabelSelector::Everything();
  } else {
    auto parsed = k8s::LabelSelector::Parse(selector);
    out.pod_selector = parsed.ok() ? parsed.value() : k8s::LabelSelector::Nothing();
  }
  const doc::Node* ingress = spec->Get("ingress");
  const doc::Node* egress = spec->Get("egress");
  const doc::Node* types = spec->Get("policyTypes");
  if (types != nullptr && types->IsSequence() && types->size() > 0) {
    for (const doc::Node* t : types->items()) {
      if (t->IsScalar() && t->text() == "Ingress") out.ingress = true;
      if (t->IsScalar() && t->text() == "Egress") out.egress = true;
    }
  } else {
    out.ingress = true;
    out.egress = egress != nullptr && egress->IsSequence() && egress->size() > 0;
  }
  out.allows_all_ingress = out.ingress && AnyUnrestricted(ingress, "from");
  out.allows_all_egress = out.egress && AnyUnrestricted(egress, "to");
  return out;
}

bool RunsPods(const k8s::Object& object) {
  return k8s::IsWorkloadKind(object.kind) && object.kind != "PodTemplate";
}

namespace {

bool IsNetworkPolicy(const k8s::Object& object) {
  std::string_view group = object.group();
  return group == "networking.k8s.io" || group == "extensions";
}

}  // namespace

std::vector<PolicySummary> PoliciesInNamespace(const k8s::Snapshot& snapshot, std::string_view ns) {
  std::vector<PolicySummary> out;
  for (const k8s::Object* policy : snapshot.OfKind("NetworkPolicy")) {
    if (IsNetworkPolicy(*policy) && policy->EffectiveNamespace() == ns)
      out.push_back(SummarizePolicy(*policy));
  }
  return out;
}

std::unordered_map<std::string_view, std::vector<PolicySummary>> PoliciesByNamespace(
    const k8s::Snapshot& snapshot) {
  std::unordered_map<std::string_view, std::vector<PolicySummary>> out;
  for (const k8s::Object* policy : snapshot.OfKind("NetworkPolicy")) {
    if (IsNetworkPolicy(*policy))
      out[policy->EffectiveNamespace()].push_back(SummarizePolicy(*policy));
  }
  return out;
}

}  // namespace centinela::checks
