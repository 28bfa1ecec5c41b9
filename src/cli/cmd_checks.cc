#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "checks/registry.h"
#include "cli/commands.h"
#include "core/severity.h"

namespace centinela::cli {

namespace {

std::string DocsPath(std::string_view id) { return "docs/checks/" + std::string(id) + ".md"; }

nlohmann::ordered_json CheckJson(const checks::CheckInfo& info) {
  nlohmann::ordered_json j;
  j["id"] = info.id;
  j["title"] = info.title;
  j["severity"] = core::ToString(info.severity);
  j["control"] = core::ToString(info.control);
  j["layer"] = core::ToString(info.layer);
  j["description"] = info.description;
  j["remediation"] = info.remediation;
  j["docs"] = DocsPath(info.id);
  return j;
}

// Wraps `text` at `width` columns, indenting every line by `indent` spaces.
std::string Wrap(std::string_view text, size_t width, size_t indent) {
  std::string out, line;
  auto flush = [&] {
    if (!line.empty()) out += std::string(indent, ' ') + line + "\n";
    line.clear();
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of(" \n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(pos, end - pos);
    if (!word.empty()) {
      if (!line.empty() && indent + line.size() + 1 + word.size() > width) flush();
      if (!line.empty()) line += ' ';
      line += word;
    }
    if (end < text.size() && text[end] == '\n') flush();
    pos = end + 1;
  }
  flush();
  return out;
}

int List(const std::string& program, std::vector<std::string> args) {
  std::string format = "table";
  CLI::App app{"List every check with its severity, control and layer.", program + " checks list"};
  app.add_option("-o,--format", format, "table or json")->check(CLI::IsMember({"table", "json"}));
  std::reverse(args.begin(), args.end());
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  const auto all = checks::BuiltinRegistry().All();
  if (format == "json") {
    nlohmann::ordered_json j;
    j["schema"] = "centinela.dev/v1";
    j["checks"] = nlohmann::ordered_json::array();
    for (const checks::Check* c : all) j["checks"].push_back(CheckJson(c->info()));
    std::cout << j.dump(2) << "\n";
    return kExitOk;
  }
  size_t width = 2;
  for (const checks::Check* c : all) width = std::max(width, c->info().id.size());
  std::cout << "ID" << std::string(width - 2 + 2, ' ')
            << "SEVERITY  CONTROL       LAYER      TITLE\n";
  for (const checks::Check* c : all) {
    const auto& info = c->info();
    auto pad = [](std::string_view s, size_t w) {
      return std::string(s) + std::string(w > s.size() ? w - s.size() : 1, ' ');
    };
    std::cout << pad(info.id, width + 2) << pad(core::ToString(info.severity), 10)
              << pad(core::ToString(info.control), 14) << pad(core::ToString(info.layer), 11)
              << info.title << "\n";
  }
  std::cout << "\n"
            << all.size() << " checks. '" << program
            << " checks explain ID' shows one in detail.\n";
  return kExitOk;
}

int Explain(const std::string& program, std::vector<std::string> args) {
  std::string id;
  std::string format = "text";
  CLI::App app{"Explain one check: what it looks for, why it matters, how to fix it.",
               program + " checks explain"};
  app.add_option("id", id, "check id, e.g. container-privileged")->required();
  app.add_option("-o,--format", format, "text or json")->check(CLI::IsMember({"text", "json"}));
  std::reverse(args.begin(), args.end());
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  const checks::Registry& registry = checks::BuiltinRegistry();
  const checks::Check* check = registry.Find(id);
  if (check == nullptr) {
    std::string message = "unknown check \"" + id + "\"";
    auto suggestions = registry.SuggestIds(id);
    if (!suggestions.empty()) {
      message += "; did you mean ";
      for (size_t i = 0; i < suggestions.size(); ++i) {
        message += (i == 0                        ? ""
                    : i + 1 == suggestions.size() ? " or "
                                                  : ", ") +
                   ("\"" + suggestions[i] + "\"");
      }
      message += "?";
    }
    message += " (see '" + program + " checks list')";
    return UsageError(program, message);
  }
  const auto& info = check->info();
  if (format == "json") {
    std::cout << CheckJson(info).dump(2) << "\n";
    return kExitOk;
  }
  std::cout << info.id << ": " << info.title << "\n\n"
            << "  severity: " << core::ToString(info.severity) << "\n"
            << "  control:  " << core::ToString(info.control) << "\n"
            << "  layer:    " << core::ToString(info.layer) << "\n\n"
            << "What it checks and why:\n"
            << Wrap(info.description, 100, 2) << "\n"
            << "Remediation:\n"
            << Wrap(info.remediation, 100, 2) << "\n"
            << "Suppress it on an object with the annotation centinela.dev/ignore: \"" << info.id
            << "\".\n"
            << "Documentation: " << DocsPath(info.id) << "\n";
  return kExitOk;
}

}  // namespace

int RunChecks(const std::string& program, std::vector<std::string> args) {
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    std::ostream& out = args.empty() ? std::cerr : std::cout;
    out << "usage: " << program << " checks list [-o table|json]\n"
        << "       " << program << " checks explain ID [-o text|json]\n";
    return args.empty() ? kExitUsage : kExitOk;
  }
  std::string sub = args[0];
  args.erase(args.begin());
  if (sub == "list") return List(program, std::move(args));
  if (sub == "explain") return Explain(program, std::move(args));
  std::string message = "unknown subcommand \"checks " + sub + "\" (expected list or explain)";
  return UsageError(program, message);
}

}  // namespace centinela::cli
