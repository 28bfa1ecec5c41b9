#include "checks/runner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "checks/registry.h"
#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"

namespace centinela::checks {
namespace {

std::string Deployment(int i, bool privileged) {
  std::string name = "app-" + std::to_string(i);
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name +
         "\n  namespace: ns-" + std::to_string(i % 7) +
         "\nspec:\n  selector:\n    matchLabels: {app: " + name +
         "}\n  template:\n    metadata:\n      labels: {app: " + name +
         "}\n    spec:\n      containers:\n      - name: c\n" +
         "        image: nginx:1.25\n        securityContext:\n          privileged: " +
         (privileged ? "true" : "false") + "\n---\n";
}

// The result must not depend on the number of threads.
TEST(Runner, SameFindingsWhateverTheThreadCount) {
  std::string text;
  for (int i = 0; i < 1500; ++i) text += Deployment(i, i % 3 == 0);
  doc::Corpus corpus;
  core::DiagnosticSink sink;
  corpus.AddText("many.yaml", text, sink);
  ASSERT_EQ(sink.error_count(), 0U);
  k8s::Snapshot snapshot = k8s::Snapshot::Build(corpus.documents(), sink);
  ASSERT_EQ(snapshot.objects().size(), 1500U);

  ScanOptions one;
  one.threads = 1;
  ScanOptions two;
  two.threads = 2;
  auto a = RunChecks(snapshot, BuiltinRegistry(), one);
  auto b = RunChecks(snapshot, BuiltinRegistry(), two);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].check, b[i].check);
    EXPECT_EQ(a[i].line, b[i].line);
    EXPECT_EQ(a[i].message, b[i].message);
  }
  size_t privileged = 0;
  for (const auto& f : a) privileged += f.check == "container-privileged" ? 1 : 0;
  EXPECT_EQ(privileged, 500U);
}

// Several files, given out of name order (so that the objects do not come in output order), with
// findings of per-object and snapshot-level checks: the result is sorted by core::FindingLess and
// the same whatever the thread count.
TEST(Runner, SortedAndIdenticalAcrossThreadCountsAndFileOrders) {
  std::vector<std::string> texts(3);
  for (int i = 0; i < 1200; ++i) texts[static_cast<size_t>(i % 3)] += Deployment(i, i % 5 == 0);
  doc::Corpus corpus;
  core::DiagnosticSink sink;
  corpus.AddText("c.yaml", texts[2], sink);
  corpus.AddText("a.yaml", texts[0], sink);
  corpus.AddText("b.yaml", texts[1], sink);
  ASSERT_EQ(sink.error_count(), 0U);
  k8s::Snapshot snapshot = k8s::Snapshot::Build(corpus.documents(), sink);

  const auto run = [&snapshot](unsigned threads, core::Severity min) {
    ScanOptions options;
    options.threads = threads;
    options.min_severity = min;
    return RunChecks(snapshot, BuiltinRegistry(), options);
  };
  const auto same = [](const std::vector<core::Finding>& a, const std::vector<core::Finding>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      ASSERT_EQ(a[i].check, b[i].check) << i;
      ASSERT_EQ(a[i].file, b[i].file) << i;
      ASSERT_EQ(a[i].line, b[i].line) << i;
      ASSERT_EQ(a[i].column, b[i].column) << i;
      ASSERT_EQ(a[i].path, b[i].path) << i;
      ASSERT_EQ(a[i].message, b[i].message) << i;
    }
  };
  for (core::Severity min : {core::Severity::kInfo, core::Severity::kMedium}) {
    const std::vector<core::Finding> one = run(1, min);
    ASSERT_FALSE(one.empty());
    EXPECT_TRUE(std::is_sorted(one.begin(), one.end(), core::FindingLess));
    EXPECT_EQ(one.front().file, "a.yaml");
    EXPECT_EQ(one.back().file, "c.yaml");
    // Found across objects: net-pod-not-isolated (low), net-namespace-no-default-deny (medium).
    bool snapshot_level = false;
    for (const core::Finding& f : one) {
      EXPECT_GE(f.severity, min);
      snapshot_level = snapshot_level || f.check == "net-pod-not-isolated" ||
                       f.check == "net-namespace-no-default-deny";
    }
    EXPECT_TRUE(snapshot_level);
    same(one, run(2, min));
    same(one, run(3, min));
  }
}

