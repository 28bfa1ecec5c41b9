#pragma once

// Advice per namespace: the strictest Pod Security level every workload of a namespace already
// satisfies, what blocks the next one, and the `kubectl label` command that applies it. Shared by
// `centinela pss advise` and any front end that wants the same answer (the webhook's reports).

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "k8s/object.h"
#include "k8s/pod.h"
#include "k8s/snapshot.h"
#include "pss/admission.h"
#include "pss/policy.h"

namespace centinela::pss {

/// What to evaluate and how.
struct AdviseOptions {
  /// The version the workloads are evaluated at; the command pins PinnedVersion(version).
  Version version;
  /// Defaults for namespaces without labels, and exemptions.
  AdmissionConfig config = DefaultAdmissionConfig();
  /// The user creating bare Pods, for the usernames exemption (unknown when unset).
  std::optional<std::string> requesting_user;
};

/// The version written into the labels the advice recommends: `version` itself, or
/// v1.<kNewestKnownMinor> for latest. Pinning is what the Kubernetes documentation recommends: an
/// upgrade of the cluster then cannot tighten the policy under running workloads.
Version PinnedVersion(Version version);

/// A workload (a Pod, or a workload whose pod template is evaluated) and the violations that
/// decide it.
struct WorkloadVerdict {
  const k8s::Object* object = nullptr;  ///< Never null.
  std::vector<Violation> violations;    ///< Never empty.
};

/// A workload left out of the evaluation because PodSecurity admission would exempt its pods.
struct ExemptWorkload {
  const k8s::Object* object = nullptr;  ///< Never null.
  std::string reason;                   ///< e.g. `runtimeClass "kata" is exempt`.
};

/// How the recommended enforce level compares with the namespace's current one.
enum class Change { kTighten, kKeep, kLoosen };
/// "tighten", "keep", "loosen".
std::string_view ToString(Change change);

/// The values of the pod-security.kubernetes.io labels of one mode, as written on the Namespace.
struct ModeLabels {
  std::optional<std::string_view> level;    ///< `pod-security.kubernetes.io/<mode>`.
  std::optional<std::string_view> version;  ///< `pod-security.kubernetes.io/<mode>-version`.
};

/// The advice for one namespace.
struct NamespaceAdvice {
  std::string_view name;
  /// The first Namespace object of the input with this name; null when there is none (its labels
  /// are then unknown and the configured defaults apply).
  const k8s::Object* namespace_object = nullptr;
  /// Labels as written, indexed by Mode (enforce, audit, warn).
  std::array<ModeLabels, 3> labels;
  /// The policy the API server applies today: the labels, else the configured defaults.
  Policy policy;
  /// Labels the API server would reject (they evaluate as upstream does, see PolicyForNamespace).
  std::vector<LabelError> label_errors;
  /// Set when the admission configuration exempts the whole namespace, e.g.
  /// `namespace "kube-system" is exempt`. The fields below are then empty or defaulted: no level
  /// is enforced on it, so there is nothing to advise.
  std::optional<std::string> exempt;

  /// Workloads evaluated: every Pod and workload whose pods enforce applies to (ModeApplies; not
  /// a PodTemplate) and that is not exempt.
  size_t workloads = 0;
  /// Workloads whose pods would be exempt (runtimeClass, username), in input order.
  std::vector<ExemptWorkload> exempt_workloads;
  /// The strictest level every evaluated workload satisfies at the advised version (restricted
  /// when there is none).
  Level strictest = Level::kRestricted;
  /// The level above `strictest`; nullopt when that is restricted.
  std::optional<Level> next;
  /// The workloads that fail `next`, with their violations at it, in input order.
  std::vector<WorkloadVerdict> blockers;
  /// The workloads whose pods the current enforce policy rejects, with the violations at that
  /// policy, in input order (empty when enforce is privileged).
  std::vector<WorkloadVerdict> rejected_by_enforce;
  /// The recommended policy: enforce at `strictest`, audit and warn at `next` (or restricted), all
  /// pinned to PinnedVersion(version).
  Policy recommended;
  /// The recommended enforce level against the current one.
  Change change = Change::kKeep;
  /// Set when `name` cannot be the name of a Namespace (not a lowercase RFC 1123 label): the API
  /// server would not accept it, so there is nothing to label and `command` is empty.
  std::optional<std::string> name_error;
  /// `kubectl label --overwrite namespace NAME pod-security.kubernetes.io/enforce=... ...`
  /// (LabelCommand). Empty when exempt or when the name is invalid.
  std::string command;
};

/// Advice for every namespace that has a workload (a pod view) or a Namespace object in
/// `snapshot`, sorted by name. Pure; reads the snapshot only.
std::vector<NamespaceAdvice> Advise(const k8s::Snapshot& snapshot, const AdviseOptions& options);

/// The `kubectl label` command that applies `policy` to namespace `name`: every mode's level and
/// version label, in the order enforce, audit, warn. The name is quoted for a POSIX shell
/// (ShellQuote), and preceded by `--` when it starts with `-`, so that no name can become another
/// shell command or a kubectl option.
std::string LabelCommand(std::string_view name, const Policy& policy);

/// `word` as one POSIX shell word: unchanged when it holds only characters no shell interprets
/// (letters, digits and `-._/:=@%+,`), else single-quoted.
std::string ShellQuote(std::string_view word);

}  // namespace centinela::pss
