#include "pss/advise.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"
#include "pss/admission.h"
#include "pss/policy.h"

namespace centinela::pss {
namespace {

// A pod spec every version of restricted allows.
constexpr std::string_view kRestrictedSpec =
    "securityContext:\n"
    "  runAsNonRoot: true\n"
    "  seccompProfile: {type: RuntimeDefault}\n"
    "containers:\n"
    "- name: app\n"
    "  image: app:1\n"
    "  securityContext:\n"
    "    allowPrivilegeEscalation: false\n"
    "    capabilities: {drop: [ALL]}\n";

// Baseline allows it; restricted does not (four restricted checks fail).
constexpr std::string_view kBaselineSpec =
    "containers:\n"
    "- name: app\n"
    "  image: app:1\n";

// Fails baseline (privileged).
constexpr std::string_view kPrivilegedSpec =
    "containers:\n"
    "- name: app\n"
    "  image: app:1\n"
    "  securityContext: {privileged: true}\n";

std::string Indent(std::string_view text, size_t n) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size() - 1;
    out += std::string(n, ' ');
    out += text.substr(start, end - start + 1);
    start = end + 1;
  }
  return out;
}

std::string Pod(std::string_view name, std::string_view ns, std::string_view spec) {
  std::string yaml =
      "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: " + std::string(name) + "\n";
  if (!ns.empty()) yaml += "  namespace: " + std::string(ns) + "\n";
  return yaml + "spec:\n" + Indent(spec, 2);
}

std::string Deployment(std::string_view name, std::string_view ns, std::string_view spec) {
  return "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + std::string(name) +
         "\n  namespace: " + std::string(ns) +
         "\nspec:\n  selector: {matchLabels: {app: x}}\n  template:\n    "
         "metadata:\n      labels: "
         "{app: x}\n    spec:\n" +
         Indent(spec, 6);
}

std::string Namespace(std::string_view name, std::string_view labels = {}) {
  std::string yaml =
      "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + std::string(name) + "\n";
  if (!labels.empty()) yaml += "  labels:\n" + Indent(labels, 4);
  return yaml;
}

struct Loaded {
  doc::Corpus corpus;
  k8s::Snapshot snapshot;
};

std::unique_ptr<Loaded> Load(const std::string& yaml) {
  auto loaded = std::make_unique<Loaded>();
  core::DiagnosticSink sink;
  loaded->corpus.AddText("test.yaml", yaml, sink);
  loaded->snapshot = k8s::Snapshot::Build(loaded->corpus.documents(), sink);
  EXPECT_EQ(sink.error_count(), 0U) << yaml;
  return loaded;
}

std::vector<std::string_view> CheckIds(const std::vector<Violation>& violations) {
  std::vector<std::string_view> ids;
  for (const Violation& v : violations) ids.push_back(v.check->id);
  return ids;
}

std::vector<std::string_view> Names(const std::vector<WorkloadVerdict>& list) {
  std::vector<std::string_view> names;
  for (const WorkloadVerdict& w : list) names.push_back(w.object->name);
  return names;
}

constexpr std::string_view kPin = "v1.37";

TEST(PinnedVersionTest, LatestPinsTheNewestKnownVersion) {
  EXPECT_EQ(PinnedVersion(Version::Latest()), Version::Of(kNewestKnownMinor));
  EXPECT_EQ(PinnedVersion(Version::Latest()).ToString(), kPin);
  EXPECT_EQ(PinnedVersion(Version::Of(24)), Version::Of(24));
}

TEST(ShellQuoteTest, PlainWordsStayAsTheyAre) {
  EXPECT_EQ(ShellQuote("dev"), "dev");
  EXPECT_EQ(ShellQuote("team-a.prod_1"), "team-a.prod_1");
}

