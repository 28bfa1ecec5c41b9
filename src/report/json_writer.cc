#include "report/json_writer.h"

#include <array>
#include <charconv>

#include "report/text.h"

namespace centinela::report {

namespace {

constexpr size_t kFlushBytes = size_t{1} << 16;

void AppendEscaped(std::string& out, std::string_view text) {
  constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                         '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  out += '"';
  size_t i = 0;
  while (i < text.size()) {
    // Copy the longest run that needs no escaping at once.
    size_t run = i;
    while (run < text.size()) {
      const auto c = static_cast<unsigned char>(text[run]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++run;
    }
    out.append(text, i, run - i);
    i = run;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      size_t length = 1;
      if (DecodeUtf8(text.substr(i), &length) < 0) {
        out += kReplacementChar;
      } else {
        out.append(text, i, length);
      }
      i += length;
      continue;
    }
    ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
        break;
    }
  }
  out += '"';
}

}  // namespace

void JsonWriter::Indent() {
  buffer_ += '\n';
  buffer_.append(2 * counts_.size(), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;  // the top-level value
  if (counts_.back()++ > 0) buffer_ += ',';
  Indent();
}

void JsonWriter::BeginObject() {
  BeforeValue();
  buffer_ += '{';
  counts_.push_back(0);
}

void JsonWriter::EndObject() {
  const bool empty = counts_.empty() || counts_.back() == 0;
  if (!counts_.empty()) counts_.pop_back();
  if (!empty) Indent();
  buffer_ += '}';
  MaybeFlush();
}

void JsonWriter::BeginArray() {
  BeforeValue();
  buffer_ += '[';
  counts_.push_back(0);
}

void JsonWriter::EndArray() {
  const bool empty = counts_.empty() || counts_.back() == 0;
  if (!counts_.empty()) counts_.pop_back();
  if (!empty) Indent();
  buffer_ += ']';
  MaybeFlush();
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendEscaped(buffer_, key);
  buffer_ += ": ";
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendEscaped(buffer_, value);
}

void JsonWriter::Number(uint64_t value) {
  BeforeValue();
  std::array<char, 24> digits{};
  const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
  buffer_.append(digits.data(), result.ptr);
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  buffer_ += value ? "true" : "false";
}

void JsonWriter::Finish() {
  buffer_ += '\n';
  Flush();
}

void JsonWriter::Raw(std::string_view text, uint64_t elements) {
  buffer_ += text;
  if (!counts_.empty()) counts_.back() += elements;
  MaybeFlush();
}

void JsonWriter::MaybeFlush() {
  if (buffer_.size() >= kFlushBytes) Flush();
}

void JsonWriter::Flush() {
  if (buffer_.empty()) return;
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

}  // namespace centinela::report
