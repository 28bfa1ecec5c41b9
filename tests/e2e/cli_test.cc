// End-to-end tests of the centinela binary: golden outputs per format on the demo, exit codes,
// diagnostics. Golden files are rewritten only on purpose: UPDATE_GOLDEN=1 ctest -R e2e.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "test_util.h"

namespace centinela {
namespace {

using testing::BinaryPath;
using testing::ReadFile;
using testing::RunCommand;
using testing::SourcePath;
using testing::WriteFile;

// Runs centinela from the source directory so paths in the output are relative and stable.
int Centinela(const std::string& args, std::string* out, bool merge_stderr = false) {
  return RunCommand("cd '" + SourcePath("") + "' && NO_COLOR=1 '" + BinaryPath() + "' " + args, out,
                    merge_stderr);
}

void CheckGolden(const std::string& name, const std::string& actual) {
  const std::string path = SourcePath("tests/e2e/golden/" + name);
  if (std::getenv("UPDATE_GOLDEN") != nullptr) {
    WriteFile(path, actual);
    GTEST_SKIP() << "updated " << path;
  }
  const std::string expected = ReadFile(path);
  ASSERT_FALSE(expected.empty()) << "missing golden file " << path << " (run with UPDATE_GOLDEN=1)";
  EXPECT_EQ(actual, expected) << "output differs from " << path
                              << "; if the change is intended, rerun with "
                              << "UPDATE_GOLDEN=1";
}

TEST(Demo, AppPassesAtHigh) {
  std::string out;
  EXPECT_EQ(Centinela("scan examples/picturesocial/app", &out), 0) << out;
  CheckGolden("app.table", out);
}

TEST(Demo, IncidentGoldenPerFormat) {
  for (const char* format : {"table", "json", "sarif", "junit"}) {
    SCOPED_TRACE(format);
    std::string out;
    EXPECT_EQ(Centinela(std::string("scan examples/picturesocial/incident -o ") + format, &out), 1);
    CheckGolden(std::string("incident.") + format, out);
  }
}

TEST(Demo, IncidentCoversEveryControl) {
  std::string out;
  ASSERT_EQ(Centinela("scan examples/picturesocial/incident -o json", &out), 1);
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["schema"], "centinela.dev/v1");
  for (const char* control : {"permissions", "network", "data", "orchestrator"}) {
    EXPECT_GT(j["summary"]["byControl"][control]["total"].get<int>(), 0) << control;
  }
  std::set<std::string> checks;
  for (const auto& f : j["findings"]) checks.insert(f["check"].get<std::string>());
  for (const char* id :
       {"container-privileged", "container-run-as-root", "container-aws-static-credentials",
        "pod-host-network", "pod-host-path", "pod-default-service-account",
        "rbac-cluster-admin-binding", "rbac-default-service-account-bound", "rbac-secrets-read",
        "service-public-load-balancer", "service-node-port", "net-namespace-no-default-deny",
        "configmap-sensitive-data", "api-deprecated-version", "ingress-without-tls",
        "aws-legacy-kube2iam-annotation", "container-image-tag-mutable"}) {
    EXPECT_TRUE(checks.count(id)) << id;
  }
}

TEST(Demo, SuppressedFindingShownOnRequest) {
  std::string out;
  ASSERT_EQ(Centinela("scan examples/picturesocial/app -o json --show-suppressed", &out), 0);
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["summary"]["suppressed"], 1);
  bool found = false;
  for (const auto& f : j["findings"]) {
    if (f["check"] == "service-public-load-balancer") {
      found = true;
      EXPECT_EQ(f["suppressed"], true);
      EXPECT_NE(f["suppression"].get<std::string>().find("public API by design"),
                std::string::npos);
    }
  }
  EXPECT_TRUE(found);
}

TEST(Cli, StdinIsScanned) {
  std::string out;
  int code =
      Centinela("scan - -o json < examples/picturesocial/incident/20-mysql-client.yaml", &out);
  EXPECT_EQ(code, 1);
  auto j = nlohmann::json::parse(out);
  ASSERT_FALSE(j["findings"].empty());
  EXPECT_EQ(j["findings"][0]["file"], "<stdin>");
}

TEST(Cli, BadDocumentIsReportedAndTheRestScanned) {
  const std::string dir = testing::TempDir();
  WriteFile(
      dir + "/mixed.yaml",
      "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  hostNetwork: true\n  containers: "
      "[]\n---\n"
      "apiVersion: v1\nkind: Pod\nmetadata: {name: [broken\n---\n"
      "apiVersion: v1\nkind: Pod\nmetadata: {name: c}\nspec:\n  hostPID: true\n  containers: []\n");
  std::string out;
  int code = RunCommand("NO_COLOR=1 '" + BinaryPath() + "' scan '" + dir +
                            "/mixed.yaml' -o json 2>" + dir + "/err.txt",
                        &out);
  EXPECT_EQ(code, 2);
  const std::string err = ReadFile(dir + "/err.txt");
  EXPECT_NE(err.find(dir + "/mixed.yaml:10:"), std::string::npos) << err;
  EXPECT_NE(err.find(": error: "), std::string::npos) << err;
  auto j = nlohmann::json::parse(out);
  std::set<std::string> names;
  for (const auto& f : j["findings"]) names.insert(f["object"]["name"].get<std::string>());
  EXPECT_TRUE(names.count("a"));
  EXPECT_TRUE(names.count("c"));
  EXPECT_FALSE(j["diagnostics"].empty());
}