TEST(ShellQuoteTest, EverythingElseIsSingleQuoted) {
  EXPECT_EQ(ShellQuote(""), "''");
  EXPECT_EQ(ShellQuote("a b"), "'a b'");
  EXPECT_EQ(ShellQuote("$(reboot)"), "'$(reboot)'");
  EXPECT_EQ(ShellQuote("dev; rm -rf /"), "'dev; rm -rf /'");
  EXPECT_EQ(ShellQuote("it's"), "'it'\\''s'");
  EXPECT_EQ(ShellQuote("a\nb"), "'a\nb'");
}

TEST(LabelCommandTest, EveryModeWithItsVersion) {
  Policy policy;
  policy.enforce = LevelVersion{Level::kBaseline, Version::Of(30)};
  policy.audit = LevelVersion{Level::kRestricted, Version::Of(30)};
  policy.warn = LevelVersion{Level::kRestricted, Version::Latest()};
  EXPECT_EQ(LabelCommand("dev", policy),
            "kubectl label --overwrite namespace dev "
            "pod-security.kubernetes.io/enforce=baseline "
            "pod-security.kubernetes.io/enforce-version=v1.30 "
            "pod-security.kubernetes.io/audit=restricted "
            "pod-security.kubernetes.io/audit-version=v1.30 "
            "pod-security.kubernetes.io/warn=restricted "
            "pod-security.kubernetes.io/warn-version=latest");
  EXPECT_EQ(LabelCommand("x`id`", policy).substr(0, 44),
            "kubectl label --overwrite namespace 'x`id`' ");
}

TEST(LabelCommandTest, ANameCannotBecomeAnOption) {
  const std::string command = LabelCommand("--all", Policy{});
  EXPECT_EQ(command.substr(0, 47), "kubectl label --overwrite namespace -- --all po");
}

TEST(AdviseTest, NoCommandForAnInvalidNamespaceName) {
  auto l =
      Load(Pod("a", "--all", kRestrictedSpec) + Pod("b", "Dev", kRestrictedSpec) +
           Pod("c", "x;reboot", kRestrictedSpec) + Pod("d", std::string(64, 'a'), kRestrictedSpec) +
           Pod("e", std::string(63, 'a'), kRestrictedSpec) + Pod("f", "a-1", kRestrictedSpec));
  const std::vector<NamespaceAdvice> advice = Advise(l->snapshot, AdviseOptions{});
  ASSERT_EQ(advice.size(), 6U);
  for (const NamespaceAdvice& a : advice) {
    SCOPED_TRACE(a.name);
    const bool valid = a.name == "a-1" || a.name == std::string(63, 'a');
    EXPECT_EQ(a.name_error.has_value(), !valid);
    EXPECT_EQ(a.command.empty(), !valid);
    EXPECT_EQ(a.strictest, Level::kRestricted) << "still evaluated";
  }
}

TEST(AdviseTest, StrictestLevelAndTheWorkloadsThatBlockTheNext) {
  auto l = Load(Deployment("web", "dev", kRestrictedSpec) +
                Deployment("api", "dev", kBaselineSpec) + Pod("job", "dev", kRestrictedSpec));
  AdviseOptions options;
  const std::vector<NamespaceAdvice> advice = Advise(l->snapshot, options);
  ASSERT_EQ(advice.size(), 1U);
  const NamespaceAdvice& a = advice[0];
  EXPECT_EQ(a.name, "dev");
  EXPECT_EQ(a.namespace_object, nullptr);
  for (const ModeLabels& m : a.labels) {
    EXPECT_FALSE(m.level);
    EXPECT_FALSE(m.version);
  }
  EXPECT_EQ(a.policy, DefaultAdmissionConfig().defaults);
  EXPECT_FALSE(a.exempt);
  EXPECT_EQ(a.workloads, 3U);
  EXPECT_EQ(a.strictest, Level::kBaseline);
  ASSERT_TRUE(a.next);
  EXPECT_EQ(*a.next, Level::kRestricted);
  ASSERT_EQ(Names(a.blockers), std::vector<std::string_view>{"api"});
  EXPECT_EQ(CheckIds(a.blockers[0].violations),
            (std::vector<std::string_view>{"allowPrivilegeEscalation", "capabilities_restricted",
                                           "runAsNonRoot", "seccompProfile_restricted"}));
  EXPECT_EQ(a.blockers[0].violations[0].Text(),
            "allowPrivilegeEscalation != false (container \"app\" must set "
            "securityContext.allowPrivilegeEscalation=false)");
  EXPECT_TRUE(a.rejected_by_enforce.empty()) << "privileged enforces nothing";
  EXPECT_EQ(a.change, Change::kTighten);
  EXPECT_EQ(a.recommended.enforce, (LevelVersion{Level::kBaseline, Version::Of(37)}));
  EXPECT_EQ(a.recommended.audit, (LevelVersion{Level::kRestricted, Version::Of(37)}));
  EXPECT_EQ(a.recommended.warn, (LevelVersion{Level::kRestricted, Version::Of(37)}));
  EXPECT_EQ(a.command,
            "kubectl label --overwrite namespace dev "
            "pod-security.kubernetes.io/enforce=baseline "
            "pod-security.kubernetes.io/enforce-version=v1.37 "
            "pod-security.kubernetes.io/audit=restricted "
            "pod-security.kubernetes.io/audit-version=v1.37 "
            "pod-security.kubernetes.io/warn=restricted "
            "pod-security.kubernetes.io/warn-version=v1.37");
}

