#include <algorithm>
#include <array>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"
#include "report/text.h"
#include "report/writers.h"

namespace centinela::report {

namespace {

constexpr size_t kWidth = 100;

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kRedBold = "\x1b[1;31m";
constexpr std::string_view kGreenBold = "\x1b[1;32m";

std::string_view SeverityColor(core::Severity s) {
  switch (s) {
    case core::Severity::kCritical: return "\x1b[1;31m";
    case core::Severity::kHigh: return "\x1b[31m";
    case core::Severity::kMedium: return "\x1b[33m";
    case core::Severity::kLow: return "\x1b[36m";
    case core::Severity::kInfo: return "\x1b[2m";
  }
  return "";
}

/// "1 finding", "3 findings".
std::string Count(size_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

// Appends the words of `text` (separated by runs of spaces) to `words`.
void SplitWords(std::string_view text, std::vector<std::string_view>& words) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
}

// `text` made safe for a terminal (SanitizeForTerminal): `text` itself when it already is, as it
// nearly always is, else the sanitized text, kept in `storage`.
std::string_view Sanitized(std::string_view text, std::string& storage) {
  if (IsPrintableAscii(text)) return text;
  storage = SanitizeForTerminal(text);
  return storage;
}

class TableWriter {
 public:
  TableWriter(const ScanReport& report, const WriteOptions& options, std::ostream& out)
      : report_(report), options_(options), out_(out), summary_(Summarize(report)) {}

  void Write() {
    WriteDiagnostics();
    if (summary_.total == 0) {
      out_ << (ErrorCount(report_) > 0 ? "No findings in the input that could be read.\n"
                                       : "No findings.\n");
    } else {
      WriteFindings();
    }
    if (options_.show_suppressed && summary_.suppressed > 0) WriteSuppressed();
    WriteSummary();
  }

 private:
  std::string Paint(std::string_view style, std::string_view text) const {
    if (!options_.color) return std::string(text);
    std::string out;
    out.reserve(style.size() + text.size() + kReset.size());
    out += style;
    out += text;
    out += kReset;
    return out;
  }

  /// Writes `tokens` joined by `separator`, wrapped to kWidth columns: the first line starts with
  /// `first_prefix`, the others with `rest_prefix`. A token longer than a line stays whole.
  void WriteWrapped(std::string_view first_prefix, std::string_view rest_prefix,
                    std::span<const std::string_view> tokens, std::string_view separator) {
    std::string& out = pending_;
    out += first_prefix;
    size_t width = DisplayWidth(first_prefix);
    bool empty = true;
    for (std::string_view token : tokens) {
      const size_t token_width = DisplayWidth(token);
      if (!empty && width + separator.size() + token_width > kWidth) {
        out += '\n';
        out += rest_prefix;
        width = DisplayWidth(rest_prefix);
        empty = true;
      }
      if (!empty) {
        out += separator;
        width += separator.size();
      }
      out += token;
      width += token_width;
      empty = false;
    }
    out += '\n';
  }

  void WriteText(std::string_view first_prefix, std::string_view rest_prefix,
                 std::string_view text) {
    words_.clear();
    SplitWords(Sanitized(text, clean_), words_);
    WriteWrapped(first_prefix, rest_prefix, words_, " ");
  }

  /// The remediation of a finding: the same few texts over and over, so each is wrapped once.
  void WriteRemediation(std::string_view text) {
    auto [it, added] = remediations_.try_emplace(text);
    if (added) {
      std::string saved;
      saved.swap(pending_);
      WriteText("      fix: ", "           ", text);
      it->second.swap(pending_);
      pending_.swap(saved);
    }
    pending_ += it->second;
  }

  /// Writes what WriteWrapped has gathered once there is enough of it (it writes in large blocks
  /// rather than line by line).
  void MaybeFlush() {
    if (pending_.size() >= kFlushBytes) Flush();
  }

  /// Writes what WriteWrapped has gathered.
  void Flush() {
    out_.write(pending_.data(), static_cast<std::streamsize>(pending_.size()));
    pending_.clear();
  }

