// bench_pss: Pod Security evaluations per second on pre-parsed pods (pss::Evaluate on
// k8s::PodView).
//
// The default input is a generated, deterministic mix of Deployments as clusters run them: most are
// hardened (restricted-compliant, one to three containers, sometimes an init container, probes,
// env, volume mounts), some only meet baseline, a few violate baseline. Parsing and snapshot
// building happen once, before timing. Files given on the command line (or CENTINELA_BENCH_DATA)
// are benchmarked too, on the pod views of their workloads.
//
//   bench_pss [benchmark flags] [FILE...]
//
// items_per_second is evaluations per second on one core.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "bench_util.h"
#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"
#include "pss/policy.h"

namespace centinela::bench {
namespace {

// A small deterministic generator (xorshift), so that every run measures the same pods.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }
  /// A number in [0, n).
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  bool Chance(int percent) { return Below(100) < percent; }

 private:
  uint64_t state_;
};

enum class Posture { kRestricted, kBaselineOnly, kPrivileged };

void AppendContainer(std::string* out, Random& rng, const std::string& name, Posture posture,
                     bool init) {
  std::string& y = *out;
  y += "      - name: " + name + "\n";
  y += "        image: registry.example.com/team/" + name + ":1." + std::to_string(rng.Below(40)) +
       "." + std::to_string(rng.Below(10)) + "\n";
  y += "        imagePullPolicy: IfNotPresent\n";
  if (!init) {
    y += "        ports:\n        - name: http\n          containerPort: " +
         std::to_string(8000 + rng.Below(100)) + "\n          protocol: TCP\n";
    if (posture == Posture::kPrivileged && rng.Chance(30)) {
      y += "        - name: metrics\n          containerPort: 9100\n          hostPort: 9100\n";
    }
    y += "        env:\n";
    for (int i = 0, n = 2 + rng.Below(5); i < n; ++i) {
      y += "        - name: VAR_" + std::to_string(i) + "\n          value: \"value-" +
           std::to_string(rng.Below(1000)) + "\"\n";
    }
    y += "        - name: POD_NAME\n          valueFrom:\n            fieldRef:\n"
         "              fieldPath: metadata.name\n";
    y += "        livenessProbe:\n          httpGet:\n            path: /healthz\n"
         "            port: http\n          periodSeconds: 10\n";
    y += "        readinessProbe:\n          httpGet:\n            path: /ready\n"
         "            port: http\n";
  } else {
    y += "        command: [\"/bin/migrate\", \"--wait\"]\n";
  }
  y += "        resources:\n          requests: {cpu: 100m, memory: 128Mi}\n"
       "          limits: {memory: 256Mi}\n";
  y += "        volumeMounts:\n        - name: config\n          mountPath: /etc/app\n"
       "          readOnly: true\n        - name: tmp\n          mountPath: /tmp\n";
  y += "        securityContext:\n";
  switch (posture) {
    case Posture::kRestricted:
      y += "          allowPrivilegeEscalation: false\n          readOnlyRootFilesystem: true\n"
           "          capabilities:\n            drop: [\"ALL\"]\n";
      if (rng.Chance(10)) y += "            add: [\"NET_BIND_SERVICE\"]\n";
      break;
    case Posture::kBaselineOnly:
      // Typical near misses: escalation left at its default, capabilities not dropped.
      y += "          readOnlyRootFilesystem: " + std::string(rng.Chance(50) ? "true" : "false") +
           "\n";
      if (rng.Chance(50)) y += "          allowPrivilegeEscalation: false\n";
      break;
    case Posture::kPrivileged:
      if (rng.Chance(50)) {
        y += "          privileged: true\n";
      } else {
        y += "          capabilities:\n            add: [\"NET_ADMIN\", \"SYS_TIME\"]\n";
      }
      break;
  }
}

// One Deployment; `index` makes names unique.
void AppendDeployment(std::string* out, Random& rng, int index, Posture posture) {
  std::string& y = *out;
  const std::string app = "app-" + std::to_string(index);
  y += "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + app +
       "\n  namespace: team-" + std::to_string(index % 40) + "\n  labels:\n    app: " + app +
       "\n    team: team-" + std::to_string(index % 17) +
       "\nspec:\n  replicas: 3\n"
       "  selector:\n    matchLabels:\n      app: " +
       app +
       "\n  template:\n    metadata:\n"
       "      labels:\n        app: " +
       app +
       "\n      annotations:\n"
       "        prometheus.io/scrape: \"true\"\n";
  if (posture == Posture::kPrivileged && rng.Chance(20)) {
    y += "        container.apparmor.security.beta.kubernetes.io/main: unconfined\n";
  }
  y += "    spec:\n      serviceAccountName: " + app + "\n";
  if (posture == Posture::kPrivileged && rng.Chance(25)) y += "      hostNetwork: true\n";
  y += "      securityContext:\n        fsGroup: 2000\n";
  if (posture == Posture::kRestricted) {
    y += "        runAsNonRoot: true\n        runAsUser: 10001\n"
         "        seccompProfile:\n          type: RuntimeDefault\n";
  } else if (rng.Chance(50)) {
    y += "        runAsNonRoot: true\n";
  }
  if (rng.Chance(30)) {
    y += "      initContainers:\n";
    AppendContainer(out, rng, "migrate", posture, true);
  }
  y += "      containers:\n";
  const int containers = 1 + rng.Below(3);
  AppendContainer(out, rng, "main", posture, false);
  for (int i = 1; i < containers; ++i) {
    AppendContainer(out, rng, "sidecar-" + std::to_string(i), posture, false);
  }
  y += "      volumes:\n      - name: config\n        configMap:\n          name: " + app +
       "\n      - name: tmp\n        emptyDir: {}\n";
  if (posture == Posture::kPrivileged && rng.Chance(40)) {
    y += "      - name: host\n        hostPath:\n          path: /var/run\n";
  }
}

// The generated mix: 80% restricted, 15% baseline only, 5% privileged.
std::string GeneratePodMix(int count) {
  Random rng(0x5eed);
  std::string yaml;
  yaml.reserve(static_cast<size_t>(count) * 2500);
  for (int i = 0; i < count; ++i) {
    const int roll = rng.Below(100);
    const Posture posture = roll < 80   ? Posture::kRestricted
                            : roll < 95 ? Posture::kBaselineOnly
                                        : Posture::kPrivileged;
    AppendDeployment(&yaml, rng, i, posture);
  }
  return yaml;
}

// Pods parsed once and kept alive for the benchmarks.
struct Pods {
  std::unique_ptr<doc::Corpus> corpus;
  std::unique_ptr<k8s::Snapshot> snapshot;
  size_t allowed_restricted = 0;
};

std::optional<Pods> BuildPods(const std::string& name, std::string text) {
  Pods pods;
  core::DiagnosticSink sink;
  pods.corpus = std::make_unique<doc::Corpus>();
  pods.corpus->AddText(name, std::move(text), sink);
  pods.snapshot =
      std::make_unique<k8s::Snapshot>(k8s::Snapshot::Build(pods.corpus->documents(), sink));
  if (sink.error_count() > 0 || pods.snapshot->pod_views().empty()) return std::nullopt;
  const pss::LevelVersion restricted{pss::Level::kRestricted, pss::Version::Latest()};
  for (const k8s::PodView& pod : pods.snapshot->pod_views()) {
    if (pss::Evaluate(pod, restricted).allowed()) ++pods.allowed_restricted;
  }
  return pods;
}

void BmEvaluate(benchmark::State& state, const Pods* pods, pss::LevelVersion policy) {
  const std::span<const k8s::PodView> views = pods->snapshot->pod_views();
  size_t forbidden = 0;
  for (auto _ : state) {
    for (const k8s::PodView& pod : views) {
      pss::Verdict verdict = pss::Evaluate(pod, policy);
      forbidden += verdict.allowed() ? 0 : 1;
      benchmark::DoNotOptimize(verdict);
    }
  }
  benchmark::DoNotOptimize(forbidden);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(views.size()));
  state.counters["pods"] = benchmark::Counter(static_cast<double>(views.size()));
  state.counters["allowed_restricted"] =
      benchmark::Counter(static_cast<double>(pods->allowed_restricted));
}

