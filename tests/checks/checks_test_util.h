#pragma once

// Helpers shared by the unit tests of the check families.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checks/registry.h"
#include "checks/runner.h"
#include "core/diagnostic.h"
#include "core/finding.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"

namespace centinela::checks {

/// Runs the built-in check `id` alone over the YAML text `yaml` (which must load without errors);
/// the findings own their strings.
inline std::vector<core::Finding> RunCheck(const std::string& id, const std::string& yaml) {
  doc::Corpus corpus;
  core::DiagnosticSink sink;
  corpus.AddText("test.yaml", yaml, sink);
  EXPECT_EQ(sink.error_count(), 0U);
  k8s::Snapshot snapshot = k8s::Snapshot::Build(corpus.documents(), sink);
  ScanOptions options;
  options.only = {id};
  return RunChecks(snapshot, BuiltinRegistry(), options);
}

}  // namespace centinela::checks
