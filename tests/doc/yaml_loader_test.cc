#include "doc/yaml_loader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "doc_test_util.h"

namespace centinela::doc {
namespace {

using testing::Loaded;
using Strings = std::vector<std::string>;

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(YamlPositions, EveryNodeHasLineAndColumn) {
  Loaded in(
      "# leading comment\n"
      "apiVersion: v1\n"
      "kind: Pod\n"
      "metadata:\n"
      "  name: web\n"
      "  labels: {app: web, tier: \"front\"}\n"
      "spec:\n"
      "  containers:\n"
      "  - name: app\n"
      "    image: nginx\n"
      "    args: [\"-g\", 'daemon off;']\n"
      "    command:\n"
      "      - sh\n");
  ASSERT_EQ(in.count(), 1u) << ::testing::PrintToString(in.diags);
  const Document& d = in.corpus.documents()[0];
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.index, 0u);
  const Node& r = in.root();
  EXPECT_EQ(r.line(), 2u);
  EXPECT_EQ(r.column(), 1u);
  EXPECT_EQ(r.entries()[0].key->line(), 2u);
  EXPECT_EQ(r.Get("kind")->line(), 3u);
  EXPECT_EQ(r.Get("kind")->column(), 7u);
  const Node* meta = r.Get("metadata");
  EXPECT_EQ(meta->line(), 5u);  // a block mapping starts at its first key
  EXPECT_EQ(meta->column(), 3u);
  const Node* labels = meta->Get("labels");
  EXPECT_EQ(labels->line(), 6u);  // a flow mapping starts at its brace
  EXPECT_EQ(labels->column(), 11u);
  EXPECT_EQ(labels->Get("app")->column(), 17u);
  EXPECT_EQ(labels->Get("tier")->column(), 28u);  // a quoted scalar starts at its quote
  const Node* containers = r.GetPath({"spec", "containers"});
  EXPECT_EQ(containers->line(), 9u);
  EXPECT_EQ(containers->column(), 3u);
  const Node* c0 = containers->items()[0];
  EXPECT_EQ(c0->line(), 9u);
  EXPECT_EQ(c0->column(), 5u);
  EXPECT_EQ(c0->Get("image")->line(), 10u);
  EXPECT_EQ(c0->Get("image")->column(), 12u);
  EXPECT_EQ(c0->Get("args")->items()[1]->column(), 18u);
  EXPECT_EQ(c0->Get("command")->line(), 13u);
  EXPECT_EQ(c0->Get("command")->column(), 7u);
  EXPECT_EQ(c0->Get("command")->items()[0]->column(), 9u);
}

TEST(YamlPositions, QuotedBlockAndAliasNodesStartAtTheirIndicator) {
  Loaded in(
      "a: |\n  text\n"
      "b: >-  # folded | with a comment\n\n  folded\n"
      "\"c |\": |+2\n   x\n"
      "d: 's'\n"
      "e: &x \"q\"\n"
      "f: *x\n"
      "g:\n- |\n  item\n");
  ASSERT_EQ(in.count(), 1u) << ::testing::PrintToString(in.diags);
  const Node& r = in.root();
  EXPECT_EQ(r.Get("a")->line(), 1u);
  EXPECT_EQ(r.Get("a")->column(), 4u);
  EXPECT_EQ(r.Get("b")->line(), 3u);
  EXPECT_EQ(r.Get("b")->column(), 4u);
  EXPECT_EQ(r.Get("b")->AsString(), "\nfolded");  // a leading blank line is kept
  EXPECT_EQ(r.Get("c |")->line(), 6u);
  EXPECT_EQ(r.Get("c |")->column(), 8u);
  EXPECT_EQ(r.Get("c |")->AsString(), " x\n");
  EXPECT_EQ(r.Get("d")->column(), 4u);
  EXPECT_EQ(r.Get("e")->column(), 7u);
  EXPECT_EQ(r.Get("f")->column(), 7u);  // an alias is the anchored node
  EXPECT_EQ(r.Get("g")->items()[0]->line(), 12u);
  EXPECT_EQ(r.Get("g")->items()[0]->column(), 3u);
}

TEST(YamlPositions, ColumnsCountBytes) {
  Loaded in("a: \"é\"\nb: [é, x]\n");
  ASSERT_EQ(in.count(), 1u);
  EXPECT_EQ(in.root().Get("b")->items()[1]->column(), 9u);  // 'é' is two bytes
}

TEST(YamlStream, MultipleDocumentsKeepOrderAndLines) {
  Loaded in("a: 1\n---\n# only a comment\n---\nb: 2\n--- \nc: 3\n...\n---\n\n\nd: 4\n...\n");
  EXPECT_TRUE(in.diags.empty()) << ::testing::PrintToString(in.diags);
  ASSERT_EQ(in.count(), 4u);
  EXPECT_EQ(in.root(0).GetText("a"), "1");
  EXPECT_EQ(in.root(1).GetText("b"), "2");
  EXPECT_EQ(in.root(2).GetText("c"), "3");
  EXPECT_EQ(in.root(3).GetText("d"), "4");
  EXPECT_EQ(in.corpus.documents()[1].line, 5u);
  EXPECT_EQ(in.corpus.documents()[3].line, 12u);
  EXPECT_EQ(in.corpus.documents()[3].index, 3u);  // the empty document does not count
}

TEST(YamlStream, EmptyInputsProduceNoDocuments) {
  for (const char* text :
       {"", "\n\n", "# just a comment\n", "---\n", "---\n# c\n...\n", "--- \n---\n"}) {
    Loaded in(text);
    EXPECT_EQ(in.count(), 0u) << text;
    EXPECT_TRUE(in.diags.empty()) << text << ::testing::PrintToString(in.diags);
  }
}

TEST(YamlStream, ScalarAndListDocuments) {
  Loaded in("--- ~\n--- hello\n---\n- 1\n- 2\n");
  ASSERT_EQ(in.count(), 3u);
  EXPECT_TRUE(in.root(0).IsNull());
  EXPECT_EQ(in.root(1).AsString(), "hello");
  EXPECT_EQ(in.root(2).size(), 2u);
}

TEST(YamlStream, SyntaxErrorSkipsOnlyThatDocument) {
  Loaded in(
      "kind: A\n"
      "---\n"
      "kind: B\n"
      "  bad: indentation\n"
      "---\n"
      "kind: C\n"
      "list: [1, 2\n"
      "---\n"
      "kind: D\n");
  EXPECT_EQ(
      in.diags,
      (Strings{"in.yaml:3:7: error: YAML syntax error: invalid multiline plain key",
               "in.yaml:7:12: error: YAML syntax error: flow sequence without a closing bracket"}));
  ASSERT_EQ(in.count(), 2u);
  EXPECT_EQ(in.root(0).GetText("kind"), "A");
  EXPECT_EQ(in.root(1).GetText("kind"), "D");
  EXPECT_EQ(in.corpus.documents()[1].index,
            3u);  // failed documents keep their place in the numbering
  EXPECT_EQ(in.corpus.documents()[1].line, 9u);
}

TEST(YamlStream, DirectivesStayWithTheirDocument) {
  Loaded in("%YAML 1.1\n---\na: 1\n...\n%TAG !k! tag:k8s.io,2024:\n---\nb: !k!thing 2\n");
  EXPECT_TRUE(in.diags.empty()) << ::testing::PrintToString(in.diags);
  ASSERT_EQ(in.count(), 2u);
  EXPECT_EQ(in.root(1).Get("b")->kind(), NodeKind::kString);  // custom tags read as strings
}

TEST(YamlStream, SplitAtDocumentMarkers) {
  std::string text = "# c\n%YAML 1.2\n---\na: 1\n---x: y\n...\n\n# tail\n---\nb: |\n  ---\n---";
  std::vector<YamlChunk> chunks = SplitYamlStream(text);
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(text.substr(chunks[0].begin, chunks[0].end - chunks[0].begin),
            "# c\n%YAML 1.2\n---\na: 1\n---x: y\n...\n");
  EXPECT_EQ(chunks[0].line, 1u);
  EXPECT_EQ(text.substr(chunks[1].begin, chunks[1].end - chunks[1].begin),
            "\n# tail\n---\nb: |\n  ---\n");
  EXPECT_EQ(chunks[1].line, 7u);
  EXPECT_EQ(text.substr(chunks[2].begin), "---");
  EXPECT_EQ(chunks[2].line, 12u);
}

TEST(YamlAnchors, AliasesShareTheAnchoredNode) {
  Loaded in("base: &b {cpu: 100m}\nx: *b\ny: &s hello\nz: *s\n");
  ASSERT_EQ(in.count(), 1u);
  const Node& r = in.root();
  EXPECT_EQ(r.Get("x"), r.Get("base"));
  EXPECT_EQ(r.Get("z")->AsString(), "hello");
  EXPECT_EQ(r.Get("x")->GetText("cpu"), "100m");
}

TEST(YamlAnchors, UnknownAndRecursiveAliasesAreErrors) {
  Loaded in("a: *missing\n---\nb: &r [1, *r]\n---\nok: 1\n");
  EXPECT_EQ(in.diags,
            (Strings{"in.yaml:1:4: error: unknown anchor \"missing\"",
                     "in.yaml:3:11: error: alias \"r\" refers to a node that contains it"}));
  ASSERT_EQ(in.count(), 1u);
}

TEST(YamlAnchors, AnchorsDoNotCrossDocuments) {
  Loaded in("a: &x 1\n---\nb: *x\n");
  EXPECT_EQ(in.diags, (Strings{"in.yaml:3:4: error: unknown anchor \"x\""}));
  EXPECT_EQ(in.count(), 1u);
}

TEST(YamlMerge, MappingAndListOfMappings) {
  Loaded in(
      "defaults: &d {a: 1, b: 2}\n"
      "extra: &e {b: 20, c: 30}\n"
      "one:\n"
      "  <<: *d\n"
      "  c: 3\n"
      "two:\n"
      "  <<: [*e, *d]\n"
      "  a: 100\n");
  ASSERT_EQ(in.count(), 1u) << ::testing::PrintToString(in.diags);
  EXPECT_TRUE(in.diags.empty());
  const Node* one = in.root().Get("one");
  ASSERT_EQ(one->size(), 3u);
  EXPECT_EQ(one->entries()[0].key->text(), "a");
  EXPECT_EQ(one->entries()[1].key->text(), "b");
  EXPECT_EQ(one->entries()[2].key->text(), "c");
  EXPECT_EQ(one->GetText("c"), "3");
  const Node* two = in.root().Get("two");
  ASSERT_EQ(two->size(), 3u);
  EXPECT_EQ(two->GetText("a"), "100");  // written keys win
  EXPECT_EQ(two->GetText("b"), "20");   // earlier mappings win
  EXPECT_EQ(two->GetText("c"), "30");
  EXPECT_EQ(two->Get("<<"), nullptr);
}

TEST(YamlMerge, QuotedMergeKeyIsAnOrdinaryKey) {
  Loaded in("a: {x: 1}\nb:\n  \"<<\": {y: 2}\n");
  ASSERT_EQ(in.count(), 1u);
  EXPECT_NE(in.root().Get("b")->Get("<<"), nullptr);
}

TEST(YamlMerge, ExplicitKeyBeforeMergeWarns) {
  Loaded in("p: &p {privileged: true}\nc:\n  privileged: false\n  <<: *p\n");
  ASSERT_EQ(in.count(), 1u);
  EXPECT_EQ(in.root().Get("c")->GetText("privileged"), "false");
  EXPECT_EQ(
      in.diags,
      (Strings{"in.yaml:3:3: warning: key \"privileged\" is also set by the merge key at 4:3; "
               "centinela uses the value written here, Kubernetes' YAML decoder uses the merged "
               "one"}));
}

TEST(YamlMerge, BadMergeValues) {
  Loaded in("a:\n  <<: 5\n---\nb:\n  <<: [{x: 1}, 2]\n");
  EXPECT_EQ(in.diags,
            (Strings{"in.yaml:2:7: error: a merge key needs a mapping or a list of mappings",
                     "in.yaml:5:16: error: a merge key needs a mapping or a list of mappings"}));
  EXPECT_EQ(in.count(), 0u);
}

TEST(YamlLimits, BillionLaughsIsRejectedQuickly) {
  std::string text =
      "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    text += std::string(1, c) + ": &" + std::string(1, c) + " [" + Repeat("*" + prev + ",", 8) +
            "*" + prev + "]\n";
  }
  text += "---\nfine: 1\n";
  auto start = std::chrono::steady_clock::now();
  Loaded in(text);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(10));  // generous: ASan and a loaded CI machine
  EXPECT_EQ(
      in.diags,
      (Strings{"in.yaml:7:8: error: aliases expand to more than the limit of 1000000 nodes"}));
  ASSERT_EQ(in.count(), 1u);
  EXPECT_EQ(in.root().GetText("fine"), "1");
}

