#include "cli/inputs.h"

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "report/text.h"

namespace centinela::cli {

std::string FormatForTerminal(core::Diagnostic d, bool color) {
  d.location.file = report::SanitizeForTerminal(d.location.file);
  d.message = report::SanitizeForTerminal(d.message);
  d.source_line = report::SanitizeForTerminal(d.source_line, /*keep_tabs=*/true);
  return core::FormatDiagnostic(d, color, color);
}

bool PrintDiagnostics(const std::vector<core::Diagnostic>& diagnostics) {
  const bool color = ColorAllowed(2);
  bool errors = false;
  for (const core::Diagnostic& d : diagnostics) {
    std::cerr << FormatForTerminal(d, color) << "\n";
    errors = errors || d.level == core::DiagLevel::kError;
  }
  return errors;
}

void PrintErrorLines(std::string_view message) {
  while (!message.empty()) {
    const size_t end = std::min(message.find('\n'), message.size());
    std::cerr << report::SanitizeForTerminal(message.substr(0, end)) << "\n";
    message.remove_prefix(std::min(end + 1, message.size()));
  }
}

bool UseColor(std::string_view flag, int fd) {
  return flag == "always" || (flag == "auto" && ColorAllowed(fd));
}

}  // namespace centinela::cli
