#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace centinela::core {

/// ASCII case-insensitive equality.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
/// ASCII lower-case copy.
std::string ToLower(std::string_view s);
/// Splits on `sep`, trimming ASCII spaces around each part; empty parts are dropped.
std::vector<std::string_view> SplitTrim(std::string_view s, char sep);
/// Removes leading and trailing ASCII white space.
std::string_view Trim(std::string_view s);
/// Shell-style glob: `*` any run, `?` one character, everything else literal.
bool GlobMatch(std::string_view pattern, std::string_view text);
/// Levenshtein distance, for "did you mean" suggestions.
size_t EditDistance(std::string_view a, std::string_view b);
/// The candidates closest to `word` (distance <= max(2, |word|/3)), best first, at most `limit`.
std::vector<std::string> Suggest(std::string_view word, const std::vector<std::string>& candidates,
                                 size_t limit = 3);

}  // namespace centinela::core
