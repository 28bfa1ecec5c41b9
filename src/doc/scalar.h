#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "doc/node.h"

namespace centinela::doc {

/// Resolves a plain (unquoted, untagged) YAML scalar the way Kubernetes does (sigs.k8s.io/yaml,
/// i.e. go-yaml v2's YAML 1.1 rules): booleans y|yes|true|on|n|no|false|off in three casings, null
/// ~|null|empty, integers (decimal, 0x, 0o, 0b, leading-0 octal, optional sign, `_` separators),
/// floats (including .inf and .nan); everything else is a string. Values too large for int64
/// resolve to kFloat.
NodeKind ResolvePlainScalar(std::string_view text);

/// The value of a boolean scalar (any spelling accepted by ResolvePlainScalar, plus JSON's
/// true/false).
std::optional<bool> ParseBoolScalar(std::string_view text);
/// The value of an integer scalar written in any syntax accepted by ResolvePlainScalar; nullopt
/// when the text is not such an integer or does not fit in int64.
std::optional<int64_t> ParseIntScalar(std::string_view text);
/// The value of a float or integer scalar (YAML or JSON syntax, .inf/.nan forms); nullopt when the
/// text is not a number. Out-of-range values become +-infinity (overflow) or zero (underflow).
std::optional<double> ParseFloatScalar(std::string_view text);

/// True when `text` is a JSON number (RFC 8259 grammar).
bool IsJsonNumber(std::string_view text);
/// True when a JSON number token has no fraction or exponent and fits in int64.
bool IsJsonInt(std::string_view text);

}  // namespace centinela::doc
