#pragma once

namespace centinela::cli {

/// Runs the command line. Returns the process exit code (DESIGN.md: 0, 1, 2, 3). Never throws.
int Main(int argc, char** argv);

}  // namespace centinela::cli
