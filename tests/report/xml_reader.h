#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/text.h"

/// A strict reader for the XML subset the JUnit writer produces (declaration, elements, attributes,
/// character data, entity and character references; no comments, CDATA, DTDs or processing
/// instructions). It rejects what XML 1.0 calls not well-formed in that subset: bad UTF-8,
/// characters outside Char, unbalanced or mismatched tags, duplicate attributes, a raw '<' or bad
/// '&' in data, "]]>" in text.
namespace centinela::report::testing {

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  ///< Decoded values, in order.
  std::vector<XmlElement> children;
  std::string text;  ///< Decoded character data directly inside this element.

  const std::string* Attribute(std::string_view key) const {
    for (const auto& [k, v] : attributes) {
      if (k == key) return &v;
    }
    return nullptr;
  }
  std::vector<const XmlElement*> Children(std::string_view child_name) const {
    std::vector<const XmlElement*> out;
    for (const XmlElement& c : children) {
      if (c.name == child_name) out.push_back(&c);
    }
    return out;
  }
};

class XmlReader {
 public:
  explicit XmlReader(std::string_view text) : text_(text) {}

  std::optional<XmlElement> Parse(std::string* error) {
    if (!CheckCharacters()) return Fail(error);
    if (text_.substr(0, 5) == "<?xml") {
      const size_t end = text_.find("?>");
      if (end == std::string_view::npos) return Fail(error, "unterminated XML declaration");
      pos_ = end + 2;
    }
    SkipSpace();
    XmlElement root;
    if (!ParseElement(root, 0)) return Fail(error);
    SkipSpace();
    if (pos_ != text_.size()) return Fail(error, "content after the root element");
    return root;
  }

 private:
  std::optional<XmlElement> Fail(std::string* error, std::string message = {}) {
    if (!message.empty()) error_ = std::move(message);
    if (error != nullptr) *error = error_ + " at byte " + std::to_string(pos_);
    return std::nullopt;
  }
  bool Error(std::string message) {
    error_ = std::move(message);
    return false;
  }

  static bool IsXmlChar(int32_t cp) {
    if (cp == 0x9 || cp == 0xA || cp == 0xD) return true;
    return cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF && cp <= 0x10FFFF &&
           !(cp >= 0xD800 && cp <= 0xDFFF);
  }

  bool CheckCharacters() {
    size_t i = 0;
    while (i < text_.size()) {
      size_t length = 1;
      const int32_t cp = DecodeUtf8(text_.substr(i), &length);
      if (cp < 0) {
        pos_ = i;
        return Error("invalid UTF-8");
      }
      if (!IsXmlChar(cp)) {
        pos_ = i;
        return Error("character not allowed in XML 1.0");
      }
      i += length;
    }
    return true;
  }

  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\t' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  static bool IsNameStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':';
  }
  static bool IsNameChar(char c) {
    return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
  }

  bool ParseName(std::string& name) {
    if (pos_ >= text_.size() || !IsNameStart(text_[pos_])) return Error("expected a name");
    const size_t start = pos_;
    while (pos_ < text_.size() && IsNameChar(text_[pos_])) ++pos_;
    name.assign(text_.substr(start, pos_ - start));
    return true;
  }

  static void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  /// At '&': decodes one reference into `out`.
  bool ParseReference(std::string& out) {
    const size_t end = text_.find(';', pos_);
    if (end == std::string_view::npos || end - pos_ > 12) return Error("unterminated reference");
    const std::string_view ref = text_.substr(pos_ + 1, end - pos_ - 1);
    pos_ = end + 1;
    constexpr std::pair<std::string_view, char> kEntities[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    for (const auto& [entity, replacement] : kEntities) {
      if (ref == entity) {
        out += replacement;
        return true;
      }
    }
    if (ref.size() < 2 || ref[0] != '#') return Error("unknown entity");
    const bool hex = ref[1] == 'x';
    const std::string_view digits = ref.substr(hex ? 2 : 1);
    if (digits.empty()) return Error("empty character reference");
    uint32_t cp = 0;
    for (char c : digits) {
      uint32_t d = 0;
      if (c >= '0' && c <= '9') {
        d = static_cast<uint32_t>(c - '0');
      } else if (hex && c >= 'a' && c <= 'f') {
        d = static_cast<uint32_t>(c - 'a' + 10);
      } else if (hex && c >= 'A' && c <= 'F') {
        d = static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return Error("bad character reference");
      }
      cp = cp * (hex ? 16 : 10) + d;
      if (cp > 0x10FFFF) return Error("character reference out of range");
    }
    if (!IsXmlChar(static_cast<int32_t>(cp)))
      return Error("character reference to a forbidden character");
    AppendUtf8(out, cp);
    return true;
  }

  bool ParseAttributeValue(std::string& value) {
    if (pos_ >= text_.size() || (text_[pos_] != '"' && text_[pos_] != '\''))
      return Error("expected a quote");
    const char quote = text_[pos_++];
    while (pos_ < text_.size() && text_[pos_] != quote) {
      const char c = text_[pos_];
      if (c == '<') return Error("'<' in an attribute value");
      if (c == '&') {
        if (!ParseReference(value)) return false;
        continue;
      }
      // Attribute-value normalisation turns literal white space into spaces.
      value += (c == '\n' || c == '\t' || c == '\r') ? ' ' : c;
      ++pos_;
    }
    if (pos_ >= text_.size()) return Error("unterminated attribute value");
    ++pos_;
    return true;
  }

  bool ParseElement(XmlElement& element, int depth) {
    if (depth > 64) return Error("too deep");
    if (pos_ >= text_.size() || text_[pos_] != '<') return Error("expected '<'");
    ++pos_;
    if (!ParseName(element.name)) return false;
    while (true) {
      const size_t before = pos_;
      SkipSpace();
      if (pos_ >= text_.size()) return Error("unterminated start tag");
      if (text_.substr(pos_, 2) == "/>") {
        pos_ += 2;
        return true;
      }
      if (text_[pos_] == '>') {
        ++pos_;
        break;
      }
      if (pos_ == before) return Error("expected white space before an attribute");
      std::string key;
      if (!ParseName(key)) return false;
      if (element.Attribute(key) != nullptr) return Error("duplicate attribute " + key);
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '=') return Error("expected '='");
      ++pos_;
      SkipSpace();
      std::string value;
      if (!ParseAttributeValue(value)) return false;
      element.attributes.emplace_back(std::move(key), std::move(value));
    }
    // Content.
    while (true) {
      if (pos_ >= text_.size()) return Error("unclosed element " + element.name);
      const char c = text_[pos_];
      if (c == '<') {
        if (text_.substr(pos_, 2) == "</") {
          pos_ += 2;
          std::string name;
          if (!ParseName(name)) return false;
          if (name != element.name)
            return Error("mismatched end tag " + name + " for " + element.name);
          SkipSpace();
          if (pos_ >= text_.size() || text_[pos_] != '>') return Error("expected '>'");
          ++pos_;
          return true;
        }
        if (text_.substr(pos_, 2) == "<!" || text_.substr(pos_, 2) == "<?") {
          return Error("comments, CDATA and processing instructions are not expected");
        }
        element.children.emplace_back();
        if (!ParseElement(element.children.back(), depth + 1)) return false;
        continue;
      }
      if (c == '&') {
        if (!ParseReference(element.text)) return false;
        continue;
      }
      if (text_.substr(pos_, 3) == "]]>") return Error("']]>' in character data");
      element.text += c;
      ++pos_;
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace centinela::report::testing
