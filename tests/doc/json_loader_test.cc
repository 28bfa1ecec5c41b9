#include "doc/json_loader.h"

#include <gtest/gtest.h>

#include <string>

#include "doc_test_util.h"

namespace centinela::doc {
namespace {

using testing::Loaded;
using Strings = std::vector<std::string>;

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(JsonDetect, FirstNonBlankByte) {
  EXPECT_TRUE(LooksLikeJson("{}"));
  EXPECT_TRUE(LooksLikeJson(" \n\t[1]"));
  EXPECT_TRUE(LooksLikeJson("\xEF\xBB\xBF{}"));
  EXPECT_FALSE(LooksLikeJson("a: 1"));
  EXPECT_FALSE(LooksLikeJson("# {\n"));
  EXPECT_FALSE(LooksLikeJson(""));
  EXPECT_FALSE(LooksLikeJson("\"x\""));
}

TEST(JsonValues, KindsTextAndPositions) {
  Loaded in(
      "{\n"
      "  \"apiVersion\": \"v1\",\n"
      "  \"n\": [1, -2, 3.5, 1e3, 9223372036854775808, true, false, null],\n"
      "  \"esc\": \"a\\\"b\\\\c\\u00e9\\n\",\n"
      "  \"k\\u0065y\": {}\n"
      "}\n",
      "in.json");
  ASSERT_EQ(in.count(), 1u) << ::testing::PrintToString(in.diags);
  const Node& r = in.root();
  EXPECT_EQ(r.line(), 1u);
  EXPECT_EQ(r.column(), 1u);
  EXPECT_EQ(in.corpus.documents()[0].line, 1u);
  EXPECT_EQ(r.entries()[0].key->line(), 2u);
  EXPECT_EQ(r.entries()[0].key->column(), 3u);
  EXPECT_EQ(r.Get("apiVersion")->column(), 17u);
  EXPECT_TRUE(r.Get("apiVersion")->quoted());
  const Node* n = r.Get("n");
  EXPECT_EQ(n->line(), 3u);
  EXPECT_EQ(n->column(), 8u);
  ASSERT_EQ(n->size(), 8u);
  EXPECT_EQ(n->items()[0]->kind(), NodeKind::kInt);
  EXPECT_EQ(n->items()[1]->AsInt(), -2);
  EXPECT_EQ(n->items()[1]->column(), 12u);
  EXPECT_EQ(n->items()[2]->kind(), NodeKind::kFloat);
  EXPECT_EQ(n->items()[2]->AsDouble(), 3.5);
  EXPECT_EQ(n->items()[3]->kind(), NodeKind::kFloat);
  EXPECT_EQ(n->items()[3]->AsInt(), 1000);
  EXPECT_EQ(n->items()[3]->text(), "1e3");
  EXPECT_EQ(n->items()[4]->kind(), NodeKind::kFloat);
  EXPECT_EQ(n->items()[5]->AsBool(), true);
  EXPECT_EQ(n->items()[6]->AsBool(), false);
  EXPECT_TRUE(n->items()[7]->IsNull());
  EXPECT_EQ(r.Get("esc")->AsString(), "a\"b\\c\xC3\xA9\n");
  EXPECT_NE(r.Get("key"), nullptr);
  EXPECT_TRUE(r.Get("key")->IsMapping());
  EXPECT_EQ(r.Get("key")->size(), 0u);
}

TEST(JsonValues, MinifiedColumns) {
  Loaded in(R"({"a":{"b":[10,"x"]}})", "in.json");
  ASSERT_EQ(in.count(), 1u);
  const Node* b = in.root().GetPath({"a", "b"});
  EXPECT_EQ(b->column(), 11u);
  EXPECT_EQ(b->items()[1]->column(), 15u);
  EXPECT_EQ(in.root().Get("a")->entries()[0].key->column(), 7u);
}

TEST(JsonErrors, SyntaxErrorsHaveExactPositions) {
  struct Case {
    std::string text;
    std::string diag;
  };
  const Case cases[] = {
      {"{\"a\": 1 \"b\": 2}",
       "in.json:1:9: error: JSON syntax error: expected ',' or '}' after an object member"},
      {"{\"a\": 1,}", "in.json:1:9: error: JSON syntax error: expected a string key"},
      {"[1, 2,]", "in.json:1:7: error: JSON syntax error: unexpected character ']'"},
      {"[1 2]",
       "in.json:1:4: error: JSON syntax error: expected ',' or ']' after an array element"},
      {"{\"a\" 1}", "in.json:1:6: error: JSON syntax error: expected ':' after an object key"},
      {"{\"a\": tru}", "in.json:1:7: error: JSON syntax error: invalid literal \"tru\""},
      {"{\"a\": 01}", "in.json:1:7: error: JSON syntax error: invalid number"},
      {"{\"a\": -}", "in.json:1:7: error: JSON syntax error: invalid number"},
      {"{\"a\": 'x'}", "in.json:1:7: error: JSON syntax error: unexpected character '''"},
      {"{\"a\": \"x\n\"}",
       "in.json:1:9: error: JSON syntax error: unescaped control character in a string"},
      {"{\"a\": \"\\x\"}", "in.json:1:8: error: JSON syntax error: invalid escape sequence"},
      {"{\"a\": \"\\u12\"}", "in.json:1:8: error: JSON syntax error: invalid \\u escape"},
      {"[\"x\\ud800\"]",
       "in.json:1:4: error: JSON syntax error: unpaired surrogate in a \\u escape"},
      {"[\"\\udc00\\ud800\"]",
       "in.json:1:3: error: JSON syntax error: unpaired surrogate in a \\u escape"},
      {"[\"\\ud800\\u0041\"]",
       "in.json:1:3: error: JSON syntax error: unpaired surrogate in a \\u escape"},
      {"{\"a\": \"abc", "in.json:1:7: error: JSON syntax error: unterminated string"},
      {"{\"a\": [1,\n 2", "in.json:2:3: error: JSON syntax error: unexpected end of input"},
      {"{\"a\": \"\xFF\"}", "in.json:1:8: error: invalid UTF-8 byte 0xFF"},
      {"{\"a\": \xC3\xA9}",
       "in.json:1:7: error: JSON syntax error: unexpected character '\xC3\xA9'"},
      // A string value followed by ':' (simdjson On-Demand skips such a string as if it were a
      // key).
      {"{\"\":\"\":}}",
       "in.json:1:7: error: JSON syntax error: expected ',' or '}' after an object member"},
      {"[\"a\":1]",
       "in.json:1:5: error: JSON syntax error: expected ',' or ']' after an array element"},
  };
  for (const Case& c : cases) {
    Loaded in(c.text, "in.json");
    ASSERT_EQ(in.diags.size(), 1u) << c.text << ::testing::PrintToString(in.diags);
    EXPECT_EQ(in.diags[0].substr(0, c.diag.size()), c.diag) << c.text;
    EXPECT_EQ(in.count(), 0u) << c.text;
  }
}

TEST(JsonErrors, TrailingContentIsAnErrorAfterTheFirstDocument) {
  Loaded brace("{\"a\": 1}}", "in.json");
  EXPECT_EQ(brace.diags,
            (Strings{"in.json:1:9: error: JSON syntax error: unexpected character '}'"}));
  EXPECT_EQ(brace.count(), 1u);  // like a stream: what precedes the error is a complete document
  Loaded word("{\"a\": 1} x", "in.json");
  EXPECT_EQ(word.diags,
            (Strings{"in.json:1:10: error: JSON syntax error: unexpected character 'x'"}));
}

TEST(JsonErrors, DuplicateKeys) {
  Loaded in("{\n  \"metadata\": {\"name\": \"a\",\n    \"name\": \"b\"}\n}\n", "in.json");
  EXPECT_EQ(in.diags,
            (Strings{"in.json:3:5: error: duplicate key \"name\" (first defined at 2:16)"}));
  EXPECT_EQ(in.count(), 0u);
  Loaded escaped(R"({"a": 1, "\u0061": 2})", "in.json");
  EXPECT_EQ(escaped.diags,
            (Strings{"in.json:1:10: error: duplicate key \"a\" (first defined at 1:2)"}));
}

TEST(JsonErrors, DeepNestingWithoutRecursion) {
  {
    Loaded in(Repeat("[", 100000) + Repeat("]", 100000), "in.json");
    EXPECT_EQ(in.diags,
              (Strings{"in.json:1:257: error: nesting deeper than the limit of 256 levels"}));
  }
  {
    Loaded in(Repeat("{\"a\":", 100000) + "1" + Repeat("}", 100000), "in.json");
    EXPECT_EQ(in.diags,
              (Strings{"in.json:1:1281: error: nesting deeper than the limit of 256 levels"}));
  }
  {
    // Unbalanced: simdjson fails, the scanner still finds the depth problem first.
    Loaded in(Repeat("[", 100000), "in.json");
    EXPECT_EQ(in.diags,
              (Strings{"in.json:1:257: error: nesting deeper than the limit of 256 levels"}));
  }
  {
    core::Limits limits;
    limits.max_depth = 2;
    EXPECT_EQ(Loaded("[[1]]", "in.json", limits).count(), 1u);
    EXPECT_EQ(Loaded("[[[1]]]", "in.json", limits).diags,
              (Strings{"in.json:1:3: error: nesting deeper than the limit of 2 levels"}));
  }
}

TEST(JsonErrors, BinaryGarbage) {
  std::string garbage = "{\"a\": ";
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919 + 13) & 0xFF);
  Loaded in(garbage, "in.json");
  EXPECT_EQ(in.count(), 0u);
  ASSERT_EQ(in.diags.size(), 1u);
  // The first garbage byte is a CR (JSON white space), the second 0xFC, never valid in UTF-8.
  EXPECT_EQ(in.diags[0], "in.json:1:8: error: invalid UTF-8 byte 0xFC");
  Loaded nul(std::string("{\"a\": \"x\0y\"}", 13), "in.json");
  EXPECT_EQ(
      nul.diags,
      (Strings{"in.json:1:9: error: JSON syntax error: unescaped control character in a string"}));
}

