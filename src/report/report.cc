#include "report/report.h"

#include "core/strings.h"
#include "report/writers.h"

namespace centinela::report {

namespace {

constexpr Format kAllFormats[] = {Format::kTable, Format::kJson, Format::kSarif, Format::kJunit};

}  // namespace

std::optional<Format> ParseFormat(std::string_view name) {
  for (Format f : kAllFormats) {
    if (core::EqualsIgnoreCase(name, ToString(f))) return f;
  }
  return std::nullopt;
}

std::string_view ToString(Format format) {
  switch (format) {
    case Format::kTable: return "table";
    case Format::kJson: return "json";
    case Format::kSarif: return "sarif";
    case Format::kJunit: return "junit";
  }
  return "table";
}

Summary Summarize(const ScanReport& report) {
  Summary s;
  for (const core::Finding& f : report.findings) {
    if (f.suppressed) {
      ++s.suppressed;
      continue;
    }
    const size_t sev = SeverityIndex(f.severity);
    const size_t control = ControlIndex(f.control);
    ++s.by_control_severity[control][sev];
    ++s.by_severity[sev];
    ++s.by_control[control];
    ++s.total;
    if (!report.never_fail && f.severity >= report.fail_on) ++s.failing;
  }
  return s;
}

void Write(Format format, const ScanReport& report, const checks::Registry& registry,
           const WriteOptions& options, std::ostream& out) {
  switch (format) {
    case Format::kTable: WriteTable(report, options, out); return;
    case Format::kJson: WriteJson(report, options, out); return;
    case Format::kSarif: WriteSarif(report, registry, options, out); return;
    case Format::kJunit: WriteJunit(report, options, out); return;
  }
  WriteTable(report, options, out);
}

}  // namespace centinela::report
