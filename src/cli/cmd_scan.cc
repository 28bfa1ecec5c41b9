#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/config.h"
#include "checks/registry.h"
#include "checks/runner.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "core/diagnostic.h"
#include "core/strings.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"
#include "pss/admission.h"
#include "report/report.h"
#include "report/text.h"

namespace centinela::cli {

namespace {

struct ScanFlags {
  std::vector<std::string> paths;
  std::string format = "table";
  std::string output;
  std::string fail_on;
  std::string min_severity;
  std::vector<std::string> checks;
  std::vector<std::string> skip_checks;
  std::string config;
  std::string pss_config;
  bool show_suppressed = false;
  std::string color = "auto";
  unsigned threads = 0;
};

// Splits "a,b" items of a repeatable list option into single ids.
std::vector<std::string> Flatten(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    for (auto part : core::SplitTrim(item, ',')) out.emplace_back(part);
  }
  return out;
}

// Every id must be a known check; otherwise an error with a suggestion.
bool ValidateIds(const std::string& program, const checks::Registry& registry,
                 const std::vector<std::string>& ids, std::string_view option) {
  for (const auto& id : ids) {
    if (registry.Find(id) != nullptr) continue;
    std::string message = std::string(option) + ": unknown check \"" + id + "\"";
    auto suggestions = registry.SuggestIds(id);
    if (!suggestions.empty()) message += "; did you mean \"" + suggestions[0] + "\"?";
    message += " (see '" + program + " checks list')";
    UsageError(program, message);
    return false;
  }
  return true;
}

std::optional<core::Severity> ParseFailOn(const std::string& text, bool* never) {
  *never = false;
  if (text == "none" || text == "never") {
    *never = true;
    return core::Severity::kCritical;
  }
  return core::ParseSeverity(text);
}

// Loads the configuration: --config FILE, else ./.centinela.yaml when present. Errors print and
// return nullopt.
std::optional<checks::Config> LoadConfig(const std::string& program, const std::string& path_flag,
                                         bool* failed) {
  *failed = false;
  std::string path = path_flag;
  if (path.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(".centinela.yaml", ec)) return checks::Config{};
    path = ".centinela.yaml";
  }
  doc::Corpus corpus;
  core::DiagnosticSink sink;
  corpus.AddPath(path, sink);
  if (sink.error_count() > 0) {
    for (const auto& d : sink.Sorted()) std::cerr << FormatForTerminal(d, ColorAllowed(2)) << "\n";
    *failed = true;
    return std::nullopt;
  }
  if (corpus.documents().empty()) return checks::Config{};
  if (corpus.documents().size() > 1) {
    UsageError(program, path + ": the configuration must be a single YAML document");
    *failed = true;
    return std::nullopt;
  }
  auto config = checks::ParseConfig(corpus.documents()[0]);
  if (!config) {
    std::cerr << config.error().message << "\n";
    *failed = true;
    return std::nullopt;
  }
  return std::move(config).value();
}

}  // namespace