TEST(JsonStream, ConcatenatedValuesAreDocuments) {
  Loaded in("{\"kind\": \"A\"}\n{\"kind\": \"B\"}\n[1]\n", "in.json");
  EXPECT_TRUE(in.diags.empty()) << ::testing::PrintToString(in.diags);
  ASSERT_EQ(in.count(), 3u);
  EXPECT_EQ(in.root(1).GetText("kind"), "B");
  EXPECT_EQ(in.root(1).line(), 2u);
  EXPECT_EQ(in.corpus.documents()[2].index, 2u);
  EXPECT_EQ(in.corpus.documents()[2].line, 3u);
}

TEST(JsonStream, ErrorsInStreams) {
  Loaded in("{\"kind\": \"A\"}\n{\"a\": 1, \"a\": 2}\n5\n{\"kind\": \"D\"}\n{\"kind\": ",
            "in.json");
  EXPECT_EQ(in.diags,
            (Strings{"in.json:2:10: error: duplicate key \"a\" (first defined at 2:2)",
                     "in.json:3:1: error: a JSON stream may contain only objects and arrays",
                     "in.json:5:10: error: JSON syntax error: unexpected end of input"}));
  ASSERT_EQ(in.count(), 2u);
  EXPECT_EQ(in.root(1).GetText("kind"), "D");
  EXPECT_EQ(in.corpus.documents()[1].index, 3u);
}

