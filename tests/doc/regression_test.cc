// Inputs that once broke an invariant of the loaders (found by the fuzzers, see fuzz/) and the
// invariants themselves on hand-written inputs. Each file under tests/regressions/ is checked with
// the fuzz target's own checks: YAML files (*.yaml) with CheckYaml, JSON files (*.json) with
// CheckJson.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../../fuzz/fuzz_checks.h"
#include "doc_test_util.h"
#include "test_util.h"

namespace centinela::doc {
namespace {

std::vector<std::filesystem::path> RegressionFiles() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::SourcePath("tests/regressions"))) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".json"))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(Regressions, FuzzFindsStayFixed) {
  std::vector<std::filesystem::path> files = RegressionFiles();
  ASSERT_GE(files.size(), 2u);
  for (const std::filesystem::path& path : files) {
    std::string text = testing::ReadFile(path.string());
    std::string problem =
        path.extension() == ".json" ? fuzzing::CheckJson(text) : fuzzing::CheckYaml(text);
    EXPECT_EQ(problem, "") << path;
  }
}

TEST(Regressions, FuzzSeedsPass) {
  size_t files = 0;
  for (const char* dir : {"fuzz/corpus/yaml", "fuzz/corpus/json"}) {
    for (const auto& entry : std::filesystem::directory_iterator(testing::SourcePath(dir))) {
      std::string text = testing::ReadFile(entry.path().string());
      bool json = std::string(dir).ends_with("json");
      EXPECT_EQ(json ? fuzzing::CheckJson(text) : fuzzing::CheckYaml(text), "") << entry.path();
      ++files;
    }
  }
  EXPECT_GE(files, 20u);
}

// The fast path gave up too late on a document end marker followed by content (`... &`): libfyaml
// rejects it.
TEST(Regressions, ContentAfterDocumentEndMarker) {
  for (const char* text : {"b: 2\n... &\n", "b: 2\n... x\n", "- a\n... # fine\n", "b: 2\n...\n"}) {
    EXPECT_EQ(fuzzing::CheckYaml(text), "") << text;
  }
  testing::Loaded bad("b: 2\n... &\nc: 3\n");
  EXPECT_EQ(
      bad.diags,
      std::vector<std::string>{
          "in.yaml:2:5: error: YAML syntax error: invalid content after document end marker"});
  ASSERT_EQ(bad.count(), 1u);
  EXPECT_EQ(bad.root().GetText("c"), "3");
}

TEST(SplitInvariants, MarkersDirectivesCommentsAndCuts) {
  const char* cases[] = {
      "",
      "a: 1\n",
      "---\na: 1\n---\nb: 2\n",
      "# c\n---\na: 1\n# c\n---\n# only a comment\n---\nb: 2\n...\n# after\n",
      "%YAML 1.2\n---\na: 1\n...\n%YAML 1.1\n---\nb: 2\n",
      "a: 1\n%not a directive\n---\nb\n",
      "---\n---\n---\n",
      "--- a\n--- b\n---\tc\n---\r\nd\n",
      "----\n---x\n ---\n...x\n",
      "\xEF\xBB\xBF---\na: 1\n",
      "\xEF\xBB\xBF%YAML 1.2\n---\na\n",
      "a\n...\n...\n---\n",
      "- x\n- y\n---\n- z\n.x: 1\n---\n",
      "a: |\n  ---\n  text\n---\nb\n",
      "no newline at the end\n---\nlast",
  };
  for (const char* text : cases) EXPECT_EQ(fuzzing::CheckSplit(text), "") << text;
}

TEST(SplitInvariants, LargeStreamCutIntoParts) {
  std::string text = "%YAML 1.2\n# header\n";
  for (int i = 0; i < 3000; ++i) {
    text += (i % 7 == 0 ? "# comment before\n---\n" : i % 11 == 0 ? "...\n---\n" : "---\n");
    text += "kind: ConfigMap\nmetadata:\n  name: cm-" + std::to_string(i) + "\n";
    if (i % 13 == 0) text += "- dash at column 0\n.dot: at column 0\n";
  }
  EXPECT_EQ(fuzzing::CheckSplit(text), "");
  std::vector<size_t> cuts = CutYamlStream(text, 4);
  EXPECT_EQ(cuts.size(), 4u);
  core::SourceFile source("big.yaml", text);
  LoadOutput one, four;
  LoadYamlWith(source, core::Limits{}, one, true, 1);
  LoadYamlWith(source, core::Limits{}, four, true, 4);
  EXPECT_EQ(fuzzing::CompareLoads(one, four), "");
  EXPECT_EQ(four.arenas.size(), 4u);
  EXPECT_EQ(one.docs.size(), 3000u);
}

}  // namespace
}  // namespace centinela::doc
