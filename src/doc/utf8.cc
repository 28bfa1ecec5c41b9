#include "doc/utf8.h"

#include <cstdint>
#include <cstring>

namespace centinela::doc {
namespace {

std::string Hex(uint32_t value, int digits) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out(static_cast<size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kDigits[value & 0xF];
    value >>= 4;
  }
  return out;
}

std::string CodePoint(uint32_t cp) { return "U+" + Hex(cp, cp > 0xFFFF ? 6 : 4); }

bool YamlAllowed(uint32_t cp) {
  return cp == 0x09 || cp == 0x0A || cp == 0x0D || (cp >= 0x20 && cp <= 0x7E) || cp == 0x85 ||
         (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0x10FFFF);
}

TextProblem Disallowed(size_t offset, uint32_t cp) {
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
    return {offset, "control character " + CodePoint(cp) + " is not allowed"};
  }
  return {offset, "character " + CodePoint(cp) + " is not allowed"};
}

}  // namespace

std::optional<TextProblem> CheckText(std::string_view text, bool yaml_chars, TextStats* stats) {
  TextStats local;
  TextStats& seen = stats != nullptr ? *stats : local;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  constexpr uint64_t k7F = 0x7F7F7F7F7F7F7F7FULL;
  while (i < n) {
    // Fast path: 8 ASCII bytes at a time, all printable or LF when checking YAML characters. Every
    // byte is below 0x80 when these masks are computed, so the per-byte additions never carry into
    // the next byte.
    while (i + 8 <= n) {
      uint64_t word = 0;
      std::memcpy(&word, s + i, 8);
      if ((word & kHigh) != 0) break;
      if (yaml_chars) {
        uint64_t below_space = ~(word + 0x6060606060606060ULL) & kHigh;      // bytes < 0x20
        uint64_t newline = ~((word ^ 0x0A0A0A0A0A0A0A0AULL) + k7F) & kHigh;  // bytes == 0x0A
        uint64_t del = ~((word ^ k7F) + k7F) & kHigh;                        // bytes == 0x7F
        if (((below_space & ~newline) | del) != 0) break;
      }
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) {
      if (c == '\t' || c == '\r') {
        seen.tab_or_cr = true;
      } else if (yaml_chars && (c < 0x20 || c == 0x7F) && c != '\n') {
        return Disallowed(i, c);
      }
      ++i;
      continue;
    }
    uint32_t cp = 0;
    size_t len = 0;
    uint32_t min = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1Fu;
      min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0Fu;
      min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07u;
      min = 0x10000;
    } else {
      return TextProblem{i, "invalid UTF-8 byte 0x" + Hex(c, 2)};
    }
    if (i + len > n) return TextProblem{i, "truncated UTF-8 sequence"};
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = s[i + k];
      if ((cc & 0xC0) != 0x80)
        return TextProblem{i, "invalid UTF-8 sequence starting with byte 0x" + Hex(c, 2)};
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return TextProblem{i, "invalid UTF-8 sequence starting with byte 0x" + Hex(c, 2)};
    }
    if (yaml_chars && !YamlAllowed(cp)) return Disallowed(i, cp);
    if (cp == 0xFEFF || cp == 0x85 || cp == 0x2028 || cp == 0x2029) seen.unusual_breaks = true;
    i += len;
  }
  return std::nullopt;
}

}  // namespace centinela::doc
