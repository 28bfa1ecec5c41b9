#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/limits.h"
#include "core/source.h"
#include "doc/arena.h"
#include "doc/node.h"

// Internal interface between Corpus and the YAML/JSON loaders. Not part of the doc module's public
// API.
namespace centinela::doc {

/// One document found in a stream. `root` is null when the document failed to load (it was
/// reported); such documents still take their place in the stream's numbering.
struct LoadedDoc {
  const Node* root = nullptr;
  uint32_t line = 0;
};

/// Everything a loader produced for one input: documents in stream order, the arenas holding their
/// trees, and diagnostics.
struct LoadOutput {
  std::vector<LoadedDoc> docs;
  std::vector<std::unique_ptr<Arena>> arenas;
  std::vector<core::Diagnostic> diagnostics;
};

/// A problem found while building a document, at a 1-based position of the input.
struct LoadProblem {
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message;
};

/// A diagnostic about `source` at `line:column`, with the source line attached.
core::Diagnostic MakeDiagnostic(core::DiagLevel level, const core::SourceFile& source,
                                uint32_t line, uint32_t column, std::string message);

/// Maps byte offsets to 1-based line:column (columns in bytes) in O(distance) for increasing
/// offsets, falling back to a binary search over the whole source for offsets that go backwards.
class LineCursor {
 public:
  /// `start` must be the offset of a line start in `source`, which is line `start_line`.
  LineCursor(const core::SourceFile& source, size_t start, uint32_t start_line)
      : source_(&source),
        text_(source.text()),
        pos_(start),
        line_start_(start),
        line_(start_line) {}

  core::SourceFile::LineCol Locate(size_t offset);

 private:
  const core::SourceFile* source_;
  std::string_view text_;
  size_t pos_;
  size_t line_start_;
  uint32_t line_;
};

/// Offset of the first '\n' in text[from, end), or `end`. Lines are short (~20 bytes): a word at a
/// time beats a call to memchr per line.
inline size_t FindNewline(std::string_view text, size_t from, size_t end) {
  const char* s = text.data();
  size_t i = from;
  if constexpr (std::endian::native == std::endian::little) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL;
    constexpr uint64_t kHigh = 0x8080808080808080ULL;
    for (; i + 8 <= end; i += 8) {
      uint64_t word = 0;
      std::memcpy(&word, s + i, 8);
      uint64_t x = word ^ (kOnes * '\n');
      // Flags every zero byte (and possibly bytes after one, never before): the lowest flag is
      // exact.
      uint64_t zero = (x - kOnes) & ~x & kHigh;
      if (zero != 0) return i + static_cast<size_t>(std::countr_zero(zero) / 8);
    }
  }
  for (; i < end; ++i) {
    if (s[i] == '\n') return i;
  }
  return end;
}

/// Number of threads a loader may use for an input of `bytes` bytes (1 for small inputs).
unsigned LoaderThreads(size_t bytes);

}  // namespace centinela::doc
