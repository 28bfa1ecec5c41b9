#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "doc/utf8.h"

namespace centinela::doc {

// Decoders for the YAML scalar styles whose value is not the text as written: quoted and block
// scalars.
//
// The values follow go-yaml (the YAML reader of Kubernetes, a port of libyaml): escapes, line
// folding, indentation and chomping are done the way it does them, so that centinela sees the
// strings Kubernetes sees. libfyaml finds the scalars; these functions compute their values from
// the source, because libfyaml 0.7.12 gets some of them wrong (consecutive `''` in single-quoted
// scalars, escaped white space before a line break in double-quoted ones, more-indented lines in
// folded ones) and leaks memory on others. Line breaks are LF, CRLF and CR; NEL, LS and PS are
// ordinary characters, as in YAML 1.2 (go-yaml, a YAML 1.1 reader, breaks lines on them).

/// The value of the single- or double-quoted scalar whose opening quote is at text[open]. `text`
/// ends where the scalar must end at the latest (the end of its document). False with `problem` set
/// on an unknown escape, an invalid escaped code point or a missing closing quote.
bool DecodeQuotedScalar(std::string_view text, size_t open, std::string* out, TextProblem* problem);

/// The value of the literal (`|`) or folded (`>`) block scalar whose indicator is at
/// text[indicator]. `parent_indent` is the 0-based column of the block collection holding the
/// scalar (-1 at the top level); it sets the indentation when the header gives an indentation
/// indicator and bounds the detected one otherwise. `text` ends where the scalar must end at the
/// latest. False with `problem` set on a malformed header or a tab used as indentation.
bool DecodeBlockScalar(std::string_view text, size_t indicator, int parent_indent, std::string* out,
                       TextProblem* problem);

}  // namespace centinela::doc
