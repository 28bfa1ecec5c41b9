#pragma once

#include <string_view>
#include <vector>

#include "k8s/object.h"
#include "k8s/snapshot.h"
#include "pss/admission.h"

namespace centinela::checks {

/// The prefix of the Pod Security namespace labels.
inline constexpr std::string_view kPssLabelPrefix = "pod-security.kubernetes.io/";

/// True when `object` has a label whose key starts with kPssLabelPrefix.
bool HasPssLabel(const k8s::Object& object);

/// A namespace whose pods PodSecurity evaluates in at least one mode, and its policy.
struct EvaluatedNamespace {
  std::string_view name;
  const k8s::Object* object = nullptr;  ///< Its Namespace object; null when not in the input.
  pss::Policy policy;
};

/// The namespaces to evaluate, sorted by name. Without `config`: the Namespace objects of the input
/// (the first one of each name) whose labels set some mode to baseline or restricted; nothing is
/// allocated when no Namespace has a Pod Security label. With `config`: every namespace of the
/// input (named by a Namespace object or used by a namespaced object) that is not exempt, with the
/// policy of its labels over the configured defaults (the defaults alone when its Namespace object
/// is not in the input), when some mode is not privileged.
std::vector<EvaluatedNamespace> EvaluatedNamespaces(const k8s::Snapshot& snapshot,
                                                    const pss::AdmissionConfig* config);

}  // namespace centinela::checks