TEST(YamlLimits, AliasExpansionLimitIsConfigurable) {
  core::Limits limits;
  limits.max_alias_expansion = 5;
  Loaded ok("a: &a [1, 2]\nb: *a\n", "in.yaml", limits);  // 3 nodes through the alias
  EXPECT_EQ(ok.count(), 1u);
  Loaded bad("a: &a [1, 2]\nb: *a\nc: *a\n", "in.yaml", limits);  // 6
  EXPECT_EQ(bad.diags,
            (Strings{"in.yaml:3:4: error: aliases expand to more than the limit of 5 nodes"}));
}

TEST(YamlLimits, DeepNestingIsRejectedWithoutRecursion) {
  {
    Loaded in(Repeat("- ", 100000) + "x\n");
    EXPECT_EQ(in.diags,
              (Strings{"in.yaml:1:513: error: nesting deeper than the limit of 256 levels"}));
  }
  {
    // The root mapping is the first level, so the 256th bracket is one too many.
    Loaded in("a: " + Repeat("[", 100000) + "\n");
    EXPECT_EQ(in.diags,
              (Strings{"in.yaml:1:259: error: nesting deeper than the limit of 256 levels"}));
  }
  {
    std::string text;
    for (int i = 0; i < 300; ++i) text += std::string(static_cast<size_t>(i), ' ') + "k:\n";
    Loaded in(text);
    EXPECT_EQ(in.diags,
              (Strings{"in.yaml:257:257: error: nesting deeper than the limit of 256 levels"}));
  }
  {
    core::Limits limits;
    limits.max_depth = 3;
    EXPECT_EQ(Loaded("a: {b: {c: 1}}\n", "in.yaml", limits).count(), 1u);
    EXPECT_EQ(Loaded("a: {b: {c: []}}\n", "in.yaml", limits).diags,
              (Strings{"in.yaml:1:12: error: nesting deeper than the limit of 3 levels"}));
  }
}

