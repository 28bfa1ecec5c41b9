#include "pss/admission.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"
#include "test_util.h"

namespace centinela::pss {
namespace {

LevelVersion LV(Level level, Version version = Version::Latest()) {
  return LevelVersion{level, version};
}

Policy Uniform(LevelVersion lv) { return Policy{lv, lv, lv}; }

// ------------------------------------------------------------------------------------------------
// Labels

TEST(ModeTest, NamesAndLabels) {
  EXPECT_EQ(ToString(Mode::kEnforce), "enforce");
  EXPECT_EQ(ToString(Mode::kAudit), "audit");
  EXPECT_EQ(ToString(Mode::kWarn), "warn");
  EXPECT_EQ(LevelLabel(Mode::kEnforce), "pod-security.kubernetes.io/enforce");
  EXPECT_EQ(VersionLabel(Mode::kAudit), "pod-security.kubernetes.io/audit-version");
  EXPECT_EQ(VersionLabel(Mode::kWarn), "pod-security.kubernetes.io/warn-version");
}

TEST(PolicyForNamespaceTest, NoLabelsGiveTheDefaults) {
  const Policy defaults{LV(Level::kBaseline, Version::Of(24)), LV(Level::kRestricted),
                        LV(Level::kPrivileged)};
  std::vector<LabelError> errors;
  EXPECT_EQ(PolicyForNamespace(k8s::StringMap{}, defaults, &errors), defaults);
  EXPECT_EQ(PolicyForNamespace({{"app", "web"}}, defaults, &errors), defaults);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(PolicyForNamespace(k8s::StringMap{}, DefaultAdmissionConfig().defaults),
            Uniform(LV(Level::kPrivileged)));
}

TEST(PolicyForNamespaceTest, LevelWithoutVersionIsLatestUnderTheBuiltInDefaults) {
  const Policy p = PolicyForNamespace({{"pod-security.kubernetes.io/enforce", "restricted"}},
                                      DefaultAdmissionConfig().defaults);
  EXPECT_EQ(p.enforce, LV(Level::kRestricted, Version::Latest()));
  EXPECT_EQ(p.audit, LV(Level::kPrivileged));
  EXPECT_EQ(p.warn, LV(Level::kPrivileged));
  EXPECT_EQ(p.enforce.ToString(), "restricted:latest");
}

TEST(PolicyForNamespaceTest, EachModeReadsItsOwnLabels) {
  const k8s::StringMap labels = {
      {"pod-security.kubernetes.io/enforce", "baseline"},
      {"pod-security.kubernetes.io/enforce-version", "v1.25"},
      {"pod-security.kubernetes.io/audit", "restricted"},
      {"pod-security.kubernetes.io/audit-version", "latest"},
      {"pod-security.kubernetes.io/warn", "restricted"},
      {"pod-security.kubernetes.io/warn-version", "v1.0"},
  };
  std::vector<LabelError> errors;
  const Policy p = PolicyForNamespace(labels, Policy{}, &errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(p.enforce, LV(Level::kBaseline, Version::Of(25)));
  EXPECT_EQ(p.audit, LV(Level::kRestricted, Version::Latest()));
  EXPECT_EQ(p.warn, LV(Level::kRestricted, Version::Of(0)));
  EXPECT_EQ(p.Of(Mode::kWarn).ToString(), "restricted:v1.0");
}

// Upstream starts from the defaults and overrides only what a label sets.
TEST(PolicyForNamespaceTest, ALabelOverridesOnlyItsPartOfTheDefaults) {
  const Policy defaults = Uniform(LV(Level::kBaseline, Version::Of(24)));
  const Policy level_only =
      PolicyForNamespace({{"pod-security.kubernetes.io/enforce", "restricted"}}, defaults);
  EXPECT_EQ(level_only.enforce, LV(Level::kRestricted, Version::Of(24)));
  EXPECT_EQ(level_only.audit, LV(Level::kBaseline, Version::Of(24)));
  const Policy version_only =
      PolicyForNamespace({{"pod-security.kubernetes.io/warn-version", "v1.30"}}, defaults);
  EXPECT_EQ(version_only.warn, LV(Level::kBaseline, Version::Of(30)));
  EXPECT_EQ(version_only.enforce, LV(Level::kBaseline, Version::Of(24)));
}

TEST(PolicyForNamespaceTest, VersionsNewerThanKnownAreKeptAsWritten) {
  const Policy p = PolicyForNamespace({{"pod-security.kubernetes.io/enforce", "baseline"},
                                       {"pod-security.kubernetes.io/enforce-version", "v1.99"}},
                                      Policy{});
  EXPECT_EQ(p.enforce.version.ToString(), "v1.99");
  EXPECT_EQ(p.enforce.version.effective_minor(), kNewestKnownMinor);
}

// An invalid enforce level fails closed (restricted); invalid audit and warn levels fail open
// (privileged), whatever the defaults; an invalid version is latest.
TEST(PolicyForNamespaceTest, InvalidValuesAreEvaluatedAsUpstreamDoes) {
  const Policy defaults = Uniform(LV(Level::kBaseline, Version::Of(24)));
  const k8s::StringMap labels = {
      {"pod-security.kubernetes.io/warn", "bogus"},
      {"pod-security.kubernetes.io/enforce-version", "1.25"},
      {"pod-security.kubernetes.io/enforce", "Restricted"},
      {"pod-security.kubernetes.io/audit", "restricted "},
      {"pod-security.kubernetes.io/audit-version", "v1.025"},
      {"pod-security.kubernetes.io/warn-version", "Latest"},
  };
  std::vector<LabelError> errors;
  const Policy p = PolicyForNamespace(labels, defaults, &errors);
  EXPECT_EQ(p.enforce, LV(Level::kRestricted, Version::Latest()));
  EXPECT_EQ(p.audit, LV(Level::kPrivileged, Version::Latest()));
  EXPECT_EQ(p.warn, LV(Level::kPrivileged, Version::Latest()));
  ASSERT_EQ(errors.size(), 6U);
  const char* kLevel = "must be one of privileged, baseline, restricted";
  const char* kVersion = "must be \"latest\" or \"v1.x\"";
  // In upstream's order: enforce, enforce-version, audit, audit-version, warn, warn-version.
  EXPECT_EQ(errors[0].label, "pod-security.kubernetes.io/enforce");
  EXPECT_EQ(errors[0].value, "Restricted");
  EXPECT_EQ(errors[0].message, kLevel);
  EXPECT_EQ(errors[1].label, "pod-security.kubernetes.io/enforce-version");
  EXPECT_EQ(errors[1].value, "1.25");
  EXPECT_EQ(errors[1].message, kVersion);
  EXPECT_EQ(errors[2].label, "pod-security.kubernetes.io/audit");
  EXPECT_EQ(errors[2].value, "restricted ");
  EXPECT_EQ(errors[3].label, "pod-security.kubernetes.io/audit-version");
  EXPECT_EQ(errors[4].label, "pod-security.kubernetes.io/warn");
  EXPECT_EQ(errors[4].message, kLevel);
  EXPECT_EQ(errors[5].label, "pod-security.kubernetes.io/warn-version");
  EXPECT_EQ(errors[5].message, kVersion);
  for (const LabelError& e : errors) EXPECT_EQ(e.node, nullptr);
}

TEST(PolicyForNamespaceTest, VersionSyntaxIsUpstreams) {
  for (const char* valid : {"latest", "v1.0", "v1.9", "v1.10", "v1.37", "v1.38", "v1.200"}) {
    std::vector<LabelError> errors;
    PolicyForNamespace({{"pod-security.kubernetes.io/audit-version", valid}}, Policy{}, &errors);
    EXPECT_TRUE(errors.empty()) << valid;
  }
  for (const char* invalid : {"", "v1", "v1.", "v1.01", "v1.-1", "v1.2.3", "V1.2", "v2.0", "1.25",
                              "v1.25 ", "LATEST", "v1.x"}) {
    std::vector<LabelError> errors;
    PolicyForNamespace({{"pod-security.kubernetes.io/audit-version", invalid}}, Policy{}, &errors);
    ASSERT_EQ(errors.size(), 1U) << '"' << invalid << '"';
    EXPECT_EQ(errors[0].value, invalid);
  }
}

TEST(PolicyForNamespaceTest, UnknownPodSecurityLabelsAreIgnored) {
  std::vector<LabelError> errors;
  const Policy p = PolicyForNamespace({{"pod-security.kubernetes.io/enforce-versions", "v1.2"},
                                       {"pod-security.kubernetes.io/enfore", "restricted"}},
                                      Policy{}, &errors);
  EXPECT_EQ(p, Uniform(LV(Level::kPrivileged)));
  EXPECT_TRUE(errors.empty());
}

struct Loaded {
  doc::Corpus corpus;
  k8s::Snapshot snapshot;
  const k8s::Object& object(size_t i = 0) const { return snapshot.objects()[i]; }
  const k8s::PodView& pod(size_t i = 0) const { return snapshot.pod_views()[i]; }
};

// `errors`: the number of input errors expected (Snapshot::Build reports mistyped fields).
std::unique_ptr<Loaded> Load(const std::string& yaml, size_t errors = 0) {
  auto loaded = std::make_unique<Loaded>();
  core::DiagnosticSink sink;
  loaded->corpus.AddText("test.yaml", yaml, sink);
  loaded->snapshot = k8s::Snapshot::Build(loaded->corpus.documents(), sink);
  EXPECT_EQ(sink.error_count(), errors) << yaml;
  return loaded;
}

TEST(PolicyForNamespaceTest, ObjectErrorsPointAtTheLabelValue) {
  auto l = Load(
      "apiVersion: v1\n"
      "kind: Namespace\n"
      "metadata:\n"
      "  name: prod\n"
      "  labels:\n"
      "    pod-security.kubernetes.io/enforce: baseline\n"
      "    pod-security.kubernetes.io/warn-version: v1.x\n");
  std::vector<LabelError> errors;
  const Policy p = PolicyForNamespace(l->object(), Policy{}, &errors);
  EXPECT_EQ(p.enforce, LV(Level::kBaseline));
  EXPECT_EQ(p.warn, LV(Level::kPrivileged));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].label, "pod-security.kubernetes.io/warn-version");
  ASSERT_NE(errors[0].node, nullptr);
  EXPECT_EQ(errors[0].node->line(), 7U);
  EXPECT_EQ(errors[0].node->column(), 46U);
}

TEST(PolicyTest, FullyPrivilegedAndModes) {
  EXPECT_TRUE(FullyPrivileged(Policy{}));
  Policy p;
  p.Of(Mode::kAudit) = LV(Level::kBaseline);
  EXPECT_FALSE(FullyPrivileged(p));
  EXPECT_EQ(p.audit, LV(Level::kBaseline));
  EXPECT_EQ(p.Of(Mode::kEnforce), LV(Level::kPrivileged));
}

// ------------------------------------------------------------------------------------------------
// Workloads

constexpr const char* kWorkloads =
    "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ns}\n"
    "spec: {containers: [{name: a, image: x}]}\n"
    "---\n"
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n"
    "spec: {template: {spec: {containers: [{name: a, image: x}]}}}\n"
    "---\n"
    "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: rs}\n"
    "spec: {template: {spec: {containers: [{name: a, image: x}]}}}\n"
    "---\n"
    "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: ds}\n"
    "spec: {template: {spec: {containers: [{name: a, image: x}]}}}\n"
    "---\n"
    "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: ss}\n"
    "spec: {template: {spec: {containers: [{name: a, image: x}]}}}\n"
    "---\n"
    "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\n"
    "spec: {template: {spec: {containers: [{name: a, image: x}]}}}\n"
    "---\n"
    "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: cj}\n"
    "spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: a, image: x}]}}}}}\n"
    "---\n"
    "apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\n"
    "spec: {template: {spec: {containers: [{name: a, image: x}]}}}\n"
    "---\n"
    "apiVersion: v1\nkind: PodTemplate\nmetadata: {name: pt}\n"
    "template: {spec: {containers: [{name: a, image: x}]}}\n"
    "---\n"
    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n";

TEST(PodCreatorTest, ControllersCreateTheirWorkloadsPods) {
  auto l = Load(kWorkloads);
  ASSERT_EQ(l->snapshot.objects().size(), 10U);
  const std::string sa = "system:serviceaccount:kube-system:";
  const std::vector<std::optional<std::string>> expected = {
      std::nullopt,
      sa + "replicaset-controller",
      sa + "replicaset-controller",
      sa + "daemon-set-controller",
      sa + "statefulset-controller",
      sa + "job-controller",
      sa + "job-controller",
      sa + "replication-controller",
      std::nullopt,
      std::nullopt,
  };
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(PodCreator(l->object(i), std::nullopt), expected[i]) << l->object(i).kind;
  }
  // A bare Pod is created by the requesting user; a workload's pods are not.
  EXPECT_EQ(PodCreator(l->object(0), "alice"), std::optional<std::string>("alice"));
  EXPECT_EQ(PodCreator(l->object(1), "alice"), expected[1]);
  EXPECT_EQ(PodCreator(l->object(8), "alice"), std::nullopt);
}

