#include <vector>

#include "report/json_writer.h"
#include "report/writers.h"

namespace centinela::report {

namespace {

constexpr std::string_view kSchema = "centinela.dev/v1";

void WriteSummary(const ScanReport& report, const Summary& s, JsonWriter& w) {
  w.BeginObject();
  w.NumberField("total", s.total);
  w.NumberField("suppressed", s.suppressed);
  w.Field("failOn", report.never_fail ? std::string_view("none") : core::ToString(report.fail_on));
  w.NumberField("failing", s.failing);
  w.NumberField("files", report.files);
  w.NumberField("documents", report.documents);
  w.NumberField("objects", report.objects);
  w.Key("bySeverity");
  w.BeginObject();
  for (core::Severity severity : core::kAllSeverities) {
    w.NumberField(core::ToString(severity), s.by_severity[SeverityIndex(severity)]);
  }
  w.EndObject();
  w.Key("byControl");
  w.BeginObject();
  for (core::Control control : core::kAllControls) {
    const size_t c = ControlIndex(control);
    w.Key(core::ToString(control));
    w.BeginObject();
    w.NumberField("total", s.by_control[c]);
    for (core::Severity severity : core::kAllSeverities) {
      w.NumberField(core::ToString(severity), s.by_control_severity[c][SeverityIndex(severity)]);
    }
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
}

void WriteDiagnostic(const core::Diagnostic& d, JsonWriter& w) {
  w.BeginObject();
  w.Field("level", core::ToString(d.level));
  w.Field("file", d.location.file);
  w.NumberField("line", d.location.line);
  w.NumberField("column", d.location.column);
  w.Field("message", d.message);
  w.EndObject();
}

void WriteFinding(const core::Finding& f, JsonWriter& w) {
  w.BeginObject();
  w.Field("check", f.check);
  w.Field("title", f.title);
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
  w.Field("file", f.file);
  w.NumberField("line", f.line);
  w.NumberField("column", f.column);
  w.Field("path", f.path);
  w.Field("message", f.message);
  w.Field("remediation", f.remediation);
  w.BoolField("suppressed", f.suppressed);
  if (f.suppressed) w.Field("suppression", f.suppression);
  w.EndObject();
}

}  // namespace

void WriteJson(const ScanReport& report, const WriteOptions& options, std::ostream& out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Field("schema", kSchema);
  w.Key("tool");
  w.BeginObject();
  w.Field("name", "centinela");
  w.Field("version", report.tool_version);
  w.EndObject();
  w.Key("summary");
  WriteSummary(report, Summarize(report), w);
  w.Key("diagnostics");
  w.BeginArray();
  for (const core::Diagnostic& d : report.diagnostics) WriteDiagnostic(d, w);
  w.EndArray();
  w.Key("findings");
  w.BeginArray();
  std::vector<const core::Finding*> shown;
  shown.reserve(report.findings.size());
  for (const core::Finding& f : report.findings) {
    if (!f.suppressed || options.show_suppressed) shown.push_back(&f);
  }
  WriteArrayElements(w, 2, shown.size(),
                     [&shown](size_t i, JsonWriter& writer) { WriteFinding(*shown[i], writer); });
  w.EndArray();
  w.EndObject();
  w.Finish();
}

}  // namespace centinela::report
