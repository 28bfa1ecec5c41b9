// Unit tests of the orchestrator family.
#include "checks/orchestrator/orchestrator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checks/registry.h"
#include "checks/runner.h"
#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"

namespace centinela::checks {
namespace {

TEST(KubernetesMinor, Parses) {
  EXPECT_EQ(ParseKubernetesMinor("v1.16"), 16);
  EXPECT_EQ(ParseKubernetesMinor("1.25"), 25);
  EXPECT_EQ(ParseKubernetesMinor("v1.9"), 9);
  for (const char* bad : {"", "v1.", "v2.1", "1", "v1.x", "v1.16.0", "v1.12345"}) {
    EXPECT_EQ(ParseKubernetesMinor(bad), std::nullopt) << bad;
  }
}

TEST(ApiDeprecatedVersion, RemovedIsHighDeprecatedIsMedium) {
  doc::Corpus corpus;
  core::DiagnosticSink sink;
  corpus.AddText("old.yaml", R"(apiVersion: apps/v1beta2
kind: Deployment
metadata: {name: a}
---
apiVersion: v1
kind: ComponentStatus
metadata: {name: b}
---
apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata: {name: c}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
)",
                 sink);
  k8s::Snapshot snapshot = k8s::Snapshot::Build(corpus.documents(), sink);
  ScanOptions options;
  options.only = {"api-deprecated-version"};
  auto f = RunChecks(snapshot, BuiltinRegistry(), options);
  ASSERT_EQ(f.size(), 3U);
  EXPECT_EQ(f[0].line, 1U);
  EXPECT_EQ(f[0].path, "apiVersion");
  EXPECT_EQ(f[0].severity, core::Severity::kHigh);
  EXPECT_EQ(f[0].message, "apps/v1beta2 Deployment was removed in v1.16; use apps/v1");
  EXPECT_EQ(f[1].severity, core::Severity::kMedium);
  EXPECT_EQ(f[1].message,
            "v1 ComponentStatus is deprecated since v1.19; it has no direct replacement");
  EXPECT_EQ(f[2].severity, core::Severity::kHigh);
  EXPECT_EQ(f[2].message,
            "policy/v1beta1 PodSecurityPolicy was removed in v1.25; it has no direct replacement");
  EXPECT_EQ(f[2].control, core::Control::kOrchestrator);
}

}  // namespace
}  // namespace centinela::checks
