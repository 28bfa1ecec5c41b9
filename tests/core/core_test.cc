#include <gtest/gtest.h>

#include "core/diagnostic.h"
#include "core/finding.h"
#include "core/severity.h"
#include "core/source.h"
#include "core/strings.h"

namespace centinela::core {
namespace {

TEST(Severity, NamesRoundTrip) {
  for (Severity s : kAllSeverities) EXPECT_EQ(ParseSeverity(ToString(s)), s);
  for (Control c : kAllControls) EXPECT_EQ(ParseControl(ToString(c)), c);
  for (Layer l : kAllLayers) EXPECT_EQ(ParseLayer(ToString(l)), l);
  EXPECT_EQ(ParseSeverity("HIGH"), Severity::kHigh);
  EXPECT_EQ(ParseSeverity("severe"), std::nullopt);
  EXPECT_LT(Severity::kHigh, Severity::kCritical);
  EXPECT_EQ(DisplayName(Control::kOrchestrator), "Orchestrator");
}

TEST(SourceFile, LocatesOffsetsAndLines) {
  SourceFile f("a.yaml", "ab\ncde\r\n\nlast");
  EXPECT_EQ(f.Locate(0).line, 1U);
  EXPECT_EQ(f.Locate(0).column, 1U);
  EXPECT_EQ(f.Locate(4).line, 2U);
  EXPECT_EQ(f.Locate(4).column, 2U);
  EXPECT_EQ(f.Locate(8).line, 3U);
  EXPECT_EQ(f.Locate(9).line, 4U);
  EXPECT_EQ(f.Locate(1000).line, 4U);
  EXPECT_EQ(f.Line(2), "cde");
  EXPECT_EQ(f.Line(3), "");
  EXPECT_EQ(f.Line(4), "last");
  EXPECT_EQ(f.Line(5), "");
  EXPECT_EQ(f.line_count(), 4U);
}

TEST(Diagnostic, FormatsLikeCompilers) {
  Diagnostic d;
  d.level = DiagLevel::kError;
  d.location = {"deploy.yaml", 3, 7};
  d.message = "did not find expected key";
  d.source_line = "  name\tx: [";
  EXPECT_EQ(FormatDiagnostic(d, false), "deploy.yaml:3:7: error: did not find expected key");
  EXPECT_EQ(FormatDiagnostic(d, true),
            "deploy.yaml:3:7: error: did not find expected key\n  name\tx: [\n      ^");
  d.location = {"big.yaml", 0, 0};
  d.level = DiagLevel::kNote;
  EXPECT_EQ(FormatDiagnostic(d, true), "big.yaml: note: did not find expected key");
}

TEST(DiagnosticSink, SortsAndCounts) {
  DiagnosticSink sink;
  SourceFile src("b.yaml", "x\ny\n");
  sink.Report(DiagLevel::kError, &src, "b.yaml", 2, 1, "second");
  sink.Report(DiagLevel::kNote, nullptr, "a.yaml", 9, 1, "first");
  sink.Report(DiagLevel::kWarning, &src, "b.yaml", 1, 1, "middle");
  auto all = sink.Sorted();
  ASSERT_EQ(all.size(), 3U);
  EXPECT_EQ(all[0].message, "first");
  EXPECT_EQ(all[1].message, "middle");
  EXPECT_EQ(all[2].message, "second");
  EXPECT_EQ(all[2].source_line, "y");
  EXPECT_EQ(sink.error_count(), 1U);
}

TEST(Strings, GlobMatch) {
  EXPECT_TRUE(GlobMatch("pod-host-*", "pod-host-network"));
  EXPECT_TRUE(GlobMatch("*", ""));
  EXPECT_TRUE(GlobMatch("a?c", "abc"));
  EXPECT_FALSE(GlobMatch("a?c", "ac"));
  EXPECT_TRUE(GlobMatch("*-node*", "aws-node-xyz"));
  EXPECT_FALSE(GlobMatch("kube-*", "kube"));
  EXPECT_TRUE(GlobMatch("**a", "bba"));
}

TEST(Strings, SplitTrimAndSuggest) {
  auto parts = SplitTrim(" a, b ,,c ", ',');
  ASSERT_EQ(parts.size(), 3U);
  EXPECT_EQ(parts[0], "a");
  EXPECT_EQ(parts[2], "c");
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3U);
  auto s = Suggest("scna", {"scan", "checks", "version"});
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0], "scan");
  EXPECT_TRUE(Suggest("zzzzzz", {"scan"}).empty());
}

TEST(Finding, OrderIsByFileLineThenCheck) {
  Finding a, b;
  a.file = b.file = "x.yaml";
  a.line = 3;
  b.line = 10;
  EXPECT_TRUE(FindingLess(a, b));
  b.line = 3;
  a.check = "b";
  b.check = "a";
  EXPECT_TRUE(FindingLess(b, a));
}

}  // namespace
}  // namespace centinela::core
