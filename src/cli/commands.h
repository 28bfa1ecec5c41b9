#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace centinela::cli {

/// Exit codes (DESIGN.md, "Contracts users depend on").
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 3;

/// One subcommand. `args` excludes the program and command names. Returns the exit code.
struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const std::string& program, std::vector<std::string> args);
};

int RunPss(const std::string& program, std::vector<std::string> args);
int RunScan(const std::string& program, std::vector<std::string> args);
int RunChecks(const std::string& program, std::vector<std::string> args);
int RunVersion(const std::string& program, std::vector<std::string> args);

/// The version string printed by `centinela version` and written into reports.
std::string_view Version();

/// True when `fd` is a terminal and colour is not disabled by NO_COLOR / TERM=dumb.
bool ColorAllowed(int fd);

/// Prints `program: error: message` to stderr and returns kExitUsage.
int UsageError(const std::string& program, std::string_view message);

}  // namespace centinela::cli