TEST(YamlLimits, LongScalar) {
  core::Limits limits;
  limits.max_scalar_bytes = 4;
  Loaded in("a: abcd\n---\nb: abcde\n", "in.yaml", limits);
  EXPECT_EQ(in.diags, (Strings{"in.yaml:3:4: error: scalar longer than the limit of 4 bytes"}));
  EXPECT_EQ(in.count(), 1u);
}

TEST(YamlErrors, DuplicateKeys) {
  Loaded in(
      "metadata:\n"
      "  name: a\n"
      "  labels: {x: 1}\n"
      "  name: b\n"
      "---\n"
      "t: 1\n"
      "true: 2\n"
      "\"true\": 3\n"
      "---\n"
      "n: 1\n"
      "0x10: a\n"
      "16: b\n"
      "---\n"
      "ok: 1\n");
  EXPECT_EQ(in.diags,
            (Strings{"in.yaml:4:3: error: duplicate key \"name\" (first defined at 2:3)",
                     "in.yaml:8:1: error: duplicate key \"true\" (first defined at 7:1)",
                     "in.yaml:12:1: error: duplicate key \"16\" (first defined at 11:1)"}));
  ASSERT_EQ(in.count(), 1u);
  EXPECT_EQ(in.root().GetText("ok"), "1");
}

