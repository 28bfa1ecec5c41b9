#include "doc/scalar.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace centinela::doc {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool InList(std::string_view text, std::initializer_list<std::string_view> list) {
  for (std::string_view s : list) {
    if (s == text) return true;
  }
  return false;
}

bool IsTrue(std::string_view t) {
  if (t.empty() || t.size() > 4) return false;
  return InList(t, {"true", "True", "TRUE", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON"});
}
bool IsFalse(std::string_view t) {
  if (t.empty() || t.size() > 5) return false;
  return InList(t, {"false", "False", "FALSE", "n", "N", "no", "No", "NO", "off", "Off", "OFF"});
}
bool IsNull(std::string_view t) {
  return t.size() <= 4 && InList(t, {"", "~", "null", "Null", "NULL"});
}
bool IsPosInf(std::string_view t) {
  return InList(t, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"});
}
bool IsNegInf(std::string_view t) { return InList(t, {"-.inf", "-.Inf", "-.INF"}); }
bool IsNan(std::string_view t) { return InList(t, {".nan", ".NaN", ".NAN"}); }

// Small texts are the norm; a stack buffer avoids allocating for the common case.
class Stripped {
 public:
  explicit Stripped(std::string_view text) {
    if (text.find('_') == std::string_view::npos) {
      view_ = text;
      return;
    }
    owned_.reserve(text.size());
    for (char c : text) {
      if (c != '_') owned_.push_back(c);
    }
    view_ = owned_;
  }
  std::string_view view() const { return view_; }

 private:
  std::string owned_;
  std::string_view view_;
};

struct UintParse {
  bool syntax_ok = false;
  bool overflow = false;
  uint64_t value = 0;
};

// Go's strconv.ParseUint(s, 0, 64) on text without underscores.
UintParse GoParseUint(std::string_view s) {
  UintParse r;
  if (s.empty()) return r;
  unsigned base = 10;
  if (s[0] == '0') {
    char p = s.size() >= 3 ? static_cast<char>(s[1] | 0x20) : '\0';
    if (p == 'b') {
      base = 2;
      s.remove_prefix(2);
    } else if (p == 'o') {
      base = 8;
      s.remove_prefix(2);
    } else if (p == 'x') {
      base = 16;
      s.remove_prefix(2);
    } else {
      base = 8;
      s.remove_prefix(1);
    }
  }
  uint64_t n = 0;
  for (char c : s) {
    unsigned d = 0;
    if (IsDigit(c)) {
      d = static_cast<unsigned>(c - '0');
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      d = static_cast<unsigned>((c | 0x20) - 'a' + 10);
    } else {
      return r;
    }
    if (d >= base) return r;
    if (n > (std::numeric_limits<uint64_t>::max() - d) / base) {
      r.overflow = true;
    } else {
      n = n * base + d;
    }
  }
  r.syntax_ok = true;
  r.value = n;
  return r;
}

// Go's strconv.ParseInt(s, 0, 64): an optional sign, then GoParseUint.
std::optional<int64_t> GoParseInt(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool negative = false;
  if (s[0] == '+' || s[0] == '-') {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  UintParse u = GoParseUint(s);
  if (!u.syntax_ok || u.overflow) return std::nullopt;
  constexpr uint64_t kMaxPos = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  if (negative) {
    if (u.value > kMaxPos + 1) return std::nullopt;
    return u.value == kMaxPos + 1 ? std::numeric_limits<int64_t>::min()
                                  : -static_cast<int64_t>(u.value);
  }
  if (u.value > kMaxPos) return std::nullopt;
  return static_cast<int64_t>(u.value);
}

// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ (go-yaml's yamlStyleFloat).
bool MatchesYamlFloat(std::string_view s) {
  size_t i = 0, n = s.size();
  if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < n && s[i] == '.') {
    ++i;
    size_t start = i;
    while (i < n && IsDigit(s[i])) ++i;
    if (i == start) return false;
  } else {
    size_t start = i;
    while (i < n && IsDigit(s[i])) ++i;
    if (i == start) return false;
    if (i < n && s[i] == '.') {
      ++i;
      while (i < n && IsDigit(s[i])) ++i;
    }
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    size_t start = i;
    while (i < n && IsDigit(s[i])) ++i;
    if (i == start) return false;
  }
  return i == n;
}

// Parses a decimal float; nullopt on syntax error. Overflow gives +-inf, underflow 0 (Go returns an
// error on overflow, which callers that resolve scalars check separately with FloatOverflows).
std::optional<double> ParseDecimal(std::string_view s) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (s.empty() || s[0] == '+') return std::nullopt;
  double value = 0;
  auto [end, ec] =
      std::from_chars(s.data(), s.data() + s.size(), value, std::chars_format::general);
  if (end != s.data() + s.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    std::string copy(s);
    return std::strtod(copy.c_str(), nullptr);
  }
  if (ec != std::errc()) return std::nullopt;
  return value;
}

bool FloatOverflows(std::string_view s) {
  std::optional<double> v = ParseDecimal(s);
  return !v || std::isinf(*v);
}

}  // namespace

NodeKind ResolvePlainScalar(std::string_view text) {
  if (text.empty()) return NodeKind::kNull;
  char hint = text[0];
  switch (hint) {
    case 'y':
    case 'Y':
    case 'n':
    case 'N':
    case 't':
    case 'T':
    case 'f':
    case 'F':
    case 'o':
    case 'O':
    case '~':
      if (text.size() > 5) return NodeKind::kString;  // longer than any boolean or null word
      if (IsTrue(text) || IsFalse(text)) return NodeKind::kBool;
      if (IsNull(text)) return NodeKind::kNull;
      return NodeKind::kString;
    case '.': {
      if (IsPosInf(text) || IsNan(text)) return NodeKind::kFloat;
      // Go's ParseFloat on the original text: ".5", ".5e3".
      if (text.find('_') == std::string_view::npos && MatchesYamlFloat(text) &&
          !FloatOverflows(text)) {
        return NodeKind::kFloat;
      }
      return NodeKind::kString;
    }
    case '+':
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9': {
      if (IsPosInf(text) || IsNegInf(text)) return NodeKind::kFloat;
      Stripped plain(text);
      if (GoParseInt(plain.view())) return NodeKind::kInt;
      UintParse u = GoParseUint(plain.view());
      if (u.syntax_ok && !u.overflow) return NodeKind::kFloat;  // a uint64 beyond int64
      if (MatchesYamlFloat(plain.view()) && !FloatOverflows(plain.view())) return NodeKind::kFloat;
      return NodeKind::kString;
    }
    default: return NodeKind::kString;
  }
}

