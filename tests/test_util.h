#pragma once

#include <string>

#include "core/diagnostic.h"
#include "doc/corpus.h"

namespace centinela::testing {

/// Absolute path of a file in the source tree, e.g. SourcePath("tests/checks").
std::string SourcePath(const std::string& relative);
/// Reads a whole file; empty string if unreadable.
std::string ReadFile(const std::string& path);
/// Writes a file, creating parent directories.
void WriteFile(const std::string& path, const std::string& text);
/// Runs a shell command, returns its exit code and fills `out` with stdout (and stderr when
/// `merge_stderr`).
int RunCommand(const std::string& command, std::string* out, bool merge_stderr = false);
/// Path of the centinela binary under test.
std::string BinaryPath();
/// A fresh temporary directory (removed by the OS's tmp cleaning; tests use unique names).
std::string TempDir();

}  // namespace centinela::testing