TEST(AdviseTest, OnlyTheWorkloadsAtTheStrictestLevelBlockTheNext) {
  // "api" fails restricted but not baseline: it does not block baseline, "root" does.
  auto l = Load(Deployment("api", "dev", kBaselineSpec) + Pod("root", "dev", kPrivilegedSpec));
  const std::vector<NamespaceAdvice> advice = Advise(l->snapshot, AdviseOptions{});
  ASSERT_EQ(advice.size(), 1U);
  EXPECT_EQ(advice[0].strictest, Level::kPrivileged);
  ASSERT_TRUE(advice[0].next);
  EXPECT_EQ(*advice[0].next, Level::kBaseline);
  ASSERT_EQ(Names(advice[0].blockers), std::vector<std::string_view>{"root"});
  EXPECT_EQ(CheckIds(advice[0].blockers[0].violations),
            std::vector<std::string_view>{"privileged"});
  EXPECT_EQ(advice[0].blockers[0].violations[0].Text(),
            "privileged (container \"app\" must not set "
            "securityContext.privileged=true)");
  EXPECT_EQ(advice[0].recommended.enforce.level, Level::kPrivileged);
  EXPECT_EQ(advice[0].recommended.warn.level, Level::kBaseline);
  EXPECT_EQ(advice[0].change, Change::kKeep) << "privileged is already the default";
}

TEST(AdviseTest, CurrentLabelsAndWhatTheyRejectToday) {
  auto l =
      Load(Namespace("dev",
                     "pod-security.kubernetes.io/enforce: restricted\n"
                     "pod-security.kubernetes.io/warn: baseline\n"
                     "pod-security.kubernetes.io/warn-version: v1.25\n") +
           Deployment("api", "dev", kBaselineSpec) + Deployment("web", "dev", kRestrictedSpec));
  const std::vector<NamespaceAdvice> advice = Advise(l->snapshot, AdviseOptions{});
  ASSERT_EQ(advice.size(), 1U);
  const NamespaceAdvice& a = advice[0];
  ASSERT_NE(a.namespace_object, nullptr);
  EXPECT_EQ(a.namespace_object->kind, "Namespace");
  const ModeLabels& enforce = a.labels[static_cast<size_t>(Mode::kEnforce)];
  ASSERT_TRUE(enforce.level);
  EXPECT_EQ(*enforce.level, "restricted");
  EXPECT_FALSE(enforce.version);
  const ModeLabels& audit = a.labels[static_cast<size_t>(Mode::kAudit)];
  EXPECT_FALSE(audit.level);
  EXPECT_FALSE(audit.version);
  const ModeLabels& warn = a.labels[static_cast<size_t>(Mode::kWarn)];
  ASSERT_TRUE(warn.level && warn.version);
  EXPECT_EQ(*warn.level, "baseline");
  EXPECT_EQ(*warn.version, "v1.25");
  EXPECT_EQ(a.policy.enforce, (LevelVersion{Level::kRestricted, Version::Latest()}));
  EXPECT_EQ(a.policy.audit, (LevelVersion{Level::kPrivileged, Version::Latest()}));
  EXPECT_EQ(a.policy.warn, (LevelVersion{Level::kBaseline, Version::Of(25)}));
  EXPECT_TRUE(a.label_errors.empty());

  EXPECT_EQ(a.strictest, Level::kBaseline);
  ASSERT_EQ(Names(a.rejected_by_enforce), std::vector<std::string_view>{"api"});
  EXPECT_EQ(a.rejected_by_enforce[0].violations.size(), 4U);
  EXPECT_EQ(Names(a.blockers), std::vector<std::string_view>{"api"});
  EXPECT_EQ(a.change, Change::kLoosen);
}

