#include "k8s/quantity.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <span>
#include <string>

namespace centinela::k8s {

namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr size_t kMaxDigits = 4096;
// Exponents beyond this already saturate or vanish for any number of kMaxDigits digits.
constexpr int64_t kExponentClamp = 1'000'000;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

struct Suffix {
  int64_t exp10 = 0;
  int binary = 0;  // power of two
};

std::optional<Suffix> ParseSuffix(std::string_view s) {
  struct Entry {
    std::string_view text;
    int64_t exp10;
    int binary;
  };
  static constexpr Entry kTable[] = {
      {"", 0, 0},    {"n", -9, 0},  {"u", -6, 0},  {"m", -3, 0},  {"k", 3, 0},   {"M", 6, 0},
      {"G", 9, 0},   {"T", 12, 0},  {"P", 15, 0},  {"E", 18, 0},  {"Ki", 0, 10}, {"Mi", 0, 20},
      {"Gi", 0, 30}, {"Ti", 0, 40}, {"Pi", 0, 50}, {"Ei", 0, 60},
  };
  for (const Entry& e : kTable) {
    if (e.text == s) return Suffix{e.exp10, e.binary};
  }
  // A decimal exponent: e or E, an optional sign, at least one digit (strconv.ParseInt).
  if (s.size() < 2 || (s[0] != 'e' && s[0] != 'E')) return std::nullopt;
  size_t i = 1;
  bool negative = false;
  if (s[i] == '+' || s[i] == '-') {
    negative = s[i] == '-';
    ++i;
  }
  if (i == s.size()) return std::nullopt;
  int64_t exp = 0;
  for (; i < s.size(); ++i) {
    if (!IsDigit(s[i])) return std::nullopt;
    exp = std::min<int64_t>(exp * 10 + (s[i] - '0'), kExponentClamp);
  }
  return Suffix{negative ? -exp : exp, 0};
}

// Decimal digits of a number, most significant first, in a fixed buffer (no allocation per parse):
// buf[start, end). Room is left in front for the digits that multiplying by up to 2^60 adds. Only
// buf[start, end) is ever read, and it is always written first: the buffer is not cleared, which
// would cost more than the parse itself.
struct Digits {
  static constexpr size_t kHeadroom = 20;
  std::array<uint8_t, kHeadroom + kMaxDigits> buf;
  size_t start = kHeadroom;
  size_t end = kHeadroom;
};

// ceil(digits × 2^binary / 10^frac): the exact magnitude of value×1000 rounded up, saturated at
// kMax. `digits` has no leading zeros and is not all zero; binary <= 60.
int64_t ScaledCeil(Digits& digits, int binary, int64_t frac) {
  // The usual case, in 64-bit integers: at most 18 digits, and digits × 2^binary below 2^63.
  if (digits.end - digits.start <= 18 && frac >= -18 && frac <= 18) {
    uint64_t n = 0;
    for (size_t j = digits.start; j < digits.end; ++j) n = n * 10 + digits.buf[j];
    if (n <= (static_cast<uint64_t>(kMax) >> binary)) {
      const uint64_t scaled = n << binary;
      uint64_t power = 1;
      for (int64_t i = 0; i < (frac < 0 ? -frac : frac); ++i) power *= 10;
      if (frac < 0) {
        if (scaled > static_cast<uint64_t>(kMax) / power) return kMax;
        return static_cast<int64_t>(scaled * power);
      }
      return static_cast<int64_t>(scaled / power + (scaled % power != 0 ? 1 : 0));
    }
  }
  for (int i = 0; i < binary; ++i) {
    int carry = 0;
    for (size_t j = digits.end; j-- > digits.start;) {
      int d = digits.buf[j] * 2 + carry;
      digits.buf[j] = static_cast<uint8_t>(d % 10);
      carry = d / 10;
    }
    if (carry != 0) digits.buf[--digits.start] = static_cast<uint8_t>(carry);
  }
  const std::span<const uint8_t> d(digits.buf.data() + digits.start, digits.end - digits.start);
  const auto size = static_cast<int64_t>(d.size());
  const int64_t int_len = size - frac;  // digits left of the decimal point
  if (int_len <= 0) return 1;           // 0 < value < 1: rounds up to 1
  if (int_len > 19) return kMax;        // >= 10^19 > kMax
  uint64_t result = 0;
  for (int64_t i = 0; i < int_len; ++i) {
    result = result * 10 + (i < size ? d[static_cast<size_t>(i)] : 0);
  }
  bool fraction = false;
  for (int64_t i = int_len; i < size; ++i) fraction = fraction || d[static_cast<size_t>(i)] != 0;
  if (fraction) ++result;
  return result > static_cast<uint64_t>(kMax) ? kMax : static_cast<int64_t>(result);
}

}  // namespace

