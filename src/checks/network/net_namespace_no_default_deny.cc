#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "checks/common/common.h"
#include "checks/network/network.h"
#include "checks/network/network_policy.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "net-namespace-no-default-deny",
    "Namespace without a default-deny NetworkPolicy",
    core::Severity::kMedium,
    core::Control::kNetwork,
    core::Layer::kCluster,
    "Without a NetworkPolicy that selects every pod of a namespace (podSelector: {}) for a "
    "direction, pods that no "
    "other policy selects accept connections from, and open connections to, any address. A "
    "default-deny policy "
    "for Ingress and Egress makes every allowed flow explicit. Policy types default as the API "
    "server does: "
    "Ingress always, Egress when listed or when the policy has egress rules. A policy selecting "
    "every pod with an "
    "unrestricted rule (`- {}`) allows all traffic in that direction and does not count as default "
    "deny.",
    "Add a NetworkPolicy with podSelector: {} and policyTypes: [Ingress, Egress] and no rules to "
    "the namespace, "
    "then allow the flows each application needs (including DNS egress to kube-system) with "
    "narrower policies.",
};

struct Direction {
  bool deny = false;
  const k8s::Object* open = nullptr;  // a select-all policy with an unrestricted rule
};

class NetNamespaceNoDefaultDeny : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckSnapshot(const k8s::Snapshot& snapshot, Emitter& out) const override {
    std::vector<const k8s::Object*> first_workloads;
    std::unordered_set<std::string_view> seen;
    for (const k8s::PodView& pod : snapshot.pod_views()) {
      if (!RunsPods(*pod.owner)) continue;
      if (seen.insert(pod.owner->EffectiveNamespace()).second) first_workloads.push_back(pod.owner);
    }
    if (first_workloads.empty()) return;
    const auto policies = PoliciesByNamespace(snapshot);
    const std::vector<PolicySummary> none;
    for (const k8s::Object* workload : first_workloads) {
      std::string_view ns = workload->EffectiveNamespace();
      auto found = policies.find(ns);
      Direction ingress;
      Direction egress;
      for (const PolicySummary& p : found != policies.end() ? found->second : none) {
        if (!p.pod_selector.MatchesEverything()) continue;
        if (p.ingress) ingress.deny = true;
        if (p.egress) egress.deny = true;
        if (p.allows_all_ingress && ingress.open == nullptr) ingress.open = p.object;
        if (p.allows_all_egress && egress.open == nullptr) egress.open = p.object;
      }
      std::vector<std::string> missing;
      std::vector<std::string> details;
      auto consider = [&](const Direction& d, std::string_view name) {
        if (d.deny && d.open == nullptr) return;
        missing.emplace_back(name);
        if (d.deny) {
          details.push_back("NetworkPolicy \"" + std::string(d.open->name) + "\" allows all " +
                            std::string(name) + " for every pod");
        }
      };
      consider(ingress, "ingress");
      consider(egress, "egress");
      if (missing.empty()) continue;

      std::string message = "namespace \"" + std::string(ns) +
                            "\" has workloads but no default-deny NetworkPolicy for ";
      for (size_t i = 0; i < missing.size(); ++i) {
        if (i > 0) message += " and ";
        message += missing[i];
      }
      if (!details.empty()) {
        message += " (";
        for (size_t i = 0; i < details.size(); ++i) {
          if (i > 0) message += "; ";
          message += details[i];
        }
        message += ")";
      }
      if (const k8s::Object* ns_object = snapshot.Find("Namespace", "", ns)) {
        const doc::Node* name =
            ns_object->metadata != nullptr ? ns_object->metadata->Get("name") : nullptr;
        out.Emit(*ns_object, name, RootPath(*ns_object).Key("metadata").Key("name").str(),
                 std::move(message));
      } else {
        const doc::Node* at =
            workload->metadata != nullptr ? workload->metadata->Get("namespace") : nullptr;
        out.Emit(*workload, at, RootPath(*workload).Key("metadata").Key("namespace").str(),
                 std::move(message));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeNetNamespaceNoDefaultDeny() {
  return std::make_unique<NetNamespaceNoDefaultDeny>();
}

}  // namespace centinela::checks
