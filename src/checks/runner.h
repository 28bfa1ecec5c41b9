#pragma once

#include <string>
#include <vector>

#include "checks/registry.h"
#include "core/finding.h"
#include "core/severity.h"
#include "k8s/snapshot.h"

namespace centinela::checks {

struct ScanOptions {
  std::vector<std::string>
      only;  ///< Check ids to run; empty means all. Ids must be known (see Registry).
  std::vector<std::string> skip;                        ///< Check ids not to run.
  core::Severity min_severity = core::Severity::kInfo;  ///< Findings below are dropped.
  unsigned threads =
      0;  ///< 0: one per core (only used when the snapshot is large enough to pay off).
};

/// Runs the selected checks over every object (in parallel on large snapshots) and every
/// snapshot-level check, applies annotation suppressions (`centinela.dev/ignore`), and returns the
/// findings ordered by core::FindingLess. The result is the same whatever the thread count.
std::vector<core::Finding> RunChecks(const k8s::Snapshot& snapshot, const Registry& registry,
                                     const ScanOptions& options);

}  // namespace centinela::checks