int64_t Quantity::MilliValue() const {
  if (milli) return *milli;
  if (std::isnan(value)) return 0;
  long double scaled = value * 1000;
  long double rounded = scaled >= 0 ? std::ceil(scaled) : std::floor(scaled);
  if (rounded >= 9.2233720368547758e18L) return kMax;
  if (rounded <= -9.2233720368547758e18L) return kMin;
  return static_cast<int64_t>(rounded);
}

int64_t Quantity::Value() const {
  int64_t m = MilliValue();
  if (m == kMax || m == kMin) {
    // Saturated in thousandths (|value| > 9.2e15); `value` holds such magnitudes exactly enough.
    if (std::isnan(value)) return 0;
    long double rounded = value >= 0 ? std::ceil(value) : std::floor(value);
    if (rounded >= 9.2233720368547758e18L) return kMax;
    if (rounded <= -9.2233720368547758e18L) return kMin;
    return static_cast<int64_t>(rounded);
  }
  // ceil(ceil(1000x) / 1000) == ceil(x): rounding the milli value up again is exact.
  int64_t q = m / 1000;
  int64_t r = m % 1000;
  if (r > 0) ++q;
  if (r < 0) --q;
  return q;
}

std::optional<Quantity> ParseQuantity(std::string_view text) {
  size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    negative = text[pos] == '-';
    ++pos;
  }
  size_t int_start = pos;
  while (pos < text.size() && IsDigit(text[pos])) ++pos;
  std::string_view int_digits = text.substr(int_start, pos - int_start);
  std::string_view frac_digits;
  if (pos < text.size() && text[pos] == '.') {
    size_t frac_start = ++pos;
    while (pos < text.size() && IsDigit(text[pos])) ++pos;
    frac_digits = text.substr(frac_start, pos - frac_start);
  }
  if (int_digits.empty() && frac_digits.empty()) return std::nullopt;
  if (int_digits.size() + frac_digits.size() > kMaxDigits) return std::nullopt;
  std::optional<Suffix> suffix = ParseSuffix(text.substr(pos));
  if (!suffix) return std::nullopt;

  Digits digits;
  for (std::string_view part : {int_digits, frac_digits}) {
    for (char c : part) {
      if (digits.end == digits.start && c == '0') continue;  // leading zeros
      digits.buf[digits.end++] = static_cast<uint8_t>(c - '0');
    }
  }
  // value × 1000 = digits × 2^binary / 10^frac (leading zeros dropped from `digits` do not change
  // that).
  const int64_t frac = static_cast<int64_t>(frac_digits.size()) - suffix->exp10 - 3;

  Quantity q;
  if (digits.end == digits.start) {
    q.value = 0;
    q.milli = 0;
    return q;
  }
  int64_t magnitude = ScaledCeil(digits, suffix->binary, frac);
  q.milli = negative ? (magnitude == kMax ? kMin : -magnitude) : magnitude;

  // "<int>.<frac>e<exp10>" for from_chars, in a fixed buffer: the digits (at most kMaxDigits),
  // the point, the "e" and the exponent (at most 8 characters: |exp10| <= kExponentClamp).
  std::array<char, kMaxDigits + 16> number;
  char* out = number.data();
  const auto put = [&out](std::string_view part) {
    std::copy(part.begin(), part.end(), out);
    out += part.size();
  };
  put(int_digits.empty() ? std::string_view("0") : int_digits);
  if (!frac_digits.empty()) {
    put(".");
    put(frac_digits);
  }
  put("e");
  out = std::to_chars(out, number.data() + number.size(), suffix->exp10).ptr;
  long double v = 0;
  auto [end, ec] = std::from_chars(number.data(), out, v);
  if (ec == std::errc::result_out_of_range) {
    v = suffix->exp10 > 0 ? std::numeric_limits<long double>::infinity() : 0;
  } else if (ec != std::errc() || end != out) {
    v = 0;
  }
  v = std::ldexp(v, suffix->binary);
  q.value = negative ? -v : v;
  return q;
}

std::optional<Quantity> ParseQuantityNode(const doc::Node* node) {
  if (node == nullptr) return std::nullopt;
  switch (node->kind()) {
    case doc::NodeKind::kString: return ParseQuantity(node->text());
    case doc::NodeKind::kInt: {
      std::optional<int64_t> v = node->AsInt();
      if (!v) return std::nullopt;
      return ParseQuantity(std::to_string(*v));
    }
    case doc::NodeKind::kFloat: {
      // The API server sees the JSON number that sigs.k8s.io/yaml writes for this float64: its
      // shortest round-trip form.
      std::optional<double> v = node->AsDouble();
      if (!v || !std::isfinite(*v)) return std::nullopt;
      char buf[64];
      auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), *v);
      if (ec != std::errc()) return std::nullopt;
      return ParseQuantity(std::string_view(buf, static_cast<size_t>(end - buf)));
    }
    default: return std::nullopt;
  }
}

}  // namespace centinela::k8s