TEST(AdviseTest, RejectedTodayIsEvaluatedAtTheLabelledVersion) {
  // net.ipv4.ip_local_reserved_ports is a safe sysctl from v1.27 only: enforce baseline:v1.26
  // rejects the pod, while the advice (at latest) finds it satisfies restricted.
  auto l = Load(Namespace("dev",
                          "pod-security.kubernetes.io/enforce: baseline\n"
                          "pod-security.kubernetes.io/enforce-version: v1.26\n") +
                Pod("p", "dev",
                    "securityContext:\n"
                    "  runAsNonRoot: true\n"
                    "  seccompProfile: {type: RuntimeDefault}\n"
                    "  sysctls: [{name: net.ipv4.ip_local_reserved_ports, value: '80'}]\n"
                    "containers:\n"
                    "- name: app\n"
                    "  image: app:1\n"
                    "  securityContext:\n"
                    "    allowPrivilegeEscalation: false\n"
                    "    capabilities: {drop: [ALL]}\n"));
  AdviseOptions options;
  std::vector<NamespaceAdvice> advice = Advise(l->snapshot, options);
  ASSERT_EQ(advice.size(), 1U);
  EXPECT_EQ(advice[0].strictest, Level::kRestricted);
  EXPECT_FALSE(advice[0].next);
  ASSERT_EQ(Names(advice[0].rejected_by_enforce), std::vector<std::string_view>{"p"});
  EXPECT_EQ(CheckIds(advice[0].rejected_by_enforce[0].violations),
            std::vector<std::string_view>{"sysctls"});
  EXPECT_EQ(advice[0].change, Change::kTighten);

  // At v1.26 the same pod satisfies only privileged, and the command pins v1.26.
  options.version = Version::Of(26);
  advice = Advise(l->snapshot, options);
  ASSERT_EQ(advice.size(), 1U);
  EXPECT_EQ(advice[0].strictest, Level::kPrivileged);
  ASSERT_EQ(Names(advice[0].blockers), std::vector<std::string_view>{"p"});
  EXPECT_EQ(advice[0].change, Change::kLoosen);
  EXPECT_EQ(advice[0].command,
            "kubectl label --overwrite namespace dev "
            "pod-security.kubernetes.io/enforce=privileged "
            "pod-security.kubernetes.io/enforce-version=v1.26 "
            "pod-security.kubernetes.io/audit=baseline "
            "pod-security.kubernetes.io/audit-version=v1.26 "
            "pod-security.kubernetes.io/warn=baseline "
            "pod-security.kubernetes.io/warn-version=v1.26");
}

