#include "report/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

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

}  // namespace
}  // namespace centinela::report
