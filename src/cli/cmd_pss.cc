// `centinela pss`: every pod and workload template evaluated against one Pod Security level and
// version; `centinela pss advise`: the level each namespace can enforce today.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <iostream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "core/diagnostic.h"
#include "core/strings.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"
#include "pss/admission.h"
#include "pss/advise.h"
#include "pss/policy.h"
#include "report/json_writer.h"
#include "report/text.h"

namespace centinela::cli {

namespace {

constexpr std::string_view kSchema = "centinela.dev/v1";

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRedBold = "\x1b[1;31m";
constexpr std::string_view kGreenBold = "\x1b[1;32m";
constexpr std::string_view kYellow = "\x1b[33m";

struct PssFlags {
  std::vector<std::string> paths;
  std::string level = "restricted";
  std::string version = "latest";
  std::string format = "table";
  std::string pss_config;
  std::string as_user;
  std::string color = "auto";
};

// Text from the input, safe for a terminal.
std::string Clean(std::string_view text) { return report::SanitizeForTerminal(text); }

std::string Paint(bool color, std::string_view style, std::string_view text) {
  if (!color) return std::string(text);
  std::string out(style);
  out += text;
  out += kReset;
  return out;
}

// "1 workload", "3 workloads".
std::string Count(size_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

// "--level: <error>; did you mean "x"?" when a valid value is close.
int FlagValueError(const std::string& program, std::string_view option, std::string_view value,
                   const std::string& error, const std::vector<std::string>& valid) {
  std::string message = std::string(option) + ": " + error;
  const std::vector<std::string> suggestions = core::Suggest(value, valid, 1);
  if (!suggestions.empty() && message.find("did you mean") == std::string::npos) {
    message += "; did you mean \"" + suggestions[0] + "\"?";
  }
  return UsageError(program, Clean(message));
}

std::vector<std::string> ValidLevels() { return {"privileged", "baseline", "restricted"}; }

std::vector<std::string> ValidVersions() {
  std::vector<std::string> versions = {"latest"};
  for (int minor = 0; minor <= pss::kNewestKnownMinor; ++minor) {
    versions.push_back("v1." + std::to_string(minor));
  }
  return versions;
}

std::optional<pss::Version> ParseVersionFlag(const std::string& program, const std::string& text,
                                             int* exit_code) {
  core::Result<pss::Version> version = pss::ParseVersion(text);
  if (version) return *version;
  // A well-formed version out of range ("v1.99") is no typo: no suggestion then.
  const bool well_formed = text.starts_with("v1.") && text.size() > 3 &&
                           text.find_first_not_of("0123456789", 3) == std::string::npos;
  *exit_code = FlagValueError(program, "--version", text, version.error().message,
                              well_formed ? std::vector<std::string>{} : ValidVersions());
  return std::nullopt;
}

// Loads --pss-config FILE, or the API server's defaults without it.
std::optional<pss::AdmissionConfig> LoadPssConfig(const std::string& path, int* exit_code) {
  if (path.empty()) return pss::DefaultAdmissionConfig();
  core::Result<pss::AdmissionConfig> config = pss::LoadAdmissionConfig(path);
  if (config) return std::move(config).value();
  PrintErrorLines(config.error().message);
  *exit_code = kExitUsage;
  return std::nullopt;
}

// Reads every input; diagnostics go to the sink.
k8s::Snapshot LoadSnapshot(const std::vector<std::string>& paths, doc::Corpus& corpus,
                           core::DiagnosticSink& sink) {
  for (const std::string& path : paths) corpus.AddPath(path, sink);
  return k8s::Snapshot::Build(corpus.documents(), sink);
}

void WriteObjectRef(const k8s::Object& object, report::JsonWriter& w) {
  w.Key("object");
  w.BeginObject();
  w.Field("apiVersion", object.api_version);
  w.Field("kind", object.kind);
  w.Field("namespace", object.namespace_);
  w.Field("name", object.name);
  w.EndObject();
  w.Field("file", object.file());
  w.NumberField("line", object.line());
}

void WriteViolations(const std::vector<pss::Violation>& violations, report::JsonWriter& w) {
  w.Key("violations");
  w.BeginArray();
  for (const pss::Violation& v : violations) {
    w.BeginObject();
    w.Field("check", v.check->id);
    w.Field("reason", v.reason);
    w.Field("detail", v.detail);
    w.EndObject();
  }
  w.EndArray();
}

// "file:line  Kind namespace/name", cleaned for a terminal.
std::string ObjectLine(const k8s::Object& object) {
  return Clean(report::LocationLabel(object.file(), object.line())) + "  " +
         Clean(report::ObjectLabel(object.Ref()));
}

// ---- centinela pss ----

struct Row {
  const k8s::Object* object = nullptr;
  std::optional<std::string> exempt;
  std::vector<pss::Violation> violations;
};

void WriteResultsJson(const pss::LevelVersion& policy, const std::vector<Row>& rows,
                      std::ostream& out) {
  report::JsonWriter w(out);
  w.BeginObject();
  w.Field("schema", kSchema);
  w.Field("level", pss::ToString(policy.level));
  w.Field("version", policy.version.ToString());
  w.Key("results");
  w.BeginArray();
  for (const Row& row : rows) {
    w.BeginObject();
    WriteObjectRef(*row.object, w);
    w.BoolField("allowed", row.violations.empty());
    if (row.exempt) w.Field("exempt", *row.exempt);
    WriteViolations(row.violations, w);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Finish();
}

void WriteResultsTable(const pss::LevelVersion& policy, const std::vector<Row>& rows, size_t files,
                       size_t input_errors, bool color, std::ostream& out) {
  size_t allowed = 0;
  size_t forbidden = 0;
  size_t exempt = 0;
  for (const Row& row : rows) {
    if (row.exempt) {
      ++exempt;
      out << ObjectLine(*row.object) << "  " << Paint(color, kYellow, "EXEMPT") << "\n"
          << "    " << Clean(*row.exempt) << "\n";
    } else if (row.violations.empty()) {
      ++allowed;
      out << ObjectLine(*row.object) << "  " << Paint(color, kGreenBold, "ALLOWED") << "\n";
    } else {
      ++forbidden;
      out << ObjectLine(*row.object) << "  " << Paint(color, kRedBold, "FORBIDDEN") << "\n";
      for (const pss::Violation& v : row.violations) out << "    " << Clean(v.Text()) << "\n";
    }
  }
  if (rows.empty()) {
    out << (input_errors > 0 ? "No pods or workloads in the input that could be read.\n"
                             : "No pods or workloads in the input.\n");
  }
  out << "\n"
      << Paint(color, kBold, policy.ToString()) << ": " << allowed << " allowed, " << forbidden
      << " forbidden, " << exempt << " exempt (" << Count(rows.size(), "object", "objects")
      << " with pods in " << Count(files, "file", "files");
  if (input_errors > 0) out << "; " << Count(input_errors, "input error", "input errors");
  out << ")\n";
}

// ---- centinela pss advise ----

std::string_view ModeKey(pss::Mode mode) { return pss::ToString(mode); }

void WriteWorkloadVerdicts(std::string_view key, const std::vector<pss::WorkloadVerdict>& list,
                           report::JsonWriter& w) {
  w.Key(key);
  w.BeginArray();
  for (const pss::WorkloadVerdict& item : list) {
    w.BeginObject();
    WriteObjectRef(*item.object, w);
    WriteViolations(item.violations, w);
    w.EndObject();
  }
  w.EndArray();
}

void WritePolicyJson(std::string_view key, const pss::Policy& policy, report::JsonWriter& w) {
  w.Key(key);
  w.BeginObject();
  for (pss::Mode mode : pss::kAllModes) w.Field(ModeKey(mode), policy.Of(mode).ToString());
  w.EndObject();
}

void WriteAdviceJson(const pss::AdviseOptions& options,
                     const std::vector<pss::NamespaceAdvice>& advice, std::ostream& out) {
  report::JsonWriter w(out);
  w.BeginObject();
  w.Field("schema", kSchema);
  w.Field("version", options.version.ToString());
  w.Field("pinnedVersion", pss::PinnedVersion(options.version).ToString());
  w.Key("namespaces");
  w.BeginArray();
  for (const pss::NamespaceAdvice& a : advice) {
    w.BeginObject();
    w.Field("name", a.name);
    if (a.namespace_object != nullptr) {
      w.Field("file", a.namespace_object->file());
      w.NumberField("line", a.namespace_object->line());
    }
    w.Key("labels");
    w.BeginObject();
    for (pss::Mode mode : pss::kAllModes) {
      const pss::ModeLabels& labels = a.labels[static_cast<size_t>(mode)];
      if (labels.level) w.Field(pss::LevelLabel(mode), *labels.level);
      if (labels.version) w.Field(pss::VersionLabel(mode), *labels.version);
    }
    w.EndObject();
    WritePolicyJson("policy", a.policy, w);
    w.Key("labelErrors");
    w.BeginArray();
    for (const pss::LabelError& e : a.label_errors) {
      w.BeginObject();
      w.Field("label", e.label);
      w.Field("value", e.value);
      w.Field("message", e.message);
      w.EndObject();
    }
    w.EndArray();
    if (a.exempt) {
      w.Field("exempt", *a.exempt);
      w.EndObject();
      continue;
    }
    w.NumberField("workloads", a.workloads);
    w.Key("exemptWorkloads");
    w.BeginArray();
    for (const pss::ExemptWorkload& e : a.exempt_workloads) {
      w.BeginObject();
      WriteObjectRef(*e.object, w);
      w.Field("exempt", e.reason);
      w.EndObject();
    }
    w.EndArray();
    w.Field("strictest", pss::ToString(a.strictest));
    if (a.next) w.Field("next", pss::ToString(*a.next));
    WriteWorkloadVerdicts("blockers", a.blockers, w);
    WriteWorkloadVerdicts("rejectedByEnforce", a.rejected_by_enforce, w);
    WritePolicyJson("recommended", a.recommended, w);
    w.Field("change", pss::ToString(a.change));
    if (a.name_error) {
      w.Field("nameError", *a.name_error);
    } else {
      w.Field("command", a.command);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Finish();
}

bool SameViolations(const std::vector<pss::Violation>& a, const std::vector<pss::Violation>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const pss::Violation& x, const pss::Violation& y) {
                      return x.check == y.check && x.reason == y.reason && x.detail == y.detail;
                    });
}

// A titled list of workloads and their violations. A workload already listed in `shown` with the
// same violations refers to it instead of repeating them.
void WriteVerdictList(std::string_view title, const std::vector<pss::WorkloadVerdict>& list,
                      const std::vector<pss::WorkloadVerdict>* shown, std::string_view shown_title,
                      bool color, std::ostream& out) {
  out << "  " << Paint(color, kBold, title) << " (" << list.size() << ")\n";
  for (const pss::WorkloadVerdict& item : list) {
    out << "    " << ObjectLine(*item.object) << "\n";
    const bool repeated =
        shown != nullptr && std::any_of(shown->begin(), shown->end(), [&](const auto& other) {
          return other.object == item.object && SameViolations(other.violations, item.violations);
        });
    if (repeated) {
      out << "      (the violations listed under \"" << shown_title << "\")\n";
      continue;
    }
    for (const pss::Violation& v : item.violations) out << "      " << Clean(v.Text()) << "\n";
  }
}

void WriteAdviceTable(const pss::AdviseOptions& options,
                      const std::vector<pss::NamespaceAdvice>& advice, size_t input_errors,
                      bool color, std::ostream& out) {
  const std::string pinned = pss::PinnedVersion(options.version).ToString();
  std::array<size_t, 3> by_change{};
  size_t exempt = 0;
  for (const pss::NamespaceAdvice& a : advice) {
    out << Paint(color, kBold, "Namespace " + Clean(a.name));
    if (a.namespace_object != nullptr) {
      out << "  "
          << Clean(report::LocationLabel(a.namespace_object->file(), a.namespace_object->line()));
    }
    out << "\n";

    std::string labels;
    for (pss::Mode mode : pss::kAllModes) {
      const pss::ModeLabels& l = a.labels[static_cast<size_t>(mode)];
      if (l.level) labels += " " + std::string(pss::ToString(mode)) + "=" + Clean(*l.level);
      if (l.version) {
        labels += " " + std::string(pss::ToString(mode)) + "-version=" + Clean(*l.version);
      }
    }
    if (a.namespace_object == nullptr) {
      labels = " unknown (no Namespace object in the input; the defaults apply)";
    } else if (labels.empty()) {
      labels = " none";
    }
    out << "  labels:" << labels << "\n";
    for (const pss::LabelError& e : a.label_errors) {
      out << "  invalid label: " << Clean(e.label) << "=" << Clean(e.value) << ": "
          << Clean(e.message) << "\n";
    }
    out << "  policy today: enforce " << a.policy.enforce.ToString() << ", audit "
        << a.policy.audit.ToString() << ", warn " << a.policy.warn.ToString() << "\n";
    if (a.exempt) {
      ++exempt;
      out << "  " << Paint(color, kYellow, "exempt") << ": " << Clean(*a.exempt)
          << " (no level applies to its pods)\n\n";
      continue;
    }
    ++by_change[static_cast<size_t>(a.change)];
    out << "  workloads: " << a.workloads << " evaluated at " << options.version.ToString();
    if (!a.exempt_workloads.empty()) out << ", " << a.exempt_workloads.size() << " exempt";
    out << "; the strictest level all satisfy: " << Paint(color, kBold, pss::ToString(a.strictest))
        << "\n";
    for (const pss::ExemptWorkload& e : a.exempt_workloads) {
      out << "    " << ObjectLine(*e.object) << "  " << Paint(color, kYellow, "EXEMPT") << "  "
          << Clean(e.reason) << "\n";
    }
    const std::string blocking =
        a.next ? "blocking " + std::string(pss::ToString(*a.next)) : std::string();
    if (a.next) WriteVerdictList(blocking, a.blockers, nullptr, {}, color, out);
    if (!a.rejected_by_enforce.empty()) {
      WriteVerdictList("rejected today by enforce " + a.policy.enforce.ToString(),
                       a.rejected_by_enforce, &a.blockers, blocking, color, out);
    }
    const std::string_view enforce = pss::ToString(a.recommended.enforce.level);
    const std::string_view watch = pss::ToString(a.recommended.warn.level);
    out << "  advice: ";
    switch (a.change) {
      case pss::Change::kTighten:
        out << Paint(color, kGreenBold, "tighten") << " enforce to " << enforce << " (today "
            << pss::ToString(a.policy.enforce.level) << ")";
        break;
      case pss::Change::kKeep:
        out << Paint(color, kGreenBold, "keep") << " enforce at " << enforce;
        break;
      case pss::Change::kLoosen:
        out << Paint(color, kRedBold, "loosen") << " enforce to " << enforce << " (today "
            << pss::ToString(a.policy.enforce.level) << "; fix the workloads above to keep it)";
        break;
    }
    out << ", audit and warn at " << watch << ", pinned to " << pinned << "\n";
    if (a.name_error) {
      out << "  no command: " << Clean(*a.name_error) << "\n\n";
    } else {
      out << "  " << Clean(a.command) << "\n\n";
    }
  }
  if (advice.empty()) {
    out << (input_errors > 0 ? "No namespaces in the input that could be read.\n\n"
                             : "No namespaces in the input.\n\n");
  }
  out << Count(advice.size(), "namespace", "namespaces") << ": "
      << by_change[static_cast<size_t>(pss::Change::kTighten)] << " to tighten, "
      << by_change[static_cast<size_t>(pss::Change::kKeep)] << " to keep, "
      << by_change[static_cast<size_t>(pss::Change::kLoosen)] << " to loosen, " << exempt
      << " exempt";
  if (input_errors > 0) out << "; " << Count(input_errors, "input error", "input errors");
  out << "\n";
}

int RunPssAdvise(const std::string& program, std::vector<std::string> args) {
  PssFlags flags;
  CLI::App app{
      "For each namespace of the input: its Pod Security labels, the strictest level all its "
      "workloads already satisfy, the workloads that block the next level and why, and the kubectl "
      "label command that applies the advice.",
      program + " pss advise"};
  app.add_option("paths", flags.paths,
                 "files, directories (recursive: .yaml .yml .json) or - for stdin");
  app.add_option("-f,--filename", flags.paths, "an input path (repeatable)");
  app.add_option("--version", flags.version,
                 "evaluate at this version (v1.0 .. v1." + std::to_string(pss::kNewestKnownMinor) +
                     " or latest; latest pins v1." + std::to_string(pss::kNewestKnownMinor) +
                     " in the command)");
  app.add_option("-o,--format", flags.format, "output format: table, json")
      ->check(CLI::IsMember({"table", "json"}));
  app.add_option("--pss-config", flags.pss_config,
                 "the API server's PodSecurity admission configuration (defaults, exemptions)");
  app.add_option("--as", flags.as_user, "the user creating bare Pods, for the usernames exemption");
  app.add_option("--color", flags.color, "colour the table: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  std::reverse(args.begin(), args.end());
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }

  int exit_code = kExitOk;
  std::optional<pss::Version> version = ParseVersionFlag(program, flags.version, &exit_code);
  if (!version) return exit_code;
  std::optional<pss::AdmissionConfig> config = LoadPssConfig(flags.pss_config, &exit_code);
  if (!config) return exit_code;
  if (flags.paths.empty()) {
    return UsageError(program, "no input: give files, directories, or - for stdin (see '" +
                                   program + " pss advise --help')");
  }

  doc::Corpus corpus;
  core::DiagnosticSink sink;
  const k8s::Snapshot snapshot = LoadSnapshot(flags.paths, corpus, sink);
  const bool input_errors = PrintDiagnostics(sink.Sorted());

  pss::AdviseOptions options;
  options.version = *version;
  options.config = std::move(*config);
  if (app.count("--as") > 0) options.requesting_user = flags.as_user;
  const std::vector<pss::NamespaceAdvice> advice = pss::Advise(snapshot, options);
  if (flags.format == "json") {
    WriteAdviceJson(options, advice, std::cout);
  } else {
    WriteAdviceTable(options, advice, sink.error_count(), UseColor(flags.color, 1), std::cout);
  }
  std::cout.flush();
  return input_errors ? kExitUsage : kExitOk;
}

}  // namespace

int RunPss(const std::string& program, std::vector<std::string> args) {
  if (!args.empty() && args.front() == "advise") {
    args.erase(args.begin());
    return RunPssAdvise(program, std::move(args));
  }
  PssFlags flags;
  CLI::App app{
      "Evaluate every Pod and workload pod template of the input against a Pod Security Standards "
      "level and version, as the API server's PodSecurity admission would. '" +
          program + " pss advise --help': the level each namespace can enforce.",
      program + " pss"};
  app.add_option("paths", flags.paths,
                 "files, directories (recursive: .yaml .yml .json) or - for stdin");
  app.add_option("-f,--filename", flags.paths, "an input path (repeatable)");
  app.add_option("--level", flags.level, "baseline or restricted (default restricted)");
  app.add_option(
      "--version", flags.version,
      "v1.0 .. v1." + std::to_string(pss::kNewestKnownMinor) + " or latest (default latest)");
  app.add_option("-o,--format", flags.format, "output format: table, json")
      ->check(CLI::IsMember({"table", "json"}));
  app.add_option("--pss-config", flags.pss_config,
                 "the API server's PodSecurity admission configuration: exempt objects are listed "
                 "as exempt, not evaluated");
  app.add_option("--as", flags.as_user, "the user creating bare Pods, for the usernames exemption");
  app.add_option("--color", flags.color, "colour the table: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  std::reverse(args.begin(), args.end());
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }

  int exit_code = kExitOk;
  core::Result<pss::Level> level = pss::ParseLevel(flags.level);
  if (!level) {
    return FlagValueError(program, "--level", flags.level, level.error().message, ValidLevels());
  }
  std::optional<pss::Version> version = ParseVersionFlag(program, flags.version, &exit_code);
  if (!version) return exit_code;
  std::optional<pss::AdmissionConfig> config = LoadPssConfig(flags.pss_config, &exit_code);
  if (!config) return exit_code;
  if (flags.paths.empty()) {
    return UsageError(program, "no input: give files, directories, or - for stdin (see '" +
                                   program + " pss --help')");
  }
  std::optional<std::string> requesting_user;
  if (app.count("--as") > 0) requesting_user = flags.as_user;

  doc::Corpus corpus;
  core::DiagnosticSink sink;
  const k8s::Snapshot snapshot = LoadSnapshot(flags.paths, corpus, sink);
  const bool input_errors = PrintDiagnostics(sink.Sorted());

  const pss::LevelVersion policy{*level, *version};
  std::vector<Row> rows;
  rows.reserve(snapshot.pod_views().size());
  bool forbidden = false;
  for (const k8s::PodView& pod : snapshot.pod_views()) {
    Row row;
    row.object = pod.owner;
    const std::optional<std::string> creator = pss::PodCreator(*pod.owner, requesting_user);
    row.exempt = pss::Exemption(*config, pod.owner->EffectiveNamespace(), pod, creator);
    if (!row.exempt) {
      row.violations = pss::Evaluate(pod, policy).violations;
      forbidden = forbidden || !row.violations.empty();
    }
    rows.push_back(std::move(row));
  }

  if (flags.format == "json") {
    WriteResultsJson(policy, rows, std::cout);
  } else {
    WriteResultsTable(policy, rows, corpus.sources().size(), sink.error_count(),
                      UseColor(flags.color, 1), std::cout);
  }
  std::cout.flush();
  if (input_errors) return kExitUsage;
  return forbidden ? kExitFindings : kExitOk;
}

}  // namespace centinela::cli
