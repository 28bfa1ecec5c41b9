#include "report/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "report/text.h"
#include "report/writers.h"

namespace centinela::report {
namespace {

using nlohmann::ordered_json;
using namespace std::string_literals;

std::string Dump(const ordered_json& j) { return j.dump(2) + "\n"; }

TEST(JsonWriter, LayoutMatchesNlohmannDump2) {
  std::ostringstream out;
  {
    JsonWriter w(out);
    w.BeginObject();
    w.Field("s", "x");
    w.NumberField("n", 18446744073709551615ULL);
    w.BoolField("t", true);
    w.BoolField("f", false);
    w.Key("empty_object");
    w.BeginObject();
    w.EndObject();
    w.Key("empty_array");
    w.BeginArray();
    w.EndArray();
    w.Key("nested");
    w.BeginArray();
    w.BeginObject();
    w.Key("a");
    w.BeginArray();
    w.Number(1);
    w.String("two");
    w.BeginArray();
    w.EndArray();
    w.EndArray();
    w.EndObject();
    w.BeginObject();
    w.EndObject();
    w.EndArray();
    w.EndObject();
    w.Finish();
  }
  const ordered_json expected = {
      {"s", "x"},
      {"n", 18446744073709551615ULL},
      {"t", true},
      {"f", false},
      {"empty_object", ordered_json::object()},
      {"empty_array", ordered_json::array()},
      {"nested", {{{"a", {1, "two", ordered_json::array()}}}, ordered_json::object()}}};
  EXPECT_EQ(out.str(), Dump(expected));
}

TEST(JsonWriter, StringEscapesMatchNlohmannForValidUtf8) {
  std::string all_ascii;
  for (int c = 0; c < 128; ++c) all_ascii += static_cast<char>(c);
  for (const std::string& s : {""s, "plain"s, "q\" b\\ /"s, "\b\f\n\r\t"s, "\0\x01\x1f\x7f"s,
                               all_ascii, "contraseña € 🔒 \xF4\x8F\xBF\xBF"s}) {
    std::ostringstream out;
    {
      JsonWriter w(out);
      w.String(s);
      w.Finish();
    }
    EXPECT_EQ(out.str(), Dump(ordered_json(s))) << ::testing::PrintToString(s);
  }
}

TEST(JsonWriter, InvalidUtf8BecomesReplacementCharacters) {
  std::ostringstream out;
  {
    JsonWriter w(out);
    w.BeginArray();
    w.String(
        "a\xFF"
        "b\xC3");
    w.String("\xED\xA0\x80");  // an encoded surrogate
    w.String("\xC0\xAF");      // overlong '/'
    w.EndArray();
    w.Finish();
  }
  const std::string r = "\xEF\xBF\xBD";
  EXPECT_EQ(out.str(),
            "[\n  \"a" + r + "b" + r + "\",\n  \"" + r + r + r + "\",\n  \"" + r + r + "\"\n]\n");
  EXPECT_TRUE(ordered_json::accept(out.str()));
}

TEST(JsonWriter, StreamsLargeOutputCompletely) {
  std::ostringstream out;
  {
    JsonWriter w(out);
    w.BeginArray();
    for (int i = 0; i < 20000; ++i) w.String("item-" + std::to_string(i));
    w.EndArray();
    w.Finish();
  }
  const ordered_json parsed = ordered_json::parse(out.str());
  ASSERT_EQ(parsed.size(), 20000u);
  EXPECT_EQ(parsed.back(), "item-19999");
  EXPECT_EQ(out.str(), Dump(parsed));
}

// The escaping rules, byte by byte, as simply as they can be written: what the writer's
// block-at-a-time scan must produce.
std::string ReferenceString(std::string_view text) {
  std::string out = "\"";
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      size_t length = 1;
      if (DecodeUtf8(text.substr(i), &length) < 0) {
        out += kReplacementChar;
      } else {
        out += text.substr(i, length);
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
        if (c < 0x20) {
          constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string Written(std::string_view text) {
  std::ostringstream out;
  {
    JsonWriter w(out);
    w.String(text);
  }
  return out.str();
}

// Every byte that needs care, alone or as part of a sequence, at every offset of strings of every
// length up to past two 16-byte blocks: the block scan must cut exactly there.
TEST(JsonWriter, EscapesLikeTheByteByByteRulesAtEveryOffset) {
  const std::vector<std::string> specials = {std::string(1, '\0'),
                                             "\x01",
                                             "\x1f",
                                             "\"",
                                             "\\",
                                             "\x7f",
                                             " ",
                                             "~",
                                             "\x80",
                                             "\xC3",
                                             "\xC3\xA9",
                                             "\xE2\x82\xAC",
                                             "\xF0\x9F\x94\x92",
                                             "\xED\xA0\x80",
                                             "\xFF",
                                             "\n\t"};
  for (size_t length = 0; length <= 40; ++length) {
    for (size_t at = 0; at <= length; ++at) {
      for (const std::string& special : specials) {
        std::string text(length, 'a');
        text.insert(at, special);
        ASSERT_EQ(Written(text), ReferenceString(text))
            << ::testing::PrintToString(text) << " (length " << length << ", at " << at << ")";
      }
    }
  }
  std::string all_bytes;
  for (int c = 0; c < 256; ++c) all_bytes += static_cast<char>(c);
  EXPECT_EQ(Written(all_bytes), ReferenceString(all_bytes));
}

TEST(JsonWriter, FragmentWriterReusesABufferWithoutItsContent) {
  std::string buffer = "stale text that must not appear";
  buffer.reserve(1 << 20);
  JsonWriter fragment(1, std::move(buffer));
  fragment.String("x");
  fragment.NumberField("n", 1);  // not valid in an array, but shows the layout of a fragment
  const std::string text = fragment.TakeText();
  EXPECT_EQ(text, ",\n  \"x\",\n  \"n\": 1");
  EXPECT_EQ(fragment.TakeText(), "");
}

TEST(JsonWriter, LargeFragmentsKeepTheirPlace) {
  std::string fragment_text;
  {
    JsonWriter fragment(1);
    for (int i = 1; i < 20000; ++i) fragment.String("element-" + std::to_string(i));
    fragment_text = fragment.TakeText();
  }
  ASSERT_GT(fragment_text.size(), size_t{1} << 16);
  std::ostringstream out;
  {
    JsonWriter w(out);
    w.BeginArray();
    w.String("element-0");
    w.Raw(fragment_text, 19999);
    w.String("element-20000");
    w.EndArray();
    w.Finish();
  }
  const ordered_json parsed = ordered_json::parse(out.str());
  ASSERT_EQ(parsed.size(), 20001U);
  for (size_t i = 0; i < parsed.size(); ++i) ASSERT_EQ(parsed[i], "element-" + std::to_string(i));
  EXPECT_EQ(out.str(), Dump(parsed));
}

// Rendering on several threads must give exactly the bytes of a plain loop, at every batch edge.
TEST(WriteArrayElements, SameBytesAsALoop) {
  const auto render = [](size_t i, JsonWriter& w) {
    w.BeginObject();
    w.NumberField("i", i);
    w.Field("s", "text \"" + std::to_string(i * 7) + "\"");
    w.EndObject();
  };
  for (size_t count : {0, 1, 2, 4095, 4096, 4097, 8191, 8192, 8193, 3 * 4096 + 17}) {
    std::ostringstream loop;
    std::ostringstream parallel;
    for (std::ostringstream* out : {&loop, &parallel}) {
      JsonWriter w(*out);
      w.BeginObject();
      w.Key("items");
      w.BeginArray();
      if (out == &loop) {
        for (size_t i = 0; i < count; ++i) render(i, w);
      } else {
        WriteArrayElements(w, 2, count, render);
      }
      w.EndArray();
      w.EndObject();
      w.Finish();
    }
    ASSERT_EQ(parallel.str(), loop.str()) << count << " elements";
  }
}

}  // namespace
}  // namespace centinela::report
