#include "checks/network/cidr.h"

#include <algorithm>
#include <tuple>

#include "core/strings.h"

namespace centinela::checks {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Parses a dotted quad into out[0..3]. Rejects leading zeros ("010"), as Go's net.ParseIP does
// since 1.17.
bool ParseIpv4(std::string_view text, uint8_t* out) {
  int part = 0;
  size_t i = 0;
  while (part < 4) {
    size_t start = i;
    int value = 0;
    while (i < text.size() && IsDigit(text[i]) && i - start < 4) {
      value = value * 10 + (text[i] - '0');
      ++i;
    }
    size_t len = i - start;
    if (len == 0 || len > 3 || value > 255 || (len > 1 && text[start] == '0')) return false;
    out[part++] = static_cast<uint8_t>(value);
    if (part < 4) {
      if (i >= text.size() || text[i] != '.') return false;
      ++i;
    }
  }
  return i == text.size();
}

bool ParseIpv6(std::string_view text, std::array<uint8_t, 16>& out) {
  std::array<uint16_t, 8> groups{};
  int count = 0;  // groups written
  int gap = -1;   // index in `groups` where "::" was seen
  size_t i = 0;
  if (text.size() >= 2 && text[0] == ':' && text[1] == ':') {
    gap = 0;
    i = 2;
  } else if (!text.empty() && text[0] == ':') {
    return false;
  }
  while (i < text.size()) {
    if (count == 8) return false;
    // An embedded IPv4 tail ("::ffff:10.0.0.1") takes the last two groups.
    size_t end = text.find(':', i);
    std::string_view piece =
        text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    if (end == std::string_view::npos && piece.find('.') != std::string_view::npos) {
      uint8_t v4[4];
      if (count > 6 || !ParseIpv4(piece, v4)) return false;
      groups[count++] = static_cast<uint16_t>((v4[0] << 8) | v4[1]);
      groups[count++] = static_cast<uint16_t>((v4[2] << 8) | v4[3]);
      i = text.size();
      break;
    }
    if (piece.empty() || piece.size() > 4) return false;
    uint16_t value = 0;
    for (char c : piece) {
      int h = HexValue(c);
      if (h < 0) return false;
      value = static_cast<uint16_t>((value << 4) | h);
    }
    groups[count++] = value;
    if (end == std::string_view::npos) {
      i = text.size();
      break;
    }
    i = end + 1;
    if (i < text.size() && text[i] == ':') {
      if (gap >= 0) return false;  // a second "::"
      gap = count;
      ++i;
    } else if (i == text.size()) {
      return false;  // trailing single ':'
    }
  }
  if (gap < 0 && count != 8) return false;
  if (gap >= 0 && count > 7) return false;
  std::array<uint16_t, 8> full{};
  if (gap < 0) {
    full = groups;
  } else {
    int tail = count - gap;
    for (int k = 0; k < gap; ++k) full[k] = groups[k];
    for (int k = 0; k < tail; ++k) full[8 - tail + k] = groups[gap + k];
  }
  for (size_t k = 0; k < 8; ++k) {
    out[2 * k] = static_cast<uint8_t>(full[k] >> 8);
    out[2 * k + 1] = static_cast<uint8_t>(full[k] & 0xff);
  }
  return true;
}

// A 128-bit unsigned value, big-endian words.
struct U128 {
  uint64_t hi = 0;
  uint64_t lo = 0;
  bool operator<(const U128& o) const { return std::tie(hi, lo) < std::tie(o.hi, o.lo); }
  bool operator==(const U128& o) const { return hi == o.hi && lo == o.lo; }
};

U128 AddOne(U128 v) {
  ++v.lo;
  if (v.lo == 0) ++v.hi;
  return v;
}

struct Interval {
  U128 first;
  U128 last;
};

Interval ToInterval(const Cidr& c) {
  const int bits = c.v6 ? 128 : 32;
  U128 value;
  if (c.v6) {
    for (int k = 0; k < 8; ++k) value.hi = (value.hi << 8) | c.address[k];
    for (int k = 8; k < 16; ++k) value.lo = (value.lo << 8) | c.address[k];
  } else {
    for (int k = 0; k < 4; ++k) value.lo = (value.lo << 8) | c.address[k];
  }
  // Host mask: the low (bits - prefix) bits.
  const int host_bits = bits - c.prefix;
  U128 mask;
  if (host_bits >= 64) {
    mask.lo = ~uint64_t{0};
    mask.hi = host_bits == 128 ? ~uint64_t{0} : ((uint64_t{1} << (host_bits - 64)) - 1);
  } else if (host_bits > 0) {
    mask.lo = (uint64_t{1} << host_bits) - 1;
  }
  Interval out;
  out.first = U128{value.hi & ~mask.hi, value.lo & ~mask.lo};
  out.last = U128{out.first.hi | mask.hi, out.first.lo | mask.lo};
  return out;
}

bool Covers(std::vector<Interval> intervals, U128 max) {
  if (intervals.empty()) return false;
  std::sort(intervals.begin(), intervals.end(),
            [](const Interval& a, const Interval& b) { return a.first < b.first; });
  if (!(intervals[0].first == U128{})) return false;
  U128 reach = intervals[0].last;
  for (size_t k = 1; k < intervals.size(); ++k) {
    if (reach == max) return true;
    if (AddOne(reach) < intervals[k].first) return false;
    if (reach < intervals[k].last) reach = intervals[k].last;
  }
  return reach == max;
}

}  // namespace

