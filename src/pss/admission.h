#pragma once

// How the API server's PodSecurity admission decides which level applies to a pod: the namespace
// labels `pod-security.kubernetes.io/{enforce,audit,warn}[-version]`, the defaults and exemptions
// of its admission configuration (PodSecurityConfiguration), and which modes apply to which
// objects (enforce to Pods; audit and warn to Pods and to workload templates).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"
#include "k8s/object.h"
#include "k8s/pod.h"
#include "k8s/snapshot.h"
#include "pss/policy.h"

namespace centinela::pss {

enum class Mode { kEnforce, kAudit, kWarn };
inline constexpr Mode kAllModes[] = {Mode::kEnforce, Mode::kAudit, Mode::kWarn};

/// "enforce", "audit", "warn".
std::string_view ToString(Mode mode);

/// The label keys: "pod-security.kubernetes.io/enforce" and ".../enforce-version", etc.
std::string LevelLabel(Mode mode);
std::string VersionLabel(Mode mode);

/// The level and version of each mode (upstream api.Policy).
struct Policy {
  LevelVersion enforce;
  LevelVersion audit;
  LevelVersion warn;
  const LevelVersion& Of(Mode mode) const;
  LevelVersion& Of(Mode mode);
  friend bool operator==(const Policy&, const Policy&) = default;
};

/// The API server's PodSecurity configuration: `kind: PodSecurityConfiguration`
/// (pod-security.admission.config.k8s.io/v1, v1beta1, v1alpha1), or an `AdmissionConfiguration`
/// (apiserver.config.k8s.io/v1) whose `plugins` entry named PodSecurity holds one inline or by
/// `path` (relative to the file).
struct AdmissionConfig {
  /// Defaults for namespaces without labels: privileged:latest for every mode unless configured.
  Policy defaults;
  std::vector<std::string> exempt_usernames;
  std::vector<std::string> exempt_runtime_classes;
  std::vector<std::string> exempt_namespaces;
  std::string file;  ///< Where it was read from; empty for the built-in defaults.
};

/// privileged:latest for every mode, no exemptions (the API server's behaviour without a file).
AdmissionConfig DefaultAdmissionConfig();

/// Reads and validates a configuration file as the API server does (unknown fields, bad levels or
/// versions, wrong kinds are errors). Errors are `file:line:col: ...` messages.
core::Result<AdmissionConfig> LoadAdmissionConfig(const std::string& path);

/// A namespace label the API server would reject, with where it is written.
struct LabelError {
  std::string label;  ///< e.g. "pod-security.kubernetes.io/enforce-version".
  std::string value;
  std::string message;  ///< e.g. `must be one of privileged, baseline, restricted`.
  const doc::Node* node = nullptr;
};

/// The policy of a namespace with `labels` (upstream api.PolicyToEvaluate): each mode from its
/// labels, else from `defaults`; a level label without a version label means latest; invalid
/// values are reported in `errors` and evaluated as upstream does.
Policy PolicyForNamespace(const k8s::StringMap& labels, const Policy& defaults,
                          std::vector<LabelError>* errors = nullptr);

/// Who creates the pods of a workload, for the usernames exemption: the requesting user for a
/// bare Pod (unknown offline unless given), the controller's ServiceAccount for workloads
/// (system:serviceaccount:kube-system:replicaset-controller for Deployments and ReplicaSets, ...).
std::optional<std::string> PodCreator(const k8s::Object& workload,
                                      std::optional<std::string_view> requesting_user);

/// Why `pod` of `workload` (in `namespace_`) is exempt from Pod Security, e.g.
/// `namespace "kube-system" is exempt`; nullopt when it is not exempt. `creator` is the user
/// creating the pod (PodCreator); usernames exemptions apply only when it is known.
std::optional<std::string> Exemption(const AdmissionConfig& config, std::string_view namespace_,
                                     const k8s::PodView& pod,
                                     std::optional<std::string_view> creator);

}  // namespace centinela::pss
