#include "checks/pss/namespaces.h"

#include <algorithm>

namespace centinela::checks {

bool HasPssLabel(const k8s::Object& object) {
  return std::any_of(object.labels.begin(), object.labels.end(), [](const auto& label) {
    return label.first.substr(0, kPssLabelPrefix.size()) == kPssLabelPrefix;
  });
}

std::vector<EvaluatedNamespace> EvaluatedNamespaces(const k8s::Snapshot& snapshot,
                                                    const pss::AdmissionConfig* config) {
  std::vector<EvaluatedNamespace> out;
  if (config == nullptr) {
    const pss::Policy defaults;
    for (const k8s::Object* ns : snapshot.OfKind("Namespace")) {
      if (!HasPssLabel(*ns)) continue;
      if (snapshot.Find("Namespace", "", ns->name) != ns) continue;  // a later duplicate
      pss::Policy policy = pss::PolicyForNamespace(*ns, defaults);
      if (pss::FullyPrivileged(policy)) continue;
      out.push_back(EvaluatedNamespace{ns->name, ns, policy});
    }
    std::sort(out.begin(), out.end(), [](const EvaluatedNamespace& a, const EvaluatedNamespace& b) {
      return a.name < b.name;
    });
    return out;
  }
  for (std::string_view name : snapshot.Namespaces()) {
    if (std::find(config->exempt_namespaces.begin(), config->exempt_namespaces.end(), name) !=
        config->exempt_namespaces.end()) {
      continue;
    }
    const k8s::Object* ns = snapshot.Find("Namespace", "", name);
    pss::Policy policy =
        ns != nullptr ? pss::PolicyForNamespace(*ns, config->defaults) : config->defaults;
    if (pss::FullyPrivileged(policy)) continue;
    out.push_back(EvaluatedNamespace{name, ns, policy});
  }
  return out;
}

}  // namespace centinela::checks