std::optional<Cidr> ParseCidr(std::string_view text) {
  text = core::Trim(text);
  std::string_view address = text;
  std::optional<int> prefix;
  size_t slash = text.find('/');
  if (slash != std::string_view::npos) {
    address = text.substr(0, slash);
    std::string_view bits = text.substr(slash + 1);
    if (bits.empty() || bits.size() > 3) return std::nullopt;
    int value = 0;
    for (char c : bits) {
      if (!IsDigit(c)) return std::nullopt;
      value = value * 10 + (c - '0');
    }
    if (bits.size() > 1 && bits[0] == '0') return std::nullopt;
    prefix = value;
  }
  Cidr out;
  if (address.find(':') != std::string_view::npos) {
    out.v6 = true;
    if (!ParseIpv6(address, out.address)) return std::nullopt;
  } else if (!ParseIpv4(address, out.address.data())) {
    return std::nullopt;
  }
  const int bits = out.v6 ? 128 : 32;
  out.prefix = prefix.value_or(bits);
  if (out.prefix > bits) return std::nullopt;
  return out;
}

std::string Cidr::ToString() const {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  if (!v6) {
    for (int k = 0; k < 4; ++k) {
      if (k > 0) out += '.';
      out += std::to_string(address[k]);
    }
  } else {
    for (size_t k = 0; k < 8; ++k) {
      if (k > 0) out += ':';
      unsigned group = (unsigned{address[2 * k]} << 8) | address[2 * k + 1];
      bool started = false;
      for (int shift = 12; shift >= 0; shift -= 4) {
        unsigned digit = (group >> shift) & 0xf;
        if (digit != 0 || started || shift == 0) {
          out += kHex[digit];
          started = true;
        }
      }
    }
  }
  out += '/';
  out += std::to_string(prefix);
  return out;
}

bool CoversEveryAddress(const std::vector<Cidr>& ranges) {
  std::vector<Interval> v4;
  std::vector<Interval> v6;
  for (const Cidr& c : ranges) (c.v6 ? v6 : v4).push_back(ToInterval(c));
  return Covers(std::move(v4), U128{0, 0xffffffffULL}) ||
         Covers(std::move(v6), U128{~uint64_t{0}, ~uint64_t{0}});
}

}  // namespace centinela::checks