TEST(AdviseTest, NamespacesWithoutWorkloadsCanEnforceRestricted) {
  auto l = Load(Namespace("empty") + Namespace("labelled",
                                               "pod-security.kubernetes.io/enforce: "
                                               "restricted\n"));
  const std::vector<NamespaceAdvice> advice = Advise(l->snapshot, AdviseOptions{});
  ASSERT_EQ(advice.size(), 2U);
  EXPECT_EQ(advice[0].name, "empty");
  EXPECT_EQ(advice[1].name, "labelled");
  for (const NamespaceAdvice& a : advice) {
    EXPECT_EQ(a.workloads, 0U);
    EXPECT_EQ(a.strictest, Level::kRestricted);
    EXPECT_FALSE(a.next);
    EXPECT_TRUE(a.blockers.empty());
    EXPECT_EQ(a.recommended.warn.level, Level::kRestricted);
  }
  EXPECT_EQ(advice[0].change, Change::kTighten);
  EXPECT_EQ(advice[1].change, Change::kKeep);
  EXPECT_EQ(advice[1].command,
            "kubectl label --overwrite namespace labelled "
            "pod-security.kubernetes.io/enforce=restricted "
            "pod-security.kubernetes.io/enforce-version=v1.37 "
            "pod-security.kubernetes.io/audit=restricted "
            "pod-security.kubernetes.io/audit-version=v1.37 "
            "pod-security.kubernetes.io/warn=restricted "
            "pod-security.kubernetes.io/warn-version=v1.37");
}

TEST(AdviseTest, NamespacesAreSortedAndObjectsWithoutNamespaceGoToDefault) {
  auto l = Load(Pod("a", "zeta", kRestrictedSpec) + Pod("b", "", kPrivilegedSpec) +
                Namespace("alpha") + Pod("c", "alpha", kBaselineSpec));
  const std::vector<NamespaceAdvice> advice = Advise(l->snapshot, AdviseOptions{});
  ASSERT_EQ(advice.size(), 3U);
  EXPECT_EQ(advice[0].name, "alpha");
  EXPECT_EQ(advice[0].strictest, Level::kBaseline);
  EXPECT_NE(advice[0].namespace_object, nullptr);
  EXPECT_EQ(advice[1].name, "default");
  EXPECT_EQ(advice[1].strictest, Level::kPrivileged);
  EXPECT_EQ(advice[2].name, "zeta");
  EXPECT_EQ(advice[2].strictest, Level::kRestricted);
}

TEST(AdviseTest, PodTemplatesAreNotEnforced) {
  // No controller creates pods from a PodTemplate: enforcing a level cannot break it.
  auto l = Load(
      "apiVersion: v1\nkind: PodTemplate\nmetadata: {name: t, namespace: dev}\ntemplate:\n  "
      "spec:\n" +
      Indent(kPrivilegedSpec, 4) + Pod("p", "dev", kRestrictedSpec));
  ASSERT_EQ(l->snapshot.pod_views().size(), 2U);
  const std::vector<NamespaceAdvice> advice = Advise(l->snapshot, AdviseOptions{});
  ASSERT_EQ(advice.size(), 1U);
  EXPECT_EQ(advice[0].workloads, 1U);
  EXPECT_EQ(advice[0].strictest, Level::kRestricted);
}

TEST(AdviseTest, ObjectsThatAreNotWorkloadsDoNotMakeANamespace) {
  auto l = Load(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, "
      "namespace: other}\n" +
      Pod("p", "dev", kRestrictedSpec));
  const std::vector<NamespaceAdvice> advice = Advise(l->snapshot, AdviseOptions{});
  ASSERT_EQ(advice.size(), 1U);
  EXPECT_EQ(advice[0].name, "dev");
}

TEST(AdviseTest, ExemptNamespaceIsReportedAndNotAdvised) {
  auto l = Load(Namespace("kube-system") + Pod("proxy", "kube-system", kPrivilegedSpec));
  AdviseOptions options;
  options.config.exempt_namespaces = {"kube-system"};
  const std::vector<NamespaceAdvice> advice = Advise(l->snapshot, options);
  ASSERT_EQ(advice.size(), 1U);
  const NamespaceAdvice& a = advice[0];
  ASSERT_TRUE(a.exempt);
  // The same words as the engine uses for a pod of that namespace.
  const k8s::PodView& pod = l->snapshot.pod_views()[0];
  EXPECT_EQ(*a.exempt, Exemption(options.config, "kube-system", pod, std::nullopt));
  EXPECT_EQ(*a.exempt, "namespace \"kube-system\" is exempt");
  EXPECT_EQ(a.workloads, 0U);
  EXPECT_TRUE(a.blockers.empty());
  EXPECT_TRUE(a.command.empty());
}

