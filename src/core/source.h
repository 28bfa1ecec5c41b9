#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace centinela::core {

/// The text of one input (a file, stdin, or a buffer) and an index of its lines.
/// Immutable after construction; safe to share between threads.
class SourceFile {
 public:
  /// `path` is how the input is named in output ("-" is shown as "<stdin>").
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }

  /// 1-based line and column (in bytes) of a byte offset into text(). Offsets past the end map to
  /// the end.
  struct LineCol {
    uint32_t line;
    uint32_t column;
  };
  LineCol Locate(size_t offset) const;

  /// The text of 1-based line `line` without its line break; empty when out of range.
  std::string_view Line(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;  // inputs are limited to well under 4 GiB (core::Limits)
};

/// A position in an input. `line`/`column` are 1-based; 0 means unknown.
struct SourceLocation {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
};

}  // namespace centinela::core
