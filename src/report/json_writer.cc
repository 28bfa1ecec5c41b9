#include "report/json_writer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstring>

#include "report/text.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace centinela::report {

namespace {

constexpr size_t kFlushBytes = size_t{1} << 16;

// The bytes that PutEscaped cannot copy as they are: control characters (< 0x20), '"', '\\' and
// bytes of multi-byte UTF-8 sequences (>= 0x80). Text is scanned for them a block at a time.
#if defined(__SSE2__)

constexpr size_t kBlock = 16;

// The index of the first byte to escape among the kBlock bytes at `bytes`; kBlock when none.
size_t FirstToEscape(const char* bytes) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
  // A signed comparison: bytes >= 0x80 are negative, so "below 0x20" catches them too.
  const __m128i low_or_high = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
  const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
  const auto mask = static_cast<uint32_t>(
      _mm_movemask_epi8(_mm_or_si128(low_or_high, _mm_or_si128(quote, backslash))));
  return mask == 0 ? kBlock : static_cast<size_t>(std::countr_zero(mask));
}

#else

constexpr size_t kBlock = sizeof(uint64_t);

// The index of the first byte to escape among the kBlock bytes at `bytes`; kBlock when none. Flags
// the bytes of one 64-bit word at once (0x80 of each byte); the lowest flag is exact, those above
// it may be wrong (borrows), which does not matter as only the first is used.
size_t FirstToEscape(const char* bytes) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  uint64_t word = 0;
  for (size_t i = 0; i < kBlock; ++i)
    word |= uint64_t{static_cast<unsigned char>(bytes[i])} << (8 * i);
  const auto zero_bytes = [](uint64_t v) { return (v - kOnes) & ~v & kHighBits; };
  const uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighBits;
  const uint64_t quote = zero_bytes(word ^ (kOnes * '"'));
  const uint64_t backslash = zero_bytes(word ^ (kOnes * '\\'));
  const uint64_t mask = (word & kHighBits) | below_space | quote | backslash;
  return mask == 0 ? kBlock : static_cast<size_t>(std::countr_zero(mask) / 8);
}

#endif

constexpr std::string_view kHexDigits = "0123456789abcdef";

}  // namespace

void JsonWriter::Grow(size_t bytes) {
  buffer_.resize(std::max({buffer_.size() * 2, used_ + bytes, 2 * kFlushBytes}));
}

void JsonWriter::Put(char c) {
  *Room(1) = c;
  Commit(1);
}

void JsonWriter::Put(std::string_view text) {
  if (text.empty()) return;
  std::memcpy(Room(text.size()), text.data(), text.size());
  Commit(text.size());
}

void JsonWriter::PutEscaped(std::string_view text) {
  // At most 6 bytes out per byte in (a control character as \u00XX), plus the quotes.
  char* const start = Room(6 * text.size() + 2);
  char* p = start;
  const auto put = [&p](std::string_view bytes) {
    std::memcpy(p, bytes.data(), bytes.size());
    p += bytes.size();
  };
  // Writes the escaped form of the byte (or UTF-8 sequence) at text[i]; returns the bytes read.
  const auto escape_one = [&](size_t i) -> size_t {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      size_t length = 1;
      const std::string_view rest = text.substr(i);
      put(DecodeUtf8(rest, &length) < 0 ? kReplacementChar : rest.substr(0, length));
      return length;
    }
    switch (c) {
      case '"': put("\\\""); break;
      case '\\': put("\\\\"); break;
      case '\b': put("\\b"); break;
      case '\f': put("\\f"); break;
      case '\n': put("\\n"); break;
      case '\r': put("\\r"); break;
      case '\t': put("\\t"); break;
      default:
        if (c < 0x20) {
          put("\\u00");
          *p++ = kHexDigits[c >> 4];
          *p++ = kHexDigits[c & 0xF];
        } else {
          *p++ = static_cast<char>(c);
        }
        break;
    }
    return 1;
  };
  *p++ = '"';
  size_t i = 0;
  // A block at a time: copied whole, then, when it holds a byte to escape, cut back to the bytes
  // before that one, which is escaped, and the next block starts right after it.
  while (i + kBlock <= text.size()) {
    std::memcpy(p, text.data() + i, kBlock);
    const size_t plain = FirstToEscape(text.data() + i);
    p += plain;
    i += plain;
    if (plain < kBlock) i += escape_one(i);
  }
  // The last bytes: checked as one block padded with spaces (which never need escaping), and
  // copied at once when plain, as short strings (keys, enum values) always are.
  if (i < text.size()) {
    const size_t rest = text.size() - i;
    std::array<char, kBlock> block;
    block.fill(' ');
    std::memcpy(block.data(), text.data() + i, rest);
    if (FirstToEscape(block.data()) >= rest) {
      std::memcpy(p, text.data() + i, rest);
      p += rest;
      i += rest;
    }
  }
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      *p++ = static_cast<char>(c);
      ++i;
    } else {
      i += escape_one(i);
    }
  }
  *p++ = '"';
  Commit(static_cast<size_t>(p - start));
}

void JsonWriter::Indent() {
  const size_t width = 2 * counts_.size();
  char* p = Room(width + 1);
  p[0] = '\n';
  std::memset(p + 1, ' ', width);
  Commit(width + 1);
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;  // the top-level value
  if (counts_.back()++ > 0) Put(',');
  Indent();
}

void JsonWriter::BeginObject() {
  BeforeValue();
  Put('{');
  counts_.push_back(0);
}

void JsonWriter::EndObject() {
  const bool empty = counts_.empty() || counts_.back() == 0;
  if (!counts_.empty()) counts_.pop_back();
  if (!empty) Indent();
  Put('}');
  MaybeFlush();
}

void JsonWriter::BeginArray() {
  BeforeValue();
  Put('[');
  counts_.push_back(0);
}

void JsonWriter::EndArray() {
  const bool empty = counts_.empty() || counts_.back() == 0;
  if (!counts_.empty()) counts_.pop_back();
  if (!empty) Indent();
  Put(']');
  MaybeFlush();
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  PutEscaped(key);
  Put(": ");
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  PutEscaped(value);
}

void JsonWriter::Number(uint64_t value) {
  BeforeValue();
  constexpr size_t kDigits = 20;  // UINT64_MAX has 20
  char* p = Room(kDigits);
  const auto result = std::to_chars(p, p + kDigits, value);
  Commit(static_cast<size_t>(result.ptr - p));
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  Put(value ? std::string_view("true") : std::string_view("false"));
}

void JsonWriter::Finish() {
  Put('\n');
  Flush();
}

void JsonWriter::Raw(std::string_view text, uint64_t elements) {
  if (!counts_.empty()) counts_.back() += elements;
  if (out_ != nullptr && text.size() >= kFlushBytes) {
    // Large fragments go straight to the stream rather than through the buffer.
    Flush();
    out_->write(text.data(), static_cast<std::streamsize>(text.size()));
    return;
  }
  Put(text);
  MaybeFlush();
}

std::string JsonWriter::TakeText() {
  buffer_.resize(used_);
  used_ = 0;
  return std::move(buffer_);
}

void JsonWriter::MaybeFlush() {
  if (used_ >= kFlushBytes) Flush();
}

void JsonWriter::Flush() {
  if (used_ == 0 || out_ == nullptr) return;
  out_->write(buffer_.data(), static_cast<std::streamsize>(used_));
  used_ = 0;
}

}  // namespace centinela::report
