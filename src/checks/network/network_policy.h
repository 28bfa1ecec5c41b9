#pragma once

#include <string_view>
#include <unordered_map>
#include <vector>

#include "k8s/object.h"
#include "k8s/selector.h"
#include "k8s/snapshot.h"

namespace centinela::checks {

/// What the network checks need to know about one NetworkPolicy (networking.k8s.io).
struct PolicySummary {
  const k8s::Object* object = nullptr;
  /// spec.podSelector. An absent or null podSelector selects every pod of the namespace (the API's
  /// zero value); a selector that does not parse selects nothing (so no pod is wrongly counted as
  /// covered).
  k8s::LabelSelector pod_selector = k8s::LabelSelector::Nothing();
  /// Effective policyTypes: as listed, else Ingress always and Egress when spec.egress has rules.
  bool ingress = false;
  bool egress = false;
  /// The policy has an unrestricted rule (no peers and no ports, e.g. `ingress: [{}]`) for that
  /// direction, which allows all traffic to (or from) the pods it selects.
  bool allows_all_ingress = false;
  bool allows_all_egress = false;
};

/// Summarises a NetworkPolicy object (kind NetworkPolicy in group networking.k8s.io or extensions).
/// A policy without spec is what the API server makes of it (every pod, Ingress, no rule); a spec
/// that is not a mapping (rejected by the API server) selects nothing.
PolicySummary SummarizePolicy(const k8s::Object& policy);

/// True for workloads whose pods NetworkPolicy governs: every workload kind except PodTemplate
/// (which runs no pod by itself).
bool RunsPods(const k8s::Object& object);

/// Every NetworkPolicy of the snapshot in the effective namespace `ns`, summarised, in input order.
std::vector<PolicySummary> PoliciesInNamespace(const k8s::Snapshot& snapshot, std::string_view ns);

/// Every NetworkPolicy of the snapshot, summarised, grouped by effective namespace (input order
/// within each).
std::unordered_map<std::string_view, std::vector<PolicySummary>> PoliciesByNamespace(
    const k8s::Snapshot& snapshot);

}  // namespace centinela::checks
