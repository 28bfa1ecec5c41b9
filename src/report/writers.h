#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <ostream>

#include "checks/registry.h"
#include "report/json_writer.h"
#include "report/report.h"

/// The writer of each format, called by report::Write. Internal to report/.
namespace centinela::report {

/// Array indexes of a severity and a control (as in Summary), clamped so that a value outside the
/// enumerators can never index out of bounds.
inline size_t SeverityIndex(core::Severity s) {
  return std::min<size_t>(static_cast<size_t>(s), 4);
}
inline size_t ControlIndex(core::Control c) { return std::min<size_t>(static_cast<size_t>(c), 3); }

/// Number of error-level diagnostics.
inline size_t ErrorCount(const ScanReport& report) {
  return static_cast<size_t>(
      std::count_if(report.diagnostics.begin(), report.diagnostics.end(),
                    [](const core::Diagnostic& d) { return d.level == core::DiagLevel::kError; }));
}

/// Writes `count` elements into the array that `w` has open `depth` containers deep, element `i`
/// rendered by `render(i, writer)`. Large arrays are rendered on every core, in batches of which
/// only a few are held in memory at a time, and appended in order: the output is byte for byte that
/// of a plain loop. `render` must be safe to call concurrently for different elements.
void WriteArrayElements(JsonWriter& w, size_t depth, size_t count,
                        const std::function<void(size_t, JsonWriter&)>& render);

void WriteTable(const ScanReport& report, const WriteOptions& options, std::ostream& out);
void WriteJson(const ScanReport& report, const WriteOptions& options, std::ostream& out);
void WriteSarif(const ScanReport& report, const checks::Registry& registry,
                const WriteOptions& options, std::ostream& out);
void WriteJunit(const ScanReport& report, const WriteOptions& options, std::ostream& out);

}  // namespace centinela::report
