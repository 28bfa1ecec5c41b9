#include "doc/yaml_scalar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "doc/yaml_loader.h"
#include "doc_test_util.h"

namespace centinela::doc {
namespace {

using Strings = std::vector<std::string>;

// The value of key `k` in the single document of `yaml`, loaded with or without the fast path.
std::string ValueOfK(const std::string& yaml, bool fast_path) {
  core::SourceFile source("in.yaml", yaml);
  LoadOutput out;
  LoadYamlWith(source, core::Limits{}, out, fast_path, 1);
  if (!out.diagnostics.empty())
    return "<" + core::FormatDiagnostic(out.diagnostics[0], false) + ">";
  if (out.docs.size() != 1 || out.docs[0].root == nullptr) return "<no document>";
  const Node* k = out.docs[0].root->Get("k");
  return k == nullptr ? "<no k>" : std::string(k->text());
}

struct Case {
  std::string yaml;
  std::string value;
};

// Expected values are go-yaml's (and PyYAML's, which agrees on all of these).
void ExpectValues(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(ValueOfK(c.yaml, false), c.value) << c.yaml;
    EXPECT_EQ(ValueOfK(c.yaml, true), c.value) << c.yaml;
  }
}

TEST(YamlScalars, SingleQuoted) {
  ExpectValues({
      {"k: 'it''s'\n", "it's"},
      // libfyaml 0.7.12 reads these three as "a'''", "'''::" and "'''": consecutive escapes.
      {"k: 'a''''b'\n", "a''b"},
      {"k: '''''::b'\n", "''::b"},
      {"k: ''''''''\n", "'''"},
      {"k: 'x''y''z''w''v''u''t''s''r''q'\n", "x'y'z'w'v'u't's'r'q"},
      {"k: 'no \\escapes\\n'\n", "no \\escapes\\n"},
      {"k: 'one\n  two'\n", "one two"},
      {"k: 'one  \n\n  two'\n", "one\ntwo"},
      {"k: 'one\n\n\n  two '\n", "one\n\ntwo "},
      {"k: '\n ''\n  '''\n", " ' '"},
      {"{k: 'a\r\n  b'}\n", "a b"},
      {"{k: ' \tx\t '}\n", " \tx\t "},
  });
}

TEST(YamlScalars, DoubleQuoted) {
  ExpectValues({
      {"k: \"tab\\there\\nnl \\\"q\\\" \\\\ \\/ \\x41\\u00e9\\U0001F600\"\n",
       "tab\there\nnl \"q\" \\ / A\xC3\xA9\xF0\x9F\x98\x80"},
      {"k: \"\\0\\a\\b\\v\\f\\r\\e\\ \\N\\_\\L\\P\"\n",
       std::string("\0\x07\x08\x0B\x0C\r\x1B \xC2\x85\xC2\xA0\xE2\x80\xA8\xE2\x80\xA9", 18)},
      {"k: \"one\n  two\"\n", "one two"},
      {"k: \"one \\\n  two\"\n", "one two"},
      {"k: \"one\\\n  two\"\n", "onetwo"},
      {"k: \"one\\\n\n  two\"\n", "one\ntwo"},
      // libfyaml 0.7.12 adds NUL bytes and drops characters on escaped spaces before a line break.
      {"k: \"\\x41\\ \n  \\/\\b\\ \"\n", "A  /\x08 "},
      {"k: \"a\\ \n  b\"\n", "a  b"},
      {"k: \"\\t\\\t|\"\n", "\t\t|"},
  });
  // libfyaml rejects these first; DecodersDirectly covers the decoder's own checks.
  EXPECT_EQ(ValueOfK("k: \"\\q\"\n", false),
            "<in.yaml:1:5: error: YAML syntax error: invalid escape 'q' in double-quoted string>");
}

TEST(YamlScalars, BlockScalars) {
  ExpectValues({
      {"k: |\n  one\n  two\n", "one\ntwo\n"},
      {"k: |-\n  one\n\n", "one"},
      {"k: |+\n  one\n\n\nx: 1\n", "one\n\n\n"},
      {"k: >\n  one\n  two\n\n  three\n", "one two\nthree\n"},
      // libfyaml 0.7.12 drops the line break before a more-indented line and appends a NUL byte.
      {"k: >-\n  a\n\n    b\n  c\n", "a\n\n  b\nc"},
      {"k: >\n  \n      a\n\n       b#\n  \n# c\n", "\na\n\n b#\n"},
      {"k: |2\n    two extra\n  none\n", "  two extra\nnone\n"},
      {"k: >1-\n  x\n", " x"},
      {"k: |\n\n\n  after empty lines\n", "\n\nafter empty lines\n"},
      {"k: |\n  # not a comment\n  x # neither\n", "# not a comment\nx # neither\n"},
      {"k: |\n  x", "x"},
  });
  // go-yaml rejects a tab where the indentation of a block scalar is being detected (PyYAML does
  // not).
  EXPECT_EQ(ValueOfK("k: >\n  \ta\n  b\n", false),
            "<in.yaml:1:4: error: YAML syntax error: a tab character where a block scalar expects "
            "indentation>");
  EXPECT_EQ(ValueOfK("k: >\n  a\n  \tb\n", false), "a\n\tb\n");
  EXPECT_EQ(
      ValueOfK("k: |\n\tx\n", false),
      "<in.yaml:2:1: error: YAML syntax error: invalid tab character as indent instead of space>");
}

TEST(YamlScalars, DecodersDirectly) {
  std::string out;
  TextProblem problem;
  ASSERT_TRUE(DecodeQuotedScalar("x: 'a''b' rest", 3, &out, &problem));
  EXPECT_EQ(out, "a'b");
  EXPECT_FALSE(DecodeQuotedScalar("x: 'unterminated", 3, &out, &problem));
  EXPECT_EQ(problem.offset, 3u);
  ASSERT_TRUE(DecodeBlockScalar("- |\n   x\n  y\n", 2, 0, &out, &problem));
  EXPECT_EQ(out, "x\n");
  ASSERT_TRUE(DecodeBlockScalar("- |1\n   x\n", 2, 0, &out, &problem));
  EXPECT_EQ(out, "  x\n");
  EXPECT_FALSE(DecodeQuotedScalar("\"\\q\"", 0, &out, &problem));
  EXPECT_EQ(problem.message, "unknown escape sequence in a double-quoted scalar");
  EXPECT_EQ(problem.offset, 1u);
  EXPECT_FALSE(DecodeQuotedScalar("\"a\\ud800\"", 0, &out, &problem));
  EXPECT_EQ(problem.message, "invalid Unicode code point in an escape sequence");
  EXPECT_FALSE(DecodeQuotedScalar("\"\\x4\"", 0, &out, &problem));
  EXPECT_EQ(problem.message, "invalid escape sequence in a double-quoted scalar");
  ASSERT_TRUE(DecodeQuotedScalar("\"\\U0010FFFF\\'\"", 0, &out, &problem));
  EXPECT_EQ(out, "\xF4\x8F\xBF\xBF'");
  EXPECT_FALSE(DecodeBlockScalar("k: |0\n x\n", 3, 0, &out, &problem));
  EXPECT_EQ(problem.message, "a block scalar indentation indicator must not be 0");
}

}  // namespace
}  // namespace centinela::doc