int RunScan(const std::string& program, std::vector<std::string> args) {
  ScanFlags flags;
  CLI::App app{
      "Scan Kubernetes manifests (files, directories, or - for stdin) and report findings grouped "
      "by "
      "control.",
      program + " scan"};
  app.add_option("paths", flags.paths,
                 "files, directories (recursive: .yaml .yml .json) or - for stdin");
  app.add_option("-f,--filename", flags.paths,
                 "an input path (same as a positional path; repeatable)");
  app.add_option("-o,--format", flags.format, "output format: table, json, sarif, junit")
      ->check(CLI::IsMember({"table", "json", "sarif", "junit"}));
  app.add_option("--output", flags.output, "write the report to FILE instead of stdout");
  app.add_option("--fail-on", flags.fail_on,
                 "exit 1 when an unsuppressed finding has this severity or higher "
                 "(info, low, medium, high, critical, none; default high)");
  app.add_option("--min-severity", flags.min_severity, "drop findings below this severity");
  app.add_option("--checks", flags.checks,
                 "run only these check ids (comma-separated, repeatable)");
  app.add_option("--skip-checks", flags.skip_checks,
                 "do not run these check ids (comma-separated, repeatable)");
  app.add_option("--config", flags.config,
                 "configuration file (default: ./.centinela.yaml when present)");
  app.add_option("--pss-config", flags.pss_config,
                 "the API server's PodSecurity admission configuration (PodSecurityConfiguration "
                 "or AdmissionConfiguration): its defaults apply to every namespace and its "
                 "exemptions are honoured");
  app.add_flag("--show-suppressed", flags.show_suppressed, "also show suppressed findings");
  app.add_option("--color", flags.color, "colour the table: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--threads", flags.threads, "worker threads (default: one per core)");
  std::reverse(args.begin(), args.end());
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  // With --pss-config, the Pod Security checks use that configuration; otherwise the built-in
  // registry (namespaces with labels only).
  std::optional<checks::Registry> pss_registry;
  if (!flags.pss_config.empty()) {
    core::Result<pss::AdmissionConfig> pss_config = pss::LoadAdmissionConfig(flags.pss_config);
    if (!pss_config) {
      PrintErrorLines(pss_config.error().message);  // one `file:line:col: error:` line each
      return kExitUsage;
    }
    pss_registry = checks::BuildRegistry(&pss_config.value());
  }
  const checks::Registry& registry = pss_registry ? *pss_registry : checks::BuiltinRegistry();
  bool config_failed = false;
  std::optional<checks::Config> config = LoadConfig(program, flags.config, &config_failed);
  if (config_failed) return kExitUsage;

  checks::ScanOptions options;
  options.only = Flatten(flags.checks.empty() ? config->checks : flags.checks);
  options.skip = Flatten(flags.skip_checks.empty() ? config->skip_checks : flags.skip_checks);
  options.threads = flags.threads;
  if (!ValidateIds(program, registry, options.only, "--checks") ||
      !ValidateIds(program, registry, options.skip, "--skip-checks")) {
    return kExitUsage;
  }
  bool never_fail = false;
  core::Severity fail_on = config->fail_on.value_or(core::Severity::kHigh);
  if (!flags.fail_on.empty()) {
    auto parsed = ParseFailOn(flags.fail_on, &never_fail);
    if (!parsed)
      return UsageError(program, "--fail-on: expected info, low, medium, high, critical or none");
    fail_on = *parsed;
  }
  options.min_severity = config->min_severity.value_or(core::Severity::kInfo);
  if (!flags.min_severity.empty()) {
    auto parsed = core::ParseSeverity(flags.min_severity);
    if (!parsed)
      return UsageError(program, "--min-severity: expected info, low, medium, high or critical");
    options.min_severity = *parsed;
  }
  if (flags.paths.empty()) {
    return UsageError(program, "no input: give files, directories, or - for stdin (see '" +
                                   program + " scan --help')");
  }

  doc::Corpus corpus;
  core::DiagnosticSink sink;
  for (const auto& path : flags.paths) corpus.AddPath(path, sink);
  k8s::Snapshot snapshot = k8s::Snapshot::Build(corpus.documents(), sink);

  report::ScanReport scan;
  scan.findings = checks::RunChecks(snapshot, registry, options);
  checks::ApplyExclusions(*config, scan.findings);
  scan.inputs = flags.paths;
  scan.files = corpus.sources().size();
  scan.documents = corpus.documents().size();
  scan.objects = snapshot.objects().size();
  scan.fail_on = fail_on;
  scan.never_fail = never_fail;
  scan.tool_version = std::string(Version());

  // Diagnostics always go to stderr (file:line:col: error: ...); the reports carry them too (the
  // table only counts them, so they are not printed twice).
  const std::vector<core::Diagnostic> diagnostics = sink.Sorted();
  const bool stderr_color = ColorAllowed(2);
  for (const auto& d : diagnostics) std::cerr << FormatForTerminal(d, stderr_color) << "\n";
  const report::Format format = *report::ParseFormat(flags.format);
  scan.diagnostics = diagnostics;

  report::WriteOptions write_options;
  write_options.show_suppressed = flags.show_suppressed;
  write_options.print_diagnostics = false;
  if (flags.output.empty()) {
    write_options.color = flags.color == "always" || (flags.color == "auto" && ColorAllowed(1));
    report::Write(format, scan, registry, write_options, std::cout);
    std::cout.flush();
  } else {
    write_options.color = flags.color == "always";
    std::ofstream out(flags.output, std::ios::binary | std::ios::trunc);
    if (!out) return UsageError(program, "--output: cannot write " + flags.output);
    report::Write(format, scan, registry, write_options, out);
    out.close();
    if (!out) return UsageError(program, "--output: error writing " + flags.output);
  }

  const bool input_errors =
      std::any_of(diagnostics.begin(), diagnostics.end(),
                  [](const core::Diagnostic& d) { return d.level == core::DiagLevel::kError; });
  if (input_errors) return kExitUsage;
  report::Summary summary = report::Summarize(scan);
  return summary.failing > 0 ? kExitFindings : kExitOk;
}

}  // namespace centinela::cli