TEST(ModeAppliesTest, EnforceAppliesToPodsAndTheirControllersNotToPodTemplates) {
  auto l = Load(kWorkloads);
  for (size_t i = 0; i < 8; ++i) {
    for (Mode mode : kAllModes) EXPECT_TRUE(ModeApplies(mode, l->object(i))) << l->object(i).kind;
  }
  EXPECT_FALSE(ModeApplies(Mode::kEnforce, l->object(8)));
  EXPECT_TRUE(ModeApplies(Mode::kAudit, l->object(8)));
  EXPECT_TRUE(ModeApplies(Mode::kWarn, l->object(8)));
  for (Mode mode : kAllModes) EXPECT_FALSE(ModeApplies(mode, l->object(9)));
}

TEST(ExemptionTest, NamespacesUsersAndRuntimeClassesInUpstreamOrder) {
  auto l = Load(
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: kube-system}\n"
      "spec: {runtimeClassName: kata, containers: [{name: a, image: x}]}\n"
      "---\n"
      "apiVersion: v1\nkind: Pod\nmetadata: {name: q, namespace: apps}\n"
      "spec: {runtimeClassName: runc, containers: [{name: a, image: x}]}\n"
      "---\n"
      "apiVersion: v1\nkind: Pod\nmetadata: {name: r, namespace: apps}\n"
      "spec: {runtimeClassName: \"\", containers: [{name: a, image: x}]}\n"
      "---\n"
      "apiVersion: v1\nkind: Pod\nmetadata: {name: s, namespace: apps}\n"
      "spec: {runtimeClassName: 12, containers: [{name: a, image: x}]}\n",
      /*errors=*/1);
  AdmissionConfig config;
  config.exempt_namespaces = {"kube-system"};
  config.exempt_usernames = {"admin", "system:serviceaccount:kube-system:replicaset-controller"};
  config.exempt_runtime_classes = {"kata", "12", ""};
  const k8s::PodView& kata = l->pod(0);
  const k8s::PodView& runc = l->pod(1);

  EXPECT_EQ(Exemption(config, "kube-system", kata, "admin"),
            std::optional<std::string>("namespace \"kube-system\" is exempt"));
  EXPECT_EQ(Exemption(config, "apps", kata, "admin"),
            std::optional<std::string>("user \"admin\" is exempt"));
  EXPECT_EQ(Exemption(config, "apps", kata, std::nullopt),
            std::optional<std::string>("runtimeClass \"kata\" is exempt"));
  EXPECT_EQ(Exemption(config, "apps", kata, "bob"),
            std::optional<std::string>("runtimeClass \"kata\" is exempt"));
  EXPECT_EQ(Exemption(config, "apps", runc, std::nullopt), std::nullopt);
  EXPECT_EQ(
      Exemption(config, "apps", runc, "system:serviceaccount:kube-system:replicaset-controller"),
      std::optional<std::string>(
          "user \"system:serviceaccount:kube-system:replicaset-controller\" is exempt"));
  // Exact matches only; an empty namespace, user or runtime class is never exempt; a runtime class
  // that is not a string is no runtime class.
  EXPECT_EQ(Exemption(config, "kube-system-2", runc, "Admin"), std::nullopt);
  EXPECT_EQ(Exemption(config, "", runc, ""), std::nullopt);
  config.exempt_namespaces.push_back("");
  config.exempt_usernames.push_back("");
  EXPECT_EQ(Exemption(config, "", runc, ""), std::nullopt);
  EXPECT_EQ(Exemption(config, "apps", l->pod(2), std::nullopt), std::nullopt);
  EXPECT_EQ(Exemption(config, "apps", l->pod(3), std::nullopt), std::nullopt);
  EXPECT_EQ(Exemption(DefaultAdmissionConfig(), "kube-system", kata, "admin"), std::nullopt);
}