TEST(AdviseTest, ExemptWorkloadsDoNotLowerTheLevel) {
  const std::string runtime_class = "runtimeClassName: kata\n" + std::string(kPrivilegedSpec);
  auto l = Load(Deployment("sandboxed", "dev", runtime_class) +
                Deployment("web", "dev", kRestrictedSpec));
  AdviseOptions options;
  options.config.exempt_runtime_classes = {"kata"};
  const std::vector<NamespaceAdvice> advice = Advise(l->snapshot, options);
  ASSERT_EQ(advice.size(), 1U);
  const NamespaceAdvice& a = advice[0];
  EXPECT_FALSE(a.exempt);
  EXPECT_EQ(a.workloads, 1U);
  ASSERT_EQ(a.exempt_workloads.size(), 1U);
  EXPECT_EQ(a.exempt_workloads[0].object->name, "sandboxed");
  EXPECT_EQ(a.exempt_workloads[0].reason,
            *Exemption(options.config, "dev", l->snapshot.pod_views()[0], std::nullopt));
  EXPECT_EQ(a.strictest, Level::kRestricted);

  // Without the exemption, the sandboxed workload decides the level.
  options.config.exempt_runtime_classes.clear();
  EXPECT_EQ(Advise(l->snapshot, options)[0].strictest, Level::kPrivileged);
}

TEST(AdviseTest, UsernameExemptionNeedsTheRequestingUserForBarePods) {
  auto l = Load(Pod("debug", "dev", kPrivilegedSpec));
  AdviseOptions options;
  options.config.exempt_usernames = {"admin"};
  EXPECT_EQ(Advise(l->snapshot, options)[0].strictest, Level::kPrivileged)
      << "the user creating a bare Pod is unknown offline";
  options.requesting_user = "admin";
  const std::vector<NamespaceAdvice> advice = Advise(l->snapshot, options);
  EXPECT_EQ(advice[0].strictest, Level::kRestricted);
  EXPECT_EQ(advice[0].exempt_workloads.size(), 1U);
  options.requesting_user = "alice";
  EXPECT_EQ(Advise(l->snapshot, options)[0].strictest, Level::kPrivileged);
}

TEST(AdviseTest, ConfiguredDefaultsApplyToNamespacesWithoutLabels) {
  auto l = Load(Namespace("dev") + Deployment("api", "dev", kBaselineSpec));
  AdviseOptions options;
  options.config.defaults.enforce = LevelVersion{Level::kRestricted, Version::Of(30)};
  const std::vector<NamespaceAdvice> advice = Advise(l->snapshot, options);
  ASSERT_EQ(advice.size(), 1U);
  EXPECT_EQ(advice[0].policy.enforce, (LevelVersion{Level::kRestricted, Version::Of(30)}));
  EXPECT_EQ(Names(advice[0].rejected_by_enforce), std::vector<std::string_view>{"api"});
  EXPECT_EQ(advice[0].change, Change::kLoosen);
}

TEST(AdviseTest, InvalidLabelsAreReportedAndEvaluatedAsTheApiServerDoes) {
  auto l = Load(Namespace("dev", "pod-security.kubernetes.io/enforce: strict\n") +
                Pod("p", "dev", kRestrictedSpec));
  const std::vector<NamespaceAdvice> advice = Advise(l->snapshot, AdviseOptions{});
  ASSERT_EQ(advice.size(), 1U);
  ASSERT_EQ(advice[0].label_errors.size(), 1U);
  EXPECT_EQ(advice[0].label_errors[0].label, "pod-security.kubernetes.io/enforce");
  EXPECT_EQ(advice[0].label_errors[0].value, "strict");
  std::vector<LabelError> errors;
  EXPECT_EQ(advice[0].policy, PolicyForNamespace(advice[0].namespace_object->labels,
                                                 DefaultAdmissionConfig().defaults, &errors));
}

}  // namespace
}  // namespace centinela::pss
