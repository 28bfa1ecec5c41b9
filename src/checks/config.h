#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/finding.h"
#include "core/result.h"
#include "core/severity.h"
#include "doc/corpus.h"

namespace centinela::checks {

/// One exclusion of `.centinela.yaml`. Each list is a set of globs; an empty list matches anything;
/// a finding is excluded when every non-empty list matches it.
struct Exclusion {
  std::vector<std::string> checks;
  std::vector<std::string> namespaces;
  std::vector<std::string> kinds;
  std::vector<std::string> names;
  std::string reason;
  std::string origin;  ///< "file:line" of the rule, shown with suppressed findings.
};

/// The project configuration file `.centinela.yaml`:
///
///     exclude:
///       - checks: [container-run-as-root]   # check id globs
///         namespaces: [kube-system]
///         kinds: [DaemonSet]
///         names: ["aws-node*"]
///         reason: "the AWS VPC CNI needs root"
///     checks: [...]          # optional: run only these
///     skip-checks: [...]     # optional
///     fail-on: high          # optional default for --fail-on
///     min-severity: low      # optional default for --min-severity
struct Config {
  std::vector<Exclusion> exclusions;
  std::vector<std::string> checks;
  std::vector<std::string> skip_checks;
  std::optional<core::Severity> fail_on;
  std::optional<core::Severity> min_severity;
};

/// Parses a configuration document. Unknown keys and wrong types are errors naming file:line:col.
core::Result<Config> ParseConfig(const doc::Document& document);

/// Marks findings matched by an exclusion as suppressed (with the rule's reason and origin).
void ApplyExclusions(const Config& config, std::vector<core::Finding>& findings);

}  // namespace centinela::checks
