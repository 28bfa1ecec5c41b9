#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace centinela::doc {

/// The first problem found in a text: its byte offset and a message.
struct TextProblem {
  size_t offset = 0;
  std::string message;
};

/// What CheckText saw besides problems: characters that make YAML layout harder than spaces and LF.
struct TextStats {
  bool tab_or_cr = false;  ///< a TAB or CR
  bool unusual_breaks =
      false;  ///< U+FEFF (byte order mark), U+0085 (NEL), U+2028 or U+2029 (LS, PS)
};

/// Checks that `text` is well-formed UTF-8 (no overlong forms, surrogates or code points above
/// U+10FFFF). When `yaml_chars` is true it also requires every character to be one YAML allows in a
/// stream (as go-yaml's reader does): TAB, LF, CR, U+0020..U+007E, U+0085, U+00A0..U+D7FF,
/// U+E000..U+FFFD, U+10000..U+10FFFF. When `stats` is not null it is filled for the part of the
/// text before the first problem.
std::optional<TextProblem> CheckText(std::string_view text, bool yaml_chars,
                                     TextStats* stats = nullptr);

}  // namespace centinela::doc