TEST(Cli, UsageErrors) {
  std::string out;
  EXPECT_EQ(Centinela("scna x", &out, true), 2);
  EXPECT_NE(out.find("unknown command \"scna\"; did you mean \"scan\"?"), std::string::npos) << out;
  EXPECT_EQ(Centinela("scan", &out, true), 2);
  EXPECT_NE(out.find("no input"), std::string::npos) << out;
  EXPECT_EQ(Centinela("scan examples --checks container-privilegd", &out, true), 2);
  EXPECT_NE(out.find("did you mean \"container-privileged\"?"), std::string::npos) << out;
  EXPECT_EQ(Centinela("scan examples --fail-on severe", &out, true), 2);
  EXPECT_EQ(Centinela("scan examples -o yaml", &out, true), 2);
  EXPECT_EQ(Centinela("scan does/not/exist.yaml", &out, true), 2);
  EXPECT_NE(out.find("does/not/exist.yaml"), std::string::npos) << out;
}

TEST(Cli, FailOnAndMinSeverity) {
  std::string out;
  EXPECT_EQ(Centinela("scan examples/picturesocial/incident --fail-on none -o json", &out), 0);
  EXPECT_EQ(Centinela("scan examples/picturesocial/incident --min-severity critical -o json", &out),
            1);
  auto j = nlohmann::json::parse(out);
  for (const auto& f : j["findings"]) EXPECT_EQ(f["severity"], "critical");
  EXPECT_EQ(Centinela("scan examples/picturesocial/incident --fail-on critical -o json", &out), 1);
  // The hardened application has no unsuppressed finding at all, not even at info.
  EXPECT_EQ(Centinela("scan examples/picturesocial/app --fail-on info -o json", &out), 0);
  EXPECT_EQ(nlohmann::json::parse(out)["summary"]["total"], 0);
}

TEST(Cli, OutputFile) {
  const std::string dir = testing::TempDir();
  std::string out;
  EXPECT_EQ(
      Centinela("scan examples/picturesocial/incident -o sarif --output " + dir + "/r.sarif", &out),
      1);
  EXPECT_TRUE(out.empty()) << out;
  auto j = nlohmann::json::parse(ReadFile(dir + "/r.sarif"));
  EXPECT_EQ(j["version"], "2.1.0");
}

TEST(Cli, ConfigFileSuppresses) {
  const std::string dir = testing::TempDir();
  WriteFile(dir + "/c.yaml", "exclude:\n  - namespaces: [dev]\n    reason: test\n");
  std::string out;
  EXPECT_EQ(
      Centinela("scan examples/picturesocial/incident -o json --config " + dir + "/c.yaml", &out),
      1)
      << "cluster-scoped findings are still reported";
  auto j = nlohmann::json::parse(out);
  for (const auto& f : j["findings"]) EXPECT_EQ(f["object"]["namespace"], "") << f.dump();
  WriteFile(dir + "/bad.yaml", "exclude:\n  - nmespaces: [dev]\n");
  EXPECT_EQ(Centinela("scan examples --config " + dir + "/bad.yaml", &out, true), 2);
  EXPECT_NE(out.find(dir + "/bad.yaml:2:5: error: unknown key \"nmespaces\""), std::string::npos)
      << out;
}

TEST(Cli, ChecksListAndExplain) {
  std::string out;
  ASSERT_EQ(Centinela("checks list -o json", &out), 0);
  auto j = nlohmann::json::parse(out);
  EXPECT_GE(j["checks"].size(), 41U);
  for (const auto& c : j["checks"]) {
    for (const char* key :
         {"id", "title", "severity", "control", "layer", "description", "remediation", "docs"}) {
      EXPECT_TRUE(c.contains(key)) << key;
    }
  }
  ASSERT_EQ(Centinela("checks explain container-privileged", &out), 0);
  EXPECT_NE(out.find("container-privileged: "), std::string::npos);
  EXPECT_NE(out.find("severity: critical"), std::string::npos);
  EXPECT_EQ(Centinela("checks explain container-privilege", &out, true), 2);
  EXPECT_NE(out.find("did you mean \"container-privileged\""), std::string::npos) << out;
  ASSERT_EQ(Centinela("checks list", &out), 0);
  CheckGolden("checks-list.txt", out);
}

}  // namespace
}  // namespace centinela
