#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
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
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  /// A writer for a fragment of a larger document: values written to it are the elements that
  /// follow the first element of an array nested `depth` containers deep (so each starts with a
  /// comma). Its output is spliced into the main writer with Raw(); this lets large arrays be
  /// rendered on several threads.
  JsonWriter(std::ostream& out, size_t depth) : out_(out), counts_(depth, 1) {}
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

 private:
  void BeforeValue();
  void Indent();
  void MaybeFlush();
  void Flush();

  std::ostream& out_;
  std::string buffer_;
  std::vector<uint64_t> counts_;  ///< Elements written so far in each open container.
  bool after_key_ = false;
};

}  // namespace centinela::report
