#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace centinela::report {

/// Streams pretty-printed JSON in the layout of nlohmann::json::dump(2): two-space indent, `"key":
/// value`, empty containers as `{}` and `[]`. Strings are escaped as RFC 8259 requires (control
/// characters as
/// `\n`-style or `\u00xx` escapes) and bytes that are not UTF-8 become U+FFFD, so the output is
/// always valid UTF-8 JSON whatever the input. Memory stays bounded: output is flushed to the
/// stream in blocks. Calls must nest properly (a programming error otherwise). Not thread-safe.
class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(&out) {}
  /// A writer for a fragment of a larger document: values written to it are the elements that
  /// follow the first element of an array nested `depth` containers deep (so each starts with a
  /// comma). Its output is spliced into the main writer with Raw(); this lets large arrays be
  /// rendered on several threads.
  JsonWriter(std::ostream& out, size_t depth) : out_(&out), counts_(depth, 1) {}
  /// The same kind of fragment writer, rendering into memory: nothing is written anywhere until the
  /// owner takes the text with TakeText() and splices it in with Raw(). `buffer` (whose content is
  /// discarded) lends its allocated capacity, so that a buffer can serve fragment after fragment.
  explicit JsonWriter(size_t depth, std::string buffer = {})
      : buffer_(std::move(buffer)), counts_(depth, 1) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  /// Flushes what is buffered.
  ~JsonWriter() { Flush(); }

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  /// The key of the next value, inside an object.
  void Key(std::string_view key);
  void String(std::string_view value);
  void Number(uint64_t value);
  void Bool(bool value);

  /// Key then value.
  void Field(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }
  void NumberField(std::string_view key, uint64_t value) {
    Key(key);
    Number(value);
  }
  void BoolField(std::string_view key, bool value) {
    Key(key);
    Bool(value);
  }

  /// Appends text rendered by a fragment writer at this writer's depth, holding `elements` array
  /// elements.
  void Raw(std::string_view text, uint64_t elements);

  /// Ends the document with a newline and flushes.
  void Finish();

  /// For an in-memory fragment writer: the text rendered since it was made or since the last call.
  /// (A writer to a stream has sent its text to the stream; this returns only what it has not
  /// flushed yet.)
  std::string TakeText();

 private:
  void BeforeValue();
  void Indent();
  void MaybeFlush();
  void Flush();
  // Makes room for `bytes` more bytes of output and returns where they go; Commit() counts them.
  char* Room(size_t bytes) {
    if (buffer_.size() - used_ < bytes) Grow(bytes);
    return buffer_.data() + used_;
  }
  void Grow(size_t bytes);
  void Commit(size_t bytes) { used_ += bytes; }
  void Put(char c);
  void Put(std::string_view text);
  void PutEscaped(std::string_view text);

  std::ostream* out_ = nullptr;  ///< Null for an in-memory fragment writer.
  /// Bytes [0, used_) are output not yet flushed; the rest is room for more (written directly,
  /// rather than through appends, which cost more than the copying itself).
  std::string buffer_;
  size_t used_ = 0;
  std::vector<uint64_t> counts_;  ///< Elements written so far in each open container.
  bool after_key_ = false;
};

}  // namespace centinela::report