  /// The line naming the finding: `file:line  Kind namespace/name  check-id[  suffix]`.
  void WriteFindingHeader(const core::Finding& f, size_t indent, std::string_view suffix) {
    // Findings come mostly in runs about one object of one file: the sanitized file name and
    // object label are kept from one finding to the next. Texts shared with the last finding (the
    // same buffers, which the copies kept here hold on to) are the same.
    const auto same = [](const core::SharedString& a, const core::SharedString& b) {
      return a.data() == b.data() && a.size() == b.size();
    };
    if (!same(f.file, last_file_) || f.file.empty()) {
      last_file_ = f.file;
      file_label_ = SanitizeForTerminal(LocationLabel(f.file, 0));
    }
    if (!same(f.object.kind, last_object_.kind) ||
        !same(f.object.namespace_, last_object_.namespace_) ||
        !same(f.object.name, last_object_.name) || f.object.name.empty()) {
      last_object_ = f.object;
      object_label_ = SanitizeForTerminal(ObjectLabel(f.object));
    }
    location_ = file_label_;
    if (f.line > 0) {
      location_ += ':';
      location_ += std::to_string(f.line);
    }
    std::array<std::string_view, 4> tokens = {location_, object_label_, Sanitized(f.check, clean_),
                                              suffix};
    const std::string_view spaces = "            ";
    WriteWrapped(spaces.substr(0, indent), spaces.substr(0, indent + 4),
                 std::span(tokens.data(), suffix.empty() ? 3 : 4), "  ");
  }

  void WriteDiagnostics() {
    if (report_.diagnostics.empty() || !options_.print_diagnostics) return;
    for (const core::Diagnostic& d : report_.diagnostics) {
      core::Diagnostic clean = d;
      clean.location.file = SanitizeForTerminal(d.location.file);
      clean.message = SanitizeForTerminal(d.message);
      clean.source_line = SanitizeForTerminal(d.source_line, /*keep_tabs=*/true);
      out_ << core::FormatDiagnostic(clean, /*with_source=*/true, options_.color) << '\n';
    }
    out_ << '\n';
  }

  void WriteFindings() {
    // Buckets keep the report's order (core::FindingLess) within each control and severity.
    std::array<std::array<std::vector<const core::Finding*>, 5>, 4> buckets;
    for (const core::Finding& f : report_.findings) {
      if (!f.suppressed) buckets[ControlIndex(f.control)][SeverityIndex(f.severity)].push_back(&f);
    }
    for (core::Control control : core::kAllControls) {
      const size_t c = ControlIndex(control);
      if (summary_.by_control[c] == 0) continue;
      out_ << Paint(kBold, core::DisplayName(control)) << " (" << summary_.by_control[c] << ")\n";
      for (core::Severity severity : core::kAllSeverities) {
        const auto& bucket = buckets[c][SeverityIndex(severity)];
        if (bucket.empty()) continue;
        out_ << "  " << Paint(SeverityColor(severity), core::DisplayName(severity)) << " ("
             << bucket.size() << ")\n";
        for (const core::Finding* f : bucket) {
          WriteFindingHeader(*f, 4, {});
          WriteText("      ", "      ", f->message);
          if (!f->remediation.empty()) WriteRemediation(f->remediation);
          MaybeFlush();
        }
        Flush();
      }
      out_ << '\n';
    }
  }

  void WriteSuppressed() {
    out_ << Paint(kBold, "Suppressed") << " (" << summary_.suppressed << ")\n";
    for (const core::Finding& f : report_.findings) {
      if (!f.suppressed) continue;
      const std::string suffix = "(" + std::string(core::ToString(f.severity)) + ")";
      WriteFindingHeader(f, 2, suffix);
      WriteText("    ", "    ", f.message);
      WriteText("    suppressed: ", "                ",
                f.suppression.empty() ? std::string_view("yes") : f.suppression.view());
      MaybeFlush();
    }
    Flush();
    out_ << '\n';
  }

