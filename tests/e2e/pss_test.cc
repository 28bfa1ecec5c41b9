// End-to-end tests of `centinela pss` and `centinela pss advise`: golden outputs, exit codes, flag
// errors, stdin, admission configuration exemptions. Inputs are tests/e2e/pss/*.yaml; goldens are
// tests/e2e/golden/pss-*, rewritten only on purpose: UPDATE_GOLDEN=1 ctest -R e2e.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_util.h"

namespace centinela {
namespace {

using testing::BinaryPath;
using testing::ReadFile;
using testing::RunCommand;
using testing::SourcePath;
using testing::WriteFile;

constexpr char kCluster[] = "tests/e2e/pss/cluster.yaml";
constexpr char kExemptions[] = "tests/e2e/pss/config/exemptions.yaml";

// Runs centinela from the source directory so paths in the output are relative and stable.
int Centinela(const std::string& args, std::string* out, bool merge_stderr = false) {
  return RunCommand("cd '" + SourcePath("") + "' && NO_COLOR=1 '" + BinaryPath() + "' " + args, out,
                    merge_stderr);
}

// Runs centinela with stdout in `out` and stderr in `err`.
int CentinelaSplit(const std::string& args, std::string* out, std::string* err) {
  const std::string err_file = testing::TempDir() + "/stderr.txt";
  const int code = Centinela(args + " 2>'" + err_file + "'", out);
  *err = ReadFile(err_file);
  return code;
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
                              << "; if the change is intended, rerun with UPDATE_GOLDEN=1";
}

// Results of `pss -o json` by object name.
std::map<std::string, nlohmann::json> ByName(const nlohmann::json& j) {
  std::map<std::string, nlohmann::json> out;
  for (const auto& r : j["results"]) out[r["object"]["name"].get<std::string>()] = r;
  return out;
}

std::vector<std::string> Checks(const nlohmann::json& result) {
  std::vector<std::string> ids;
  for (const auto& v : result["violations"]) ids.push_back(v["check"].get<std::string>());
  return ids;
}

std::vector<std::string> Keys(const nlohmann::ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

const nlohmann::json* Namespace(const nlohmann::json& advice, const std::string& name) {
  for (const auto& ns : advice["namespaces"]) {
    if (ns["name"] == name) return &ns;
  }
  return nullptr;
}

TEST(PssCli, TableAtRestrictedLatest) {
  std::string out;
  EXPECT_EQ(Centinela(std::string("pss ") + kCluster, &out), 1);
  CheckGolden("pss-cluster.table", out);
}

TEST(PssCli, JsonAtRestrictedLatest) {
  std::string out;
  ASSERT_EQ(Centinela(std::string("pss ") + kCluster + " -o json", &out), 1);
  CheckGolden("pss-cluster.json", out);

  const auto ordered = nlohmann::ordered_json::parse(out);
  EXPECT_EQ(Keys(ordered), (std::vector<std::string>{"schema", "level", "version", "results"}));
  EXPECT_EQ(ordered["schema"], "centinela.dev/v1");
  EXPECT_EQ(ordered["level"], "restricted");
  EXPECT_EQ(ordered["version"], "latest");
  ASSERT_EQ(ordered["results"].size(), 6U);
  for (const auto& r : ordered["results"]) {
    EXPECT_EQ(Keys(r),
              (std::vector<std::string>{"object", "file", "line", "allowed", "violations"}));
    EXPECT_EQ(Keys(r["object"]),
              (std::vector<std::string>{"apiVersion", "kind", "namespace", "name"}));
    EXPECT_EQ(r["file"], kCluster);
    EXPECT_EQ(r["allowed"], r["violations"].empty());
  }

  auto results = ByName(nlohmann::json::parse(out));
  EXPECT_EQ(results["frontend"]["allowed"], true);
  EXPECT_EQ(results["frontend"]["line"], 26);
  EXPECT_EQ(results["report"]["allowed"], true);
  EXPECT_EQ(Checks(results["cart"]),
            (std::vector<std::string>{"allowPrivilegeEscalation", "capabilities_restricted",
                                      "runAsNonRoot", "seccompProfile_restricted"}));
  const auto& v = results["cart"]["violations"][0];
  EXPECT_EQ(v["reason"], "allowPrivilegeEscalation != false");
  EXPECT_EQ(v["detail"],
            "container \"cart\" must set "
            "securityContext.allowPrivilegeEscalation=false");
  EXPECT_EQ(results["debug"]["allowed"], false);
  EXPECT_EQ(results["node-agent"]["allowed"], false);
}

TEST(PssCli, BaselineAtAPinnedVersion) {
  std::string out;
  ASSERT_EQ(
      Centinela(std::string("pss ") + kCluster + " --level baseline --version v1.30 -o json", &out),
      1);
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["level"], "baseline");
  EXPECT_EQ(j["version"], "v1.30");
  auto results = ByName(j);
  EXPECT_EQ(results["cart"]["allowed"], true) << "cart satisfies baseline";
  EXPECT_EQ(Checks(results["debug"]),
            (std::vector<std::string>{"hostNamespaces", "hostPathVolumes", "privileged"}));
  EXPECT_EQ(results["debug"]["violations"][0]["reason"], "host namespaces");
  EXPECT_EQ(results["debug"]["violations"][0]["detail"], "hostNetwork=true");
  EXPECT_EQ(Checks(results["sandbox"]), std::vector<std::string>{"capabilities_baseline"});
  EXPECT_EQ(Checks(results["node-agent"]), std::vector<std::string>{"hostNamespaces"});
}

TEST(PssCli, EverythingAllowedExitsZero) {
  std::string out;
  EXPECT_EQ(Centinela("pss tests/e2e/pss/restricted.yaml", &out), 0);
  CheckGolden("pss-restricted.table", out);
  EXPECT_EQ(Centinela("pss examples/picturesocial/app -o json", &out), 0)
      << "the reviewed demo application satisfies restricted";
  EXPECT_EQ(Centinela("pss tests/e2e/pss/cluster.yaml --level privileged", &out), 0)
      << "privileged allows everything";
}

TEST(PssCli, InputErrorsExitTwoAndTheRestIsEvaluated) {
  std::string out;
  std::string err;
  EXPECT_EQ(CentinelaSplit("pss tests/e2e/pss/broken.yaml --level baseline -o json", &out, &err),
            2);
  EXPECT_NE(err.find("tests/e2e/pss/broken.yaml:11:"), std::string::npos) << err;
  EXPECT_NE(err.find(": error: "), std::string::npos) << err;
  auto results = ByName(nlohmann::json::parse(out));
  ASSERT_EQ(results.size(), 2U);
  EXPECT_EQ(results["before"]["allowed"], false);
  EXPECT_EQ(Checks(results["before"]), std::vector<std::string>{"hostNamespaces"});
  EXPECT_EQ(results["after"]["allowed"], true);

  // Input errors win over a clean verdict: exit 2 even when everything readable is allowed.
  const std::string dir = testing::TempDir();
  WriteFile(dir + "/ok-and-bad.yaml",
            ReadFile(SourcePath("tests/e2e/pss/restricted.yaml")) + "\n---\nkind: [\n");
  EXPECT_EQ(CentinelaSplit("pss '" + dir + "/ok-and-bad.yaml'", &out, &err), 2);
  EXPECT_NE(out.find("2 allowed, 0 forbidden, 0 exempt"), std::string::npos) << out;
  EXPECT_NE(out.find("1 input error"), std::string::npos) << out;
  EXPECT_EQ(Centinela("pss does/not/exist.yaml", &out, true), 2);
  EXPECT_NE(out.find("does/not/exist.yaml"), std::string::npos) << out;
}

TEST(PssCli, StdinIsRead) {
  std::string out;
  ASSERT_EQ(Centinela(std::string("pss - -o json < ") + kCluster, &out), 1);
  const auto j = nlohmann::json::parse(out);
  ASSERT_EQ(j["results"].size(), 6U);
  for (const auto& r : j["results"]) EXPECT_EQ(r["file"], "<stdin>");
}

TEST(PssCli, UnknownLevelOrVersionListsTheValidValues) {
  std::string out;
  EXPECT_EQ(Centinela(std::string("pss ") + kCluster + " --level restricte", &out, true), 2);
  EXPECT_EQ(out,
            "centinela: error: --level: unknown Pod Security level "
            "\"restricte\": must be one of "
            "privileged, baseline, restricted; did you mean \"restricted\"?\n");
  EXPECT_EQ(Centinela(std::string("pss ") + kCluster + " --level strict", &out, true), 2);
  EXPECT_EQ(out,
            "centinela: error: --level: unknown Pod Security level "
            "\"strict\": must be one of "
            "privileged, baseline, restricted\n");
  EXPECT_EQ(Centinela(std::string("pss ") + kCluster + " --version lates", &out, true), 2);
  EXPECT_EQ(out,
            "centinela: error: --version: unknown Pod Security version "
            "\"lates\": must be "
            "\"latest\" or one of v1.0 to v1.37; did you mean \"latest\"?\n");
  EXPECT_EQ(Centinela(std::string("pss ") + kCluster + " --version 1.30", &out, true), 2);
  EXPECT_NE(out.find("did you mean \"v1.30\"?"), std::string::npos) << out;
  // A well-formed version the engine does not know is no typo: no suggestion.
  EXPECT_EQ(Centinela(std::string("pss ") + kCluster + " --version v1.99", &out, true), 2);
  EXPECT_EQ(out,
            "centinela: error: --version: unknown Pod Security version "
            "\"v1.99\": must be "
            "\"latest\" or one of v1.0 to v1.37\n");
  EXPECT_EQ(Centinela(std::string("pss advise ") + kCluster + " --version v2", &out, true), 2);
  EXPECT_NE(out.find("--version: unknown Pod Security version \"v2\""), std::string::npos) << out;
}

TEST(PssCli, UsageErrors) {
  std::string out;
  EXPECT_EQ(Centinela("pss", &out, true), 2);
  EXPECT_NE(out.find("no input"), std::string::npos) << out;
  EXPECT_EQ(Centinela("pss advise", &out, true), 2);
  EXPECT_NE(out.find("no input"), std::string::npos) << out;
  EXPECT_EQ(Centinela(std::string("pss ") + kCluster + " -o sarif", &out, true), 2);
  EXPECT_EQ(Centinela("pss --help", &out), 0);
  EXPECT_NE(out.find("--pss-config"), std::string::npos) << out;
  EXPECT_NE(out.find("pss advise"), std::string::npos) << out;
  EXPECT_EQ(Centinela("pss advise --help", &out), 0);
  EXPECT_NE(out.find("kubectl label"), std::string::npos) << out;
  EXPECT_EQ(Centinela("--help", &out), 0);
  EXPECT_NE(out.find("  pss "), std::string::npos) << out;
}

TEST(PssCli, ExemptObjectsAreListedNotEvaluated) {
  std::string out;
  EXPECT_EQ(Centinela(std::string("pss ") + kCluster + " --pss-config " + kExemptions, &out), 1);
  CheckGolden("pss-exempt.table", out);

  ASSERT_EQ(
      Centinela(std::string("pss ") + kCluster + " --pss-config " + kExemptions + " -o json", &out),
      1);
  const auto ordered = nlohmann::ordered_json::parse(out);
  for (const auto& r : ordered["results"]) {
    if (r["object"]["name"] == "node-agent" || r["object"]["name"] == "sandbox") {
      EXPECT_EQ(Keys(r), (std::vector<std::string>{"object", "file", "line", "allowed", "exempt",
                                                   "violations"}));
    } else {
      EXPECT_FALSE(r.contains("exempt")) << r.dump();
    }
  }
  auto results = ByName(nlohmann::json::parse(out));
  EXPECT_EQ(results["node-agent"]["exempt"], "namespace \"kube-system\" is exempt");
  EXPECT_EQ(results["node-agent"]["allowed"], true);
  EXPECT_TRUE(results["node-agent"]["violations"].empty());
  EXPECT_EQ(results["sandbox"]["exempt"], "runtimeClass \"kata\" is exempt");
  EXPECT_EQ(results["debug"]["allowed"], false);

  // The usernames exemption applies to bare Pods created by that user, not to the pods a controller
  // creates from a Deployment.
  ASSERT_EQ(Centinela(std::string("pss ") + kCluster + " --pss-config " + kExemptions +
                          " --as ops-admin -o json",
                      &out),
            1);
  results = ByName(nlohmann::json::parse(out));
  EXPECT_EQ(results["debug"]["exempt"], "user \"ops-admin\" is exempt");
  EXPECT_EQ(results["sandbox"]["exempt"], "user \"ops-admin\" is exempt");
  EXPECT_FALSE(results["cart"].contains("exempt"));
  EXPECT_EQ(results["cart"]["allowed"], false);
}

TEST(PssCli, BadAdmissionConfigurationIsAnError) {
  std::string out;
  EXPECT_EQ(
      Centinela(std::string("pss ") + kCluster + " --pss-config tests/e2e/pss/config/bad.yaml",
                &out, true),
      2);
  EXPECT_NE(out.find("tests/e2e/pss/config/bad.yaml:4:"), std::string::npos) << out;
  EXPECT_NE(out.find("strict"), std::string::npos) << out;
  EXPECT_EQ(
      Centinela(std::string("pss ") + kCluster + " --pss-config does/not/exist.yaml", &out, true),
      2);
  EXPECT_NE(out.find("does/not/exist.yaml"), std::string::npos) << out;
}

TEST(PssCli, DemoIncident) {
  std::string out;
  EXPECT_EQ(Centinela("pss examples/picturesocial/incident", &out), 1);
  CheckGolden("pss-incident.table", out);
}

TEST(PssAdvise, TableAndJson) {
  std::string out;
  EXPECT_EQ(Centinela(std::string("pss advise ") + kCluster, &out), 0);
  CheckGolden("pss-advise.table", out);
  ASSERT_EQ(Centinela(std::string("pss advise ") + kCluster + " -o json", &out), 0);
  CheckGolden("pss-advise.json", out);

  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["schema"], "centinela.dev/v1");
  EXPECT_EQ(j["version"], "latest");
  EXPECT_EQ(j["pinnedVersion"], "v1.37");
  std::vector<std::string> names;
  for (const auto& ns : j["namespaces"]) names.push_back(ns["name"].get<std::string>());
  EXPECT_EQ(names, (std::vector<std::string>{"kube-system", "quiet", "shop", "tools"}));

