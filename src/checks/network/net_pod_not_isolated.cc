#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "checks/common/common.h"
#include "checks/network/network.h"
#include "checks/network/network_policy.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "net-pod-not-isolated",
    "Pods selected by no NetworkPolicy",
    core::Severity::kLow,
    core::Control::kNetwork,
    core::Layer::kCluster,
    "Pods that no NetworkPolicy of their namespace selects are not isolated: they accept "
    "connections from any pod "
    "or address and can open connections anywhere, which lets an attacker who compromises one pod "
    "move laterally "
    "and exfiltrate data. The pod template labels are matched against each policy's "
    "spec.podSelector.",
    "Add a default-deny NetworkPolicy (podSelector: {}) to the namespace, or a NetworkPolicy whose "
    "spec.podSelector matches these pods' labels and allows only the traffic they need.",
};

std::string DescribeLabels(const k8s::StringMap& labels) {
  if (labels.empty()) return "no labels";
  std::string out = "labels ";
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) out += ',';
    out += labels[i].first;
    out += '=';
    out += labels[i].second;
  }
  return out;
}

class NetPodNotIsolated : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckSnapshot(const k8s::Snapshot& snapshot, Emitter& out) const override {
    const auto by_namespace = PoliciesByNamespace(snapshot);
    const std::vector<PolicySummary> none;
    for (const k8s::PodView& pod : snapshot.pod_views()) {
      const k8s::Object& owner = *pod.owner;
      if (!RunsPods(owner)) continue;
      std::string_view ns = owner.EffectiveNamespace();
      auto it = by_namespace.find(ns);
      bool selected = false;
      for (const PolicySummary& p : it != by_namespace.end() ? it->second : none) {
        if (p.pod_selector.Matches(pod.labels)) {
          selected = true;
          break;
        }
      }
      if (selected) continue;

      const doc::Node* at = nullptr;
      if (pod.metadata != nullptr) {
        const doc::Entry* labels = FindEntry(pod.metadata, "labels");
        at = labels != nullptr ? labels->key : pod.metadata;
      } else {
        at = pod.spec;
      }
      std::string path = pod.metadata_path + ".labels";  // view paths include the List prefix
      std::string message = "pods of " + std::string(owner.kind) + " \"" + std::string(owner.name) +
                            "\" (" + DescribeLabels(pod.labels) +
                            ") are selected by no NetworkPolicy in namespace \"" + std::string(ns) +
                            "\": all ingress and egress traffic is allowed";
      out.Emit(owner, at, std::move(path), std::move(message));
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeNetPodNotIsolated() { return std::make_unique<NetPodNotIsolated>(); }

}  // namespace centinela::checks
