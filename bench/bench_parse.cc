// bench_parse: parse only (doc::Corpus::AddText), YAML and JSON. Prints MB/s and objects/s.
//
//   bench_parse [benchmark flags] FILE...     (or CENTINELA_BENCH_DATA=DIR bench_parse)

#include <benchmark/benchmark.h>

#include <optional>
#include <string>
#include <vector>

#include "bench_util.h"
#include "core/diagnostic.h"
#include "doc/corpus.h"

namespace centinela::bench {
namespace {

// One iteration = what the CLI does with a file already in memory: copy it into a Corpus and parse
// it (the copy stands for the file read, a few ms on ~19 MB). The corpus is destroyed inside the
// timing too, since freeing the trees is part of the cost of a scan.
void BmParse(benchmark::State& state, const Input* input) {
  for (auto _ : state) {
    core::DiagnosticSink sink;
    doc::Corpus corpus;
    corpus.AddText(input->name, input->text, sink);
    benchmark::DoNotOptimize(corpus.documents().data());
    if (sink.error_count() != 0) {
      state.SkipWithError("diagnostics while parsing");
      break;
    }
  }
  SetRateCounters(state, *input);
}

}  // namespace
}  // namespace centinela::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::optional<std::vector<centinela::bench::Input>> inputs =
      centinela::bench::LoadInputs(argc, argv);
  if (!inputs) return 2;
  for (const centinela::bench::Input& input : *inputs) {
    // Wall time: the loaders use several threads on large inputs.
    benchmark::RegisterBenchmark(("parse/" + input.name).c_str(), centinela::bench::BmParse, &input)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