  const nlohmann::json* shop = Namespace(j, "shop");
  ASSERT_NE(shop, nullptr);
  EXPECT_EQ((*shop)["labels"],
            (nlohmann::json{{"pod-security.kubernetes.io/enforce", "restricted"},
                            {"pod-security.kubernetes.io/enforce-version", "v1.30"},
                            {"pod-security.kubernetes.io/warn", "restricted"}}));
  EXPECT_EQ((*shop)["policy"]["enforce"], "restricted:v1.30");
  EXPECT_EQ((*shop)["workloads"], 3);
  EXPECT_EQ((*shop)["strictest"], "baseline");
  EXPECT_EQ((*shop)["next"], "restricted");
  ASSERT_EQ((*shop)["blockers"].size(), 1U);
  EXPECT_EQ((*shop)["blockers"][0]["object"]["name"], "cart");
  ASSERT_EQ((*shop)["rejectedByEnforce"].size(), 1U);
  EXPECT_EQ((*shop)["change"], "loosen");
  EXPECT_EQ((*shop)["command"],
            "kubectl label --overwrite namespace shop "
            "pod-security.kubernetes.io/enforce=baseline "
            "pod-security.kubernetes.io/enforce-version=v1.37 "
            "pod-security.kubernetes.io/audit=restricted "
            "pod-security.kubernetes.io/audit-version=v1.37 "
            "pod-security.kubernetes.io/warn=restricted "
            "pod-security.kubernetes.io/warn-version=v1.37");

