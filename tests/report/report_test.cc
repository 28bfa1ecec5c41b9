#include "report/report.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "report_fixture.h"

namespace centinela::report {
namespace {

using testing::MakeRegistry;
using testing::MakeReport;

TEST(Format, ParsesEveryNameCaseInsensitively) {
  EXPECT_EQ(ParseFormat("table"), Format::kTable);
  EXPECT_EQ(ParseFormat("json"), Format::kJson);
  EXPECT_EQ(ParseFormat("SARIF"), Format::kSarif);
  EXPECT_EQ(ParseFormat("JUnit"), Format::kJunit);
  EXPECT_EQ(ParseFormat("xml"), std::nullopt);
  EXPECT_EQ(ParseFormat(""), std::nullopt);
  EXPECT_EQ(ParseFormat("json "), std::nullopt);
  for (Format f : {Format::kTable, Format::kJson, Format::kSarif, Format::kJunit}) {
    EXPECT_EQ(ParseFormat(ToString(f)), f) << ToString(f);
  }
}

TEST(Fixture, IsInFindingOrder) {
  const checks::Registry registry = MakeRegistry();
  const ScanReport report = MakeReport(registry);
  EXPECT_TRUE(std::is_sorted(report.findings.begin(), report.findings.end(), core::FindingLess));
}

TEST(Summarize, CountsUnsuppressedFindingsByControlAndSeverity) {
  const checks::Registry registry = MakeRegistry();
  const Summary s = Summarize(MakeReport(registry));
  EXPECT_EQ(s.total, 5u);
  EXPECT_EQ(s.suppressed, 2u);
  EXPECT_EQ(s.failing, 3u);  // critical + 2 high
  const auto sev = [](core::Severity v) { return static_cast<size_t>(v); };
  const auto ctl = [](core::Control v) { return static_cast<size_t>(v); };
  EXPECT_EQ(s.by_severity[sev(core::Severity::kCritical)], 1u);
  EXPECT_EQ(s.by_severity[sev(core::Severity::kHigh)], 2u);
  EXPECT_EQ(s.by_severity[sev(core::Severity::kMedium)], 1u);
  EXPECT_EQ(s.by_severity[sev(core::Severity::kLow)], 0u);  // the only low one is suppressed
  EXPECT_EQ(s.by_severity[sev(core::Severity::kInfo)], 1u);
  EXPECT_EQ(s.by_control[ctl(core::Control::kPermissions)], 1u);
  EXPECT_EQ(s.by_control[ctl(core::Control::kNetwork)], 1u);
  EXPECT_EQ(s.by_control[ctl(core::Control::kData)], 1u);
  EXPECT_EQ(s.by_control[ctl(core::Control::kOrchestrator)], 2u);
  EXPECT_EQ(
      s.by_control_severity[ctl(core::Control::kOrchestrator)][sev(core::Severity::kCritical)], 1u);
  EXPECT_EQ(s.by_control_severity[ctl(core::Control::kOrchestrator)][sev(core::Severity::kInfo)],
            1u);
  EXPECT_EQ(s.by_control_severity[ctl(core::Control::kOrchestrator)][sev(core::Severity::kLow)],
            0u);
  EXPECT_EQ(s.by_control_severity[ctl(core::Control::kPermissions)][sev(core::Severity::kHigh)],
            1u);
  EXPECT_EQ(s.by_control_severity[ctl(core::Control::kData)][sev(core::Severity::kHigh)], 1u);
  EXPECT_EQ(s.by_control_severity[ctl(core::Control::kNetwork)][sev(core::Severity::kMedium)], 1u);
}

TEST(Summarize, FailingCountsFindingsAtOrAboveTheThreshold) {
  const checks::Registry registry = MakeRegistry();
  ScanReport report = MakeReport(registry);
  report.fail_on = core::Severity::kCritical;
  EXPECT_EQ(Summarize(report).failing, 1u);
  report.fail_on = core::Severity::kMedium;
  EXPECT_EQ(Summarize(report).failing, 4u);
  report.fail_on = core::Severity::kLow;
  EXPECT_EQ(Summarize(report).failing, 4u);  // the low finding is suppressed
  report.fail_on = core::Severity::kInfo;
  EXPECT_EQ(Summarize(report).failing, 5u);
}

TEST(Summarize, EmptyReport) {
  const Summary s = Summarize(ScanReport{});
  EXPECT_EQ(s.total, 0u);
  EXPECT_EQ(s.suppressed, 0u);
  EXPECT_EQ(s.failing, 0u);
  for (size_t n : s.by_severity) EXPECT_EQ(n, 0u);
}

TEST(Summarize, OutOfRangeEnumValuesAreCountedNotDropped) {
  // An enum class with a fixed underlying type may hold any int; such a finding must still count.
  ScanReport report;
  core::Finding f;
  f.severity = static_cast<core::Severity>(9);
  f.control = static_cast<core::Control>(7);
  report.findings.push_back(f);
  const Summary s = Summarize(report);
  EXPECT_EQ(s.total, 1u);
  EXPECT_EQ(s.failing, 1u);
  EXPECT_EQ(s.by_severity[static_cast<size_t>(core::Severity::kCritical)], 1u);
  EXPECT_EQ(s.by_control[static_cast<size_t>(core::Control::kOrchestrator)], 1u);
}

}  // namespace
}  // namespace centinela::report
