#pragma once

// Pod Security Standards levels and versions, and the evaluation of one pod spec against them, with
// the semantics of the upstream implementation (k8s.io/pod-security-admission, package policy):
// the same checks, the same version boundaries, the same reasons and details.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/severity.h"
#include "doc/node.h"
#include "k8s/pod.h"
#include "pss/predicates.h"

namespace centinela::pss {

/// A Pod Security Standards level, from the most permissive to the strictest.
enum class Level { kPrivileged, kBaseline, kRestricted };

/// "privileged", "baseline", "restricted".
std::string_view ToString(Level level);
/// Exact, lower-case names only (as the namespace labels are read). The error lists the valid
/// values.
core::Result<Level> ParseLevel(std::string_view text);

/// The newest policy version whose semantics this engine knows (the upstream fixtures go this
/// far). Versions above it evaluate as latest, as upstream does.
inline constexpr int kNewestKnownMinor = 37;

/// A policy version: v1.<minor>, or latest (minor == kLatestMinor).
struct Version {
  int minor = kLatestMinor;

  static Version Latest() { return Version{kLatestMinor}; }
  static Version Of(int minor) { return Version{minor}; }
  bool latest() const { return minor == kLatestMinor; }
  /// The minor used to choose check implementations: `minor`, or kNewestKnownMinor for latest
  /// and for versions newer than the engine knows.
  int effective_minor() const { return minor > kNewestKnownMinor ? kNewestKnownMinor : minor; }
  /// "latest" or "v1.24".
  std::string ToString() const;
  friend bool operator==(const Version&, const Version&) = default;
};

/// How strict the parse is.
enum class VersionSyntax {
  /// The CLI: "latest" or "v1.0" .. "v1.<kNewestKnownMinor>"; anything else is an error listing
  /// the valid values.
  kKnownOnly,
  /// The namespace labels and the admission configuration, as the API server reads them: "latest"
  /// or any "v1.<minor>" without leading zeros; a minor newer than kNewestKnownMinor evaluates as
  /// latest.
  kUpstream,
};
core::Result<Version> ParseVersion(std::string_view text,
                                   VersionSyntax syntax = VersionSyntax::kKnownOnly);

/// A level at a version, written "restricted:v1.30" or "baseline:latest" (upstream's notation).
struct LevelVersion {
  Level level = Level::kPrivileged;
  Version version;
  std::string ToString() const;
  friend bool operator==(const LevelVersion&, const LevelVersion&) = default;
};

/// One check of the standard, e.g. "allowPrivilegeEscalation" (the upstream CheckID).
struct CheckDescriptor {
  std::string_view id;      ///< Upstream check id, e.g. "seccompProfile_restricted".
  std::string_view finding_id;  ///< centinela check id for scan findings, e.g. "pss-seccomp-profile-restricted".
  std::string_view control_name;  ///< The documented control, e.g. "Seccomp".
  Level level;                    ///< The level that introduces it (baseline or restricted).
  core::Control control;          ///< Where its findings are filed.
  int minimum_minor;              ///< The first version where the check applies.
};

/// Every check of the standard, in upstream order (baseline checks, then restricted).
const std::vector<CheckDescriptor>& AllChecks();
/// The checks evaluated at `policy`: those of its level and below whose minimum version is reached,
/// without the checks a stricter one overrides (e.g. seccompProfile_restricted replaces
/// seccompProfile_baseline from v1.19). Empty for privileged.
std::vector<const CheckDescriptor*> ChecksFor(const LevelVersion& policy);

/// One forbidden setting, worded as upstream words it.
struct Violation {
  const CheckDescriptor* check = nullptr;
  std::string reason;  ///< Upstream ForbiddenReason, e.g. "allowPrivilegeEscalation != false".
  std::string detail;  ///< Upstream ForbiddenDetail, e.g. `container "app" must set securityContext.allowPrivilegeEscalation=false`.
  /// The first offending field (or the closest node present when a required field is missing) and
  /// its path from the document root, e.g. "spec.template.spec.containers[0].securityContext". For
  /// findings; the node is never null.
  const doc::Node* node = nullptr;
  std::string path;

  /// "reason (detail)", or the reason alone when there is no detail: the form the API server
  /// joins into its message.
  std::string Text() const;
};

/// The verdict for one pod spec.
struct Verdict {
  std::vector<Violation> violations;  ///< In check order (AllChecks()).
  bool allowed() const { return violations.empty(); }
};

/// Evaluates `pod` against `policy`, exactly as the API server's PodSecurity admission evaluates a
/// pod (or, for warn and audit, a workload's pod template). Privileged allows everything. Pure and
/// thread-safe; allocates nothing for an allowed pod. With `only`, evaluates that check alone (when
/// it applies at `policy`), so that callers reporting per check pay for one evaluation in total.
Verdict Evaluate(const k8s::PodView& pod, const LevelVersion& policy,
                 const CheckDescriptor* only = nullptr);

/// The strictest level `pod` satisfies at `version` (privileged when it fails baseline).
Level StrictestLevel(const k8s::PodView& pod, Version version);

}  // namespace centinela::pss
