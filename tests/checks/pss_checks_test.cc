// The Pod Security family (src/checks/pss/): modes, severities and wording of the findings,
// the admission configuration's defaults and exemptions, and the namespaces evaluated. The
// fixtures under tests/checks/pss-*/ cover each control with the built-in configuration.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "checks/pss/namespaces.h"
#include "checks/registry.h"
#include "checks/runner.h"
#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"
#include "pss/admission.h"

namespace centinela::checks {
namespace {

struct Scanned {
  doc::Corpus corpus;
  k8s::Snapshot snapshot;
  std::vector<core::Finding> findings;
};

std::unique_ptr<Scanned> Scan(const std::string& yaml, const std::vector<std::string>& only,
                              const pss::AdmissionConfig* config = nullptr) {
  auto s = std::make_unique<Scanned>();
  core::DiagnosticSink sink;
  s->corpus.AddText("test.yaml", yaml, sink);
  s->snapshot = k8s::Snapshot::Build(s->corpus.documents(), sink);
  EXPECT_EQ(sink.error_count(), 0U) << yaml;
  ScanOptions options;
  options.only = only;
  if (config == nullptr) {
    s->findings = RunChecks(s->snapshot, BuiltinRegistry(), options);
  } else {
    const Registry registry = BuildRegistry(config);
    s->findings = RunChecks(s->snapshot, registry, options);
  }
  return s;
}

// "check|severity|name|message" per finding, in report order.
std::vector<std::string> Summary(const std::vector<core::Finding>& findings) {
  std::vector<std::string> out;
  for (const core::Finding& f : findings) {
    out.push_back(std::string(f.check) + "|" + std::string(core::ToString(f.severity)) + "|" +
                  std::string(f.object.name) + "|" + f.message);
  }
  return out;
}

constexpr const char* kPrivilegedPod =
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata: {name: NAME, namespace: NS}\n"
    "spec:\n"
    "  RUNTIME\n"
    "  containers:\n"
    "    - {name: app, image: nginx, securityContext: {privileged: true}}\n";

constexpr const char* kPrivilegedDeployment =
    "apiVersion: apps/v1\n"
    "kind: KIND\n"
    "metadata: {name: NAME, namespace: NS}\n"
    "spec:\n"
    "  selector: {matchLabels: {app: x}}\n"
    "  template:\n"
    "    metadata: {labels: {app: x}}\n"
    "    spec:\n"
    "      containers:\n"
    "        - {name: app, image: nginx, securityContext: {privileged: true}}\n";

std::string Fill(std::string text, const std::vector<std::pair<std::string, std::string>>& vars) {
  for (const auto& [key, value] : vars) {
    for (size_t pos = text.find(key); pos != std::string::npos; pos = text.find(key, pos)) {
      text.replace(pos, key.size(), value);
      pos += value.size();
    }
  }
  return text;
}

std::string Pod(const std::string& name, const std::string& ns, const std::string& runtime = "") {
  return Fill(
      kPrivilegedPod,
      {{"NAME", name}, {"NS", ns}, {"RUNTIME", runtime.empty() ? "hostUsers: true" : runtime}});
}

std::string Workload(const std::string& kind, const std::string& name, const std::string& ns) {
  return Fill(kPrivilegedDeployment, {{"KIND", kind}, {"NAME", name}, {"NS", ns}});
}

std::string Namespace(const std::string& name, const std::string& labels) {
  return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n  labels: {" + labels +
         "}\n";
}

TEST(PssChecksTest, OneFindingPerViolationUnderTheStrictestMode) {
  auto s = Scan(Namespace("shop",
                          "pod-security.kubernetes.io/enforce: baseline, "
                          "pod-security.kubernetes.io/warn: restricted, "
                          "pod-security.kubernetes.io/warn-version: v1.30, "
                          "pod-security.kubernetes.io/audit: restricted") +
                    "---\n" + Pod("p", "shop") + "---\n" + Workload("Deployment", "d", "shop"),
                {"pss-privileged", "pss-seccomp-profile-restricted"});
  EXPECT_EQ(
      Summary(s->findings),
      (std::vector<std::string>{
          "pss-seccomp-profile-restricted|medium|p|PodSecurity \"restricted:v1.30\" would warn "
          "about this pod (warn): seccompProfile (pod or container \"app\" must set "
          "securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")",
          "pss-privileged|high|p|PodSecurity \"baseline:latest\" would reject this pod (enforce): "
          "privileged (container \"app\" must not set securityContext.privileged=true)",
          "pss-seccomp-profile-restricted|medium|d|PodSecurity \"restricted:v1.30\" would warn "
          "about this Deployment (warn): seccompProfile (pod or container \"app\" must set "
          "securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")",
          "pss-privileged|high|d|PodSecurity \"baseline:latest\" would reject the pods of this "
          "Deployment (enforce): privileged (container \"app\" must not set "
          "securityContext.privileged=true)",
      }));
  ASSERT_EQ(s->findings.size(), 4U);
  EXPECT_EQ(s->findings[1].path, "spec.containers[0].securityContext.privileged");
  EXPECT_EQ(s->findings[1].line, 13U);
  EXPECT_EQ(s->findings[1].control, core::Control::kPermissions);
  EXPECT_EQ(s->findings[1].layer, core::Layer::kContainer);
}

TEST(PssChecksTest, AuditOnlyIsLow) {
  auto s = Scan(Namespace("shop", "pod-security.kubernetes.io/audit: baseline") + "---\n" +
                    Workload("StatefulSet", "db", "shop"),
                {"pss-privileged"});
  EXPECT_EQ(Summary(s->findings),
            (std::vector<std::string>{
                "pss-privileged|low|db|PodSecurity \"baseline:latest\" would add an audit "
                "annotation for this StatefulSet (audit): privileged (container \"app\" must not "
                "set securityContext.privileged=true)"}));
}

TEST(PssChecksTest, AnnotationsSuppress) {
  auto s = Scan(Namespace("shop", "pod-security.kubernetes.io/enforce: baseline") + "---\n" +
                    Fill(Pod("p", "shop"), {{"namespace: shop}",
                                             "namespace: shop, annotations: "
                                             "{centinela.dev/ignore: pss-privileged}}"}}),
                {"pss-privileged"});
  ASSERT_EQ(s->findings.size(), 1U);
  EXPECT_TRUE(s->findings[0].suppressed);
}

TEST(PssChecksTest, NothingWithoutLabelsOrConfiguration) {
  auto s = Scan(Namespace("shop", "team: a, pod-security.kubernetes.io/enforce-version: v1.20") +
                    "---\n" + Pod("p", "shop") + "---\n" + Pod("q", "other"),
                {});
  for (const core::Finding& f : s->findings) EXPECT_NE(f.check.rfind("pss-", 0), 0U) << f.check;
  EXPECT_TRUE(EvaluatedNamespaces(s->snapshot, nullptr).empty());
}

TEST(PssChecksTest, EvaluatedNamespacesWithoutConfiguration) {
  auto s = Scan(Namespace("b", "pod-security.kubernetes.io/warn: baseline") + "---\n" +
                    Namespace("a", "pod-security.kubernetes.io/enforce: restricted") + "---\n" +
                    Namespace("a", "pod-security.kubernetes.io/enforce: privileged") + "---\n" +
                    Namespace("c", "pod-security.kubernetes.io/enforce: privileged") + "---\n" +
                    Pod("p", "d"),
                {"pss-privileged"});
  std::vector<EvaluatedNamespace> namespaces = EvaluatedNamespaces(s->snapshot, nullptr);
  ASSERT_EQ(namespaces.size(), 2U);
  EXPECT_EQ(namespaces[0].name, "a");  // the first Namespace object named "a"
  EXPECT_EQ(namespaces[0].policy.enforce.level, pss::Level::kRestricted);
  EXPECT_EQ(namespaces[1].name, "b");
  EXPECT_EQ(namespaces[1].policy.warn.level, pss::Level::kBaseline);
}

pss::AdmissionConfig Config() {
  pss::AdmissionConfig config;
  config.defaults.enforce.level = pss::Level::kBaseline;
  config.defaults.audit = pss::LevelVersion{pss::Level::kRestricted, pss::Version::Of(25)};
  config.exempt_namespaces = {"kube-system"};
  config.exempt_runtime_classes = {"kata"};
  config.exempt_usernames = {"system:serviceaccount:kube-system:replicaset-controller"};
  config.file = "psa.yaml";
  return config;
}

TEST(PssChecksTest, ConfigurationDefaultsApplyToEveryNamespace) {
  const pss::AdmissionConfig config = Config();
  auto s = Scan(Namespace("labelled",
                          "pod-security.kubernetes.io/enforce: privileged, "
                          "pod-security.kubernetes.io/audit: privileged") +
                    "---\n" + Namespace("plain", "team: a") + "---\n" + Pod("in-plain", "plain") +
                    "---\n" + Pod("in-absent", "absent") + "---\n" +
                    Pod("in-labelled", "labelled") + "---\n" + Pod("system", "kube-system") +
                    "---\n" + Pod("kata", "plain", "runtimeClassName: kata") + "---\n" +
                    Pod("runc", "plain", "runtimeClassName: runc"),
                {"pss-privileged"}, &config);
  const std::string message =
      "PodSecurity \"baseline:latest\" would reject this pod (enforce): privileged (container "
      "\"app\" must not set securityContext.privileged=true)";
  EXPECT_EQ(Summary(s->findings), (std::vector<std::string>{
                                      "pss-privileged|high|in-plain|" + message,
                                      "pss-privileged|high|in-absent|" + message,
                                      "pss-privileged|high|runc|" + message,
                                  }));
  std::vector<EvaluatedNamespace> namespaces = EvaluatedNamespaces(s->snapshot, &config);
  ASSERT_EQ(namespaces.size(), 2U);
  EXPECT_EQ(namespaces[0].name, "absent");
  EXPECT_EQ(namespaces[0].object, nullptr);
  EXPECT_EQ(namespaces[1].name, "plain");
  EXPECT_NE(namespaces[1].object, nullptr);
  EXPECT_EQ(namespaces[1].policy.audit.ToString(), "restricted:v1.25");
}

// An exempt controller ServiceAccount exempts the pods it creates (enforce); warn and audit still
// apply when the workload itself is created by an unknown user. A bare Pod's creator is unknown.
TEST(PssChecksTest, UsernameExemptionsApplyToControllerPods) {
  const pss::AdmissionConfig config = Config();
  auto s = Scan(Workload("Deployment", "web", "apps") + "---\n" +
                    Workload("DaemonSet", "agent", "apps") + "---\n" + Pod("bare", "apps"),
                {"pss-privileged"}, &config);
  const std::string detail =
      "privileged (container \"app\" must not set securityContext.privileged=true)";
  EXPECT_EQ(Summary(s->findings),
            (std::vector<std::string>{
                "pss-privileged|low|web|PodSecurity \"restricted:v1.25\" would add an audit "
                "annotation for this Deployment (audit): " +
                    detail,
                "pss-privileged|high|agent|PodSecurity \"baseline:latest\" would reject the pods "
                "of this DaemonSet (enforce): " +
                    detail,
                "pss-privileged|high|bare|PodSecurity \"baseline:latest\" would reject this pod "
                "(enforce): " +
                    detail,
            }));
}

TEST(PssChecksTest, InvalidLabelsAreReportedWithTheirEffectivePolicy) {
  pss::AdmissionConfig config;
  config.defaults.enforce.version = pss::Version::Of(25);
  auto s = Scan(Namespace("shop",
                          "pod-security.kubernetes.io/enforce: Baseline, "
                          "pod-security.kubernetes.io/warn-version: v1.x") +
                    "---\n" + Pod("p", "shop"),
                {"pss-namespace-label-invalid", "pss-privileged"}, &config);
  EXPECT_EQ(
      Summary(s->findings),
      (std::vector<std::string>{
          "pss-namespace-label-invalid|medium|shop|invalid Pod Security label "
          "pod-security.kubernetes.io/enforce=\"Baseline\": must be one of privileged, baseline, "
          "restricted; the API server rejects it when the namespace is created or updated, and "
          "pods are evaluated as enforce=restricted:v1.25",
          "pss-namespace-label-invalid|medium|shop|invalid Pod Security label "
          "pod-security.kubernetes.io/warn-version=\"v1.x\": must be \"latest\" or \"v1.x\"; the "
          "API server rejects it when the namespace is created or updated, and pods are "
          "evaluated as warn=privileged:latest (warn is off)",
          "pss-privileged|high|p|PodSecurity \"restricted:v1.25\" would reject this pod "
          "(enforce): privileged (container \"app\" must not set "
          "securityContext.privileged=true)",
      }));
  EXPECT_EQ(s->findings[0].path, "metadata.labels[\"pod-security.kubernetes.io/enforce\"]");
  EXPECT_EQ(s->findings[0].line, 5U);
}

}  // namespace
}  // namespace centinela::checks
