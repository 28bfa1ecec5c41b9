// Walks tests/checks/<id>/ fixtures: every line marked `# expect: <id>` must get a finding of that
// check, and no other line may. `pass*` files must produce none; `fail*` files must mark at least
// one line. JSON fixtures list their expected lines in a sibling `<file>.expect`.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "checks/registry.h"
#include "checks/runner.h"
#include "core/diagnostic.h"
#include "core/strings.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"
#include "test_util.h"

namespace centinela::checks {
namespace {

namespace fs = std::filesystem;

std::string FixturesRoot() { return testing::SourcePath("tests/checks"); }

std::vector<std::string> FixtureIds() {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(FixturesRoot(), ec)) {
    if (entry.is_directory()) ids.push_back(entry.path().filename().string());
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool IsFixture(const fs::path& p) {
  auto ext = p.extension().string();
  auto name = p.filename().string();
  return (ext == ".yaml" || ext == ".yml" || ext == ".json") &&
         (name.rfind("fail", 0) == 0 || name.rfind("pass", 0) == 0);
}

// Lines carrying `# expect: a, b` where the list names `id`.
std::set<uint32_t> ExpectedLines(const fs::path& file, const std::string& id) {
  std::set<uint32_t> lines;
  if (file.extension() == ".json") {
    std::istringstream in(testing::ReadFile(file.string() + ".expect"));
    uint32_t n = 0;
    while (in >> n) lines.insert(n);
    return lines;
  }
  std::istringstream in(testing::ReadFile(file.string()));
  std::string line;
  uint32_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    size_t pos = line.find("# expect:");
    if (pos == std::string::npos) continue;
    for (auto item : core::SplitTrim(std::string_view(line).substr(pos + 9), ',')) {
      if (item == id) lines.insert(number);
    }
  }
  return lines;
}

std::string Join(const std::set<uint32_t>& lines) {
  std::string out;
  for (uint32_t l : lines) out += (out.empty() ? "" : ", ") + std::to_string(l);
  return "{" + out + "}";
}

class FixturesTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FixturesTest, FindingsMatchMarkers) {
  const std::string id = GetParam();
  const Check* check = BuiltinRegistry().Find(id);
  ASSERT_NE(check, nullptr) << "tests/checks/" << id << "/ names no registered check";

  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(FixturesRoot()) / id)) {
    if (entry.is_regular_file() && IsFixture(entry.path())) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  int fail_files = 0, pass_files = 0;
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    const bool is_pass = file.filename().string().rfind("pass", 0) == 0;
    (is_pass ? pass_files : fail_files)++;

    doc::Corpus corpus;
    core::DiagnosticSink sink;
    ASSERT_TRUE(corpus.AddPath(file.string(), sink));
    for (const auto& d : sink.Sorted()) {
      EXPECT_NE(d.level, core::DiagLevel::kError) << core::FormatDiagnostic(d, true);
    }
    k8s::Snapshot snapshot = k8s::Snapshot::Build(corpus.documents(), sink);
    EXPECT_EQ(sink.error_count(), 0U);

    ScanOptions options;
    options.only = {id};
    std::set<uint32_t> actual;
    for (const core::Finding& f : RunChecks(snapshot, BuiltinRegistry(), options)) {
      EXPECT_EQ(f.check, id);
      EXPECT_FALSE(f.message.empty());
      EXPECT_FALSE(f.path.empty() && f.line == 0);
      if (!f.suppressed) actual.insert(f.line);
    }
    const std::set<uint32_t> expected = ExpectedLines(file, id);
    if (is_pass) {
      EXPECT_TRUE(expected.empty()) << "pass fixtures must not carry markers";
    } else {
      EXPECT_FALSE(expected.empty()) << "fail fixtures must mark at least one line";
    }
    EXPECT_EQ(actual, expected) << "findings on lines " << Join(actual) << ", markers on lines "
                                << Join(expected);
  }
  EXPECT_GE(fail_files, 1) << "each check needs a fail fixture";
  EXPECT_GE(pass_files, 1) << "each check needs a pass fixture";
}

INSTANTIATE_TEST_SUITE_P(Checks, FixturesTest, ::testing::ValuesIn(FixtureIds()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// Every registered check has a fixture folder.
TEST(FixturesCoverage, EveryCheckHasFixtures) {
  for (const Check* check : BuiltinRegistry().All()) {
    std::error_code ec;
    EXPECT_TRUE(fs::is_directory(fs::path(FixturesRoot()) / std::string(check->info().id), ec))
        << "missing tests/checks/" << check->info().id << "/";
  }
}

}  // namespace
}  // namespace centinela::checks
