#include "doc/yaml_scalar.h"

#include <algorithm>
#include <cstdint>

namespace centinela::doc {
namespace {

bool IsBlank(std::string_view text, size_t i) {
  return i < text.size() && (text[i] == ' ' || text[i] == '\t');
}

bool IsBreak(std::string_view text, size_t i) {
  return i < text.size() && (text[i] == '\n' || text[i] == '\r');
}

// Skips the line break at text[i] (CRLF counts as one); returns the offset after it.
size_t SkipBreak(std::string_view text, size_t i) {
  if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') return i + 2;
  return i + 1;
}

// 0-based column of offset i (in bytes).
size_t Column(std::string_view text, size_t i) {
  size_t start = text.rfind('\n', i == 0 ? 0 : i - 1);
  if (i == 0 || start == std::string_view::npos) return i;
  return i - start - 1;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp <= 0x7F) {
    *out += static_cast<char>(cp);
  } else if (cp <= 0x7FF) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp <= 0xFFFF) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool Fail(TextProblem* problem, size_t offset, std::string message) {
  *problem = TextProblem{offset, std::move(message)};
  return false;
}

// The escape sequence at text[i] (a backslash not followed by a line break) appended to out; `i`
// moves past it.
bool DecodeEscape(std::string_view text, size_t& i, std::string* out, TextProblem* problem) {
  size_t start = i;
  if (i + 1 >= text.size()) return Fail(problem, start, "unexpected end of a double-quoted scalar");
  char c = text[i + 1];
  size_t digits = 0;
  switch (c) {
    case '0': *out += '\0'; break;
    case 'a': *out += '\x07'; break;
    case 'b': *out += '\x08'; break;
    case 't':
    case '\t': *out += '\t'; break;
    case 'n': *out += '\n'; break;
    case 'v': *out += '\x0B'; break;
    case 'f': *out += '\x0C'; break;
    case 'r': *out += '\r'; break;
    case 'e': *out += '\x1B'; break;
    case ' ': *out += ' '; break;
    case '"': *out += '"'; break;
    case '\'': *out += '\''; break;
    case '/': *out += '/'; break;  // YAML 1.2 (go-yaml rejects it; so does the API server then)
    case '\\': *out += '\\'; break;
    case 'N': *out += "\xC2\x85"; break;
    case '_': *out += "\xC2\xA0"; break;
    case 'L': *out += "\xE2\x80\xA8"; break;
    case 'P': *out += "\xE2\x80\xA9"; break;
    case 'x': digits = 2; break;
    case 'u': digits = 4; break;
    case 'U': digits = 8; break;
    default: return Fail(problem, start, "unknown escape sequence in a double-quoted scalar");
  }
  i += 2;
  if (digits == 0) return true;
  uint32_t value = 0;
  for (size_t k = 0; k < digits; ++k) {
    int d = i + k < text.size() ? HexDigit(text[i + k]) : -1;
    if (d < 0) return Fail(problem, start, "invalid escape sequence in a double-quoted scalar");
    value = (value << 4) | static_cast<uint32_t>(d);
  }
  if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
    return Fail(problem, start, "invalid Unicode code point in an escape sequence");
  }
  AppendUtf8(value, out);
  i += digits;
  return true;
}

// go-yaml's yaml_parser_scan_block_scalar_breaks: eats indentation and empty lines, collecting
// their line breaks, and determines the indentation when it is not known yet (0).
bool BlockBreaks(std::string_view text, size_t& i, size_t& indent, int parent_indent,
                 std::string* breaks, size_t indicator, TextProblem* problem) {
  size_t max_indent = 0;
  while (true) {
    size_t col = Column(text, i);
    while ((indent == 0 || col < indent) && i < text.size() && text[i] == ' ') {
      ++i;
      ++col;
    }
    max_indent = std::max(max_indent, col);
    if ((indent == 0 || col < indent) && i < text.size() && text[i] == '\t') {
      return Fail(problem, indicator, "a tab character where a block scalar expects indentation");
    }
    if (!IsBreak(text, i)) break;
    i = SkipBreak(text, i);
    *breaks += '\n';
  }
  if (indent == 0) {
    long long least = std::max<long long>(1, static_cast<long long>(parent_indent) + 1);
    indent = std::max<size_t>(max_indent, static_cast<size_t>(least));
  }
  return true;
}

}  // namespace