// ------------------------------------------------------------------------------------------------
// Configuration files

class ConfigTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    testing::WriteFile(path, text);
    return path;
  }
  // The error of loading `text` as config.yaml, with the directory replaced by "DIR".
  std::string ErrorOf(const std::string& text, const std::string& name = "config.yaml") {
    core::Result<AdmissionConfig> r = LoadAdmissionConfig(Write(name, text));
    if (r.ok()) return "(loaded)";
    std::string message = r.error().message;
    for (size_t pos = message.find(dir_); pos != std::string::npos; pos = message.find(dir_)) {
      message.replace(pos, dir_.size(), "DIR");
    }
    return message;
  }
  std::string dir_ = testing::TempDir();
};

constexpr const char* kFullConfigBody =
    "defaults:\n"
    "  enforce: baseline\n"
    "  enforce-version: v1.29\n"
    "  audit: restricted\n"
    "  audit-version: latest\n"
    "  warn: restricted\n"
    "  warn-version: v1.30\n"
    "exemptions:\n"
    "  usernames: [\"system:serviceaccount:kube-system:replicaset-controller\", admin]\n"
    "  runtimeClasses: [kata, gvisor.example.com]\n"
    "  namespaces: [kube-system]\n";

void ExpectFullConfig(const AdmissionConfig& c) {
  EXPECT_EQ(c.defaults.enforce, LV(Level::kBaseline, Version::Of(29)));
  EXPECT_EQ(c.defaults.audit, LV(Level::kRestricted, Version::Latest()));
  EXPECT_EQ(c.defaults.warn, LV(Level::kRestricted, Version::Of(30)));
  EXPECT_EQ(c.exempt_usernames,
            (std::vector<std::string>{"system:serviceaccount:kube-system:replicaset-controller",
                                      "admin"}));
  EXPECT_EQ(c.exempt_runtime_classes, (std::vector<std::string>{"kata", "gvisor.example.com"}));
  EXPECT_EQ(c.exempt_namespaces, (std::vector<std::string>{"kube-system"}));
}

