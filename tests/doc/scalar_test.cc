#include "doc/scalar.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "doc_test_util.h"

namespace centinela::doc {
namespace {

struct Case {
  const char* text;
  NodeKind kind;
};

TEST(ResolvePlainScalar, FollowsGoYamlV2) {
  const Case cases[] = {
      // Booleans, all the YAML 1.1 spellings Kubernetes accepts.
      {"y", NodeKind::kBool},
      {"Y", NodeKind::kBool},
      {"yes", NodeKind::kBool},
      {"Yes", NodeKind::kBool},
      {"YES", NodeKind::kBool},
      {"n", NodeKind::kBool},
      {"N", NodeKind::kBool},
      {"no", NodeKind::kBool},
      {"No", NodeKind::kBool},
      {"NO", NodeKind::kBool},
      {"true", NodeKind::kBool},
      {"True", NodeKind::kBool},
      {"TRUE", NodeKind::kBool},
      {"false", NodeKind::kBool},
      {"False", NodeKind::kBool},
      {"FALSE", NodeKind::kBool},
      {"on", NodeKind::kBool},
      {"On", NodeKind::kBool},
      {"ON", NodeKind::kBool},
      {"off", NodeKind::kBool},
      {"Off", NodeKind::kBool},
      {"OFF", NodeKind::kBool},
      {"yEs", NodeKind::kString},
      {"tRUE", NodeKind::kString},
      {"yesterday", NodeKind::kString},
      {"nope", NodeKind::kString},
      {"o", NodeKind::kString},
      // Null.
      {"", NodeKind::kNull},
      {"~", NodeKind::kNull},
      {"null", NodeKind::kNull},
      {"Null", NodeKind::kNull},
      {"NULL", NodeKind::kNull},
      {"nULL", NodeKind::kString},
      {"none", NodeKind::kString},
      // Integers.
      {"0", NodeKind::kInt},
      {"42", NodeKind::kInt},
      {"-17", NodeKind::kInt},
      {"+17", NodeKind::kInt},
      {"1_000", NodeKind::kInt},
      {"0x1F", NodeKind::kInt},
      {"0X1f", NodeKind::kInt},
      {"-0x10", NodeKind::kInt},
      {"0o17", NodeKind::kInt},
      {"017", NodeKind::kInt},
      {"0b1010", NodeKind::kInt},
      {"-0b11", NodeKind::kInt},
      {"9223372036854775807", NodeKind::kInt},
      {"-9223372036854775808", NodeKind::kInt},
      {"0x", NodeKind::kString},
      {"0xZZ", NodeKind::kString},
      {"12abc", NodeKind::kString},
      {"1.2.3", NodeKind::kString},
      {"_1", NodeKind::kString},
      {"0777", NodeKind::kInt},
      // Values go-yaml reads as numbers although they are not YAML 1.2 integers.
      {"08", NodeKind::kFloat},
      {"9223372036854775808", NodeKind::kFloat},
      {"99999999999999999999", NodeKind::kFloat},
      {"0xFFFFFFFFFFFFFFFFFF", NodeKind::kString},
      // Floats.
      {"1.5", NodeKind::kFloat},
      {"-1.5", NodeKind::kFloat},
      {"1.", NodeKind::kFloat},
      {".5", NodeKind::kFloat},
      {"1e3", NodeKind::kFloat},
      {"1E-3", NodeKind::kFloat},
      {"+.5e2", NodeKind::kFloat},
      {"1_000.5", NodeKind::kFloat},
      {".inf", NodeKind::kFloat},
      {".Inf", NodeKind::kFloat},
      {".INF", NodeKind::kFloat},
      {"+.inf", NodeKind::kFloat},
      {"-.inf", NodeKind::kFloat},
      {"-.INF", NodeKind::kFloat},
      {".nan", NodeKind::kFloat},
      {".NaN", NodeKind::kFloat},
      {".NAN", NodeKind::kFloat},
      {".nAn", NodeKind::kString},
      {"inf", NodeKind::kString},
      {"-inf", NodeKind::kString},
      {"nan", NodeKind::kString},
      {"1e400", NodeKind::kString},
      {".", NodeKind::kString},
      {"1e", NodeKind::kString},
      // Strings that look a little like something else.
      {"<<", NodeKind::kString},
      {"2001-12-14", NodeKind::kString},
      {"1:20", NodeKind::kString},
      {"v1", NodeKind::kString},
      {"100m", NodeKind::kString},
      {"-", NodeKind::kString},
      {"+", NodeKind::kString},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ResolvePlainScalar(c.text), c.kind) << "text: \"" << c.text << "\"";
  }
}

TEST(ScalarValues, ParsedFromText) {
  EXPECT_EQ(ParseIntScalar("0x1F"), 31);
  EXPECT_EQ(ParseIntScalar("0o17"), 15);
  EXPECT_EQ(ParseIntScalar("017"), 15);
  EXPECT_EQ(ParseIntScalar("0b101"), 5);
  EXPECT_EQ(ParseIntScalar("-0b101"), -5);
  EXPECT_EQ(ParseIntScalar("1_000_000"), 1000000);
  EXPECT_EQ(ParseIntScalar("+12"), 12);
  EXPECT_EQ(ParseIntScalar("-9223372036854775808"), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(ParseIntScalar("9223372036854775808"), std::nullopt);
  EXPECT_EQ(ParseIntScalar("08"), std::nullopt);
  EXPECT_EQ(ParseBoolScalar("Yes"), true);
  EXPECT_EQ(ParseBoolScalar("OFF"), false);
  EXPECT_EQ(ParseBoolScalar("maybe"), std::nullopt);
  EXPECT_EQ(ParseFloatScalar("1_000.5"), 1000.5);
  EXPECT_EQ(ParseFloatScalar(".5"), 0.5);
  EXPECT_EQ(ParseFloatScalar("08"), 8.0);
  EXPECT_EQ(ParseFloatScalar("-.inf"), -std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(*ParseFloatScalar(".NaN")));
  EXPECT_EQ(ParseFloatScalar("1e400"), std::numeric_limits<double>::infinity());  // JSON allows it
  EXPECT_EQ(ParseFloatScalar("1e-400"), 0.0);
  EXPECT_EQ(ParseFloatScalar("0x10"), 16.0);  // `!!float 0x10`
  EXPECT_EQ(ParseFloatScalar("18446744073709551615"), 18446744073709551615.0);
}

TEST(ScalarValues, NodeAccessorsInYaml) {
  testing::Loaded in(
      "i: 0x1F\nf: 1.5\nb: yes\nn: ~\ns: '12'\nbig: 9223372036854775808\nt: !!int \"7\"\nff: "
      "!!float 3\n"
      "str: !!str 12\ncustom: !Ref 12\nbin: 0b11\n");
  ASSERT_EQ(in.count(), 1u) << ::testing::PrintToString(in.diags);
  const Node& r = in.root();
  EXPECT_EQ(r.Get("i")->kind(), NodeKind::kInt);
  EXPECT_EQ(r.Get("i")->AsInt(), 31);
  EXPECT_EQ(r.Get("i")->text(), "0x1F");
  EXPECT_EQ(r.Get("f")->AsDouble(), 1.5);
  EXPECT_EQ(r.Get("f")->AsInt(), std::nullopt);
  EXPECT_EQ(r.Get("b")->AsBool(), true);
  EXPECT_EQ(r.Get("b")->AsString(), std::nullopt);
  EXPECT_TRUE(r.Get("n")->IsNull());
  EXPECT_EQ(r.Get("s")->kind(), NodeKind::kString);
  EXPECT_EQ(r.Get("s")->AsInt(), std::nullopt);
  EXPECT_TRUE(r.Get("s")->quoted());
  EXPECT_EQ(r.Get("big")->kind(), NodeKind::kFloat);
  EXPECT_EQ(r.Get("big")->AsInt(), std::nullopt);
  EXPECT_EQ(r.Get("t")->kind(), NodeKind::kInt);
  EXPECT_EQ(r.Get("t")->AsInt(), 7);
  EXPECT_EQ(r.Get("ff")->kind(), NodeKind::kFloat);
  EXPECT_EQ(r.Get("ff")->AsDouble(), 3.0);
  EXPECT_EQ(r.Get("ff")->AsInt(), 3);
  EXPECT_EQ(r.Get("str")->kind(), NodeKind::kString);
  EXPECT_FALSE(r.Get("str")->quoted());
  EXPECT_EQ(r.Get("custom")->kind(), NodeKind::kString);
  EXPECT_EQ(r.Get("bin")->AsInt(), 3);
}

TEST(ScalarValues, QuotedAndBlockScalarsAreStrings) {
  testing::Loaded in("a: \"true\"\nb: 'null'\nc: |\n  42\nd: >\n  yes\n  no\n");
  ASSERT_EQ(in.count(), 1u);
  const Node& r = in.root();
  EXPECT_EQ(r.Get("a")->AsString(), "true");
  EXPECT_EQ(r.Get("b")->AsString(), "null");
  EXPECT_EQ(r.Get("c")->AsString(), "42\n");
  EXPECT_EQ(r.Get("d")->AsString(), "yes no\n");
  EXPECT_TRUE(r.Get("c")->quoted());
}

TEST(ScalarValues, WrongExplicitTagIsAnError) {
  testing::Loaded in("a: !!int abc\n---\nb: !!bool 1\n---\nc: !!int 5\n");
  EXPECT_EQ(in.diags,
            (std::vector<std::string>{"in.yaml:1:10: error: cannot decode \"abc\" as !!int",
                                      "in.yaml:3:11: error: cannot decode \"1\" as !!bool"}));
  ASSERT_EQ(in.count(), 1u);
  EXPECT_EQ(in.root().Get("c")->AsInt(), 5);
}

TEST(JsonNumbers, Grammar) {
  EXPECT_TRUE(IsJsonNumber("0"));
  EXPECT_TRUE(IsJsonNumber("-0"));
  EXPECT_TRUE(IsJsonNumber("1.5e-3"));
  EXPECT_FALSE(IsJsonNumber("01"));
  EXPECT_FALSE(IsJsonNumber("+1"));
  EXPECT_FALSE(IsJsonNumber("1."));
  EXPECT_FALSE(IsJsonNumber(".5"));
  EXPECT_FALSE(IsJsonNumber("1e"));
  EXPECT_FALSE(IsJsonNumber("-"));
  EXPECT_TRUE(IsJsonInt("-9223372036854775808"));
  EXPECT_FALSE(IsJsonInt("9223372036854775808"));
  EXPECT_FALSE(IsJsonInt("1e2"));
}

}  // namespace
}  // namespace centinela::doc