// One file in order, the usual case: the blocks are merged with the snapshot-level findings.
TEST(Runner, SortedWhenObjectsComeInOrder) {
  std::string text;
  for (int i = 0; i < 1300; ++i) text += Deployment(i, i % 4 == 0);
  doc::Corpus corpus;
  core::DiagnosticSink sink;
  corpus.AddText("ordered.yaml", text, sink);
  k8s::Snapshot snapshot = k8s::Snapshot::Build(corpus.documents(), sink);
  ScanOptions two;
  two.threads = 2;
  const std::vector<core::Finding> findings = RunChecks(snapshot, BuiltinRegistry(), two);
  EXPECT_TRUE(std::is_sorted(findings.begin(), findings.end(), core::FindingLess));
  size_t not_isolated = 0;
  for (const core::Finding& f : findings) not_isolated += f.check == "net-pod-not-isolated";
  EXPECT_EQ(not_isolated, 1300U);
}

TEST(Runner, OnlySkipAndMinSeverity) {
  doc::Corpus corpus;
  core::DiagnosticSink sink;
  corpus.AddText("one.yaml", Deployment(1, true), sink);
  k8s::Snapshot snapshot = k8s::Snapshot::Build(corpus.documents(), sink);

  ScanOptions only;
  only.only = {"container-privileged"};
  auto findings = RunChecks(snapshot, BuiltinRegistry(), only);
  ASSERT_EQ(findings.size(), 1U);
  EXPECT_EQ(findings[0].check, "container-privileged");
  EXPECT_EQ(findings[0].file, "one.yaml");
  EXPECT_EQ(findings[0].line, 17U);
  EXPECT_EQ(findings[0].object.kind, "Deployment");
  EXPECT_EQ(findings[0].object.name, "app-1");
  EXPECT_EQ(findings[0].object.namespace_, "ns-1");

  ScanOptions skip;
  skip.skip = {"container-privileged"};
  for (const auto& f : RunChecks(snapshot, BuiltinRegistry(), skip))
    EXPECT_NE(f.check, "container-privileged");

  ScanOptions critical;
  critical.min_severity = core::Severity::kCritical;
  for (const auto& f : RunChecks(snapshot, BuiltinRegistry(), critical)) {
    EXPECT_EQ(f.severity, core::Severity::kCritical);
  }
}

TEST(Runner, AnnotationSuppressesNamedChecksWithReason) {
  const std::string text = R"(apiVersion: v1
kind: Pod
metadata:
  name: debug
  namespace: tools
  annotations:
    centinela.dev/ignore: "container-privileged, pod-host-network"
    centinela.dev/ignore-reason: break-glass debugging pod
spec:
  hostNetwork: true
  containers:
  - name: shell
    image: busybox:1.36
    securityContext:
      privileged: true
)";
  doc::Corpus corpus;
  core::DiagnosticSink sink;
  corpus.AddText("debug.yaml", text, sink);
  k8s::Snapshot snapshot = k8s::Snapshot::Build(corpus.documents(), sink);
  ScanOptions options;
  options.only = {"container-privileged", "pod-host-network", "container-run-as-root"};
  auto findings = RunChecks(snapshot, BuiltinRegistry(), options);
  int suppressed = 0, open = 0;
  for (const auto& f : findings) {
    if (f.check == "container-privileged" || f.check == "pod-host-network") {
      EXPECT_TRUE(f.suppressed) << f.check;
      EXPECT_EQ(f.suppression, "annotation centinela.dev/ignore: break-glass debugging pod");
      ++suppressed;
    } else {
      EXPECT_FALSE(f.suppressed) << f.check;
      ++open;
    }
  }
  EXPECT_EQ(suppressed, 2);
  EXPECT_EQ(open, 1);
}

}  // namespace
}  // namespace centinela::checks
