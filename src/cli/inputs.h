#pragma once

// Helpers shared by the subcommands that read manifests: diagnostics on stderr, colour choice.

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace centinela::cli {

/// `d` formatted as `file:line:col: level: message` (+ source line and caret when `color`), with
/// the text that comes from the input made safe for a terminal: a hostile manifest must not be
/// able to send escape sequences to it.
std::string FormatForTerminal(core::Diagnostic d, bool color);

/// Prints `diagnostics` to stderr, one per line (colour when stderr is a terminal). Returns true
/// when one of them is an error.
bool PrintDiagnostics(const std::vector<core::Diagnostic>& diagnostics);

/// Prints a multi-line error message (e.g. one `file:line:col: error: ...` line per problem) to
/// stderr, each line made safe for a terminal.
void PrintErrorLines(std::string_view message);

/// Whether to colour output written to `fd` for a `--color auto|always|never` value.
bool UseColor(std::string_view flag, int fd);

}  // namespace centinela::cli