bool DecodeQuotedScalar(std::string_view text, size_t open, std::string* out,
                        TextProblem* problem) {
  out->clear();
  bool single = text[open] == '\'';
  char quote = text[open];
  size_t i = open + 1;
  std::string whitespaces;
  size_t trailing_breaks = 0;
  bool leading_break = false;
  while (true) {
    if (i >= text.size()) return Fail(problem, open, "unterminated quoted scalar");
    bool leading_blanks = false;
    // Non-blank characters.
    while (i < text.size() && !IsBlank(text, i) && !IsBreak(text, i)) {
      char c = text[i];
      if (single && c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        *out += '\'';
        i += 2;
      } else if (c == quote) {
        break;
      } else if (!single && c == '\\' && IsBreak(text, i + 1)) {
        i = SkipBreak(text, i + 1);  // an escaped line break: the lines are joined without a space
        leading_blanks = true;
        break;
      } else if (!single && c == '\\') {
        if (!DecodeEscape(text, i, out, problem)) return false;
      } else {
        *out += c;
        ++i;
      }
    }
    if (i >= text.size()) return Fail(problem, open, "unterminated quoted scalar");
    if (text[i] == quote) break;
    // Blanks and line breaks.
    while (IsBlank(text, i) || IsBreak(text, i)) {
      if (IsBlank(text, i)) {
        if (!leading_blanks) whitespaces += text[i];
        ++i;
      } else {
        if (!leading_blanks) {
          whitespaces.clear();
          leading_break = true;
          leading_blanks = true;
        } else {
          ++trailing_breaks;
        }
        i = SkipBreak(text, i);
      }
    }
    // Join the white space, or fold the line breaks.
    if (leading_blanks) {
      if (leading_break) {
        if (trailing_breaks == 0) {
          *out += ' ';
        } else {
          out->append(trailing_breaks, '\n');
        }
      } else {
        out->append(trailing_breaks, '\n');
      }
      trailing_breaks = 0;
      leading_break = false;
    } else {
      *out += whitespaces;
      whitespaces.clear();
    }
  }
  return true;
}

bool DecodeBlockScalar(std::string_view text, size_t indicator, int parent_indent, std::string* out,
                       TextProblem* problem) {
  out->clear();
  bool literal = text[indicator] == '|';
  size_t i = indicator + 1;
  int chomping = 0;  // -1 strip, 0 clip, +1 keep
  size_t increment = 0;
  auto chomp = [&] {
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      chomping = text[i] == '+' ? 1 : -1;
      ++i;
    }
  };
  auto digit = [&]() -> bool {
    if (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      if (text[i] == '0')
        return Fail(problem, indicator, "a block scalar indentation indicator must not be 0");
      increment = static_cast<size_t>(text[i] - '0');
      ++i;
    }
    return true;
  };
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    chomp();
    if (!digit()) return false;
  } else {
    if (!digit()) return false;
    chomp();
  }
  while (IsBlank(text, i)) ++i;
  if (i < text.size() && text[i] == '#') {
    while (i < text.size() && !IsBreak(text, i)) ++i;
  }
  if (i < text.size() && !IsBreak(text, i)) {
    return Fail(problem, indicator,
                "a block scalar header must end with a comment or a line break");
  }
  if (i < text.size()) i = SkipBreak(text, i);

  size_t indent = 0;
  if (increment > 0) {
    indent = parent_indent >= 0 ? static_cast<size_t>(parent_indent) + increment : increment;
  }
  std::string trailing_breaks;
  bool leading_break = false;
  if (!BlockBreaks(text, i, indent, parent_indent, &trailing_breaks, indicator, problem))
    return false;
  bool leading_blank = false;
  while (i < text.size() && Column(text, i) == indent) {
    bool trailing_blank = IsBlank(text, i);
    if (!literal && !leading_blank && !trailing_blank && leading_break) {
      if (trailing_breaks.empty())
        *out += ' ';  // folding: one line break between two lines becomes a space
    } else if (leading_break) {
      *out += '\n';
    }
    leading_break = false;
    *out += trailing_breaks;
    trailing_breaks.clear();
    leading_blank = IsBlank(text, i);
    size_t start = i;
    while (i < text.size() && !IsBreak(text, i)) ++i;
    out->append(text.substr(start, i - start));
    if (i >= text.size()) break;  // the end of the text ends the last line without a line break
    i = SkipBreak(text, i);
    leading_break = true;
    if (!BlockBreaks(text, i, indent, parent_indent, &trailing_breaks, indicator, problem))
      return false;
  }
  if (chomping != -1 && leading_break) *out += '\n';
  if (chomping == 1) *out += trailing_breaks;
  return true;
}

}  // namespace centinela::doc
