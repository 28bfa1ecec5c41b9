#include "bench_util.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string_view>
#include <system_error>

#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"

namespace centinela::bench {
namespace {

bool HasInputExtension(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

std::optional<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return text;
}

// Parses the input once, outside any timing, to check that it loads cleanly and to count its
// objects.
bool Verify(Input& input) {
  core::DiagnosticSink sink;
  doc::Corpus corpus;
  corpus.AddText(input.path, input.text, sink);
  const k8s::Snapshot snapshot = k8s::Snapshot::Build(corpus.documents(), sink);
  if (sink.error_count() > 0) {
    std::cerr << "bench: " << input.path << ": " << sink.error_count()
              << " error(s) while loading; refusing to measure it. First ones:\n";
    const std::vector<core::Diagnostic> diagnostics = sink.Sorted();
    for (size_t i = 0; i < diagnostics.size() && i < 5; ++i) {
      std::cerr << core::FormatDiagnostic(diagnostics[i], /*with_source=*/true) << "\n";
    }
    return false;
  }
  input.objects = snapshot.objects().size();
  if (input.objects == 0) {
    std::cerr << "bench: " << input.path
              << ": no Kubernetes object in it; refusing to measure it\n";
    return false;
  }
  return true;
}

}  // namespace

std::optional<std::vector<Input>> LoadInputs(int argc, char** argv) {
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("-")) {
      std::cerr << "bench: unknown flag '" << arg << "' (see --help)\n";
      return std::nullopt;
    }
    paths.emplace_back(arg);
  }
  if (paths.empty()) {
    const char* dir = std::getenv("CENTINELA_BENCH_DATA");
    if (dir == nullptr || *dir == '\0') {
      std::cerr
          << "usage: " << argv[0] << " [benchmark flags] FILE...\n"
          << "  FILE: a .yaml/.yml/.json input; without FILE, every such file of the directory\n"
          << "  $CENTINELA_BENCH_DATA. Generate inputs with bench/gen_manifests.py, or run\n"
          << "  `make bench`, which does everything.\n";
      return std::nullopt;
    }
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.is_regular_file() && HasInputExtension(entry.path())) {
        paths.push_back(entry.path().string());
      }
    }
    if (ec) {
      std::cerr << "bench: cannot list " << dir << ": " << ec.message() << "\n";
      return std::nullopt;
    }
    std::sort(paths.begin(), paths.end());
    if (paths.empty()) {
      std::cerr << "bench: no .yaml/.yml/.json file in " << dir << "\n";
      return std::nullopt;
    }
  }

  std::vector<Input> inputs;
  for (const std::string& path : paths) {
    std::optional<std::string> text = ReadWholeFile(path);
    if (!text) {
      std::cerr << "bench: cannot read " << path << "\n";
      return std::nullopt;
    }
    Input input;
    input.path = path;
    input.name = std::filesystem::path(path).filename().string();
    input.text = std::move(*text);
    if (!Verify(input)) return std::nullopt;
    inputs.push_back(std::move(input));
  }
  return inputs;
}

void SetRateCounters(benchmark::State& state, const Input& input) {
  const double megabytes = static_cast<double>(input.text.size()) / 1e6;
  state.counters["MB"] =
      benchmark::Counter(megabytes, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["objects"] = benchmark::Counter(static_cast<double>(input.objects),
                                                 benchmark::Counter::kIsIterationInvariantRate);
  state.counters["input_MB"] = benchmark::Counter(megabytes);
}

}  // namespace centinela::bench
