#include "checks/registry.h"

#include <gtest/gtest.h>

#include <iterator>
#include <regex>
#include <set>
#include <string>

#include "core/severity.h"
#include "pss/policy.h"
#include "test_util.h"

namespace centinela::checks {
namespace {

TEST(Registry, IdsAreUniqueKebabCaseAndSorted) {
  const auto all = BuiltinRegistry().All();
  ASSERT_FALSE(all.empty());
  std::set<std::string_view> seen;
  const std::regex kebab("^[a-z][a-z0-9]*(-[a-z0-9]+)+$");
  std::string_view previous;
  for (const Check* c : all) {
    const auto& info = c->info();
    EXPECT_TRUE(seen.insert(info.id).second) << "duplicate id " << info.id;
    EXPECT_TRUE(std::regex_match(std::string(info.id), kebab)) << info.id;
    EXPECT_LT(previous, info.id);
    previous = info.id;
    EXPECT_FALSE(info.title.empty()) << info.id;
    EXPECT_FALSE(info.description.empty()) << info.id;
    EXPECT_FALSE(info.remediation.empty()) << info.id;
    EXPECT_EQ(BuiltinRegistry().Find(info.id), c);
  }
}

// The catalog of issue 2: these ids are a public contract.
TEST(Registry, ContractIdsArePresent) {
  const char* ids[] = {"container-privileged",
                       "container-allow-privilege-escalation",
                       "container-run-as-root",
                       "container-writable-root-filesystem",
                       "container-dangerous-capabilities",
                       "container-capabilities-not-dropped",
                       "container-host-port",
                       "container-seccomp-unconfined",
                       "container-apparmor-unconfined",
                       "container-missing-resource-limits",
                       "container-missing-resource-requests",
                       "container-image-tag-mutable",
                       "container-image-not-digest-pinned",
                       "container-missing-probes",
                       "container-secret-in-env",
                       "container-aws-static-credentials",
                       "pod-host-network",
                       "pod-host-pid",
                       "pod-host-ipc",
                       "pod-host-path",
                       "pod-default-service-account",
                       "pod-automount-service-account-token",
                       "pod-unsafe-sysctls",
                       "workload-default-namespace",
                       "service-public-load-balancer",
                       "service-node-port",
                       "service-external-ips",
                       "net-namespace-no-default-deny",
                       "net-pod-not-isolated",
                       "ingress-without-tls",
                       "configmap-sensitive-data",
                       "secret-aws-static-credentials",
                       "rbac-cluster-admin-binding",
                       "rbac-wildcard",
                       "rbac-secrets-read",
                       "rbac-anonymous-binding",
                       "rbac-default-service-account-bound",
                       "sa-shared-by-workloads",
                       "irsa-role-arn-invalid",
                       "aws-legacy-kube2iam-annotation",
                       "api-deprecated-version"};
  for (const char* id : ids) EXPECT_NE(BuiltinRegistry().Find(id), nullptr) << id;
}

// The Pod Security family of issue 3: one check per control of the engine, and the label check.
TEST(Registry, PodSecurityIdsArePresent) {
  const char* ids[] = {"pss-allow-privilege-escalation",
                       "pss-apparmor-profile",
                       "pss-capabilities-baseline",
                       "pss-capabilities-restricted",
                       "pss-host-namespaces",
                       "pss-host-path-volumes",
                       "pss-host-ports",
                       "pss-host-probes-and-host-lifecycle",
                       "pss-namespace-label-invalid",
                       "pss-privileged",
                       "pss-proc-mount",
                       "pss-proc-mount-restricted",
                       "pss-restricted-volumes",
                       "pss-run-as-non-root",
                       "pss-run-as-user",
                       "pss-seccomp-profile-baseline",
                       "pss-seccomp-profile-restricted",
                       "pss-selinux-options",
                       "pss-sysctls",
                       "pss-windows-host-process"};
  size_t registered = 0;
  for (const Check* c : BuiltinRegistry().All()) {
    if (c->info().id.substr(0, 4) == "pss-") ++registered;
  }
  EXPECT_EQ(registered, std::size(ids));
  for (const char* id : ids) EXPECT_NE(BuiltinRegistry().Find(id), nullptr) << id;
  for (const pss::CheckDescriptor& d : pss::AllChecks()) {
    const Check* c = BuiltinRegistry().Find(d.finding_id);
    ASSERT_NE(c, nullptr) << d.finding_id;
    EXPECT_EQ(c->info().control, d.control) << d.finding_id;
    EXPECT_EQ(c->info().layer, core::Layer::kContainer) << d.finding_id;
    EXPECT_EQ(c->info().severity, core::Severity::kHigh) << d.finding_id;
    EXPECT_NE(c->info().title, "Pod Security control violated") << d.finding_id << " has no text";
  }
}

TEST(Registry, SuggestsCloseIds) {
  auto s = BuiltinRegistry().SuggestIds("container-privileges");
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0], "container-privileged");
  EXPECT_TRUE(BuiltinRegistry().SuggestIds("zzzzzzzzzzzzzzzzzzzz").empty());
}

// docs/checks/<id>.md exists for every check and its header table matches the registry.
TEST(Registry, EveryCheckHasADocsPageThatMatches) {
  for (const Check* c : BuiltinRegistry().All()) {
    const auto& info = c->info();
    const std::string path = testing::SourcePath("docs/checks/" + std::string(info.id) + ".md");
    const std::string text = testing::ReadFile(path);
    ASSERT_FALSE(text.empty()) << "missing " << path;
    EXPECT_EQ(text.rfind("# " + std::string(info.id) + "\n", 0), 0U)
        << path << " must start with '# " << info.id << "'";
    const std::string row = "| " + std::string(core::ToString(info.severity)) + " | " +
                            std::string(core::ToString(info.control)) + " | " +
                            std::string(core::ToString(info.layer)) + " |";
    EXPECT_NE(text.find(row), std::string::npos) << path << " must contain the row: " << row;
  }
}

}  // namespace
}  // namespace centinela::checks
