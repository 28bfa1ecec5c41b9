#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "report/text.h"
#include "report_fixture.h"

namespace centinela::report {
namespace {

using testing::ExpectGolden;
using testing::MakeRegistry;
using testing::MakeReport;
using testing::Render;

size_t LongestLine(const std::string& text) {
  size_t longest = 0;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) longest = std::max(longest, DisplayWidth(line));
  return longest;
}

TEST(Table, Golden) {
  const checks::Registry registry = MakeRegistry();
  ExpectGolden("table.txt", Render(Format::kTable, MakeReport(registry), registry));
}

TEST(Table, GoldenShowSuppressed) {
  const checks::Registry registry = MakeRegistry();
  WriteOptions options;
  options.show_suppressed = true;
  ExpectGolden("table_show_suppressed.txt",
               Render(Format::kTable, MakeReport(registry), registry, options));
}

TEST(Table, GoldenColor) {
  const checks::Registry registry = MakeRegistry();
  WriteOptions options;
  options.color = true;
  options.show_suppressed = true;
  ExpectGolden("table_color.txt", Render(Format::kTable, MakeReport(registry), registry, options));
}

TEST(Table, ColourOnlyWhenAsked) {
  const checks::Registry registry = MakeRegistry();
  const ScanReport report = MakeReport(registry);
  WriteOptions options;
  options.show_suppressed = true;
  EXPECT_EQ(Render(Format::kTable, report, registry, options).find('\x1b'), std::string::npos);
  options.color = true;
  const std::string colored = Render(Format::kTable, report, registry, options);
  EXPECT_NE(colored.find("\x1b[1;31mCritical\x1b[0m (1)"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[1mPermissions\x1b[0m (1)"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[1;31mFAIL\x1b[0m: 3 findings"), std::string::npos);
}

TEST(Table, SuppressedFindingsOnlyWithShowSuppressed) {
  const checks::Registry registry = MakeRegistry();
  const ScanReport report = MakeReport(registry);
  const std::string hidden = Render(Format::kTable, report, registry);
  EXPECT_EQ(hidden.find("Suppressed ("), std::string::npos);
  EXPECT_EQ(hidden.find("container-image-not-digest-pinned"), std::string::npos);
  EXPECT_EQ(hidden.find("ClusterRole ops"), std::string::npos);
  EXPECT_NE(hidden.find("; 2 suppressed;"), std::string::npos);  // still counted
  WriteOptions options;
  options.show_suppressed = true;
  const std::string shown = Render(Format::kTable, report, registry, options);
  EXPECT_NE(shown.find("Suppressed (2)\n"), std::string::npos);
  EXPECT_NE(
      shown.find("suppressed: annotation centinela.dev/ignore: the CD pipeline pins digests\n"),
      std::string::npos);
  EXPECT_NE(shown.find("suppressed: config .centinela.yaml:3: reviewed by the security team\n"),
            std::string::npos);
}

TEST(Table, NoFindings) {
  ScanReport report;
  report.files = 1;
  report.documents = 3;
  report.objects = 3;
  EXPECT_EQ(Render(Format::kTable, report, MakeRegistry()),
            "No findings.\n"
            "0 findings; 0 suppressed; 3 objects in 1 file\n"
            "PASS: no findings at or above --fail-on high\n");
}

TEST(Table, OnlySuppressedFindings) {
  const checks::Registry registry = MakeRegistry();
  ScanReport report = MakeReport(registry);
  report.diagnostics.clear();
  for (auto& f : report.findings) {
    if (!f.suppressed) {
      f.suppressed = true;
      f.suppression = "annotation";
    }
  }
  EXPECT_EQ(Render(Format::kTable, report, registry),
            "No findings.\n"
            "0 findings; 7 suppressed; 7 objects in 4 files\n"
            "PASS: no findings at or above --fail-on high\n");
}

TEST(Table, InputErrorsAreNeverReportedAsAPass) {
  ScanReport report;
  report.files = 2;
  report.objects = 1;
  core::Diagnostic d;
  d.location = {"bad.yaml", 2, 5};
  d.message = "did not find expected key";
  d.source_line = "  x: [";
  report.diagnostics.push_back(d);
  EXPECT_EQ(
      Render(Format::kTable, report, MakeRegistry()),
      "bad.yaml:2:5: error: did not find expected key\n"
      "  x: [\n"
      "    ^\n"
      "\n"
      "No findings in the input that could be read.\n"
      "0 findings; 0 suppressed; 1 object in 2 files; 1 input error\n"
      "ERROR: some input could not be read; no findings at or above --fail-on high in the rest\n");
}

TEST(Table, DiagnosticsPrintedElsewhereAreStillCounted) {
  ScanReport report;
  report.files = 2;
  report.objects = 1;
  core::Diagnostic d;
  d.location = {"bad.yaml", 2, 5};
  d.message = "did not find expected key";
  report.diagnostics.push_back(d);
  WriteOptions options;
  options.print_diagnostics = false;
  EXPECT_EQ(
      Render(Format::kTable, report, MakeRegistry(), options),
      "No findings in the input that could be read.\n"
      "0 findings; 0 suppressed; 1 object in 2 files; 1 input error\n"
      "ERROR: some input could not be read; no findings at or above --fail-on high in the rest\n");
}

TEST(Table, BelowThresholdPasses) {
  const checks::Registry registry = MakeRegistry();
  ScanReport report = MakeReport(registry);
  report.diagnostics.clear();
  report.fail_on = core::Severity::kCritical;
  report.findings.erase(report.findings.begin() + 1);  // the critical one
  const std::string out = Render(Format::kTable, report, registry);
  EXPECT_NE(out.find("\n4 findings (2 high, 1 medium, 1 info); 2 suppressed; 7 objects"),
            std::string::npos)
      << out;
  const std::string last_line = "PASS: no findings at or above --fail-on critical\n";
  ASSERT_GE(out.size(), last_line.size());
  EXPECT_EQ(out.substr(out.size() - last_line.size()), last_line);
}

TEST(Table, UntrustedTextCannotDriveTheTerminal) {
  const checks::Registry registry = MakeRegistry();
  ScanReport report;
  core::Finding f = testing::MakeFinding(registry, "container-privileged",
                                         {"v1", "Pod", "dev\x1b[2J", "x\xE2\x80\xAEgpj.exe"},
                                         "evil\x07.yaml", 1, 1, "spec",
                                         "container \"\x1b]0;owned\x07\" \xC2\x9B"
                                         "1m\nnext\xFF");
  report.findings.push_back(f);
  core::Diagnostic d;
  d.location = {"evil\x1b.yaml", 1, 1};
  d.message = "bad \x1b[31m";
  d.source_line = "\tkey: \x1b[5m";
  report.diagnostics.push_back(d);
  for (bool color : {false, true}) {
    WriteOptions options;
    options.color = color;
    const std::string out = Render(Format::kTable, report, registry, options);
    // Only the writer's own SGR sequences may contain ESC; none of the input's.
    std::string stripped = out;
    for (std::string_view sgr :
         {"\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[1;31m",
          "\x1b[1;32m", "\x1b[1;35m", "\x1b[1;36m"}) {
      for (size_t at = stripped.find(sgr); at != std::string::npos; at = stripped.find(sgr)) {
        stripped.erase(at, sgr.size());
      }
    }
    EXPECT_EQ(stripped.find('\x1b'), std::string::npos) << out;
    EXPECT_EQ(stripped.find('\x07'), std::string::npos) << out;
    EXPECT_EQ(stripped.find("\xC2\x9B"), std::string::npos) << out;
    EXPECT_EQ(stripped.find("\xE2\x80\xAE"), std::string::npos) << out;
    EXPECT_EQ(stripped.find('\xFF'), std::string::npos) << out;
    EXPECT_NE(stripped.find("container \"\\x1b]0;owned\\x07\" \\u009b1m\\nnext\\xff"),
              std::string::npos)
        << out;
    EXPECT_NE(
        stripped.find("evil\\x07.yaml:1  Pod dev\\x1b[2J/x\\u202egpj.exe  container-privileged"),
        std::string::npos)
        << out;
    EXPECT_NE(stripped.find("evil\\x1b.yaml:1:1: error: bad \\x1b[31m\n\tkey: \\x1b[5m\n^\n"),
              std::string::npos)
        << out;
  }
}

TEST(Table, LongTextWrapsWithin100Columns) {
  const checks::Registry registry = MakeRegistry();
  ScanReport report;
  std::string message;
  for (int i = 0; i < 60; ++i) message += "word" + std::to_string(i) + " ";
  core::Finding f =
      testing::MakeFinding(registry, "container-privileged",
                           {"apps/v1", "Deployment", "a-rather-long-namespace-name-for-testing",
                            "an-even-longer-deployment-name-x"},
                           "some/deeply/nested/directory/structure/of/manifests/deployment.yaml",
                           1234, 5, "spec", message);
  f.remediation = message;
  report.findings.push_back(f);
  report.objects = 1;
  report.files = 1;
  const std::string out = Render(Format::kTable, report, registry);
  EXPECT_LE(LongestLine(out), 100u) << out;
  // Wrapping only replaces spaces by line breaks and indentation: every word is kept, in order.
  std::string collapsed;
  for (char c : out) {
    const bool space = c == ' ' || c == '\n';
    if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += space ? ' ' : c;
  }
  message.pop_back();  // the trailing space
  EXPECT_NE(collapsed.find("container-privileged " + message + " fix: " + message + " Summary "),
            std::string::npos)
      << collapsed;
  EXPECT_NE(
      out.find("    some/deeply/nested/directory/structure/of/manifests/deployment.yaml:1234\n"
               "        Deployment "
               "a-rather-long-namespace-name-for-testing/an-even-longer-deployment-name-x\n"
               "        container-privileged\n"
               "      word0 word1"),
      std::string::npos)
      << out;
  EXPECT_NE(out.find("      fix: word0 word1"), std::string::npos) << out;
  EXPECT_NE(out.find("\n           word"), std::string::npos)
      << out;  // remediation continuation indent
}

TEST(Table, GoldenFixtureFitsIn100Columns) {
  const checks::Registry registry = MakeRegistry();
  WriteOptions options;
  options.show_suppressed = true;
  EXPECT_LE(LongestLine(Render(Format::kTable, MakeReport(registry), registry, options)), 100u);
}

TEST(Table, IsDeterministic) {
  const checks::Registry registry = MakeRegistry();
  const ScanReport report = MakeReport(registry);
  EXPECT_EQ(Render(Format::kTable, report, registry), Render(Format::kTable, report, registry));
}

}  // namespace
}  // namespace centinela::report
