#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace centinela::core {

enum class DiagLevel { kNote = 0, kWarning, kError };

std::string_view ToString(DiagLevel level);

/// A message about the input (not a security finding): a parse error, a skipped document, a limit
/// hit.
struct Diagnostic {
  DiagLevel level = DiagLevel::kError;
  SourceLocation location;
  std::string message;
  /// The offending source line, when known (shown with a caret under `location.column`).
  std::string source_line;
};

/// Formats as `file:line:col: error: message`, then, when `with_source` and the line is known, the
/// source line and a caret. Omits `:line:col` parts that are unknown (0).
std::string FormatDiagnostic(const Diagnostic& d, bool with_source, bool color = false);

/// Collects diagnostics. Thread-safe: loaders on several threads may report at once.
class DiagnosticSink {
 public:
  void Report(Diagnostic d);
  /// Convenience: reports at `file` position `line:col` and copies the source line from `source` if
  /// given.
  void Report(DiagLevel level, const SourceFile* source, std::string_view file, uint32_t line,
              uint32_t column, std::string message);

  /// All diagnostics so far, ordered by file, line and column (stable for equal positions).
  std::vector<Diagnostic> Sorted() const;
  size_t error_count() const;
  size_t size() const;

 private:
  mutable std::mutex mu_;
  std::vector<Diagnostic> items_;
};

}  // namespace centinela::core
