#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "checks/registry.h"
#include "core/diagnostic.h"
#include "core/finding.h"
#include "core/severity.h"

namespace centinela::report {

enum class Format { kTable, kJson, kSarif, kJunit };

/// "table", "json", "sarif", "junit" (case-insensitive); nullopt when unknown.
std::optional<Format> ParseFormat(std::string_view name);
/// The lower-case name ParseFormat accepts.
std::string_view ToString(Format format);

/// Everything a scan produced, as handed to a writer.
struct ScanReport {
  std::vector<core::Finding>
      findings;  ///< All findings, suppressed ones included, in FindingLess order.
  std::vector<core::Diagnostic> diagnostics;  ///< Input problems, sorted.
  std::vector<std::string> inputs;            ///< Paths as given on the command line.
  size_t files = 0;                           ///< Inputs read.
  size_t documents = 0;                       ///< Documents parsed.
  size_t objects = 0;                         ///< Kubernetes objects scanned.
  core::Severity fail_on = core::Severity::kHigh;
  bool never_fail =
      false;  ///< `--fail-on none`: no finding fails the run (fail_on is then ignored).
  std::string tool_version;
};

/// Counts of unsuppressed findings.
struct Summary {
  /// [control][severity] using the enums' integer values.
  std::array<std::array<size_t, 5>, 4> by_control_severity{};
  std::array<size_t, 5> by_severity{};
  std::array<size_t, 4> by_control{};
  size_t total = 0;       ///< Unsuppressed findings.
  size_t suppressed = 0;  ///< Suppressed findings.
  size_t failing = 0;     ///< Unsuppressed findings at or above fail_on.
};
/// Counts `report.findings`: suppressed ones only in `suppressed`, the others everywhere else.
Summary Summarize(const ScanReport& report);

struct WriteOptions {
  bool color = false;            ///< ANSI colour (table only; the CLI sets it only on a terminal).
  bool show_suppressed = false;  ///< Include suppressed findings in the output.
  /// Table only: print `report.diagnostics` above the findings. A front end that has already
  /// printed them (to stderr) turns this off but still passes them, so that the summary counts
  /// input errors and never reports a PASS for input that could not be read.
  bool print_diagnostics = true;
  /// Absolute URI of the project, ending in "/", under which "docs/checks/<id>.md" resolves (SARIF
  /// informationUri and rule helpUri, which SARIF requires to be absolute). Empty: both are omitted
  /// and the rule help names the relative path instead.
  std::string docs_uri;
};

/// Writes the report in `format`. The registry supplies rule metadata (SARIF rules, help text).
/// JSON: schema "centinela.dev/v1" (docs/output.md). SARIF 2.1.0. JUnit XML: one testsuite per
/// control, one testcase per finding. Table: grouped by control then severity, with file:line,
/// object and message, and a summary with counts per control and severity.
void Write(Format format, const ScanReport& report, const checks::Registry& registry,
           const WriteOptions& options, std::ostream& out);

}  // namespace centinela::report
