#include "cli/cli.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/strings.h"

#ifndef CENTINELA_VERSION
#define CENTINELA_VERSION "0.0.0-dev"
#endif

namespace centinela::cli {

namespace {

// The flat command table (ninja style): one line per subcommand, sorted by name.
constexpr Command kCommands[] = {
    {"checks", "list the checks or explain one (checks list | checks explain ID)", RunChecks},
    {"pss", "evaluate pods against a Pod Security level (pss advise: the level per namespace)",
     RunPss},
    {"scan", "scan manifests, directories or stdin and report findings by control", RunScan},
    {"version", "print the version", RunVersion},
};

void PrintUsage(std::ostream& out, const std::string& program) {
  out << "usage: " << program << " COMMAND [OPTIONS] [ARGS]\n\n"
      << "centinela audits Kubernetes manifests and reports findings under four controls\n"
      << "(Permissions, Network, Data, Orchestrator) and four layers (Cloud, Cluster, Container, "
         "Code).\n\n"
      << "commands:\n";
  for (const Command& c : kCommands) {
    out << "  " << c.name << std::string(10 - c.name.size(), ' ') << c.summary << "\n";
  }
  out << "\nRun '" << program << " COMMAND --help' for the options of a command.\n";
}

std::string ProgramName(const char* argv0) {
  std::string name = argv0 != nullptr ? argv0 : "centinela";
  size_t slash = name.rfind('/');
  if (slash != std::string::npos) name = name.substr(slash + 1);
  return name;
}

}  // namespace

std::string_view Version() { return CENTINELA_VERSION; }

bool ColorAllowed(int fd) {
  if (std::getenv("NO_COLOR") != nullptr) return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
  return isatty(fd) == 1;
}

int UsageError(const std::string& program, std::string_view message) {
  std::cerr << program << ": error: " << message << "\n";
  return kExitUsage;
}

int RunVersion(const std::string& /*program*/, std::vector<std::string> /*args*/) {
  std::cout << "centinela " << Version() << "\n";
  return kExitOk;
}

int Main(int argc, char** argv) {
  const std::string program = ProgramName(argc > 0 ? argv[0] : nullptr);
  try {
    std::vector<std::string> args(argv + std::min(argc, 2), argv + argc);
    if (argc < 2) {
      PrintUsage(std::cerr, program);
      return kExitUsage;
    }
    std::string name = argv[1];
    if (name == "-h" || name == "--help" || name == "help") {
      PrintUsage(std::cout, program);
      return kExitOk;
    }
    if (name == "--version") return RunVersion(program, {});
    for (const Command& c : kCommands) {
      if (c.name == name) return c.run(program, std::move(args));
    }
    std::vector<std::string> names;
    for (const Command& c : kCommands) names.emplace_back(c.name);
    std::string message = "unknown command \"" + name + "\"";
    auto suggestions = core::Suggest(name, names, 1);
    if (!suggestions.empty()) message += "; did you mean \"" + suggestions[0] + "\"?";
    message += " (run '" + program + " --help' for the list)";
    return UsageError(program, message);
  } catch (const std::exception& e) {
    std::cerr << program << ": internal error: " << e.what() << "\n";
    return kExitInternal;
  } catch (...) {
    std::cerr << program << ": internal error\n";
    return kExitInternal;
  }
}

}  // namespace centinela::cli