  const nlohmann::json* quiet = Namespace(j, "quiet");
  ASSERT_NE(quiet, nullptr);
  EXPECT_EQ((*quiet)["workloads"], 0);
  EXPECT_EQ((*quiet)["strictest"], "restricted");
  EXPECT_FALSE(quiet->contains("next"));
  EXPECT_EQ((*quiet)["change"], "tighten");

  const nlohmann::json* kube_system = Namespace(j, "kube-system");
  ASSERT_NE(kube_system, nullptr);
  EXPECT_FALSE(kube_system->contains("file")) << "no Namespace object in the input";
  EXPECT_EQ((*kube_system)["strictest"], "privileged");
  EXPECT_EQ((*kube_system)["change"], "keep");

  const nlohmann::json* tools = Namespace(j, "tools");
  ASSERT_NE(tools, nullptr);
  EXPECT_EQ((*tools)["strictest"], "privileged");
  EXPECT_EQ((*tools)["change"], "keep");
  ASSERT_EQ((*tools)["blockers"].size(), 2U);
}

TEST(PssAdvise, ConfigurationAndVersion) {
  std::string out;
  ASSERT_EQ(Centinela(std::string("pss advise ") + kCluster + " --pss-config " + kExemptions +
                          " --version v1.30 -o json",
                      &out),
            0);
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["version"], "v1.30");
  EXPECT_EQ(j["pinnedVersion"], "v1.30");