TEST(YamlErrors, DuplicateKeysInLargeMappings) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "k" + std::to_string(i) + ": v\n";
  text += "k57: again\nk3: again\n";
  Loaded in(text);
  EXPECT_EQ(in.diags,
            (Strings{"in.yaml:101:1: error: duplicate key \"k57\" (first defined at 58:1)"}));
}

TEST(YamlErrors, NonScalarKeys) {
  Loaded in("? [a, b]\n: 1\n---\n{x: 1}: 2\n");
  EXPECT_EQ(in.diags,
            (Strings{"in.yaml:1:3: error: a mapping key must be a scalar, not a list",
                     "in.yaml:4:1: error: a mapping key must be a scalar, not a mapping"}));
}

TEST(YamlErrors, InvalidUtf8SkipsTheDocument) {
  Loaded in("a: 1\n---\nb: \"x\xC3\x28\"\n---\nc: \xFF\n---\nd: caf\xC3\xA9\n");
  EXPECT_EQ(in.diags, (Strings{"in.yaml:3:6: error: invalid UTF-8 sequence starting with byte 0xC3",
                               "in.yaml:5:4: error: invalid UTF-8 byte 0xFF"}));
  ASSERT_EQ(in.count(), 2u);
  EXPECT_EQ(in.root(1).GetText("d"), "caf\xC3\xA9");
}