void BmStrictestLevel(benchmark::State& state, const Pods* pods) {
  const std::span<const k8s::PodView> views = pods->snapshot->pod_views();
  for (auto _ : state) {
    for (const k8s::PodView& pod : views) {
      benchmark::DoNotOptimize(pss::StrictestLevel(pod, pss::Version::Latest()));
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(views.size()));
}

void Register(const std::string& name, const Pods* pods) {
  const pss::LevelVersion restricted{pss::Level::kRestricted, pss::Version::Latest()};
  const pss::LevelVersion baseline{pss::Level::kBaseline, pss::Version::Latest()};
  const pss::LevelVersion restricted_v1_24{pss::Level::kRestricted, pss::Version::Of(24)};
  benchmark::RegisterBenchmark(("evaluate/restricted:latest/" + name).c_str(), BmEvaluate, pods,
                               restricted);
  benchmark::RegisterBenchmark(("evaluate/baseline:latest/" + name).c_str(), BmEvaluate, pods,
                               baseline);
  benchmark::RegisterBenchmark(("evaluate/restricted:v1.24/" + name).c_str(), BmEvaluate, pods,
                               restricted_v1_24);
  benchmark::RegisterBenchmark(("strictest_level/" + name).c_str(), BmStrictestLevel, pods);
}

}  // namespace
}  // namespace centinela::bench

int main(int argc, char** argv) {
  using centinela::bench::Pods;
  benchmark::Initialize(&argc, argv);
  std::vector<std::unique_ptr<Pods>> all;
  // 200 pods stay in a core's L2 cache and measure the evaluation; 5,000 do not, and measure it
  // together with the memory traffic of reading the parsed trees.
  for (int count : {200, 5000}) {
    const std::string name = "pod-mix-" + std::to_string(count);
    std::optional<Pods> mix =
        centinela::bench::BuildPods(name, centinela::bench::GeneratePodMix(count));
    if (!mix) {
      std::fprintf(stderr, "bench_pss: the generated pod mix does not load\n");
      return 2;
    }
    all.push_back(std::make_unique<Pods>(std::move(*mix)));
    centinela::bench::Register(name, all.back().get());
  }

  if (argc > 1 || std::getenv("CENTINELA_BENCH_DATA") != nullptr) {
    std::optional<std::vector<centinela::bench::Input>> inputs =
        centinela::bench::LoadInputs(argc, argv);
    if (!inputs) return 2;
    for (centinela::bench::Input& input : *inputs) {
      std::optional<Pods> pods = centinela::bench::BuildPods(input.name, std::move(input.text));
      if (!pods) continue;  // no workloads in this input
      all.push_back(std::make_unique<Pods>(std::move(*pods)));
      centinela::bench::Register(input.name, all.back().get());
    }
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