  void WriteGrid() {
    constexpr size_t kLabelWidth = 12;  // "Orchestrator"
    // Columns: the five severities (critical first), then the total.
    std::array<std::string, 6> headers;
    std::array<std::array<size_t, 6>, 5> rows{};  // four controls, then the totals
    for (size_t col = 0; col < 5; ++col) {
      const core::Severity severity = core::kAllSeverities[col];
      headers[col] = core::DisplayName(severity);
      for (core::Control control : core::kAllControls) {
        rows[ControlIndex(control)][col] =
            summary_.by_control_severity[ControlIndex(control)][SeverityIndex(severity)];
      }
      rows[4][col] = summary_.by_severity[SeverityIndex(severity)];
    }
    headers[5] = "Total";
    for (core::Control control : core::kAllControls)
      rows[ControlIndex(control)][5] = summary_.by_control[ControlIndex(control)];
    rows[4][5] = summary_.total;

    std::array<size_t, 6> widths{};
    for (size_t col = 0; col < 6; ++col) {
      widths[col] = headers[col].size();
      for (const auto& row : rows)
        widths[col] = std::max(widths[col], std::to_string(row[col]).size());
    }
    const auto pad_left = [](const std::string& text, size_t width) {
      return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
    };
    std::string header_line = "  " + std::string(kLabelWidth, ' ');
    for (size_t col = 0; col < 6; ++col) header_line += "  " + pad_left(headers[col], widths[col]);
    out_ << header_line << '\n';
    for (size_t r = 0; r < 5; ++r) {
      std::string label(r < 4 ? core::DisplayName(core::kAllControls[r]) : "Total");
      label.resize(kLabelWidth, ' ');
      std::string line = "  " + label;
      for (size_t col = 0; col < 6; ++col) {
        line +=
            "  " + pad_left(rows[r][col] == 0 ? "-" : std::to_string(rows[r][col]), widths[col]);
      }
      out_ << line << '\n';
    }
    out_ << '\n';
  }

  void WriteSummary() {
    if (summary_.total > 0) {
      out_ << Paint(kBold, "Summary") << '\n';
      WriteGrid();
    }
    const size_t errors = ErrorCount(report_);
    std::string line = Count(summary_.total, "finding", "findings");
    std::string by_severity;
    for (core::Severity severity : core::kAllSeverities) {
      const size_t n = summary_.by_severity[SeverityIndex(severity)];
      if (n == 0) continue;
      if (!by_severity.empty()) by_severity += ", ";
      by_severity += std::to_string(n) + " " + std::string(core::ToString(severity));
    }
    if (!by_severity.empty()) line += " (" + by_severity + ")";
    line += "; " + std::to_string(summary_.suppressed) + " suppressed";
    line += "; " + Count(report_.objects, "object", "objects") + " in " +
            Count(report_.files, "file", "files");
    if (errors > 0) line += "; " + Count(errors, "input error", "input errors");
    out_ << line << '\n';

    const std::string threshold =
        "--fail-on " + std::string(report_.never_fail ? "none" : core::ToString(report_.fail_on));
    if (summary_.failing > 0) {
      out_ << Paint(kRedBold, "FAIL") << ": " << Count(summary_.failing, "finding", "findings")
           << " at or above " << threshold << '\n';
    } else if (errors > 0) {
      out_ << Paint(kRedBold, "ERROR") << ": some input could not be read; no findings at or above "
           << threshold << " in the rest\n";
    } else {
      out_ << Paint(kGreenBold, "PASS") << ": no findings at or above " << threshold << '\n';
    }
  }

  static constexpr size_t kFlushBytes = size_t{1} << 16;

  const ScanReport& report_;
  const WriteOptions& options_;
  std::ostream& out_;
  const Summary summary_;
  std::string pending_;  ///< Output of WriteWrapped not yet written to out_.
  // Scratch space reused from finding to finding, and the labels of the last finding's file and
  // object (see WriteFindingHeader).
  std::string clean_;
  std::vector<std::string_view> words_;
  std::string location_;
  core::SharedString last_file_;
  std::string file_label_;
  core::ObjectRef last_object_;
  std::string object_label_;
  /// Remediation text -> its wrapped lines (views of the findings' text, alive while writing).
  std::unordered_map<std::string_view, std::string> remediations_;
};

}  // namespace

void WriteTable(const ScanReport& report, const WriteOptions& options, std::ostream& out) {
  TableWriter(report, options, out).Write();
}

}  // namespace centinela::report