TEST_F(ConfigTest, EveryPodSecurityConfigurationVersion) {
  for (const char* version : {"v1", "v1beta1", "v1alpha1"}) {
    const std::string path =
        Write(std::string(version) + ".yaml",
              "apiVersion: pod-security.admission.config.k8s.io/" + std::string(version) +
                  "\nkind: PodSecurityConfiguration\n" + kFullConfigBody);
    core::Result<AdmissionConfig> r = LoadAdmissionConfig(path);
    ASSERT_TRUE(r.ok()) << version << ": " << r.error().message;
    ExpectFullConfig(*r);
    EXPECT_EQ(r->file, path);
  }
}

TEST_F(ConfigTest, Json) {
  const std::string path = Write("config.json",
                                 R"({"apiVersion": "pod-security.admission.config.k8s.io/v1",
          "kind": "PodSecurityConfiguration",
          "defaults": {"enforce": "restricted", "warn-version": "v1.2"},
          "exemptions": {"namespaces": ["a", "b"]}})");
  core::Result<AdmissionConfig> r = LoadAdmissionConfig(path);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->defaults.enforce, LV(Level::kRestricted));
  EXPECT_EQ(r->defaults.warn, LV(Level::kPrivileged, Version::Of(2)));
  EXPECT_EQ(r->exempt_namespaces, (std::vector<std::string>{"a", "b"}));
}

