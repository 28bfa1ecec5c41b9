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

/// Reads and validates a configuration file (YAML or JSON, one document) as the API server does,
/// strictly: unknown or mistyped fields, wrong apiVersion/kind, invalid levels or versions,
/// invalid or duplicate exemptions are errors; empty defaults become privileged / latest. In an
/// AdmissionConfiguration, the first plugin named PodSecurity is used: its inline `configuration`,
/// else its `path` (relative to the directory of `path`), else the defaults; without such a plugin,
/// the defaults. The error holds every problem found, one `file:line:col: error: message` line
/// each.
core::Result<AdmissionConfig> LoadAdmissionConfig(const std::string& path);

/// A namespace label the API server would reject, with where it is written.
struct LabelError {
  std::string label;  ///< e.g. "pod-security.kubernetes.io/enforce-version".
  std::string value;
  /// Upstream's wording: `must be one of privileged, baseline, restricted` for a level,
  /// `must be "latest" or "v1.x"` for a version.
  std::string message;
  /// The label's value node; null when the labels were given without their object.
  const doc::Node* node = nullptr;
};

/// The policy of a namespace with `labels` (upstream api.PolicyToEvaluate). Each label present
/// overrides its part of `defaults`: a level label without a version label keeps the default
/// version (latest unless the configuration says otherwise), a version label without a level label
/// keeps the default level. Invalid values are reported in `errors` (in the order enforce, enforce
/// version, audit, audit version, warn, warn version) and evaluated as upstream does: an invalid
/// enforce level as restricted (fail closed), an invalid audit or warn level as privileged (fail
/// open), an invalid version as latest. Other labels, including unknown
/// `pod-security.kubernetes.io/` ones, are ignored.
Policy PolicyForNamespace(const k8s::StringMap& labels, const Policy& defaults,
                          std::vector<LabelError>* errors = nullptr);
/// The same for the labels of a Namespace object; `errors` also carry the label value nodes.
Policy PolicyForNamespace(const k8s::Object& namespace_object, const Policy& defaults,
                          std::vector<LabelError>* errors = nullptr);

/// True when every mode is privileged: the API server evaluates nothing.
bool FullyPrivileged(const Policy& policy);

/// Whether the API server evaluates `mode` for the pod spec of `object`: every mode for a Pod and
/// for the pods a controller creates from a workload's template (Deployment, ReplicaSet,
/// StatefulSet, DaemonSet, Job, CronJob, ReplicationController; audit and warn also apply when the
/// workload itself is created); audit and warn only for a PodTemplate, from which no controller
/// creates pods; nothing for other kinds.
bool ModeApplies(Mode mode, const k8s::Object& object);

/// Who creates the pods of a workload, for the usernames exemption: `requesting_user` for a Pod
/// (nullopt, unknown, when not given; its ownerReferences are not trusted, since whoever creates a
/// pod writes them); for workloads, the ServiceAccount of the
/// kube-controller-manager controller that creates their pods, as it authenticates with
/// --use-service-account-credentials (the kubeadm default):
/// system:serviceaccount:kube-system:replicaset-controller for a Deployment (whose ReplicaSets
/// create the pods) and a ReplicaSet, ...:daemon-set-controller for a DaemonSet,
/// ...:statefulset-controller for a StatefulSet, ...:job-controller for a Job and a CronJob (whose
/// Jobs create the pods), ...:replication-controller for a ReplicationController. nullopt for a
/// PodTemplate and for other kinds (no pods are created from them).
std::optional<std::string> PodCreator(const k8s::Object& workload,
                                      std::optional<std::string_view> requesting_user);

/// `namespace "x" is exempt` when the configuration exempts that namespace; nullopt otherwise (also
/// for the empty name). Exemption() starts with this test.
std::optional<std::string> ExemptNamespace(const AdmissionConfig& config,
                                           std::string_view namespace_name);

/// Why `pod` (in `namespace_name`) is exempt from Pod Security, checked in the API server's order:
/// `namespace "kube-system" is exempt` (exact name; never for an empty namespace),
/// `user "..." is exempt` (when `creator`, the user creating the pod or workload, is known and
/// listed), `runtimeClass "kata" is exempt` (spec.runtimeClassName, a non-empty string, listed);
/// nullopt when it is not exempt.
std::optional<std::string> Exemption(const AdmissionConfig& config, std::string_view namespace_name,
                                     const k8s::PodView& pod,
                                     std::optional<std::string_view> creator);

}  // namespace centinela::pss
