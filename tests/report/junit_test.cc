#include <gtest/gtest.h>

#include <string>

#include "report_fixture.h"
#include "xml_reader.h"

namespace centinela::report {
namespace {

using testing::ExpectGolden;
using testing::MakeRegistry;
using testing::MakeReport;
using testing::Render;
using testing::XmlElement;
using testing::XmlReader;

XmlElement ParseOrFail(const std::string& text) {
  std::string error;
  std::optional<XmlElement> root = XmlReader(text).Parse(&error);
  EXPECT_TRUE(root.has_value()) << error << "\n" << text;
  return root.value_or(XmlElement{});
}

size_t Attr(const XmlElement& e, std::string_view key) {
  const std::string* value = e.Attribute(key);
  EXPECT_NE(value, nullptr) << e.name << " has no " << key;
  return value == nullptr ? 0 : std::stoul(*value);
}

/// The counts of every suite match its testcases, and the root's match the sum of the suites.
void ExpectConsistentCounts(const XmlElement& root) {
  ASSERT_EQ(root.name, "testsuites");
  size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  for (const XmlElement* suite : root.Children("testsuite")) {
    size_t suite_tests = 0, suite_failures = 0, suite_errors = 0, suite_skipped = 0;
    for (const XmlElement* tc : suite->Children("testcase")) {
      ++suite_tests;
      suite_failures += tc->Children("failure").size();
      suite_errors += tc->Children("error").size();
      suite_skipped += tc->Children("skipped").size();
      EXPECT_LE(tc->Children("failure").size() + tc->Children("error").size() +
                    tc->Children("skipped").size(),
                1u);
    }
    EXPECT_EQ(Attr(*suite, "tests"), suite_tests) << *suite->Attribute("name");
    EXPECT_EQ(Attr(*suite, "failures"), suite_failures) << *suite->Attribute("name");
    EXPECT_EQ(Attr(*suite, "errors"), suite_errors) << *suite->Attribute("name");
    EXPECT_EQ(Attr(*suite, "skipped"), suite_skipped) << *suite->Attribute("name");
    tests += suite_tests;
    failures += suite_failures;
    errors += suite_errors;
    skipped += suite_skipped;
  }
  EXPECT_EQ(Attr(root, "tests"), tests);
  EXPECT_EQ(Attr(root, "failures"), failures);
  EXPECT_EQ(Attr(root, "errors"), errors);
  EXPECT_EQ(Attr(root, "skipped"), skipped);
}

TEST(Junit, Golden) {
  const checks::Registry registry = MakeRegistry();
  WriteOptions options;
  options.show_suppressed = true;
  ExpectGolden("report.junit.xml", Render(Format::kJunit, MakeReport(registry), registry, options));
}

TEST(Junit, GoldenNoFindings) {
  ExpectGolden("empty.junit.xml", Render(Format::kJunit, ScanReport{}, MakeRegistry()));
}

TEST(Junit, WellFormedWithConsistentCounts) {
  const checks::Registry registry = MakeRegistry();
  for (bool show : {false, true}) {
    WriteOptions options;
    options.show_suppressed = show;
    const XmlElement root =
        ParseOrFail(Render(Format::kJunit, MakeReport(registry), registry, options));
    ExpectConsistentCounts(root);
    EXPECT_EQ(Attr(root, "failures"), 5u);
    EXPECT_EQ(Attr(root, "errors"), 1u);
    EXPECT_EQ(Attr(root, "skipped"), show ? 2u : 0u);
    // permissions, network, data, orchestrator, then input.
    const auto suites = root.Children("testsuite");
    ASSERT_EQ(suites.size(), 5u);
    EXPECT_EQ(*suites[0]->Attribute("name"), "permissions");
    EXPECT_EQ(*suites[3]->Attribute("name"), "orchestrator");
    EXPECT_EQ(*suites[4]->Attribute("name"), "input");
    EXPECT_EQ(Attr(*suites[3], "tests"), show ? 3u : 2u);
  }
}

TEST(Junit, OneTestcasePerFindingWithFailureDetails) {
  const checks::Registry registry = MakeRegistry();
  const XmlElement root = ParseOrFail(Render(Format::kJunit, MakeReport(registry), registry));
  const XmlElement* permissions = root.Children("testsuite").at(0);
  ASSERT_EQ(permissions->Children("testcase").size(), 1u);
  const XmlElement& tc = *permissions->Children("testcase").at(0);
  EXPECT_EQ(*tc.Attribute("classname"), "rbac-wildcard");
  EXPECT_EQ(*tc.Attribute("name"), "ClusterRole reader rules[0].verbs");
  const XmlElement& failure = *tc.Children("failure").at(0);
  EXPECT_EQ(*failure.Attribute("type"), "high");
  EXPECT_EQ(*failure.Attribute("message"),
            "rules[0] grants verbs [\"*\"] on <all> resources & subresources");
  EXPECT_EQ(failure.text,
            "manifests/rbac.yaml:6\n"
            "rules[0] grants verbs [\"*\"] on <all> resources & subresources\n"
            "Remediation: List the verbs and resources explicitly.");
  const XmlElement& data_case = *root.Children("testsuite").at(2)->Children("testcase").at(0);
  EXPECT_EQ(*data_case.Attribute("name"), "ConfigMap dev/app-config data.contraseña");
}

TEST(Junit, ControlsWithoutFindingsPassWithOneTestcase) {
  const XmlElement root = ParseOrFail(Render(Format::kJunit, ScanReport{}, MakeRegistry()));
  ExpectConsistentCounts(root);
  EXPECT_EQ(Attr(root, "tests"), 4u);
  EXPECT_EQ(Attr(root, "failures"), 0u);
  const auto suites = root.Children("testsuite");
  ASSERT_EQ(suites.size(), 4u);  // no input suite without diagnostics
  for (const XmlElement* suite : suites) {
    ASSERT_EQ(suite->Children("testcase").size(), 1u);
    const XmlElement& tc = *suite->Children("testcase").at(0);
    EXPECT_EQ(*tc.Attribute("name"), "no findings");
    EXPECT_TRUE(tc.children.empty());
  }
}

TEST(Junit, InputErrorsFailTheRun) {
  ScanReport report;
  core::Diagnostic d;
  d.location = {"bad.yaml", 2, 5};
  d.message = "did not find expected key";
  report.diagnostics.push_back(d);
  const XmlElement root = ParseOrFail(Render(Format::kJunit, report, MakeRegistry()));
  ExpectConsistentCounts(root);
  EXPECT_EQ(Attr(root, "errors"), 1u);
  const XmlElement& input = *root.Children("testsuite").at(4);
  EXPECT_EQ(*input.Attribute("name"), "input");
  const XmlElement& tc = *input.Children("testcase").at(0);
  EXPECT_EQ(*tc.Attribute("name"), "bad.yaml:2:5");
  EXPECT_EQ(tc.Children("error").at(0)->text, "bad.yaml:2:5: error: did not find expected key");
}

TEST(Junit, EscapesEverythingUntrusted) {
  const checks::Registry registry = MakeRegistry();
  ScanReport report;
  using namespace std::string_literals;
  const std::string nasty =
      "q\"uo'te <tag> &amp; ]]> \x01\x1b\x0b nul\0 tab\t\r\n ñ 🔒 bad\xFF\xED\xA0\x80 \xEF\xBF\xBF"s;
  core::Finding f =
      testing::MakeFinding(registry, "container-privileged", {"v1", "Pod", "n\"s", "<p>&"},
                           "dir/<&>.yaml", 3, 1, "spec.containers[0].env[\"A&B\"]", nasty);
  f.remediation = nasty;
  report.findings.push_back(f);
  core::Finding s = f;
  s.suppressed = true;
  s.suppression = nasty;
  report.findings.push_back(s);
  core::Diagnostic d;
  d.location = {"dir/<&>.yaml", 1, 1};
  d.message = nasty;
  report.diagnostics.push_back(d);
  WriteOptions options;
  options.show_suppressed = true;
  const std::string out = Render(Format::kJunit, report, registry, options);
  const XmlElement root = ParseOrFail(out);
  ExpectConsistentCounts(root);
  // What a reader gets back: forbidden characters and bad bytes replaced by U+FFFD, the rest
  // intact; CR/LF/tab in attributes survive attribute-value normalisation as character references.
  const std::string r = "\xEF\xBF\xBD";
  const std::string expected = "q\"uo'te <tag> &amp; ]]> " + r + r + r + " nul" + r +
                               " tab\t\r\n ñ 🔒 bad" + r + r + r + r + " " + r;
  const XmlElement& tc = *root.Children("testsuite").at(3)->Children("testcase").at(0);
  EXPECT_EQ(*tc.Attribute("name"), "Pod n\"s/<p>& spec.containers[0].env[\"A&B\"]");
  const XmlElement& failure = *tc.Children("failure").at(0);
  EXPECT_EQ(*failure.Attribute("message"), expected);
  EXPECT_EQ(failure.text, "dir/<&>.yaml:3\n" + expected + "\nRemediation: " + expected);
  const XmlElement& skipped =
      *root.Children("testsuite").at(3)->Children("testcase").at(1)->Children("skipped").at(0);
  EXPECT_EQ(*skipped.Attribute("message"), "suppressed: " + expected);
  const XmlElement& error =
      *root.Children("testsuite").at(4)->Children("testcase").at(0)->Children("error").at(0);
  EXPECT_EQ(*error.Attribute("message"), expected);
}

TEST(Junit, SuppressedFindingsAreSkippedOnlyWhenShown) {
  const checks::Registry registry = MakeRegistry();
  const std::string hidden = Render(Format::kJunit, MakeReport(registry), registry);
  EXPECT_EQ(hidden.find("<skipped"), std::string::npos);
  EXPECT_EQ(hidden.find("container-image-not-digest-pinned"), std::string::npos);
  WriteOptions options;
  options.show_suppressed = true;
  const std::string shown = Render(Format::kJunit, MakeReport(registry), registry, options);
  EXPECT_NE(shown.find("<skipped message=\"suppressed: annotation centinela.dev/ignore: the CD "
                       "pipeline pins digests\"/>"),
            std::string::npos);
}

}  // namespace
}  // namespace centinela::report