TEST_F(ConfigTest, EmptyFieldsDefaultToPrivilegedLatest) {
  core::Result<AdmissionConfig> r =
      LoadAdmissionConfig(Write("c.yaml",
                                "apiVersion: pod-security.admission.config.k8s.io/v1\n"
                                "kind: PodSecurityConfiguration\n"
                                "defaults:\n"
                                "  enforce: \"\"\n"
                                "  enforce-version:\n"
                                "  audit: baseline\n"
                                "exemptions:\n"
                                "  usernames: null\n"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->defaults.enforce, LV(Level::kPrivileged));
  EXPECT_EQ(r->defaults.audit, LV(Level::kBaseline));
  EXPECT_EQ(r->defaults.warn, LV(Level::kPrivileged));
  EXPECT_TRUE(r->exempt_usernames.empty());

  core::Result<AdmissionConfig> bare =
      LoadAdmissionConfig(Write("bare.yaml",
                                "apiVersion: pod-security.admission.config.k8s.io/v1beta1\n"
                                "kind: PodSecurityConfiguration\n"));
  ASSERT_TRUE(bare.ok()) << bare.error().message;
  EXPECT_EQ(bare->defaults, DefaultAdmissionConfig().defaults);
}

TEST_F(ConfigTest, AdmissionConfigurationWithInlineConfiguration) {
  std::string text =
      "apiVersion: apiserver.config.k8s.io/v1\n"
      "kind: AdmissionConfiguration\n"
      "plugins:\n"
      "  - name: EventRateLimit\n"
      "    path: eventconfig.yaml\n"
      "  - name: PodSecurity\n"
      "    configuration:\n"
      "      apiVersion: pod-security.admission.config.k8s.io/v1\n"
      "      kind: PodSecurityConfiguration\n";
  // The body, indented under `configuration:`.
  std::string line;
  for (const char* p = kFullConfigBody; *p != '\0'; ++p) {
    line += *p;
    if (*p == '\n') {
      text += "      " + line;
      line.clear();
    }
  }
  core::Result<AdmissionConfig> r = LoadAdmissionConfig(Write("admission.yaml", text));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ExpectFullConfig(*r);
}

TEST_F(ConfigTest, AdmissionConfigurationWithPathRelativeToTheFile) {
  Write("psa/podsecurity.yaml",
        "apiVersion: pod-security.admission.config.k8s.io/v1\n"
        "kind: PodSecurityConfiguration\n"
        "defaults: {enforce: restricted, enforce-version: v1.28}\n");
  for (const char* version : {"apiserver.config.k8s.io/v1", "apiserver.config.k8s.io/v1alpha1",
                              "apiserver.k8s.io/v1alpha1"}) {
    core::Result<AdmissionConfig> r =
        LoadAdmissionConfig(Write("psa/admission.yaml", "apiVersion: " + std::string(version) +
                                                            "\nkind: AdmissionConfiguration\n"
                                                            "plugins:\n"
                                                            "  - name: PodSecurity\n"
                                                            "    path: podsecurity.yaml\n"));
    ASSERT_TRUE(r.ok()) << version << ": " << r.error().message;
    EXPECT_EQ(r->defaults.enforce, LV(Level::kRestricted, Version::Of(28)));
  }
  // An absolute path.
  core::Result<AdmissionConfig> r =
      LoadAdmissionConfig(Write("other/admission.yaml",
                                "apiVersion: apiserver.config.k8s.io/v1\n"
                                "kind: AdmissionConfiguration\n"
                                "plugins:\n"
                                "  - name: PodSecurity\n"
                                "    path: " +
                                    dir_ + "/psa/podsecurity.yaml\n"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->defaults.enforce, LV(Level::kRestricted, Version::Of(28)));
}

// The first PodSecurity entry wins, and its inline configuration over its path; without one, the
// built-in defaults.
TEST_F(ConfigTest, AdmissionConfigurationPluginChoice) {
  core::Result<AdmissionConfig> r =
      LoadAdmissionConfig(Write("admission.yaml",
                                "apiVersion: apiserver.config.k8s.io/v1\n"
                                "kind: AdmissionConfiguration\n"
                                "plugins:\n"
                                "  - name: PodSecurity\n"
                                "    path: missing.yaml\n"
                                "    configuration:\n"
                                "      apiVersion: pod-security.admission.config.k8s.io/v1\n"
                                "      kind: PodSecurityConfiguration\n"
                                "      defaults: {warn: baseline}\n"
                                "  - name: PodSecurity\n"
                                "    configuration:\n"
                                "      apiVersion: pod-security.admission.config.k8s.io/v1\n"
                                "      kind: PodSecurityConfiguration\n"
                                "      defaults: {warn: restricted}\n"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->defaults.warn, LV(Level::kBaseline));

  core::Result<AdmissionConfig> none =
      LoadAdmissionConfig(Write("none.yaml",
                                "apiVersion: apiserver.config.k8s.io/v1\n"
                                "kind: AdmissionConfiguration\n"
                                "plugins:\n"
                                "  - name: EventRateLimit\n"
                                "    path: eventconfig.yaml\n"
                                "  - name: PodSecurity\n"));
  ASSERT_TRUE(none.ok()) << none.error().message;
  EXPECT_EQ(none->defaults, DefaultAdmissionConfig().defaults);
  EXPECT_TRUE(none->exempt_namespaces.empty());
}

TEST_F(ConfigTest, ValidationErrorsInSourceOrderWithPositions) {
  EXPECT_EQ(ErrorOf("apiVersion: pod-security.admission.config.k8s.io/v1\n"
                    "kind: PodSecurityConfiguration\n"
                    "defaults:\n"
                    "  enforce: Restricted\n"
                    "  enforce-versoin: v1.29\n"
                    "  audit-version: \"1.25\"\n"
                    "exemptions:\n"
                    "  namespaces: [kube-system, kube-system, Bad_NS]\n"
                    "  usernames: [\"\"]\n"
                    "  runtimeClasses: [gvisor.example.com, -bad]\n"),
            "DIR/config.yaml:4:12: error: defaults.enforce: Invalid value: \"Restricted\": must be "
            "one of privileged, baseline, restricted\n"
            "DIR/config.yaml:5:3: error: unknown field \"defaults.enforce-versoin\"; did you mean "
            "\"enforce-version\"?\n"
            "DIR/config.yaml:6:18: error: defaults.audit-version: Invalid value: \"1.25\": must be "
            "\"latest\" or \"v1.x\"\n"
            "DIR/config.yaml:8:29: error: exemptions.namespaces[1]: Duplicate value: "
            "\"kube-system\"\n"
            "DIR/config.yaml:8:42: error: exemptions.namespaces[2]: Invalid value: \"Bad_NS\": a "
            "lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
            "and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', "
            "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\n"
            "DIR/config.yaml:9:15: error: exemptions.usernames[0]: Invalid value: \"\": username "
            "must not be empty\n"
            "DIR/config.yaml:10:40: error: exemptions.runtimeClasses[1]: Invalid value: \"-bad\": "
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
            "'-' or '.', and must start and end with an alphanumeric character (e.g. "
            "'example.com', regex used for validation is "
            "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
}

TEST_F(ConfigTest, TypeErrors) {
  EXPECT_EQ(ErrorOf("apiVersion: pod-security.admission.config.k8s.io/v1\n"
                    "kind: PodSecurityConfiguration\n"
                    "defaults:\n"
                    "  enforce: true\n"
                    "  warn-version: 1.25\n"
                    "exemptions:\n"
                    "  namespaces: kube-system\n"
                    "  usernames: [admin, 7]\n"),
            "DIR/config.yaml:4:12: error: defaults.enforce: expected a string, got boolean\n"
            "DIR/config.yaml:5:17: error: defaults.warn-version: expected a string, got number\n"
            "DIR/config.yaml:7:15: error: exemptions.namespaces: expected a list of strings, got "
            "string\n"
            "DIR/config.yaml:8:22: error: exemptions.usernames[1]: expected a string, got integer");
  EXPECT_EQ(ErrorOf("apiVersion: pod-security.admission.config.k8s.io/v1\n"
                    "kind: PodSecurityConfiguration\n"
                    "metadata: {name: x}\n"
                    "defaults: [enforce]\n"),
            "DIR/config.yaml:3:1: error: unknown field \"metadata\"\n"
            "DIR/config.yaml:4:11: error: defaults: expected a mapping, got list");
}

TEST_F(ConfigTest, KindAndVersionErrors) {
  EXPECT_EQ(ErrorOf("defaults: {enforce: restricted}\n"),
            "DIR/config.yaml:1:1: error: missing \"kind\": expected PodSecurityConfiguration or "
            "AdmissionConfiguration\n"
            "DIR/config.yaml:1:1: error: missing \"apiVersion\"");
  EXPECT_EQ(ErrorOf("apiVersion: v1\nkind: ConfigMap\n"),
            "DIR/config.yaml:2:7: error: unsupported kind \"ConfigMap\": expected "
            "PodSecurityConfiguration or AdmissionConfiguration");
  EXPECT_EQ(ErrorOf("apiVersion: pod-security.admission.config.k8s.io/v2\n"
                    "kind: PodSecurityConfiguration\n"),
            "DIR/config.yaml:1:13: error: apiVersion "
            "\"pod-security.admission.config.k8s.io/v2\" is not supported for "
            "PodSecurityConfiguration (expected pod-security.admission.config.k8s.io/v1, v1beta1 "
            "or v1alpha1)");
  EXPECT_EQ(ErrorOf("apiVersion: apiserver.config.k8s.io/v2\nkind: AdmissionConfiguration\n"),
            "DIR/config.yaml:1:13: error: apiVersion \"apiserver.config.k8s.io/v2\" is not "
            "supported for AdmissionConfiguration (expected apiserver.config.k8s.io/v1)");
  EXPECT_EQ(ErrorOf("apiVersion: apiserver.config.k8s.io/v1\n"
                    "kind: AdmissionConfiguration\n"
                    "plugins:\n"
                    "  - name: PodSecurity\n"
                    "    configuration:\n"
                    "      apiVersion: pod-security.admission.config.k8s.io/v1\n"
                    "      kind: AdmissionConfiguration\n"),
            "DIR/config.yaml:7:13: error: expected kind PodSecurityConfiguration, got "
            "\"AdmissionConfiguration\"");
  EXPECT_EQ(ErrorOf("apiVersion: apiserver.config.k8s.io/v1\n"
                    "kind: AdmissionConfiguration\n"
                    "plugin:\n"
                    "  - name: PodSecurity\n"),
            "DIR/config.yaml:3:1: error: unknown field \"plugin\"; did you mean \"plugins\"?");
}

TEST_F(ConfigTest, FileErrors) {
  EXPECT_EQ(ErrorOf(""),
            "DIR/config.yaml: error: empty configuration: expected a PodSecurityConfiguration or "
            "an AdmissionConfiguration");
  EXPECT_EQ(ErrorOf("apiVersion: pod-security.admission.config.k8s.io/v1\n"
                    "kind: PodSecurityConfiguration\n"
                    "---\n"
                    "apiVersion: pod-security.admission.config.k8s.io/v1\n"
                    "kind: PodSecurityConfiguration\n"),
            "DIR/config.yaml:4:1: error: expected a single document, found another one here");
  EXPECT_EQ(ErrorOf("- a\n- b\n"),
            "DIR/config.yaml:1:1: error: expected a PodSecurityConfiguration or an "
            "AdmissionConfiguration mapping, got list");
  // Syntax errors come from the loader, with their position.
  const std::string syntax = ErrorOf("kind: [PodSecurityConfiguration\n");
  EXPECT_EQ(syntax.rfind("DIR/config.yaml:", 0), 0U) << syntax;
  EXPECT_NE(syntax.find(": error: "), std::string::npos) << syntax;
  // A missing file.
  core::Result<AdmissionConfig> missing = LoadAdmissionConfig(dir_ + "/nope.yaml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message.rfind(dir_ + "/nope.yaml: error: ", 0), 0U)
      << missing.error().message;
  // A directory.
  core::Result<AdmissionConfig> directory = LoadAdmissionConfig(dir_);
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.error().message, dir_ + ": error: is a directory, not a configuration file");
}

TEST_F(ConfigTest, ErrorsOfAPluginFileFollowThoseOfTheAdmissionConfiguration) {
  Write("bad-psa.yaml",
        "apiVersion: pod-security.admission.config.k8s.io/v1\n"
        "kind: PodSecurityConfiguration\n"
        "defaults:\n"
        "  warn: strict\n");
  EXPECT_EQ(ErrorOf("apiVersion: apiserver.config.k8s.io/v1\n"
                    "kind: AdmissionConfiguration\n"
                    "plugins:\n"
                    "  - name: PodSecurity\n"
                    "    path: bad-psa.yaml\n"
                    "    extra: 1\n"),
            "DIR/config.yaml:6:5: error: unknown field \"plugins[0].extra\"\n"
            "DIR/bad-psa.yaml:4:9: error: defaults.warn: Invalid value: \"strict\": must be one "
            "of privileged, baseline, restricted");
  EXPECT_EQ(ErrorOf("apiVersion: apiserver.config.k8s.io/v1\n"
                    "kind: AdmissionConfiguration\n"
                    "plugins:\n"
                    "  - name: PodSecurity\n"
                    "    path: absent.yaml\n")
                .rfind("DIR/config.yaml:5:11: error: plugins[0].path: cannot use "
                       "\"DIR/absent.yaml\" (see below)\nDIR/absent.yaml: error: ",
                       0),
            0U);
}

}  // namespace
}  // namespace centinela::pss