std::optional<bool> ParseBoolScalar(std::string_view text) {
  if (IsTrue(text)) return true;
  if (IsFalse(text)) return false;
  return std::nullopt;
}

std::optional<int64_t> ParseIntScalar(std::string_view text) {
  Stripped plain(text);
  return GoParseInt(plain.view());
}

std::optional<double> ParseFloatScalar(std::string_view text) {
  if (IsPosInf(text)) return std::numeric_limits<double>::infinity();
  if (IsNegInf(text)) return -std::numeric_limits<double>::infinity();
  if (IsNan(text)) return std::numeric_limits<double>::quiet_NaN();
  Stripped plain(text);
  std::string_view s = plain.view();
  if (std::optional<int64_t> i = GoParseInt(s)) return static_cast<double>(*i);
  UintParse u = GoParseUint(s);
  if (u.syntax_ok && !u.overflow) return static_cast<double>(u.value);
  if (!MatchesYamlFloat(s)) return std::nullopt;
  return ParseDecimal(s);
}

bool IsJsonNumber(std::string_view s) {
  size_t i = 0, n = s.size();
  if (i < n && s[i] == '-') ++i;
  if (i >= n) return false;
  if (s[i] == '0') {
    ++i;
  } else if (s[i] >= '1' && s[i] <= '9') {
    while (i < n && IsDigit(s[i])) ++i;
  } else {
    return false;
  }
  if (i < n && s[i] == '.') {
    ++i;
    size_t start = i;
    while (i < n && IsDigit(s[i])) ++i;
    if (i == start) return false;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    size_t start = i;
    while (i < n && IsDigit(s[i])) ++i;
    if (i == start) return false;
  }
  return i == n;
}

bool IsJsonInt(std::string_view s) {
  for (char c : s) {
    if (c == '.' || c == 'e' || c == 'E') return false;
  }
  return GoParseInt(s).has_value();
}

}  // namespace centinela::doc
