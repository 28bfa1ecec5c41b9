#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "report_fixture.h"

namespace centinela::report {
namespace {

using nlohmann::json;
using testing::ExpectGolden;
using testing::MakeRegistry;
using testing::MakeReport;
using testing::Render;

const std::set<std::string> kLevels = {"none", "note", "warning", "error"};

/// The object has only properties the SARIF 2.1.0 schema allows for its type (the schema sets
/// additionalProperties: false on every type but property bags).
void ExpectOnlyKeys(const json& object, std::initializer_list<std::string_view> allowed,
                    std::string_view type) {
  ASSERT_TRUE(object.is_object()) << type;
  for (const auto& item : object.items()) {
    EXPECT_NE(std::find(allowed.begin(), allowed.end(), item.key()), allowed.end())
        << type << " has no property " << item.key();
  }
}

void ExpectValidPhysicalLocation(const json& physical) {
  ExpectOnlyKeys(physical, {"address", "artifactLocation", "region", "contextRegion", "properties"},
                 "physicalLocation");
  ExpectOnlyKeys(physical.at("artifactLocation"),
                 {"uri", "uriBaseId", "index", "description", "properties"}, "artifactLocation");
  EXPECT_FALSE(physical.at("artifactLocation").at("uri").get<std::string>().empty());
  if (physical.contains("region")) {
    const json& region = physical.at("region");
    ExpectOnlyKeys(
        region,
        {"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength",
         "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"},
        "region");
    EXPECT_GE(region.at("startLine").get<int>(), 1);  // 3.30.5
    if (region.contains("startColumn")) {
      EXPECT_GE(region.at("startColumn").get<int>(), 1);
    }
  }
}

/// Structural checks from the SARIF 2.1.0 specification and schema that every log we write must
/// pass.
void ExpectValidSarif(const json& log) {
  ASSERT_TRUE(log.is_object());
  ExpectOnlyKeys(log, {"$schema", "version", "runs", "inlineExternalProperties", "properties"},
                 "sarifLog");
  EXPECT_EQ(log.at("$schema"), "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log.at("version"), "2.1.0");  // 3.13.2
  ASSERT_TRUE(log.at("runs").is_array());
  ASSERT_EQ(log.at("runs").size(), 1u);
  const json& run = log.at("runs").at(0);
  ExpectOnlyKeys(run.at("tool"), {"driver", "extensions", "properties"}, "tool");
  const json& driver = run.at("tool").at("driver");  // 3.14.6, 3.18.2: tool.driver is required
  EXPECT_EQ(driver.at("name"), "centinela");
  ExpectOnlyKeys(driver,
                 {"guid",
                  "name",
                  "organization",
                  "product",
                  "productSuite",
                  "shortDescription",
                  "fullDescription",
                  "fullName",
                  "version",
                  "semanticVersion",
                  "dottedQuadFileVersion",
                  "releaseDateUtc",
                  "downloadUri",
                  "informationUri",
                  "globalMessageStrings",
                  "notifications",
                  "rules",
                  "taxa",
                  "locations",
                  "language",
                  "contents",
                  "isComprehensive",
                  "localizedDataSemanticVersion",
                  "minimumRequiredLocalizedDataSemanticVersion",
                  "associatedComponent",
                  "translationMetadata",
                  "supportedTaxonomies",
                  "properties"},
                 "toolComponent");
  ASSERT_TRUE(driver.at("rules").is_array());
  std::set<std::string> ids;
  for (const json& rule : driver.at("rules")) {
    ASSERT_TRUE(rule.at("id").is_string());
    ExpectOnlyKeys(rule,
                   {"id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames",
                    "shortDescription", "fullDescription", "messageStrings", "defaultConfiguration",
                    "helpUri", "help", "relationships", "properties"},
                   "reportingDescriptor");
    for (std::string_view key : {"shortDescription", "fullDescription", "help"}) {
      ExpectOnlyKeys(rule.at(std::string(key)), {"text", "markdown", "properties"},
                     "multiformatMessageString");
    }
    ExpectOnlyKeys(rule.at("defaultConfiguration"),
                   {"enabled", "level", "rank", "parameters", "properties"},
                   "reportingConfiguration");
    EXPECT_TRUE(ids.insert(rule.at("id").get<std::string>()).second)
        << "duplicate rule " << rule.at("id");
    EXPECT_TRUE(rule.at("name").is_string());
    EXPECT_FALSE(rule.at("shortDescription").at("text").get<std::string>().empty());
    EXPECT_FALSE(rule.at("fullDescription").at("text").get<std::string>().empty());
    EXPECT_FALSE(rule.at("help").at("text").get<std::string>().empty());
    EXPECT_TRUE(rule.at("help").at("markdown").is_string());
    EXPECT_TRUE(kLevels.count(rule.at("defaultConfiguration").at("level").get<std::string>()))
        << rule;
    const json& properties = rule.at("properties");
    ASSERT_TRUE(properties.at("tags").is_array());
    EXPECT_EQ(properties.at("tags").size(), 3u);
    const double security_severity =
        std::stod(properties.at("security-severity").get<std::string>());
    EXPECT_GE(security_severity, 0.0);
    EXPECT_LE(security_severity, 10.0);
  }
  ExpectOnlyKeys(run,
                 {"tool",
                  "invocations",
                  "conversion",
                  "language",
                  "versionControlProvenance",
                  "originalUriBaseIds",
                  "artifacts",
                  "logicalLocations",
                  "graphs",
                  "results",
                  "automationDetails",
                  "runAggregates",
                  "baselineGuid",
                  "redactionTokens",
                  "defaultEncoding",
                  "defaultSourceLanguage",
                  "newlineSequences",
                  "columnKind",
                  "externalPropertyFileReferences",
                  "threadFlowLocations",
                  "taxonomies",
                  "addresses",
                  "translations",
                  "policies",
                  "webRequests",
                  "webResponses",
                  "specialLocations",
                  "properties"},
                 "run");
  ASSERT_TRUE(run.at("invocations").is_array());
  ASSERT_EQ(run.at("invocations").size(), 1u);
  const json& invocation = run.at("invocations").at(0);
  ExpectOnlyKeys(invocation,
                 {"executionSuccessful", "toolExecutionNotifications", "exitCode", "properties"},
                 "invocation (as written by centinela)");
  EXPECT_TRUE(invocation.at("executionSuccessful").is_boolean());  // 3.20.14: required
  if (invocation.contains("toolExecutionNotifications")) {
    for (const json& n : invocation.at("toolExecutionNotifications")) {
      ExpectOnlyKeys(n,
                     {"locations", "message", "level", "threadId", "timeUtc", "exception",
                      "descriptor", "associatedRule", "properties"},
                     "notification");
      EXPECT_TRUE(kLevels.count(n.at("level").get<std::string>())) << n;
      EXPECT_TRUE(n.at("message").at("text").is_string());
      if (n.contains("locations")) {
        for (const json& location : n.at("locations")) {
          ExpectValidPhysicalLocation(location.at("physicalLocation"));
        }
      }
    }
  }
  ASSERT_TRUE(run.at("results").is_array());
  for (const json& result : run.at("results")) {
    ExpectOnlyKeys(result,
                   {"ruleId",
                    "ruleIndex",
                    "rule",
                    "kind",
                    "level",
                    "message",
                    "analysisTarget",
                    "locations",
                    "guid",
                    "correlationGuid",
                    "occurrenceCount",
                    "partialFingerprints",
                    "fingerprints",
                    "stacks",
                    "codeFlows",
                    "graphs",
                    "graphTraversals",
                    "relatedLocations",
                    "suppressions",
                    "baselineState",
                    "rank",
                    "attachments",
                    "hostedViewerUri",
                    "workItemUris",
                    "provenance",
                    "fixes",
                    "taxa",
                    "webRequest",
                    "webResponse",
                    "properties"},
                   "result");
    const size_t index = result.at("ruleIndex").get<size_t>();
    ASSERT_LT(index, driver.at("rules").size()) << result;
    EXPECT_EQ(driver.at("rules").at(index).at("id"), result.at("ruleId"));  // 3.27.6
    EXPECT_TRUE(kLevels.count(result.at("level").get<std::string>())) << result;
    ExpectOnlyKeys(result.at("message"), {"text", "markdown", "id", "arguments", "properties"},
                   "message");
    EXPECT_FALSE(result.at("message").at("text").get<std::string>().empty());
    ASSERT_TRUE(result.at("locations").is_array());
    for (const json& location : result.at("locations")) {
      ExpectOnlyKeys(location,
                     {"id", "physicalLocation", "logicalLocations", "message", "annotations",
                      "relationships", "properties"},
                     "location");
      if (location.contains("physicalLocation"))
        ExpectValidPhysicalLocation(location.at("physicalLocation"));
      ASSERT_EQ(location.at("logicalLocations").size(), 1u);
      const json& logical = location.at("logicalLocations").at(0);
      ExpectOnlyKeys(logical,
                     {"name", "index", "fullyQualifiedName", "decoratedName", "parentIndex", "kind",
                      "properties"},
                     "logicalLocation");
      EXPECT_FALSE(logical.at("fullyQualifiedName").get<std::string>().empty());
    }
    for (const auto& fingerprint : result.at("partialFingerprints").items()) {
      EXPECT_TRUE(fingerprint.value().is_string());
    }
    EXPECT_FALSE(result.at("partialFingerprints").at("centinela/v1").get<std::string>().empty());
    if (result.contains("suppressions")) {
      for (const json& s : result.at("suppressions")) {
        ExpectOnlyKeys(s, {"guid", "kind", "status", "justification", "location", "properties"},
                       "suppression");
        const std::string kind = s.at("kind");
        EXPECT_TRUE(kind == "inSource" || kind == "external") << kind;  // 3.35.2
      }
    }
  }
}

TEST(Sarif, Golden) {
  const checks::Registry registry = MakeRegistry();
  WriteOptions options;
  options.show_suppressed = true;
  ExpectGolden("report.sarif", Render(Format::kSarif, MakeReport(registry), registry, options));
}

TEST(Sarif, StructurallyValid) {
  const checks::Registry registry = MakeRegistry();
  for (bool show : {false, true}) {
    WriteOptions options;
    options.show_suppressed = show;
    const std::string out = Render(Format::kSarif, MakeReport(registry), registry, options);
    const json log = json::parse(out);
    ExpectValidSarif(log);
    EXPECT_EQ(log.at("runs").at(0).at("results").size(), show ? 7u : 5u);
    // Streaming the results must still give what a whole-document dump gives.
    EXPECT_EQ(nlohmann::ordered_json::parse(out).dump(2) + "\n", out);
  }
  ExpectValidSarif(json::parse(Render(Format::kSarif, ScanReport{}, registry)));
}

TEST(Sarif, RulesAreEveryRegisteredCheckSortedWithMetadata) {
  const checks::Registry registry = MakeRegistry();
  const json log = json::parse(Render(Format::kSarif, MakeReport(registry), registry));
  const json& rules = log.at("runs").at(0).at("tool").at("driver").at("rules");
  ASSERT_EQ(rules.size(), registry.size());
  EXPECT_EQ(rules.at(0).at("id"), "api-deprecated-version");
  EXPECT_EQ(rules.at(6).at("id"), "service-node-port");
  const json& privileged = rules.at(3);
  EXPECT_EQ(privileged.at("id"), "container-privileged");
  EXPECT_EQ(privileged.at("name"), "ContainerPrivileged");
  EXPECT_EQ(privileged.at("shortDescription").at("text"), "Container runs privileged");
  EXPECT_EQ(privileged.at("fullDescription").at("text"),
            "A privileged container has every capability and all host devices.");
  EXPECT_EQ(privileged.at("defaultConfiguration").at("level"), "error");
  EXPECT_EQ(privileged.at("help").at("text"),
            "Remove securityContext.privileged or set it to false.\n\nDocumentation: "
            "docs/checks/container-privileged.md");
  EXPECT_EQ(privileged.at("help").at("markdown"),
            "**Remediation.** Remove securityContext.privileged or set it to false.\n\n"
            "See [docs/checks/container-privileged.md](docs/checks/container-privileged.md).");
  EXPECT_FALSE(privileged.contains("helpUri"));  // SARIF requires an absolute URI; none was given
  EXPECT_EQ(privileged.at("properties").at("tags"),
            (json{"security", "orchestrator", "container"}));
  EXPECT_EQ(privileged.at("properties").at("security-severity"), "9.5");
  EXPECT_EQ(rules.at(4).at("properties").at("security-severity"), "8.0");  // pod-host-network, high
  EXPECT_EQ(rules.at(4).at("defaultConfiguration").at("level"), "error");
  EXPECT_EQ(rules.at(0).at("properties").at("security-severity"), "5.5");  // medium
  EXPECT_EQ(rules.at(0).at("defaultConfiguration").at("level"), "warning");
  EXPECT_EQ(rules.at(2).at("properties").at("security-severity"),
            "3.0");  // container-image-not-digest-pinned, low
  EXPECT_EQ(rules.at(2).at("defaultConfiguration").at("level"), "note");
  EXPECT_FALSE(log.at("runs").at(0).at("tool").at("driver").contains("informationUri"));
  EXPECT_EQ(log.at("runs").at(0).at("tool").at("driver").at("version"), "1.2.3");
}

TEST(Sarif, DocsUriGivesAbsoluteHelpUris) {
  const checks::Registry registry = MakeRegistry();
  WriteOptions options;
  options.docs_uri = "https://example.org/centinela/";
  const json log = json::parse(Render(Format::kSarif, MakeReport(registry), registry, options));
  const json& driver = log.at("runs").at(0).at("tool").at("driver");
  EXPECT_EQ(driver.at("informationUri"), "https://example.org/centinela/");
  EXPECT_EQ(driver.at("rules").at(3).at("helpUri"),
            "https://example.org/centinela/docs/checks/container-privileged.md");
  EXPECT_EQ(driver.at("rules").at(3).at("help").at("markdown"),
            "**Remediation.** Remove securityContext.privileged or set it to false.\n\n"
            "See [docs/checks/container-privileged.md]"
            "(https://example.org/centinela/docs/checks/container-privileged.md).");
}

TEST(Sarif, ResultsCarryLocationsLevelsAndFingerprints) {
  const checks::Registry registry = MakeRegistry();
  WriteOptions options;
  options.show_suppressed = true;
  const json log = json::parse(Render(Format::kSarif, MakeReport(registry), registry, options));
  const json& results = log.at("runs").at(0).at("results");
  ASSERT_EQ(results.size(), 7u);
  const json& privileged = results.at(1);
  EXPECT_EQ(privileged.at("ruleId"), "container-privileged");
  EXPECT_EQ(privileged.at("ruleIndex"), 3);
  EXPECT_EQ(privileged.at("level"), "error");
  EXPECT_EQ(privileged.at("message").at("text"),
            "container \"app\" sets securityContext.privileged: true");
  EXPECT_EQ(privileged.at("locations").at(0).at("physicalLocation"),
            (json{{"artifactLocation", {{"uri", "manifests/app.yaml"}, {"uriBaseId", "%SRCROOT%"}}},
                  {"region", {{"startLine", 24}, {"startColumn", 13}}}}));
  EXPECT_EQ(privileged.at("locations").at(0).at("logicalLocations").at(0),
            (json{{"name", "pictures"},
                  {"fullyQualifiedName", "Deployment/dev/pictures"},
                  {"kind", "resource"}}));
  EXPECT_FALSE(privileged.contains("suppressions"));
  // The info finding of a medium rule keeps its own level.
  EXPECT_EQ(results.at(5).at("ruleId"), "api-deprecated-version");
  EXPECT_EQ(results.at(5).at("level"), "note");
  EXPECT_EQ(
      results.at(5).at("locations").at(0).at("logicalLocations").at(0).at("fullyQualifiedName"),
      "Ingress/web");
  // Suppressions: annotation -> inSource, configuration -> external.
  EXPECT_EQ(results.at(2).at("suppressions"),
            (json::array({{{"kind", "inSource"},
                           {"justification",
                            "annotation centinela.dev/ignore: the CD pipeline pins digests"}}})));
  EXPECT_EQ(results.at(4).at("suppressions").at(0).at("kind"), "external");
  // Two findings of one check on different objects have different fingerprints.
  EXPECT_NE(results.at(3).at("partialFingerprints"), results.at(4).at("partialFingerprints"));
}

TEST(Sarif, DiagnosticsBecomeToolExecutionNotifications) {
  const checks::Registry registry = MakeRegistry();
  ScanReport report = MakeReport(registry);
  const json with_error = json::parse(Render(Format::kSarif, report, registry));
  const json& invocation = with_error.at("runs").at(0).at("invocations").at(0);
  EXPECT_EQ(invocation.at("executionSuccessful"), false);
  ASSERT_EQ(invocation.at("toolExecutionNotifications").size(), 2u);
  EXPECT_EQ(
      invocation.at("toolExecutionNotifications").at(0),
      (json{
          {"level", "error"},
          {"message", {{"text", "mapping values are not allowed in this context"}}},
          {"locations",
           {{{"physicalLocation",
              {{"artifactLocation", {{"uri", "manifests/broken.yaml"}, {"uriBaseId", "%SRCROOT%"}}},
               {"region", {{"startLine", 3}, {"startColumn", 7}}}}}}}}}));
  EXPECT_EQ(invocation.at("toolExecutionNotifications").at(1).at("level"), "note");

  report.diagnostics.erase(report.diagnostics.begin());  // only the note is left
  const json with_note = json::parse(Render(Format::kSarif, report, registry));
  EXPECT_EQ(with_note.at("runs").at(0).at("invocations").at(0).at("executionSuccessful"), true);
  report.diagnostics.clear();
  const json clean = json::parse(Render(Format::kSarif, report, registry));
  EXPECT_EQ(clean.at("runs").at(0).at("invocations").at(0), (json{{"executionSuccessful", true}}));
}

TEST(Sarif, UnknownLocationsAndPaths) {
  const checks::Registry registry = MakeRegistry();
  ScanReport report;
  core::Finding no_line =
      testing::MakeFinding(registry, "service-node-port", {"v1", "Service", "", "s"},
                           "/abs/dir with space/s.yaml", 0, 0, "spec.type", "NodePort");
  core::Finding no_file = testing::MakeFinding(
      registry, "service-node-port", {"v1", "Service", "", "t"}, "", 0, 0, "spec.type", "NodePort");
  report.findings = {no_file, no_line};
  const json log = json::parse(Render(Format::kSarif, report, registry));
  ExpectValidSarif(log);
  const json& results = log.at("runs").at(0).at("results");
  EXPECT_FALSE(results.at(0).at("locations").at(0).contains("physicalLocation"));
  EXPECT_EQ(results.at(1).at("locations").at(0).at("physicalLocation"),
            (json{{"artifactLocation", {{"uri", "file:///abs/dir%20with%20space/s.yaml"}}}}));
}

TEST(Sarif, FindingsOfUnregisteredChecksGetARule) {
  const checks::Registry registry = MakeRegistry();
  ScanReport report;
  core::Finding f;
  f.check = "zz-custom";
  f.title = "Custom title";
  f.severity = core::Severity::kLow;
  f.control = core::Control::kData;
  f.layer = core::Layer::kCode;
  f.remediation = "Do it.";
  f.object = {"v1", "ConfigMap", "dev", "c"};
  f.file = "c.yaml";
  f.line = 2;
  f.column = 1;
  f.message = "custom";
  core::Finding a = f;
  a.check = "aa-custom";
  report.findings = {f, a};
  const json log = json::parse(Render(Format::kSarif, report, registry));
  ExpectValidSarif(log);
  const json& rules = log.at("runs").at(0).at("tool").at("driver").at("rules");
  ASSERT_EQ(rules.size(), registry.size() + 2);
  EXPECT_EQ(rules.at(registry.size()).at("id"), "aa-custom");
  EXPECT_EQ(rules.at(registry.size() + 1).at("id"), "zz-custom");
  EXPECT_EQ(rules.at(registry.size() + 1).at("help").at("text"), "Do it.");
  EXPECT_EQ(rules.at(registry.size() + 1).at("properties").at("tags"),
            (json{"security", "data", "code"}));
  EXPECT_EQ(log.at("runs").at(0).at("results").at(0).at("ruleIndex"), registry.size() + 1);
  EXPECT_EQ(log.at("runs").at(0).at("results").at(1).at("ruleIndex"), registry.size());
}

TEST(Sarif, InvalidUtf8NeverBreaksTheLog) {
  const checks::Registry registry = MakeRegistry();
  ScanReport report;
  report.findings.push_back(testing::MakeFinding(registry, "service-node-port",
                                                 {"v1", "Service", "", "\xFFs"}, "x\xC3.yaml", 1, 1,
                                                 "spec", "bad \xED\xA0\x80 \x01"));
  const std::string out = Render(Format::kSarif, report, registry);
  const json log = json::parse(out);
  ExpectValidSarif(log);
  EXPECT_EQ(log.at("runs").at(0).at("results").at(0).at("message").at("text"),
            "bad \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \x01");
  EXPECT_EQ(log.at("runs")
                .at(0)
                .at("results")
                .at(0)
                .at("locations")
                .at(0)
                .at("physicalLocation")
                .at("artifactLocation")
                .at("uri"),
            "x%C3.yaml");
}

}  // namespace
}  // namespace centinela::report
