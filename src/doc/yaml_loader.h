#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/limits.h"
#include "core/source.h"
#include "doc/loader.h"

namespace centinela::doc {

/// A slice of a YAML stream holding at most one document (plus the directives, comments and markers
/// around it). `begin` is always the start of a line.
struct YamlChunk {
  size_t begin = 0;
  size_t end = 0;
  uint32_t line = 1;  ///< 1-based line of `begin`.
};

/// Splits a YAML stream at document boundaries: lines starting with `---` or `...` at column 0
/// (followed by a blank or the end of the line), which YAML forbids inside any scalar. Directives
/// (`%YAML`, `%TAG`) and comments stay with the document that follows them. Slices holding only
/// blank lines and comments are dropped.
std::vector<YamlChunk> SplitYamlStream(std::string_view text);
/// SplitYamlStream for the part [begin, end) of `text`, which starts at 1-based line `line`
/// (`begin` must be the start of a line). Offsets in the result are offsets into `text`.
std::vector<YamlChunk> SplitYamlStream(std::string_view text, size_t begin, size_t end,
                                       uint32_t line);

/// Parses a YAML stream with libfyaml's event API into trees in arenas appended to `out`. A
/// document that fails (syntax error, invalid UTF-8, duplicate key, too deep, alias expansion over
/// the limit, ...) is reported and skipped; the others are kept. Large inputs are parsed on several
/// threads; the output is the same as a sequential parse.
void LoadYaml(const core::SourceFile& source, const core::Limits& limits, LoadOutput& out);

/// LoadYaml, choosing whether plain block documents may take the fast path (ParseSimpleYaml) before
/// libfyaml, and how many threads to use at most (0: as many as the input size and the machine
/// suggest). Every choice gives the same output; tests and fuzzers compare them.
void LoadYamlWith(const core::SourceFile& source, const core::Limits& limits, LoadOutput& out,
                  bool fast_path, unsigned threads = 0);

/// Offsets where a YAML stream may be cut into about `parts` parts of similar size (the first is 0)
/// such that SplitYamlStream on each part gives, put together, exactly SplitYamlStream of the
/// whole: starts of `---` lines whose previous line is content or a `...` marker, so that the chunk
/// before them ends there whatever precedes. Fewer cuts when no such line is found.
std::vector<size_t> CutYamlStream(std::string_view text, size_t parts);

}  // namespace centinela::doc
