#include <map>
#include <string>
#include <vector>

#include "report/json_writer.h"
#include "report/text.h"
#include "report/writers.h"

namespace centinela::report {

namespace {

constexpr std::string_view kSarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kFingerprintKey = "centinela/v1";

/// SARIF result and defaultConfiguration level.
std::string_view SarifLevel(core::Severity s) {
  switch (s) {
    case core::Severity::kCritical:
    case core::Severity::kHigh: return "error";
    case core::Severity::kMedium: return "warning";
    case core::Severity::kLow:
    case core::Severity::kInfo: return "note";
  }
  return "warning";
}

/// The `security-severity` property GitHub code scanning reads (CVSS-like, 0.0-10.0).
std::string_view SecuritySeverity(core::Severity s) {
  switch (s) {
    case core::Severity::kCritical: return "9.5";
    case core::Severity::kHigh: return "8.0";
    case core::Severity::kMedium: return "5.5";
    case core::Severity::kLow: return "3.0";
    case core::Severity::kInfo: return "0.0";
  }
  return "5.5";
}

struct Rule {
  std::string id;
  std::string title;
  std::string description;
  std::string remediation;
  core::Severity severity = core::Severity::kMedium;
  core::Control control = core::Control::kOrchestrator;
  core::Layer layer = core::Layer::kCluster;
  bool documented = false;  ///< Registered, so docs/checks/<id>.md exists.
};

void WriteRule(const Rule& rule, const WriteOptions& options, JsonWriter& w) {
  const std::string doc_path = "docs/checks/" + rule.id + ".md";
  const std::string doc_link = options.docs_uri.empty() ? doc_path : options.docs_uri + doc_path;
  std::string help_text = rule.remediation.empty() ? rule.title : rule.remediation;
  std::string help_markdown = "**Remediation.** " + help_text;
  if (rule.documented) {
    help_text += "\n\nDocumentation: " + doc_link;
    help_markdown += "\n\nSee [" + doc_path + "](" + doc_link + ").";
  }
  w.BeginObject();
  w.Field("id", rule.id);
  w.Field("name", CamelCase(rule.id));
  w.Key("shortDescription");
  w.BeginObject();
  w.Field("text", rule.title);
  w.EndObject();
  w.Key("fullDescription");
  w.BeginObject();
  w.Field("text", rule.description.empty() ? rule.title : rule.description);
  w.EndObject();
  w.Key("defaultConfiguration");
  w.BeginObject();
  w.Field("level", SarifLevel(rule.severity));
  w.EndObject();
  w.Key("help");
  w.BeginObject();
  w.Field("text", help_text);
  w.Field("markdown", help_markdown);
  w.EndObject();
  if (rule.documented && !options.docs_uri.empty()) w.Field("helpUri", doc_link);
  w.Key("properties");
  w.BeginObject();
  w.Key("tags");
  w.BeginArray();
  w.String("security");
  w.String(core::ToString(rule.control));
  w.String(core::ToString(rule.layer));
  w.EndArray();
  w.Field("security-severity", SecuritySeverity(rule.severity));
  w.EndObject();
  w.EndObject();
}

/// A physicalLocation; relative paths are relative to %SRCROOT%. Regions need startLine >= 1, so an
/// unknown line leaves the region out. The file must be known.
void WritePhysicalLocation(std::string_view file, uint32_t line, uint32_t column, JsonWriter& w) {
  w.BeginObject();
  w.Key("artifactLocation");
  w.BeginObject();
  w.Field("uri", PathToUri(file));
  if (file.front() != '/') w.Field("uriBaseId", "%SRCROOT%");
  w.EndObject();
  if (line > 0) {
    w.Key("region");
    w.BeginObject();
    w.NumberField("startLine", line);
    if (column > 0) w.NumberField("startColumn", column);
    w.EndObject();
  }
  w.EndObject();
}

void WriteResult(const core::Finding& f, size_t rule_index, JsonWriter& w) {
  w.BeginObject();
  w.Field("ruleId", f.check);
  w.NumberField("ruleIndex", rule_index);
  w.Field("level", SarifLevel(f.severity));
  w.Key("message");
  w.BeginObject();
  w.Field("text", f.message);
  w.EndObject();
  w.Key("locations");
  w.BeginArray();
  w.BeginObject();
  if (!f.file.empty()) {
    w.Key("physicalLocation");
    WritePhysicalLocation(f.file, f.line, f.column, w);
  }
  w.Key("logicalLocations");
  w.BeginArray();
  w.BeginObject();
  w.Field("name", f.object.name);
  w.Field("fullyQualifiedName", ObjectQualifiedName(f.object));
  w.Field("kind", "resource");
  w.EndObject();
  w.EndArray();
  w.EndObject();
  w.EndArray();
  w.Key("partialFingerprints");
  w.BeginObject();
  w.Field(kFingerprintKey, FindingFingerprint(f));
  w.EndObject();
  if (f.suppressed) {
    // Annotations live in the manifest itself; configuration exclusions live elsewhere.
    const bool in_source = f.suppression.rfind("annotation", 0) == 0;
    w.Key("suppressions");
    w.BeginArray();
    w.BeginObject();
    w.Field("kind", in_source ? "inSource" : "external");
    w.Field("justification", f.suppression);
    w.EndObject();
    w.EndArray();
  }
  w.Key("properties");
  w.BeginObject();
  w.Field("severity", core::ToString(f.severity));
  w.Field("control", core::ToString(f.control));
  w.Field("layer", core::ToString(f.layer));
  w.Key("object");
  w.BeginObject();
  w.Field("apiVersion", f.object.api_version);
  w.Field("kind", f.object.kind);
  w.Field("namespace", f.object.namespace_);
  w.Field("name", f.object.name);
  w.EndObject();
  w.Field("path", f.path);
  w.EndObject();
  w.EndObject();
}

void WriteNotification(const core::Diagnostic& d, JsonWriter& w) {
  w.BeginObject();
  w.Field("level", core::ToString(d.level));  // "note", "warning" and "error" are SARIF levels too.
  w.Key("message");
  w.BeginObject();
  w.Field("text", d.message);
  w.EndObject();
  if (!d.location.file.empty()) {
    w.Key("locations");
    w.BeginArray();
    w.BeginObject();
    w.Key("physicalLocation");
    WritePhysicalLocation(d.location.file, d.location.line, d.location.column, w);
    w.EndObject();
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace

void WriteSarif(const ScanReport& report, const checks::Registry& registry,
                const WriteOptions& options, std::ostream& out) {
  std::vector<const core::Finding*> shown;
  shown.reserve(report.findings.size());
  for (const core::Finding& f : report.findings) {
    if (!f.suppressed || options.show_suppressed) shown.push_back(&f);
  }

  // Rules: every registered check (sorted by id), then ids that only findings name (sorted), so
  // that each result's ruleIndex points at its rule.
  std::vector<Rule> rules;
  std::map<std::string, size_t, std::less<>> rule_index;
  for (const checks::Check* check : registry.All()) {
    const checks::CheckInfo& info = check->info();
    Rule rule{std::string(info.id),
              std::string(info.title),
              std::string(info.description),
              std::string(info.remediation),
              info.severity,
              info.control,
              info.layer,
              true};
    rule_index.emplace(rule.id, rules.size());
    rules.push_back(std::move(rule));
  }
  std::map<std::string, const core::Finding*, std::less<>> unregistered;
  for (const core::Finding* f : shown) {
    if (rule_index.find(f->check) == rule_index.end()) unregistered.emplace(f->check, f);
  }
  for (const auto& [id, f] : unregistered) {
    Rule rule{id,
              std::string(f->title),
              std::string(f->title),
              std::string(f->remediation),
              f->severity,
              f->control,
              f->layer,
              false};
    rule_index.emplace(id, rules.size());
    rules.push_back(std::move(rule));
  }

  JsonWriter w(out);
  w.BeginObject();
  w.Field("$schema", kSarifSchema);
  w.Field("version", "2.1.0");
  w.Key("runs");
  w.BeginArray();
  w.BeginObject();
  w.Key("tool");
  w.BeginObject();
  w.Key("driver");
  w.BeginObject();
  w.Field("name", "centinela");
  if (!report.tool_version.empty()) w.Field("version", report.tool_version);
  if (!options.docs_uri.empty()) w.Field("informationUri", options.docs_uri);
  w.Key("rules");
  w.BeginArray();
  for (const Rule& rule : rules) WriteRule(rule, options, w);
  w.EndArray();
  w.EndObject();
  w.EndObject();

  w.Key("invocations");
  w.BeginArray();
  w.BeginObject();
  w.BoolField("executionSuccessful", ErrorCount(report) == 0);
  if (!report.diagnostics.empty()) {
    w.Key("toolExecutionNotifications");
    w.BeginArray();
    for (const core::Diagnostic& d : report.diagnostics) WriteNotification(d, w);
    w.EndArray();
  }
  w.EndObject();
  w.EndArray();

  w.Key("results");
  w.BeginArray();
  // Depth 4: the log object, "runs", the run object and "results".
  WriteArrayElements(w, 4, shown.size(), [&shown, &rule_index](size_t i, JsonWriter& writer) {
    WriteResult(*shown[i], rule_index.find(shown[i]->check)->second, writer);
  });
  w.EndArray();
  w.EndObject();
  w.EndArray();
  w.EndObject();
  w.Finish();
}

}  // namespace centinela::report
