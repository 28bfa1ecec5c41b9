#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report_fixture.h"

namespace centinela::report {
namespace {

using nlohmann::ordered_json;
using testing::ExpectGolden;
using testing::MakeRegistry;
using testing::MakeReport;
using testing::Render;

std::vector<std::string> Keys(const ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

TEST(Json, Golden) {
  const checks::Registry registry = MakeRegistry();
  ExpectGolden("report.json", Render(Format::kJson, MakeReport(registry), registry));
}

TEST(Json, GoldenShowSuppressed) {
  const checks::Registry registry = MakeRegistry();
  WriteOptions options;
  options.show_suppressed = true;
  ExpectGolden("report_show_suppressed.json",
               Render(Format::kJson, MakeReport(registry), registry, options));
}

TEST(Json, OutputIsExactlyWhatNlohmannWouldPrint) {
  // The findings array is streamed; the result must still be one valid document, formatted as a
  // whole dump.
  const checks::Registry registry = MakeRegistry();
  for (bool show : {false, true}) {
    WriteOptions options;
    options.show_suppressed = show;
    const std::string out = Render(Format::kJson, MakeReport(registry), registry, options);
    const ordered_json parsed = ordered_json::parse(out);
    EXPECT_EQ(parsed.dump(2) + "\n", out);
  }
  const std::string empty = Render(Format::kJson, ScanReport{}, registry);
  EXPECT_EQ(ordered_json::parse(empty).dump(2) + "\n", empty);
  EXPECT_NE(empty.find("\"findings\": []\n}"), std::string::npos) << empty;
}

TEST(Json, LargeReportsRenderedInPartsAreOneDocumentInOrder) {
  // Over a few thousand findings the array is rendered on several threads and spliced together.
  const checks::Registry registry = MakeRegistry();
  ScanReport report = MakeReport(registry);
  const std::vector<core::Finding> base = report.findings;
  report.findings.clear();
  for (uint32_t i = 0; i < 20000; ++i) {
    core::Finding f = base[i % base.size()];
    f.line = i + 1;
    f.suppressed = (i % 7 == 0);
    report.findings.push_back(f);
  }
  const std::string out = Render(Format::kJson, report, registry);
  const ordered_json parsed = ordered_json::parse(out);
  EXPECT_EQ(parsed.dump(2) + "\n", out);
  ASSERT_EQ(parsed["findings"].size(), 20000U - (20000U + 6) / 7);
  uint32_t previous = 0;
  for (const auto& f : parsed["findings"]) {
    EXPECT_GT(f["line"].get<uint32_t>(), previous);
    EXPECT_NE(f["line"].get<uint32_t>() % 7, 1U);
    previous = f["line"].get<uint32_t>();
  }
}

TEST(Json, SchemaKeysInOrder) {
  const checks::Registry registry = MakeRegistry();
  WriteOptions options;
  options.show_suppressed = true;
  const ordered_json j =
      ordered_json::parse(Render(Format::kJson, MakeReport(registry), registry, options));
  EXPECT_EQ(Keys(j),
            (std::vector<std::string>{"schema", "tool", "summary", "diagnostics", "findings"}));
  EXPECT_EQ(j.at("schema"), "centinela.dev/v1");
  EXPECT_EQ(j.at("tool"), (ordered_json{{"name", "centinela"}, {"version", "1.2.3"}}));
  const ordered_json& s = j.at("summary");
  EXPECT_EQ(Keys(s), (std::vector<std::string>{"total", "suppressed", "failOn", "failing", "files",
                                               "documents", "objects", "bySeverity", "byControl"}));
  EXPECT_EQ(s.at("total"), 5);
  EXPECT_EQ(s.at("suppressed"), 2);
  EXPECT_EQ(s.at("failOn"), "high");
  EXPECT_EQ(s.at("failing"), 3);
  EXPECT_EQ(s.at("files"), 4);
  EXPECT_EQ(s.at("documents"), 9);
  EXPECT_EQ(s.at("objects"), 7);
  EXPECT_EQ(s.at("bySeverity"),
            (ordered_json{{"critical", 1}, {"high", 2}, {"medium", 1}, {"low", 0}, {"info", 1}}));
  EXPECT_EQ(Keys(s.at("byControl")),
            (std::vector<std::string>{"permissions", "network", "data", "orchestrator"}));
  EXPECT_EQ(
      s.at("byControl").at("orchestrator"),
      (ordered_json{
          {"total", 2}, {"critical", 1}, {"high", 0}, {"medium", 0}, {"low", 0}, {"info", 1}}));
  EXPECT_EQ(s.at("byControl").at("permissions").at("total"), 1);

  ASSERT_EQ(j.at("diagnostics").size(), 2u);
  EXPECT_EQ(j.at("diagnostics").at(0),
            (ordered_json{{"level", "error"},
                          {"file", "manifests/broken.yaml"},
                          {"line", 3},
                          {"column", 7},
                          {"message", "mapping values are not allowed in this context"}}));
  EXPECT_EQ(j.at("diagnostics").at(1).at("level"), "note");

  ASSERT_EQ(j.at("findings").size(), 7u);
  const ordered_json& f = j.at("findings").at(1);
  EXPECT_EQ(Keys(f), (std::vector<std::string>{"check", "title", "severity", "control", "layer",
                                               "object", "file", "line", "column", "path",
                                               "message", "remediation", "suppressed"}));
  EXPECT_EQ(f.at("check"), "container-privileged");
  EXPECT_EQ(f.at("title"), "Container runs privileged");
  EXPECT_EQ(f.at("severity"), "critical");
  EXPECT_EQ(f.at("control"), "orchestrator");
  EXPECT_EQ(f.at("layer"), "container");
  EXPECT_EQ(f.at("object"), (ordered_json{{"apiVersion", "apps/v1"},
                                          {"kind", "Deployment"},
                                          {"namespace", "dev"},
                                          {"name", "pictures"}}));
  EXPECT_EQ(f.at("file"), "manifests/app.yaml");
  EXPECT_EQ(f.at("line"), 24);
  EXPECT_EQ(f.at("column"), 13);
  EXPECT_EQ(f.at("path"), "spec.template.spec.containers[0].securityContext.privileged");
  EXPECT_EQ(f.at("message"), "container \"app\" sets securityContext.privileged: true");
  EXPECT_EQ(f.at("remediation"), "Remove securityContext.privileged or set it to false.");
  EXPECT_EQ(f.at("suppressed"), false);
  const ordered_json& suppressed = j.at("findings").at(2);
  EXPECT_EQ(suppressed.at("suppressed"), true);
  EXPECT_EQ(suppressed.at("suppression"),
            "annotation centinela.dev/ignore: the CD pipeline pins digests");
  EXPECT_EQ(Keys(suppressed).back(), "suppression");
  EXPECT_EQ(j.at("findings").at(3).at("object").at("namespace"), "");  // cluster-scoped
}

TEST(Json, SuppressedFindingsOnlyWithShowSuppressedButAlwaysCounted) {
  const checks::Registry registry = MakeRegistry();
  const ScanReport report = MakeReport(registry);
  const ordered_json hidden = ordered_json::parse(Render(Format::kJson, report, registry));
  ASSERT_EQ(hidden.at("findings").size(), 5u);
  for (const auto& f : hidden.at("findings")) {
    EXPECT_EQ(f.at("suppressed"), false);
    EXPECT_FALSE(f.contains("suppression"));
  }
  EXPECT_EQ(hidden.at("summary").at("suppressed"), 2);
  EXPECT_EQ(hidden.at("findings").at(1).at("check"), "container-privileged");
  EXPECT_EQ(hidden.at("findings").at(2).at("check"), "rbac-wildcard");
}

TEST(Json, EscapesControlCharactersAndReplacesInvalidUtf8) {
  using namespace std::string_literals;
  const checks::Registry registry = MakeRegistry();
  ScanReport report;
  report.findings.push_back(
      testing::MakeFinding(registry, "container-privileged", {"v1", "Pod", "dev", "p"}, "a.yaml", 1,
                           1, "spec", "quote\" back\\ nul\0 esc\x1b tab\t bad\xFF\xC3 ñ"s));
  const std::string out = Render(Format::kJson, report, registry);
  EXPECT_NE(out.find(R"("message": "quote\" back\\ nul\u0000 esc\u001b tab\t bad)"
                     "\xEF\xBF\xBD\xEF\xBF\xBD"
                     " ñ\""),
            std::string::npos)
      << out;
  const ordered_json parsed = ordered_json::parse(out);
  EXPECT_EQ(parsed.at("findings").at(0).at("message"),
            "quote\" back\\ nul\0 esc\x1b tab\t bad\xEF\xBF\xBD\xEF\xBF\xBD ñ"s);
}

TEST(Json, EmptyReport) {
  ScanReport report;
  report.tool_version = "0.0.0";
  const ordered_json j = ordered_json::parse(Render(Format::kJson, report, MakeRegistry()));
  EXPECT_EQ(j.at("findings"), ordered_json::array());
  EXPECT_EQ(j.at("diagnostics"), ordered_json::array());
  EXPECT_EQ(j.at("summary").at("total"), 0);
  EXPECT_EQ(j.at("summary").at("failing"), 0);
}

}  // namespace
}  // namespace centinela::report
