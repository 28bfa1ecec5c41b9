#include "doc/path.h"

namespace centinela::doc {

namespace {
bool IsPlainKey(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}
}  // namespace

FieldPath FieldPath::Key(std::string_view key) const {
  FieldPath out(text_);
  if (IsPlainKey(key)) {
    if (!out.text_.empty()) out.text_ += '.';
    out.text_ += key;
  } else {
    out.text_ += "[\"";
    for (char c : key) {
      if (c == '"' || c == '\\') out.text_ += '\\';
      out.text_ += c;
    }
    out.text_ += "\"]";
  }
  return out;
}

FieldPath FieldPath::Index(size_t index) const {
  FieldPath out(text_);
  out.text_ += '[';
  out.text_ += std::to_string(index);
  out.text_ += ']';
  return out;
}

}  // namespace centinela::doc
