#pragma once

#include <benchmark/benchmark.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace centinela::bench {

/// One benchmark input, read once into memory.
struct Input {
  std::string path;    ///< As given on the command line or found in the data directory.
  std::string name;    ///< File name without directories, used in benchmark names.
  std::string text;    ///< The whole file.
  size_t objects = 0;  ///< Kubernetes objects in it (k8s::Snapshot), counted once before timing.
};

/// Reads the inputs of a benchmark binary from the arguments left over by benchmark::Initialize:
/// files
/// (.yaml .yml .json), or, when there is none, every such file of the directory named by the
/// environment variable CENTINELA_BENCH_DATA (sorted). Each input is parsed once and must load
/// without any error diagnostic and contain at least one object: figures measured on input that
/// does not load would be meaningless. Prints the reason to stderr and returns nullopt on any
/// problem (unknown flag, no input, unreadable file, diagnostics).
std::optional<std::vector<Input>> LoadInputs(int argc, char** argv);

/// Adds the rate counters every benchmark prints: `MB` (10^6 bytes of input per second) and
/// `objects` (objects per second), both per iteration of the loop over `state`, and the plain input
/// size `input_MB`.
void SetRateCounters(benchmark::State& state, const Input& input);

}  // namespace centinela::bench
