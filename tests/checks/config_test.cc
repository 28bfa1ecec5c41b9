#include "checks/config.h"

#include <gtest/gtest.h>

#include <string>

#include "core/diagnostic.h"
#include "doc/corpus.h"

namespace centinela::checks {
namespace {

core::Result<Config> Parse(const std::string& yaml) {
  doc::Corpus corpus;
  core::DiagnosticSink sink;
  corpus.AddText(".centinela.yaml", yaml, sink);
  EXPECT_EQ(sink.error_count(), 0U);
  if (corpus.documents().empty()) return core::Error{"no document"};
  return ParseConfig(corpus.documents()[0]);
}

core::Finding MakeFinding(std::string_view check, std::string kind, std::string ns,
                          std::string name) {
  core::Finding f;
  f.check = check;
  f.object.kind = std::move(kind);
  f.object.namespace_ = std::move(ns);
  f.object.name = std::move(name);
  return f;
}

TEST(Config, ParsesEveryKey) {
  auto config = Parse(R"(exclude:
  - checks: [container-run-as-root, "pod-host-*"]
    namespaces: kube-system
    kinds: [DaemonSet]
    names: ["aws-node*"]
    reason: the AWS VPC CNI needs root
checks: [container-privileged]
skip-checks: container-missing-probes
fail-on: critical
min-severity: low
)");
  ASSERT_TRUE(config.ok()) << config.error().message;
  ASSERT_EQ(config->exclusions.size(), 1U);
  const Exclusion& rule = config->exclusions[0];
  EXPECT_EQ(rule.checks, (std::vector<std::string>{"container-run-as-root", "pod-host-*"}));
  EXPECT_EQ(rule.namespaces, (std::vector<std::string>{"kube-system"}));
  EXPECT_EQ(rule.kinds, (std::vector<std::string>{"DaemonSet"}));
  EXPECT_EQ(rule.names, (std::vector<std::string>{"aws-node*"}));
  EXPECT_EQ(rule.reason, "the AWS VPC CNI needs root");
  EXPECT_EQ(rule.origin, ".centinela.yaml:2");
  EXPECT_EQ(config->checks, (std::vector<std::string>{"container-privileged"}));
  EXPECT_EQ(config->skip_checks, (std::vector<std::string>{"container-missing-probes"}));
  EXPECT_EQ(config->fail_on, core::Severity::kCritical);
  EXPECT_EQ(config->min_severity, core::Severity::kLow);
}

TEST(Config, UnknownKeysAreErrorsWithPosition) {
  auto config = Parse("exclude:\n  - check: [x]\n");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message,
            ".centinela.yaml:2:5: error: unknown key \"check\" in exclude rule (expected checks, "
            "namespaces, kinds, "
            "names, reason)");
  auto top = Parse("fail_on: high\n");
  ASSERT_FALSE(top.ok());
  EXPECT_EQ(top.error().message,
            ".centinela.yaml:1:1: error: unknown key \"fail_on\" (expected exclude, checks, "
            "skip-checks, fail-on, "
            "min-severity)");
}

TEST(Config, WrongTypesAndValuesAreErrors) {
  auto bad_severity = Parse("fail-on: severe\n");
  ASSERT_FALSE(bad_severity.ok());
  EXPECT_EQ(
      bad_severity.error().message,
      ".centinela.yaml:1:10: error: fail-on: expected one of info, low, medium, high, critical");
  auto bad_list = Parse("exclude: {checks: x}\n");
  ASSERT_FALSE(bad_list.ok());
  EXPECT_EQ(bad_list.error().message,
            ".centinela.yaml:1:10: error: exclude: expected a list of rules, got mapping");
  auto match_all = Parse("exclude:\n  - reason: everything\n");
  ASSERT_FALSE(match_all.ok());
  EXPECT_NE(match_all.error().message.find("exclude rule matches everything"), std::string::npos);
}

TEST(Config, ExclusionsMatchEveryGivenListAndRecordWhy) {
  auto config = Parse(R"(exclude:
  - checks: ["container-*"]
    namespaces: [kube-system]
    reason: system pods
  - kinds: [Service]
    names: ["public-*"]
  - namespaces: [default]
    checks: [pod-host-network]
)");
  ASSERT_TRUE(config.ok()) << config.error().message;
  std::vector<core::Finding> findings = {
      MakeFinding("container-privileged", "DaemonSet", "kube-system", "aws-node"),  // rule 1
      MakeFinding("pod-host-network", "DaemonSet", "kube-system", "aws-node"),      // no rule
      MakeFinding("container-privileged", "Deployment", "dev", "web"),              // no rule
      MakeFinding("service-node-port", "Service", "dev", "public-web"),             // rule 2
      MakeFinding("pod-host-network", "Pod", "", "debug"),         // rule 3: no namespace = default
      MakeFinding("pod-host-network", "Node", "", "ip-10-0-0-1"),  // cluster-scoped: not default
  };
  ApplyExclusions(*config, findings);
  EXPECT_TRUE(findings[0].suppressed);
  EXPECT_EQ(findings[0].suppression, "config .centinela.yaml:2: system pods");
  EXPECT_FALSE(findings[1].suppressed);
  EXPECT_FALSE(findings[2].suppressed);
  EXPECT_TRUE(findings[3].suppressed);
  EXPECT_EQ(findings[3].suppression, "config .centinela.yaml:5");
  EXPECT_TRUE(findings[4].suppressed);
  EXPECT_FALSE(findings[5].suppressed);
}

TEST(Config, EmptyDocumentIsAnEmptyConfig) {
  auto config = Parse("# nothing configured\n{}\n");
  ASSERT_TRUE(config.ok());
  EXPECT_TRUE(config->exclusions.empty());
}

}  // namespace
}  // namespace centinela::checks
