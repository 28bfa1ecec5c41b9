#include "test_util.h"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace centinela::testing {

std::string SourcePath(const std::string& relative) {
#ifdef CENTINELA_SOURCE_DIR
  return std::string(CENTINELA_SOURCE_DIR) + "/" + relative;
#else
  return relative;
#endif
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

int RunCommand(const std::string& command, std::string* out, bool merge_stderr) {
  std::string cmd = command + (merge_stderr ? " 2>&1" : "");
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return -1;
  std::array<char, 65536> buf{};
  std::string text;
  size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) text.append(buf.data(), n);
  int status = pclose(pipe);
  if (out != nullptr) *out = std::move(text);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string BinaryPath() {
#ifdef CENTINELA_BINARY
  return CENTINELA_BINARY;
#else
  return "centinela";
#endif
}

std::string TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "centinela-test-XXXXXX").string();
  char* made = mkdtemp(pattern.data());
  return made != nullptr ? std::string(made) : std::string("/tmp");
}

}  // namespace centinela::testing
