#pragma once

#include <cstddef>
#include <cstdint>

namespace centinela::core {

/// Explicit limits on untrusted input (DESIGN.md, error policy). Exceeding one is a diagnostic,
/// never a crash.
struct Limits {
  /// Largest input file or stdin stream read, in bytes. Larger inputs are reported and skipped.
  size_t max_file_bytes = size_t{512} << 20;
  /// Most documents read from one stream; the rest are reported and skipped.
  size_t max_documents_per_stream = 1'000'000;
  /// Deepest nesting of mappings and sequences in a document.
  uint32_t max_depth = 256;
  /// Most nodes a document may expand to through YAML aliases and merge keys (the "billion laughs"
  /// guard).
  size_t max_alias_expansion = 1'000'000;
  /// Longest scalar, in bytes.
  size_t max_scalar_bytes = size_t{64} << 20;
};

}  // namespace centinela::core
