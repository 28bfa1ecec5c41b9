// bench_scan: a whole scan in memory (parse + k8s::Snapshot::Build + checks::RunChecks with every
// built-in check), and the checks alone on a prebuilt snapshot. Prints MB/s and objects/s.
//
//   bench_scan [benchmark flags] FILE...     (or CENTINELA_BENCH_DATA=DIR bench_scan)

#include <benchmark/benchmark.h>

#include <optional>
#include <string>
#include <vector>

#include "bench_util.h"
#include "checks/registry.h"
#include "checks/runner.h"
#include "core/diagnostic.h"
#include "core/finding.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"

namespace centinela::bench {
namespace {

void BmScan(benchmark::State& state, const Input* input) {
  const checks::Registry& registry = checks::BuiltinRegistry();
  const checks::ScanOptions options;
  size_t findings = 0;
  for (auto _ : state) {
    core::DiagnosticSink sink;
    doc::Corpus corpus;
    corpus.AddText(input->name, input->text, sink);
    const k8s::Snapshot snapshot = k8s::Snapshot::Build(corpus.documents(), sink);
    const std::vector<core::Finding> result = checks::RunChecks(snapshot, registry, options);
    findings = result.size();
    benchmark::DoNotOptimize(result.data());
  }
  SetRateCounters(state, *input);
  state.counters["findings"] = benchmark::Counter(static_cast<double>(findings));
}

void BmChecksOnly(benchmark::State& state, const Input* input) {
  const checks::Registry& registry = checks::BuiltinRegistry();
  const checks::ScanOptions options;
  core::DiagnosticSink sink;
  doc::Corpus corpus;
  corpus.AddText(input->name, input->text, sink);
  const k8s::Snapshot snapshot = k8s::Snapshot::Build(corpus.documents(), sink);
  size_t findings = 0;
  for (auto _ : state) {
    const std::vector<core::Finding> result = checks::RunChecks(snapshot, registry, options);
    findings = result.size();
    benchmark::DoNotOptimize(result.data());
  }
  SetRateCounters(state, *input);
  state.counters["findings"] = benchmark::Counter(static_cast<double>(findings));
}

}  // namespace
}  // namespace centinela::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::optional<std::vector<centinela::bench::Input>> inputs =
      centinela::bench::LoadInputs(argc, argv);
  if (!inputs) return 2;
  for (const centinela::bench::Input& input : *inputs) {
    // Wall time: parsing and checks run on several threads on large inputs.
    benchmark::RegisterBenchmark(("scan/" + input.name).c_str(), centinela::bench::BmScan, &input)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark(("checks_only/" + input.name).c_str(),
                                 centinela::bench::BmChecksOnly, &input)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
