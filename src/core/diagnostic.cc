#include "core/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace centinela::core {

std::string_view ToString(DiagLevel level) {
  switch (level) {
    case DiagLevel::kNote: return "note";
    case DiagLevel::kWarning: return "warning";
    case DiagLevel::kError: return "error";
  }
  return "error";
}

std::string FormatDiagnostic(const Diagnostic& d, bool with_source, bool color) {
  std::string out;
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  const char* level_color = "";
  if (color) {
    level_color = d.level == DiagLevel::kError     ? "\x1b[1;31m"
                  : d.level == DiagLevel::kWarning ? "\x1b[1;35m"
                                                   : "\x1b[1;36m";
  }
  out += bold;
  out += d.location.file.empty() ? std::string("<input>") : d.location.file;
  if (d.location.line > 0) {
    out += ':' + std::to_string(d.location.line);
    if (d.location.column > 0) out += ':' + std::to_string(d.location.column);
  }
  out += ':';
  out += reset;
  out += ' ';
  out += level_color;
  out += ToString(d.level);
  out += ':';
  out += reset;
  out += ' ';
  out += d.message;
  if (with_source && d.location.line > 0 && !d.source_line.empty()) {
    out += '\n';
    out += d.source_line;
    out += '\n';
    if (d.location.column > 0) {
      // Keep tabs so the caret lines up under the offending byte.
      for (uint32_t i = 1; i < d.location.column && i - 1 < d.source_line.size(); ++i) {
        out += d.source_line[i - 1] == '\t' ? '\t' : ' ';
      }
      out += '^';
    }
  }
  return out;
}

void DiagnosticSink::Report(Diagnostic d) {
  std::lock_guard<std::mutex> lock(mu_);
  items_.push_back(std::move(d));
}

void DiagnosticSink::Report(DiagLevel level, const SourceFile* source, std::string_view file,
                            uint32_t line, uint32_t column, std::string message) {
  Diagnostic d;
  d.level = level;
  d.location = SourceLocation{std::string(file), line, column};
  d.message = std::move(message);
  if (source != nullptr && line > 0) {
    std::string_view text = source->Line(line);
    if (text.size() > 200) text = text.substr(0, 200);
    d.source_line = std::string(text);
  }
  Report(std::move(d));
}

std::vector<Diagnostic> DiagnosticSink::Sorted() const {
  std::vector<Diagnostic> copy;
  {
    std::lock_guard<std::mutex> lock(mu_);
    copy = items_;
  }
  std::stable_sort(copy.begin(), copy.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.file, a.location.line, a.location.column) <
           std::tie(b.location.file, b.location.line, b.location.column);
  });
  return copy;
}

size_t DiagnosticSink::error_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.level == DiagLevel::kError;
  }));
}

size_t DiagnosticSink::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return items_.size();
}

}  // namespace centinela::core
