#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/limits.h"
#include "core/source.h"
#include "doc/loader.h"
#include "doc/utf8.h"

namespace centinela::doc {

/// True when the first byte that is not blank (space, tab, CR, LF, or a UTF-8 byte order mark) is
/// `{` or `[`.
bool LooksLikeJson(std::string_view text);

/// The result of a strict, non-recursive JSON syntax scan: the byte ranges of the top-level values
/// found, and the first error (values after it are not listed).
struct JsonScan {
  std::vector<std::pair<size_t, size_t>> values;
  std::optional<TextProblem> error;
};

/// Scans `text` as a sequence of JSON values separated by white space (RFC 8259, plus
/// concatenation). Used to locate errors precisely and to split JSON streams; the fast path is
/// simdjson.
JsonScan ScanJson(std::string_view text, uint32_t max_depth);

/// Parses JSON with simdjson On-Demand into trees in an arena appended to `out`. The text is
/// normally one value (the whole input is one document); concatenated top-level values are accepted
/// as a stream of documents. Invalid JSON is reported with its line:column and the document
/// skipped. `padded` says the source text is followed by at least simdjson::SIMDJSON_PADDING
/// readable bytes (otherwise a padded copy is made).
void LoadJson(const core::SourceFile& source, const core::Limits& limits, bool padded,
              LoadOutput& out);

}  // namespace centinela::doc