TEST(YamlErrors, ControlCharactersAndBinaryGarbage) {
  Loaded nul(std::string("a: b\0c\n", 7));
  EXPECT_EQ(nul.diags, (Strings{"in.yaml:1:5: error: control character U+0000 is not allowed"}));
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919 + 13) & 0xFF);
  Loaded bin(garbage);
  EXPECT_EQ(bin.count(), 0u);
  ASSERT_FALSE(bin.diags.empty());
  EXPECT_NE(bin.diags[0].find(": error: "), std::string::npos);
}

TEST(YamlErrors, TabsAndOtherSyntaxErrorsHaveAPosition) {
  Loaded in("a:\n\t- b\n");
  ASSERT_EQ(in.diags.size(), 1u);
  EXPECT_EQ(in.diags[0].rfind("in.yaml:2:", 0), 0u) << in.diags[0];
  EXPECT_EQ(in.count(), 0u);
}

TEST(YamlLarge, ParallelParseMatchesSequentialOrder) {
  // Large enough to be split across threads; one broken document in the middle.
  std::string text;
  for (int i = 0; i < 6000; ++i) {
    text += "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-" + std::to_string(i) +
            "\n  namespace: ns\ndata:\n  key: \"" + std::string(40, 'x') + "\"\n";
    if (i == 3000) text += "  bad: [\n";
  }
  Loaded in(text);
  EXPECT_EQ(
      in.diags,
      (Strings{
          "in.yaml:24009:9: error: YAML syntax error: flow sequence without a closing bracket"}));
  ASSERT_EQ(in.count(), 5999u);
  for (size_t i = 0; i < in.count(); ++i) {
    size_t n = i < 3000 ? i : i + 1;
    ASSERT_EQ(in.root(i).GetPath({"metadata", "name"})->text(), "cm-" + std::to_string(n));
    ASSERT_EQ(in.corpus.documents()[i].index, n);
    ASSERT_EQ(in.corpus.documents()[i].line, 2 + 8 * n + (n > 3000 ? 1 : 0));
  }
}

}  // namespace
}  // namespace centinela::doc