  const nlohmann::json* kube_system = Namespace(j, "kube-system");
  ASSERT_NE(kube_system, nullptr);
  EXPECT_EQ((*kube_system)["exempt"], "namespace \"kube-system\" is exempt");
  EXPECT_FALSE(kube_system->contains("command"));

  const nlohmann::json* tools = Namespace(j, "tools");
  ASSERT_NE(tools, nullptr);
  EXPECT_EQ((*tools)["policy"]["enforce"], "baseline:latest") << "the configured default";
  EXPECT_EQ((*tools)["workloads"], 1);
  ASSERT_EQ((*tools)["exemptWorkloads"].size(), 1U);
  EXPECT_EQ((*tools)["exemptWorkloads"][0]["object"]["name"], "sandbox");
  EXPECT_EQ((*tools)["exemptWorkloads"][0]["exempt"], "runtimeClass \"kata\" is exempt");
  ASSERT_EQ((*tools)["rejectedByEnforce"].size(), 1U);
  EXPECT_EQ((*tools)["rejectedByEnforce"][0]["object"]["name"], "debug");
  EXPECT_EQ((*tools)["change"], "loosen");
  EXPECT_NE((*tools)["command"].get<std::string>().find("enforce-version=v1.30"),
            std::string::npos);

  EXPECT_EQ(Centinela(std::string("pss advise ") + kCluster + " --pss-config " + kExemptions +
                          " --version v1.30",
                      &out),
            0);
  CheckGolden("pss-advise-config.table", out);
}

TEST(PssAdvise, InputErrorsExitTwo) {
  std::string out;
  std::string err;
  EXPECT_EQ(CentinelaSplit("pss advise tests/e2e/pss/broken.yaml -o json", &out, &err), 2);
  EXPECT_NE(err.find("tests/e2e/pss/broken.yaml:11:"), std::string::npos) << err;
  const auto j = nlohmann::json::parse(out);
  ASSERT_EQ(j["namespaces"].size(), 1U);
  EXPECT_EQ(j["namespaces"][0]["strictest"], "privileged");
}

TEST(PssAdvise, Stdin) {
  std::string out;
  ASSERT_EQ(Centinela(std::string("pss advise - -o json < ") + kCluster, &out), 0);
  const auto j = nlohmann::json::parse(out);
  const nlohmann::json* shop = Namespace(j, "shop");
  ASSERT_NE(shop, nullptr);
  EXPECT_EQ((*shop)["file"], "<stdin>");
}

}  // namespace
}  // namespace centinela