TEST(JsonOrYaml, JsonNameMeansJson) {
  Loaded json("{a: 1}\n", "in.json");
  EXPECT_EQ(json.diags, (Strings{"in.json:1:2: error: JSON syntax error: expected a string key"}));
  Loaded yaml("{a: 1}\n", "in.yaml");
  EXPECT_TRUE(yaml.diags.empty());
  ASSERT_EQ(yaml.count(), 1u);
  EXPECT_EQ(yaml.root().GetText("a"), "1");
  Loaded flow("[1, 2]\n---\n[3]\n", "<stdin>");
  EXPECT_TRUE(flow.diags.empty());
  EXPECT_EQ(flow.count(), 2u);
  Loaded broken("{\"a\": [1, 2}\n", "<stdin>");  // neither: the JSON error is reported
  EXPECT_EQ(
      broken.diags,
      (Strings{
          "<stdin>:1:12: error: JSON syntax error: expected ',' or ']' after an array element"}));
}

TEST(JsonOrYaml, ByteOrderMark) {
  Loaded in("\xEF\xBB\xBF{\"a\": 1}", "in.json");
  ASSERT_EQ(in.count(), 1u) << ::testing::PrintToString(in.diags);
  EXPECT_EQ(in.root().column(), 4u);
}

TEST(JsonScanner, SplitsValues) {
  JsonScan scan = ScanJson(" {\"a\":[1,{}]}\n[] \"s\" 12", 10);
  EXPECT_FALSE(scan.error.has_value());
  ASSERT_EQ(scan.values.size(), 4u);
  EXPECT_EQ(scan.values[0], (std::pair<size_t, size_t>{1, 13}));
  EXPECT_EQ(scan.values[1], (std::pair<size_t, size_t>{14, 16}));
  EXPECT_EQ(scan.values[3], (std::pair<size_t, size_t>{21, 23}));
}

}  // namespace
}  // namespace centinela::doc
