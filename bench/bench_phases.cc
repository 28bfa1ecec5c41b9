// bench_phases: one whole scan, as `centinela scan FILE -o FORMAT --output /dev/null` runs it,
// timed phase by phase (load, snapshot, checks, report): wall time, CPU time of all threads (less
// sensitive than wall time to a busy machine), resident memory after the phase and the peak so far.
// Shows where the time and the memory of a scan go.
//
//   bench_phases FILE [json|table|sarif|junit]

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>

#include "checks/registry.h"
#include "checks/runner.h"
#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"
#include "report/report.h"

namespace centinela::bench {
namespace {

// A field of /proc/self/status in kB ("VmRSS", "VmHWM"); 0 where /proc is missing.
size_t StatusKb(std::string_view field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with(field) && line.size() > field.size() && line[field.size()] == ':') {
      return std::stoul(line.substr(field.size() + 1));
    }
  }
  return 0;
}

// User plus system CPU time of the whole process so far, in milliseconds.
double CpuMs() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto ms = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
  };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

class PhaseTimer {
 public:
  PhaseTimer() : start_(Clock::now()), phase_start_(start_), cpu_start_(CpuMs()) {}

  void Phase(std::string_view name) {
    const Clock::time_point now = Clock::now();
    const double cpu = CpuMs();
    std::printf("  %-13s wall %7.1f ms   cpu %7.1f ms   rss %7.1f MB   peak %7.1f MB\n",
                std::string(name).c_str(), Ms(phase_start_, now), cpu - cpu_phase_start_,
                static_cast<double>(StatusKb("VmRSS")) / 1024,
                static_cast<double>(StatusKb("VmHWM")) / 1024);
    phase_start_ = now;
    cpu_phase_start_ = cpu;
  }

  void Total() const {
    std::printf("  %-13s wall %7.1f ms   cpu %7.1f ms\n", "total", Ms(start_, Clock::now()),
                CpuMs() - cpu_start_);
  }

 private:
  using Clock = std::chrono::steady_clock;
  static double Ms(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
  }
  Clock::time_point start_;
  Clock::time_point phase_start_;
  double cpu_start_;
  double cpu_phase_start_ = cpu_start_;
};

int Run(const std::string& path, report::Format format) {
  // The registry is built before the clock starts, as the CLI builds it before reading input.
  const checks::Registry& registry = checks::BuiltinRegistry();
  PhaseTimer timer;
  core::DiagnosticSink sink;
  auto corpus = std::make_unique<doc::Corpus>();
  corpus->AddPath(path, sink);
  timer.Phase("load");
  auto snapshot = std::make_unique<k8s::Snapshot>(k8s::Snapshot::Build(corpus->documents(), sink));
  timer.Phase("snapshot");
  auto scan = std::make_unique<report::ScanReport>();
  scan->findings = checks::RunChecks(*snapshot, registry, checks::ScanOptions{});
  timer.Phase("checks");
  scan->diagnostics = sink.Sorted();
  scan->inputs = {path};
  scan->files = corpus->sources().size();
  scan->documents = corpus->documents().size();
  scan->objects = snapshot->objects().size();
  scan->never_fail = true;
  {
    std::ofstream out("/dev/null", std::ios::binary);
    report::Write(format, *scan, registry, report::WriteOptions{}, out);
  }
  timer.Phase("report");
  const size_t objects = scan->objects;
  const size_t findings = scan->findings.size();
  // What the process does on its way out: free the findings, the snapshot and the documents.
  scan.reset();
  timer.Phase("free:findings");
  snapshot.reset();
  corpus.reset();
  timer.Phase("free:input");
  timer.Total();
  std::printf("  %zu objects, %zu findings, %zu diagnostics\n", objects, findings, sink.size());
  return sink.error_count() > 0 ? 2 : 0;
}

}  // namespace
}  // namespace centinela::bench

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: bench_phases FILE [json|table|sarif|junit]\n";
    return 2;
  }
  const auto format = centinela::report::ParseFormat(argc == 3 ? argv[2] : "json");
  if (!format) {
    std::cerr << "bench_phases: unknown format " << argv[2] << "\n";
    return 2;
  }
  return centinela::bench::Run(argv[1], *format);
}
