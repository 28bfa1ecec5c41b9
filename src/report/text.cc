#include "report/text.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace centinela::report {

namespace {

constexpr std::array<char, 16> kHexDigits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                             '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
// RFC 3986 section 2.1: percent-encodings should use upper-case hex digits.
constexpr std::array<char, 16> kUpperHexDigits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                  '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

void AppendHexByte(std::string& out, unsigned value) {
  out += kHexDigits[(value >> 4) & 0xF];
  out += kHexDigits[value & 0xF];
}

bool IsBidiControl(int32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || cp == 0x061C;
}

/// True for characters of XML 1.0's Char production.
bool IsXmlChar(int32_t cp) {
  if (cp == 0x9 || cp == 0xA || cp == 0xD) return true;
  if (cp < 0x20) return false;
  return cp != 0xFFFE && cp != 0xFFFF;
}

enum class XmlContext { kText, kAttribute };

/// Printable ASCII that needs no escaping in text or attributes.
bool IsPlainXml(unsigned char c) {
  return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
}

std::string XmlEscape(std::string_view text, XmlContext context) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t i = 0;
  while (i < text.size()) {
    size_t run = i;
    while (run < text.size() && IsPlainXml(static_cast<unsigned char>(text[run]))) ++run;
    out.append(text, i, run - i);
    i = run;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      switch (c) {
        case '&': out += "&amp;"; continue;
        case '<': out += "&lt;"; continue;
        case '>': out += "&gt;"; continue;
        case '\r': out += "&#13;"; continue;
        default: break;
      }
      if (context == XmlContext::kAttribute) {
        switch (c) {
          case '"': out += "&quot;"; continue;
          case '\'': out += "&apos;"; continue;
          case '\n': out += "&#10;"; continue;
          case '\t': out += "&#9;"; continue;
          default: break;
        }
      }
      if (!IsXmlChar(c)) {
        out += kReplacementChar;
      } else {
        out += static_cast<char>(c);
      }
      continue;
    }
    size_t length = 1;
    const int32_t cp = DecodeUtf8(text.substr(i), &length);
    if (cp < 0 || !IsXmlChar(cp)) {
      out += kReplacementChar;
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

}  // namespace

int32_t DecodeUtf8(std::string_view text, size_t* length) {
  *length = 1;
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) return b0;
  size_t need = 0;
  int32_t cp = 0;
  int32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    return -1;
  }
  if (text.size() <= need) return -1;
  for (size_t k = 1; k <= need; ++k) {
    const unsigned char b = byte(k);
    if ((b & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  *length = need + 1;
  return cp;
}

// Checked 8 bytes at a time: the text of reports nearly always is printable ASCII.
bool IsPrintableAscii(std::string_view text) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  const auto zero_bytes = [](uint64_t v) { return (v - kOnes) & ~v & kHighBits; };
  size_t i = 0;
  for (; i + sizeof(uint64_t) <= text.size(); i += sizeof(uint64_t)) {
    uint64_t word = 0;
    std::memcpy(&word, text.data() + i, sizeof(word));
    // Bytes >= 0x80, bytes < 0x20, and DEL (0x7F).
    const uint64_t flags = (word & kHighBits) | ((word - kOnes * 0x20) & ~word & kHighBits) |
                           zero_bytes(word ^ (kOnes * 0x7F));
    if (flags != 0) return false;
  }
  for (; i < text.size(); ++i) {
    if (text[i] < 0x20 || text[i] >= 0x7F) return false;
  }
  return true;
}

std::string SanitizeForTerminal(std::string_view text, bool keep_tabs) {
  if (IsPrintableAscii(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t run = i;
    while (run < text.size() && text[run] >= 0x20 && text[run] < 0x7F) ++run;
    out.append(text, i, run - i);
    i = run;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      switch (c) {
        case '\n': out += "\\n"; break;
        case '\t': out += keep_tabs ? "\t" : "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
          out += "\\x";
          AppendHexByte(out, c);
          break;
      }
      continue;
    }
    size_t length = 1;
    const int32_t cp = DecodeUtf8(text.substr(i), &length);
    if (cp < 0) {
      out += "\\x";
      AppendHexByte(out, c);
    } else if ((cp >= 0x80 && cp <= 0x9F) || IsBidiControl(cp)) {
      out += "\\u";
      AppendHexByte(out, static_cast<unsigned>(cp) >> 8);
      AppendHexByte(out, static_cast<unsigned>(cp) & 0xFF);
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string XmlEscapeText(std::string_view text) { return XmlEscape(text, XmlContext::kText); }

std::string XmlEscapeAttribute(std::string_view text) {
  return XmlEscape(text, XmlContext::kAttribute);
}

size_t DisplayWidth(std::string_view text) {
  if (IsPrintableAscii(text)) return text.size();
  size_t width = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t length = 1;
    if (static_cast<unsigned char>(text[i]) >= 0x80) DecodeUtf8(text.substr(i), &length);
    i += length;
    ++width;
  }
  return width;
}

namespace {
// "Kind<sep>namespace/name", leaving out the parts that are empty.
std::string JoinObject(const core::ObjectRef& object, char kind_separator, std::string_view name) {
  std::string out;
  if (!object.kind.empty()) {
    out += object.kind;
    out += kind_separator;
  }
  if (!object.namespace_.empty()) {
    out += object.namespace_;
    out += '/';
  }
  out += name;
  return out;
}
}  // namespace

std::string ObjectLabel(const core::ObjectRef& object) {
  return JoinObject(object, ' ',
                    object.name.empty() ? std::string_view("<unnamed>") : object.name.view());
}

std::string ObjectQualifiedName(const core::ObjectRef& object) {
  return JoinObject(object, '/', object.name);
}

std::string LocationLabel(std::string_view file, uint32_t line) {
  std::string out = file.empty() ? std::string("<input>") : std::string(file);
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
  }
  return out;
}

std::string PathToUri(std::string_view path) {
  std::string out;
  if (!path.empty() && path.front() == '/') {
    out = "file://";
  } else {
    while (path.size() >= 2 && path[0] == '.' && path[1] == '/') {
      path.remove_prefix(2);
      while (!path.empty() && path.front() == '/') path.remove_prefix(1);
    }
  }
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kUpperHexDigits[c >> 4];
      out += kUpperHexDigits[c & 0xF];
    }
  }
  return out;
}

std::string CamelCase(std::string_view id) {
  std::string out;
  out.reserve(id.size());
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_' || c == '.' || c == ' ') {
      upper = true;
      continue;
    }
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    upper = false;
    out += c;
  }
  return out;
}

std::string FindingFingerprint(const core::Finding& finding) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  const auto mix = [&hash](std::string_view part) {
    for (char c : part) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 0x100000001b3ULL;
    }
    // A unit separator after each part keeps ("ab","c") and ("a","bc") apart.
    hash ^= 0x1F;
    hash *= 0x100000001b3ULL;
  };
  mix(finding.check);
  mix(finding.object.kind);
  mix(finding.object.namespace_);
  mix(finding.object.name);
  mix(finding.path);
  std::string out;
  out.reserve(16);
  for (int shift = 56; shift >= 0; shift -= 8)
    AppendHexByte(out, static_cast<unsigned>(hash >> shift) & 0xFF);
  return out;
}

}  // namespace centinela::report
