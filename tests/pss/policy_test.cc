#include "pss/policy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"

// Counts heap allocations, to prove that evaluating an allowed pod allocates nothing. Not under
// AddressSanitizer, which owns operator new (the allocation test then skips).
#if defined(__SANITIZE_ADDRESS__)
#define CENTINELA_COUNT_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CENTINELA_COUNT_ALLOCATIONS 0
#endif
#endif
#ifndef CENTINELA_COUNT_ALLOCATIONS
#define CENTINELA_COUNT_ALLOCATIONS 1
#endif

namespace {
std::atomic<size_t> g_allocations{0};
}  // namespace

#if CENTINELA_COUNT_ALLOCATIONS
#if defined(__GNUC__) && !defined(__clang__)
// GCC pairs the inlined malloc with the replaced operator delete and warns of a mismatch.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t /*size*/) noexcept { std::free(p); }
#endif

namespace centinela::pss {
namespace {

struct Loaded {
  doc::Corpus corpus;
  k8s::Snapshot snapshot;
  const k8s::PodView& pod() const { return snapshot.pod_views().front(); }
};

// `type_errors`: the snapshot's count of fields of the wrong type (which the API server rejects).
std::unique_ptr<Loaded> Load(const std::string& yaml, size_t type_errors = 0) {
  auto loaded = std::make_unique<Loaded>();
  core::DiagnosticSink sink;
  loaded->corpus.AddText("test.yaml", yaml, sink);
  loaded->snapshot = k8s::Snapshot::Build(loaded->corpus.documents(), sink);
  EXPECT_EQ(sink.error_count(), type_errors) << yaml;
  EXPECT_EQ(loaded->snapshot.pod_views().size(), 1U) << yaml;
  return loaded;
}

std::unique_ptr<Loaded> LoadPod(const std::string& spec, const std::string& annotations = "",
                                size_t type_errors = 0) {
  std::string yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n";
  if (!annotations.empty()) yaml += "  annotations:\n" + annotations;
  return Load(yaml + "spec:\n" + spec, type_errors);
}

// A restricted-compliant pod-level securityContext and container securityContext.
const std::string kPodHardened =
    "  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n";
const std::string kContainerHardened =
    "      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n";

LevelVersion Restricted(int minor) { return {Level::kRestricted, Version::Of(minor)}; }
LevelVersion Baseline(int minor) { return {Level::kBaseline, Version::Of(minor)}; }
const LevelVersion kRestrictedLatest{Level::kRestricted, Version::Latest()};
const LevelVersion kBaselineLatest{Level::kBaseline, Version::Latest()};

// "checkId: reason (detail)" for each violation.
std::vector<std::string> Texts(const Verdict& verdict) {
  std::vector<std::string> out;
  for (const Violation& v : verdict.violations) {
    out.push_back(std::string(v.check->id) + ": " + v.Text());
  }
  return out;
}

std::vector<std::string> Eval(const Loaded& l, const LevelVersion& policy) {
  return Texts(Evaluate(l.pod(), policy));
}

using Strings = std::vector<std::string>;

// -------------------------------------------------------------------------------------------------
// Levels, versions, the check table

TEST(LevelTest, ParsesExactNames) {
  EXPECT_EQ(*ParseLevel("privileged"), Level::kPrivileged);
  EXPECT_EQ(*ParseLevel("baseline"), Level::kBaseline);
  EXPECT_EQ(*ParseLevel("restricted"), Level::kRestricted);
  EXPECT_EQ(ToString(Level::kRestricted), "restricted");
  auto bad = ParseLevel("Restricted");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message,
            "unknown Pod Security level \"Restricted\": must be one of privileged, baseline, "
            "restricted");
  EXPECT_FALSE(ParseLevel("").ok());
  EXPECT_FALSE(ParseLevel("high").ok());
}

TEST(VersionTest, ParsesKnownVersions) {
  EXPECT_EQ(*ParseVersion("latest"), Version::Latest());
  EXPECT_EQ(*ParseVersion("v1.0"), Version::Of(0));
  EXPECT_EQ(*ParseVersion("v1.37"), Version::Of(37));
  EXPECT_EQ(ParseVersion("v1.24")->ToString(), "v1.24");
  EXPECT_EQ(Version::Latest().ToString(), "latest");
  EXPECT_TRUE(Version::Latest().latest());
  EXPECT_EQ(Version::Latest().effective_minor(), kNewestKnownMinor);
  EXPECT_EQ(Version::Of(40).effective_minor(), kNewestKnownMinor);
  EXPECT_EQ(Version::Of(12).effective_minor(), 12);
  for (const char* text : {"v1.38", "v1.01", "1.24", "v2.0", "v1.", "v1.-1", "v1.2x", "", "Latest",
                           "v1.99999999999"}) {
    auto v = ParseVersion(text);
    ASSERT_FALSE(v.ok()) << text;
    EXPECT_EQ(v.error().message, "unknown Pod Security version \"" + std::string(text) +
                                     "\": must be \"latest\" or one of v1.0 to v1.37");
  }
}

TEST(VersionTest, UpstreamSyntaxAcceptsNewerMinors) {
  EXPECT_EQ(*ParseVersion("v1.38", VersionSyntax::kUpstream), Version::Of(38));
  EXPECT_EQ(ParseVersion("v1.38", VersionSyntax::kUpstream)->effective_minor(), 37);
  EXPECT_EQ(*ParseVersion("v1.5", VersionSyntax::kUpstream), Version::Of(5));
  EXPECT_EQ(*ParseVersion("latest", VersionSyntax::kUpstream), Version::Latest());
  for (const char* text : {"v1.01", "v2.1", "1.2", "v1.99999999999", "v1.+2"}) {
    auto v = ParseVersion(text, VersionSyntax::kUpstream);
    ASSERT_FALSE(v.ok()) << text;
    EXPECT_EQ(v.error().message, "invalid Pod Security version \"" + std::string(text) +
                                     "\": must be \"latest\" or \"v1.x\"");
  }
}

TEST(VersionTest, LevelVersionText) {
  EXPECT_EQ(Restricted(30).ToString(), "restricted:v1.30");
  EXPECT_EQ(kBaselineLatest.ToString(), "baseline:latest");
}

TEST(ChecksTest, TableInUpstreamOrder) {
  const std::vector<CheckDescriptor>& all = AllChecks();
  Strings ids;
  for (const CheckDescriptor& d : all) ids.emplace_back(d.id);
  EXPECT_EQ(ids, (Strings{"appArmorProfile", "capabilities_baseline", "hostNamespaces",
                          "hostPathVolumes", "hostPorts", "hostProbesAndHostLifecycle",
                          "privileged", "procMount", "seLinuxOptions", "seccompProfile_baseline",
                          "sysctls", "windowsHostProcess", "allowPrivilegeEscalation",
                          "capabilities_restricted", "procMount_restricted", "restrictedVolumes",
                          "runAsNonRoot", "runAsUser", "seccompProfile_restricted"}));
  EXPECT_EQ(all[5].finding_id, "pss-host-probes-and-host-lifecycle");
  EXPECT_EQ(all[5].control, core::Control::kNetwork);
  EXPECT_EQ(all[5].minimum_minor, 34);
  EXPECT_EQ(all[10].finding_id, "pss-sysctls");
  EXPECT_EQ(all[10].control, core::Control::kOrchestrator);
  EXPECT_EQ(all[15].finding_id, "pss-restricted-volumes");
  EXPECT_EQ(all[15].control, core::Control::kData);
  EXPECT_EQ(all[8].finding_id, "pss-selinux-options");
  EXPECT_EQ(all[8].control_name, "SELinux");
  EXPECT_EQ(all[18].finding_id, "pss-seccomp-profile-restricted");
  EXPECT_EQ(all[18].level, Level::kRestricted);
  EXPECT_EQ(all[18].minimum_minor, 19);
  EXPECT_EQ(all[12].minimum_minor, 8);
  EXPECT_EQ(all[13].minimum_minor, 22);
  EXPECT_EQ(all[14].minimum_minor, 35);
  EXPECT_EQ(all[17].minimum_minor, 23);
}

Strings Ids(const LevelVersion& policy) {
  Strings out;
  for (const CheckDescriptor* d : ChecksFor(policy)) out.emplace_back(d->id);
  return out;
}

TEST(ChecksTest, ChecksForAppliesVersionsAndOverrides) {
  EXPECT_TRUE(ChecksFor({Level::kPrivileged, Version::Latest()}).empty());
  EXPECT_EQ(Ids(Baseline(0)).size(), 11U);
  EXPECT_EQ(Ids(Baseline(34)).size(), 12U);
  EXPECT_EQ(Ids(Restricted(0)),
            (Strings{"appArmorProfile", "capabilities_baseline", "hostNamespaces", "hostPorts",
                     "privileged", "procMount", "seLinuxOptions", "seccompProfile_baseline",
                     "sysctls", "windowsHostProcess", "restrictedVolumes", "runAsNonRoot"}));
  EXPECT_EQ(Ids(Restricted(8)).size(), 13U);
  // seccompProfile_restricted replaces seccompProfile_baseline from v1.19,
  // capabilities_restricted replaces capabilities_baseline from v1.22.
  Strings v19 = Ids(Restricted(19));
  EXPECT_EQ(std::count(v19.begin(), v19.end(), "seccompProfile_baseline"), 0);
  EXPECT_EQ(std::count(v19.begin(), v19.end(), "seccompProfile_restricted"), 1);
  EXPECT_EQ(std::count(v19.begin(), v19.end(), "capabilities_baseline"), 1);
  Strings v22 = Ids(Restricted(22));
  EXPECT_EQ(std::count(v22.begin(), v22.end(), "capabilities_baseline"), 0);
  EXPECT_EQ(Ids(Restricted(23)).size(), 14U);
  EXPECT_EQ(Ids(Restricted(34)).size(), 15U);
  Strings latest = Ids(kRestrictedLatest);
  EXPECT_EQ(latest.size(), 15U);
  EXPECT_EQ(std::count(latest.begin(), latest.end(), "procMount"), 0);
  EXPECT_EQ(std::count(latest.begin(), latest.end(), "procMount_restricted"), 1);
  EXPECT_EQ(Ids({Level::kRestricted, Version::Of(60)}), latest);
}

TEST(ViolationTest, TextJoinsReasonAndDetail) {
  Violation v;
  v.reason = "host namespaces";
  EXPECT_EQ(v.Text(), "host namespaces");
  v.detail = "hostPID=true";
  EXPECT_EQ(v.Text(), "host namespaces (hostPID=true)");
}

// -------------------------------------------------------------------------------------------------
// Reasons and details, worded as upstream's check_*_test.go expect them

TEST(WordingTest, BaselineContainerChecks) {
  auto l = LoadPod(
      "  containers:\n"
      "    - name: a\n"
      "      securityContext: {privileged: true, procMount: Unmasked,\n"
      "                        capabilities: {add: [FOO, CHOWN, BAR]}}\n"
      "      ports: [{containerPort: 80, hostPort: 20}, {containerPort: 81, hostPort: 100}]\n"
      "    - name: b\n"
      "      securityContext: {privileged: true, capabilities: {add: [BAZ, FOO]}}\n"
      "      ports: [{containerPort: 80, hostPort: 0}, {containerPort: 82, hostPort: 20}]\n");
  EXPECT_EQ(Eval(*l, kBaselineLatest),
            (Strings{"capabilities_baseline: non-default capabilities (containers \"a\", \"b\" "
                     "must not include \"BAR\", \"BAZ\", \"FOO\" in "
                     "securityContext.capabilities.add)",
                     "hostPorts: hostPort (containers \"a\", \"b\" use hostPorts 100, 20)",
                     "privileged: privileged (containers \"a\", \"b\" must not set "
                     "securityContext.privileged=true)",
                     "procMount: procMount (container \"a\" must not set securityContext.procMount "
                     "to \"Unmasked\")"}));
}

TEST(WordingTest, HostNamespacesVolumesSysctls) {
  auto l = LoadPod(
      "  hostIPC: true\n"
      "  hostNetwork: true\n"
      "  hostPID: true\n"
      "  securityContext:\n"
      "    sysctls: [{name: net.core.somaxconn, value: '1'}, {name: kernel.shm_rmid_forced,\n"
      "              value: '0'}, {name: kernel.msgmax, value: '1'}]\n"
      "  containers: [{name: a}]\n"
      "  volumes:\n"
      "    - {name: a, hostPath: {path: /a}}\n"
      "    - {name: ok, emptyDir: {}}\n"
      "    - {name: b, hostPath: {path: /b}}\n");
  EXPECT_EQ(Eval(*l, kBaselineLatest),
            (Strings{"hostNamespaces: host namespaces (hostNetwork=true, hostPID=true, "
                     "hostIPC=true)",
                     "hostPathVolumes: hostPath volumes (volumes \"a\", \"b\")",
                     "sysctls: forbidden sysctls (net.core.somaxconn, kernel.msgmax)"}));
}

TEST(WordingTest, SeLinuxOptions) {
  auto l = LoadPod(
      "  securityContext:\n"
      "    seLinuxOptions: {type: foo, user: bar, role: baz}\n"
      "  containers:\n"
      "    - {name: a, securityContext: {seLinuxOptions: {type: container_t}}}\n"
      "    - {name: b, securityContext: {seLinuxOptions: {type: container_init_t}}}\n"
      "    - {name: c, securityContext: {seLinuxOptions: {type: container_kvm_t}}}\n"
      "    - {name: d, securityContext: {seLinuxOptions: {type: bar}}}\n"
      "    - {name: e, securityContext: {seLinuxOptions: {user: bar}}}\n"
      "    - {name: f, securityContext: {seLinuxOptions: {role: baz}}}\n");
  EXPECT_EQ(Eval(*l, kBaselineLatest),
            (Strings{"seLinuxOptions: seLinuxOptions (pod and containers \"d\", \"e\", \"f\" set "
                     "forbidden securityContext.seLinuxOptions: types \"bar\", \"foo\"; user may "
                     "not be set; role may not be set)"}));
  auto user_only = LoadPod(
      "  securityContext: {seLinuxOptions: {user: u, role: r}}\n"
      "  containers: [{name: a}]\n");
  EXPECT_EQ(Eval(*user_only, kBaselineLatest),
            (Strings{"seLinuxOptions: seLinuxOptions (pod set forbidden "
                     "securityContext.seLinuxOptions: user may not be set; role may not be set)"}));
}

TEST(WordingTest, AppArmorFieldsAndAnnotations) {
  auto l = LoadPod(
      "  securityContext: {appArmorProfile: {type: Unconfined}}\n"
      "  containers:\n"
      "    - {name: a, securityContext: {appArmorProfile: {type: RuntimeDefault}}}\n"
      "    - {name: b, securityContext: {appArmorProfile: {type: Unconfined}}}\n"
      "    - {name: c, securityContext: {appArmorProfile: {type: Localhost,\n"
      "                                                    localhostProfile: p}}}\n",
      "    container.apparmor.security.beta.kubernetes.io/e: unconfined\n"
      "    container.apparmor.security.beta.kubernetes.io/a: runtime/default\n"
      "    container.apparmor.security.beta.kubernetes.io/f: \"un\\\"known\"\n"
      "    container.apparmor.security.beta.kubernetes.io/c: localhost/x\n"
      "    container.apparmor.security.beta.kubernetes.io/d: ''\n");
  EXPECT_EQ(Eval(*l, kBaselineLatest),
            (Strings{"appArmorProfile: forbidden AppArmor profiles (pod and container \"b\" and "
                     "annotations must not set AppArmor profile type to \"Unconfined\", "
                     "\"container.apparmor.security.beta.kubernetes.io/e=\"unconfined\"\", "
                     "\"container.apparmor.security.beta.kubernetes.io/f=\"un\\\"known\"\")"}));
  auto one = LoadPod(
      "  securityContext: {appArmorProfile: {type: RuntimeDefault}}\n"
      "  containers:\n"
      "    - {name: foo, securityContext: {appArmorProfile: {type: Unconfined}}}\n");
  EXPECT_EQ(Eval(*one, kBaselineLatest),
            (Strings{"appArmorProfile: forbidden AppArmor profile (container \"foo\" must not set "
                     "AppArmor profile type to \"Unconfined\")"}));
}

TEST(WordingTest, WindowsHostProcessChecksEveryLevel) {
  // The pod sets hostProcess; a container turning it off does not make the pod acceptable.
  auto l = LoadPod(
      "  securityContext: {windowsOptions: {hostProcess: true}}\n"
      "  containers:\n"
      "    - {name: a, securityContext: {windowsOptions: {hostProcess: true}}}\n"
      "    - {name: b, securityContext: {windowsOptions: {hostProcess: false}}}\n"
      "    - {name: c, securityContext: {windowsOptions: {hostProcess: true}}}\n");
  EXPECT_EQ(Eval(*l, kBaselineLatest),
            (Strings{"windowsHostProcess: hostProcess (pod and containers \"a\", \"c\" must not "
                     "set securityContext.windowsOptions.hostProcess=true)"}));
}

TEST(WordingTest, HostProbesSortContainersAndHosts) {
  auto l = LoadPod(
      "  containers:\n"
      "    - {name: valid, livenessProbe: {httpGet: {path: /, port: 80, host: ''}}}\n"
      "    - name: invalid2\n"
      "      lifecycle: {preStop: {tcpSocket: {port: 80, host: b.com}}}\n"
      "      startupProbe: {httpGet: {port: 80, host: a.com}}\n"
      "    - {name: invalid1, livenessProbe: {httpGet: {port: 80, host: a.com}}}\n");
  EXPECT_EQ(Eval(*l, kBaselineLatest),
            (Strings{"hostProbesAndHostLifecycle: probe or lifecycle host (containers "
                     "\"invalid1\", \"invalid2\" use probe or lifecycle hosts \"a.com\", "
                     "\"b.com\")"}));
  auto local = LoadPod(
      "  containers:\n"
      "    - name: a\n"
      "      livenessProbe: {httpGet: {port: 80, host: 127.0.0.1}}\n"
      "      readinessProbe: {tcpSocket: {port: 80, host: '::1'}}\n"
      "      startupProbe: {httpGet: {port: 80, host: localhost}}\n");
  EXPECT_EQ(Eval(*local, kBaselineLatest),
            (Strings{"hostProbesAndHostLifecycle: probe or lifecycle host (container \"a\" uses "
                     "probe or lifecycle hosts \"127.0.0.1\", \"::1\", \"localhost\")"}));
}

TEST(WordingTest, RestrictedChecks) {
  auto l = LoadPod(
      "  securityContext:\n"
      "    runAsNonRoot: false\n"
      "    runAsUser: 0\n"
      "    seccompProfile: {type: Unconfined}\n"
      "  containers:\n"
      "    - name: a\n"
      "      securityContext: {runAsNonRoot: false, runAsUser: 0,\n"
      "                        seccompProfile: {type: bar}, capabilities: {add: [FOO]}}\n"
      "    - name: b\n"
      "      securityContext: {runAsNonRoot: false, runAsUser: 0, allowPrivilegeEscalation: true,\n"
      "                        seccompProfile: {type: Unconfined},\n"
      "                        capabilities: {drop: [ALL], add: [BAR, NET_BIND_SERVICE, BAZ]}}\n"
      "    - name: c\n"
      "      securityContext: {allowPrivilegeEscalation: false,\n"
      "                        capabilities: {drop: [all]}}\n"
      "  volumes:\n"
      "    - {name: a, hostPath: {path: /}}\n"
      "    - {name: b, nfs: {server: s, path: /}}\n"
      "    - {name: c, image: {reference: 'registry/x:1'}}\n"
      "    - {name: d}\n");
  // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): long messages split over lines
  EXPECT_EQ(
      Eval(*l, kRestrictedLatest),
      (Strings{"allowPrivilegeEscalation: allowPrivilegeEscalation != false (containers \"a\", "
               "\"b\" must set securityContext.allowPrivilegeEscalation=false)",
               "capabilities_restricted: unrestricted capabilities (containers \"a\", \"c\" must "
               "set securityContext.capabilities.drop=[\"ALL\"]; containers \"a\", \"b\" must not "
               "include \"BAR\", \"BAZ\", \"FOO\" in securityContext.capabilities.add)",
               "restrictedVolumes: restricted volume types (volumes \"a\", \"b\" use restricted "
               "volume types \"hostPath\", \"nfs\")",
               "runAsNonRoot: runAsNonRoot != true (pod and containers \"a\", \"b\" must not set "
               "securityContext.runAsNonRoot=false)",
               "runAsUser: runAsUser=0 (pod and containers \"a\", \"b\" must not set runAsUser=0)",
               "seccompProfile_restricted: seccompProfile (pod and containers \"a\", \"b\" must "
               "not set securityContext.seccompProfile.type to \"Unconfined\", \"bar\")"}));
}

TEST(WordingTest, ImplicitRestrictedViolations) {
  auto l = LoadPod(
      "  containers:\n"
      "    - {name: a, securityContext: {allowPrivilegeEscalation: false,\n"
      "                                  capabilities: {drop: [ALL]}}}\n"
      "    - {name: b, securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true,\n"
      "                                  seccompProfile: {type: Localhost},\n"
      "                                  capabilities: {drop: [ALL]}}}\n");
  EXPECT_EQ(Eval(*l, kRestrictedLatest),
            (Strings{"runAsNonRoot: runAsNonRoot != true (pod or container \"a\" must set "
                     "securityContext.runAsNonRoot=true)",
                     "seccompProfile_restricted: seccompProfile (pod or container \"a\" must set "
                     "securityContext.seccompProfile.type to \"RuntimeDefault\" or "
                     "\"Localhost\")"}));
}

TEST(WordingTest, SeccompAnnotationsBeforeV119) {
  auto l = LoadPod("  containers: [{name: a}, {name: b}, {name: c}]\n",
                   "    seccomp.security.alpha.kubernetes.io/pod: bogus\n"
                   "    container.seccomp.security.alpha.kubernetes.io/a: unconfined\n"
                   "    container.seccomp.security.alpha.kubernetes.io/b: docker/default\n"
                   "    container.seccomp.security.alpha.kubernetes.io/c: ''\n"
                   "    container.seccomp.security.alpha.kubernetes.io/zz: unconfined\n");
  EXPECT_EQ(Eval(*l, Baseline(18)),
            (Strings{"seccompProfile_baseline: seccompProfile (forbidden annotations "
                     "container.seccomp.security.alpha.kubernetes.io/a=\"unconfined\", "
                     "container.seccomp.security.alpha.kubernetes.io/c=\"\", "
                     "seccomp.security.alpha.kubernetes.io/pod=\"bogus\")"}));
  // From v1.19 the fields decide; the annotations are not read.
  EXPECT_TRUE(Evaluate(l->pod(), Baseline(19)).allowed());
}

// -------------------------------------------------------------------------------------------------
// Inheritance, container kinds, Windows, user namespaces

TEST(InheritanceTest, PodLevelValuesCoverContainersThatSetNothing) {
  auto l = LoadPod(kPodHardened +
                   "  containers:\n"
                   "    - name: a\n" +
                   kContainerHardened);
  EXPECT_TRUE(Evaluate(l->pod(), kRestrictedLatest).allowed());
  // A container's own value wins over the pod's, in both directions.
  auto own =
      LoadPod(kPodHardened +
              "  containers:\n"
              "    - name: a\n"
              "      securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: false,\n"
              "        seccompProfile: {type: Unconfined}, capabilities: {drop: [ALL]}}\n");
  EXPECT_EQ(Eval(*own, kRestrictedLatest),
            (Strings{"runAsNonRoot: runAsNonRoot != true (container \"a\" must not set "
                     "securityContext.runAsNonRoot=false)",
                     "seccompProfile_restricted: seccompProfile (container \"a\" must not set "
                     "securityContext.seccompProfile.type to \"Unconfined\")"}));
  // A bad pod-level profile is reported even when every container sets a good one.
  auto bad_pod = LoadPod(
      "  securityContext: {runAsNonRoot: true, seccompProfile: {type: Unconfined}}\n"
      "  containers:\n"
      "    - name: a\n"
      "      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]},\n"
      "                        seccompProfile: {type: RuntimeDefault}}\n");
  EXPECT_EQ(Eval(*bad_pod, kRestrictedLatest),
            (Strings{"seccompProfile_restricted: seccompProfile (pod must not set "
                     "securityContext.seccompProfile.type to \"Unconfined\")"}));
  // A profile without a type is explicit and invalid.
  auto no_type = LoadPod(
      "  securityContext: {runAsNonRoot: true, seccompProfile: {localhostProfile: x}}\n"
      "  containers:\n"
      "    - name: a\n" +
      kContainerHardened);
  EXPECT_EQ(Eval(*no_type, kBaselineLatest),
            (Strings{"seccompProfile_baseline: seccompProfile (pod must not set "
                     "securityContext.seccompProfile.type to \"\")"}));
}

TEST(ContainerKindsTest, InitAndEphemeralContainersInUpstreamOrder) {
  auto l = LoadPod(
      "  containers:\n"
      "    - {name: app, securityContext: {privileged: true}}\n"
      "  ephemeralContainers:\n"
      "    - {name: debug, securityContext: {privileged: true}}\n"
      "  initContainers:\n"
      "    - {name: init, securityContext: {privileged: true}}\n");
  const Verdict verdict = Evaluate(l->pod(), kBaselineLatest);
  EXPECT_EQ(Texts(verdict),
            (Strings{"privileged: privileged (containers \"init\", \"app\", \"debug\" must not set "
                     "securityContext.privileged=true)"}));
  ASSERT_EQ(verdict.violations.size(), 1U);
  EXPECT_EQ(verdict.violations[0].path, "spec.initContainers[0].securityContext.privileged");
  EXPECT_EQ(verdict.violations[0].node->text(), "true");

  auto ephemeral_only = LoadPod(kPodHardened +
                                "  containers:\n"
                                "    - name: app\n" +
                                kContainerHardened +
                                "  ephemeralContainers:\n"
                                "    - name: debug\n");
  EXPECT_EQ(Eval(*ephemeral_only, kRestrictedLatest),
            (Strings{"allowPrivilegeEscalation: allowPrivilegeEscalation != false (container "
                     "\"debug\" must set securityContext.allowPrivilegeEscalation=false)",
                     "capabilities_restricted: unrestricted capabilities (container \"debug\" must "
                     "set securityContext.capabilities.drop=[\"ALL\"])"}));
}

TEST(WindowsTest, LinuxOnlyRestrictedChecksSkipWindowsPodsFromV125) {
  auto l = LoadPod(
      "  os: {name: windows}\n"
      "  securityContext: {runAsNonRoot: true}\n"
      "  containers: [{name: a}]\n");
  EXPECT_TRUE(Evaluate(l->pod(), Restricted(25)).allowed());
  EXPECT_TRUE(Evaluate(l->pod(), kRestrictedLatest).allowed());
  EXPECT_EQ(Eval(*l, Restricted(24)),
            (Strings{"allowPrivilegeEscalation: allowPrivilegeEscalation != false (container \"a\" "
                     "must set securityContext.allowPrivilegeEscalation=false)",
                     "capabilities_restricted: unrestricted capabilities (container \"a\" must set "
                     "securityContext.capabilities.drop=[\"ALL\"])",
                     "seccompProfile_restricted: seccompProfile (pod or container \"a\" must set "
                     "securityContext.seccompProfile.type to \"RuntimeDefault\" or "
                     "\"Localhost\")"}));
  // runAsNonRoot still applies to Windows pods. capabilities_restricted, which skips them,
  // overrides capabilities_baseline at restricted: upstream's restricted then accepts a capability
  // its baseline refuses (pod validation rejects capabilities on Windows pods anyway).
  auto root = LoadPod(
      "  os: {name: windows}\n"
      "  containers: [{name: a, securityContext: {capabilities: {add: [SYS_ADMIN]}}}]\n");
  EXPECT_EQ(Eval(*root, kRestrictedLatest),
            (Strings{"runAsNonRoot: runAsNonRoot != true (pod or container \"a\" must set "
                     "securityContext.runAsNonRoot=true)"}));
  EXPECT_EQ(Eval(*root, kBaselineLatest),
            (Strings{"capabilities_baseline: non-default capabilities (container \"a\" must not "
                     "include \"SYS_ADMIN\" in securityContext.capabilities.add)"}));
  // Only the exact OS name counts.
  auto linux_named =
      LoadPod("  os: {name: Windows}\n" + kPodHardened + "  containers: [{name: a}]\n");
  EXPECT_FALSE(Evaluate(linux_named->pod(), kRestrictedLatest).allowed());
}

TEST(UserNamespaceTest, RelaxationsFromV135) {
  auto l = LoadPod(
      "  hostUsers: false\n"
      "  securityContext: {seccompProfile: {type: RuntimeDefault}, runAsUser: 0}\n"
      "  containers:\n"
      "    - name: a\n"
      "      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]},\n"
      "                        procMount: Unmasked}\n");
  EXPECT_EQ(Eval(*l, Restricted(35)),
            (Strings{"procMount_restricted: procMount (container \"a\" must not set "
                     "securityContext.procMount to \"Unmasked\")"}));
  EXPECT_TRUE(Evaluate(l->pod(), Baseline(35)).allowed());
  EXPECT_EQ(Eval(*l, Baseline(34)),
            (Strings{"procMount: procMount (container \"a\" must not set securityContext.procMount "
                     "to \"Unmasked\")"}));
  EXPECT_EQ(Eval(*l, Restricted(34)),
            (Strings{"procMount: procMount (container \"a\" must not set securityContext.procMount "
                     "to \"Unmasked\")",
                     "runAsNonRoot: runAsNonRoot != true (pod or container \"a\" must set "
                     "securityContext.runAsNonRoot=true)",
                     "runAsUser: runAsUser=0 (pod must not set runAsUser=0)"}));
  // hostUsers must be the boolean false; anything else relaxes nothing.
  auto quoted = LoadPod(
      "  hostUsers: 'false'\n"
      "  containers: [{name: a, securityContext: {procMount: Unmasked}}]\n",
      "", 1);
  EXPECT_FALSE(Evaluate(quoted->pod(), kBaselineLatest).allowed());
}

// -------------------------------------------------------------------------------------------------
// Version boundaries

bool Allowed(const Loaded& l, const LevelVersion& policy) {
  return Evaluate(l.pod(), policy).allowed();
}

TEST(VersionBoundaryTest, RestrictedChecksStartAtTheirVersions) {
  // Nothing set: restricted v1.0 asks only for runAsNonRoot.
  auto bare = LoadPod("  securityContext: {runAsNonRoot: true}\n  containers: [{name: a}]\n");
  EXPECT_TRUE(Allowed(*bare, Restricted(7)));
  EXPECT_EQ(Eval(*bare, Restricted(8)),
            (Strings{"allowPrivilegeEscalation: allowPrivilegeEscalation != false (container \"a\" "
                     "must set securityContext.allowPrivilegeEscalation=false)"}));
  auto escalation_off = LoadPod(
      "  securityContext: {runAsNonRoot: true, runAsUser: 0}\n"
      "  containers: [{name: a, securityContext: {allowPrivilegeEscalation: false}}]\n");
  EXPECT_TRUE(Allowed(*escalation_off, Restricted(18)));
  EXPECT_EQ(Ids(Restricted(18)).size(), 13U);
  Strings at19 = Eval(*escalation_off, Restricted(19));
  ASSERT_EQ(at19.size(), 1U);
  EXPECT_EQ(at19[0].substr(0, 26), "seccompProfile_restricted:");
  auto seccomp = LoadPod(
      "  securityContext: {runAsNonRoot: true, runAsUser: 0,\n"
      "                    seccompProfile: {type: RuntimeDefault}}\n"
      "  containers: [{name: a, securityContext: {allowPrivilegeEscalation: false}}]\n");
  EXPECT_TRUE(Allowed(*seccomp, Restricted(21)));
  EXPECT_EQ(Eval(*seccomp, Restricted(22)),
            (Strings{"capabilities_restricted: unrestricted capabilities (container \"a\" must set "
                     "securityContext.capabilities.drop=[\"ALL\"])"}));
  auto caps = LoadPod(
      "  securityContext: {runAsNonRoot: true, runAsUser: 0,\n"
      "                    seccompProfile: {type: RuntimeDefault}}\n"
      "  containers:\n"
      "    - name: a\n" +
      kContainerHardened);
  EXPECT_TRUE(Allowed(*caps, Restricted(22)));
  EXPECT_EQ(Eval(*caps, Restricted(23)),
            (Strings{"runAsUser: runAsUser=0 (pod must not set runAsUser=0)"}));
}

TEST(VersionBoundaryTest, CapabilitiesBaselineRunsAtRestrictedBeforeV122) {
  auto l =
      LoadPod(kPodHardened +
              "  containers: [{name: a, securityContext: {allowPrivilegeEscalation: false,\n"
              "                                           capabilities: {add: [NET_RAW]}}}]\n");
  EXPECT_EQ(Eval(*l, Restricted(21)),
            (Strings{"capabilities_baseline: non-default capabilities (container \"a\" must not "
                     "include \"NET_RAW\" in securityContext.capabilities.add)"}));
}

TEST(VersionBoundaryTest, BaselineAdditions) {
  auto probes =
      LoadPod("  containers: [{name: a, livenessProbe: {tcpSocket: {port: 1, host: x}}}]\n");
  EXPECT_TRUE(Allowed(*probes, Baseline(33)));
  EXPECT_FALSE(Allowed(*probes, Baseline(34)));

  auto selinux = LoadPod(
      "  securityContext: {seLinuxOptions: {type: container_engine_t}}\n"
      "  containers: [{name: a}]\n");
  EXPECT_FALSE(Allowed(*selinux, Baseline(30)));
  EXPECT_TRUE(Allowed(*selinux, Baseline(31)));

  auto sysctl = [](const std::string& name) {
    return LoadPod("  securityContext: {sysctls: [{name: " + name +
                   ", value: '1'}]}\n  containers: [{name: a}]\n");
  };
  const std::pair<std::string, int> since_version[] = {{"net.ipv4.ip_unprivileged_port_start", 0},
                                                       {"net.ipv4.ip_local_reserved_ports", 27},
                                                       {"net.ipv4.tcp_fin_timeout", 29},
                                                       {"net.ipv4.tcp_rmem", 32},
                                                       {"net.ipv4.tcp_notsent_lowat", 37}};
  for (const auto& [name, since] : since_version) {
    auto l = sysctl(name);
    if (since > 0) {
      EXPECT_FALSE(Allowed(*l, Baseline(since - 1))) << name;
    }
    EXPECT_TRUE(Allowed(*l, Baseline(since))) << name;
    EXPECT_TRUE(Allowed(*l, kBaselineLatest)) << name;
  }
  // Exact names: the slash form and other case are not on the list.
  EXPECT_FALSE(Allowed(*sysctl("net/ipv4/tcp_syncookies"), kBaselineLatest));
  EXPECT_FALSE(Allowed(*sysctl("Kernel.shm_rmid_forced"), kBaselineLatest));
}

// -------------------------------------------------------------------------------------------------
// Values the API server would decode differently, or reject

TEST(ValuesTest, WrongTypesNeverPass) {
  auto l = LoadPod(
      "  securityContext: {runAsNonRoot: 'true', seccompProfile: {type: RuntimeDefault}}\n"
      "  containers:\n"
      "    - name: a\n"
      "      securityContext: {privileged: 'true', allowPrivilegeEscalation: 'false',\n"
      "                        capabilities: {drop: [ALL]}}\n",
      "", 3);
  EXPECT_EQ(Eval(*l, kRestrictedLatest),
            (Strings{"privileged: privileged (container \"a\" must not set "
                     "securityContext.privileged=true)",
                     "allowPrivilegeEscalation: allowPrivilegeEscalation != false (container \"a\" "
                     "must set securityContext.allowPrivilegeEscalation=false)",
                     "runAsNonRoot: runAsNonRoot != true (pod must not set "
                     "securityContext.runAsNonRoot=false)"}));
  // Null is unset.
  auto nulls = LoadPod(
      "  hostNetwork: null\n"
      "  securityContext: {seccompProfile: null, runAsNonRoot: true}\n"
      "  containers: [{name: a, securityContext: {privileged: null, procMount: null}}]\n");
  EXPECT_TRUE(Allowed(*nulls, kBaselineLatest));
}

TEST(ValuesTest, Volumes) {
  auto l = LoadPod(kPodHardened +
                   "  containers:\n"
                   "    - name: a\n" +
                   kContainerHardened +
                   "  volumes:\n"
                   "    - {name: defaulted}\n"
                   "    - {name: image, image: {reference: 'r/x:1'}}\n"
                   "    - {name: pvc, persistentVolumeClaim: {claimName: c}}\n"
                   "    - {name: null-host, hostPath: null, emptyDir: {}}\n"
                   "    - {name: unknown-source, fooVolume: {x: 1}}\n");
  EXPECT_TRUE(Allowed(*l, kRestrictedLatest));
  // A forbidden source beside an allowed one is reported (the API server rejects the volume).
  auto both = LoadPod(kPodHardened +
                      "  containers:\n"
                      "    - name: a\n" +
                      kContainerHardened +
                      "  volumes:\n"
                      "    - {name: v, emptyDir: {}, hostPath: {path: /}}\n");
  EXPECT_EQ(Eval(*both, kRestrictedLatest),
            (Strings{"restrictedVolumes: restricted volume types (volume \"v\" uses restricted "
                     "volume type \"hostPath\")"}));
  EXPECT_EQ(Eval(*both, kBaselineLatest),
            (Strings{"hostPathVolumes: hostPath volumes (volume \"v\")"}));
}

// -------------------------------------------------------------------------------------------------
// Locations, single checks, strictest level, allocations

TEST(LocationTest, MissingFieldsPointAtTheClosestNode) {
  auto l = Load(
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata: {name: d}\n"
      "spec:\n"
      "  template:\n"
      "    spec:\n"
      "      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n"
      "      containers:\n"
      "        - name: a\n"
      "          securityContext:\n"
      "            capabilities: {drop: [ALL]}\n");
  const Verdict verdict = Evaluate(l->pod(), kRestrictedLatest);
  ASSERT_EQ(verdict.violations.size(), 1U);
  const Violation& v = verdict.violations[0];
  EXPECT_EQ(v.check->id, "allowPrivilegeEscalation");
  EXPECT_EQ(v.path, "spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation");
  ASSERT_NE(v.node, nullptr);
  EXPECT_EQ(v.node->text(), "securityContext");
  EXPECT_EQ(v.node->line(), 10U);
}

TEST(LocationTest, ListItemsAndAnnotations) {
  auto l = Load(
      "apiVersion: v1\n"
      "kind: List\n"
      "items:\n"
      "  - apiVersion: v1\n"
      "    kind: Pod\n"
      "    metadata:\n"
      "      name: p\n"
      "      annotations:\n"
      "        container.apparmor.security.beta.kubernetes.io/a: unconfined\n"
      "    spec:\n"
      "      containers: [{name: a}]\n"
      "      volumes: [{name: h, hostPath: {path: /}}]\n");
  const Verdict verdict = Evaluate(l->pod(), kBaselineLatest);
  ASSERT_EQ(verdict.violations.size(), 2U);
  EXPECT_EQ(verdict.violations[0].path,
            "items[0].metadata.annotations[\"container.apparmor.security.beta.kubernetes.io/a\"]");
  EXPECT_EQ(verdict.violations[0].node->text(), "unconfined");
  EXPECT_EQ(verdict.violations[1].path, "items[0].spec.volumes[0].hostPath");
}

TEST(SingleCheckTest, OnlyEvaluatesTheCheckWhenItApplies) {
  auto l = LoadPod(
      "  hostPID: true\n"
      "  securityContext: {runAsUser: 0}\n"
      "  containers: [{name: a, securityContext: {privileged: true}}]\n");
  const CheckDescriptor* run_as_user = &AllChecks()[17];
  ASSERT_EQ(run_as_user->id, "runAsUser");
  EXPECT_EQ(Texts(Evaluate(l->pod(), kRestrictedLatest, run_as_user)),
            (Strings{"runAsUser: runAsUser=0 (pod must not set runAsUser=0)"}));
  EXPECT_TRUE(Evaluate(l->pod(), Restricted(22), run_as_user).allowed());
  EXPECT_TRUE(Evaluate(l->pod(), kBaselineLatest, run_as_user).allowed());
  // An overridden check does not run at restricted.
  auto h = LoadPod("  containers: [{name: a}]\n  volumes: [{name: h, hostPath: {path: /}}]\n");
  EXPECT_TRUE(Evaluate(h->pod(), kRestrictedLatest, &AllChecks()[3]).allowed());
  EXPECT_FALSE(Evaluate(h->pod(), kBaselineLatest, &AllChecks()[3]).allowed());
  // A descriptor that is not from the table evaluates nothing.
  CheckDescriptor copy = AllChecks()[6];
  EXPECT_TRUE(Evaluate(l->pod(), kBaselineLatest, &copy).allowed());
}

TEST(StrictestLevelTest, PicksTheStrictestSatisfiedLevel) {
  auto hardened = LoadPod(kPodHardened +
                          "  containers:\n"
                          "    - name: a\n" +
                          kContainerHardened);
  EXPECT_EQ(StrictestLevel(hardened->pod(), Version::Latest()), Level::kRestricted);
  auto plain = LoadPod("  containers: [{name: a}]\n");
  EXPECT_EQ(StrictestLevel(plain->pod(), Version::Latest()), Level::kBaseline);
  EXPECT_EQ(StrictestLevel(plain->pod(), Version::Of(7)), Level::kBaseline);
  auto host = LoadPod("  hostNetwork: true\n  containers: [{name: a}]\n");
  EXPECT_EQ(StrictestLevel(host->pod(), Version::Latest()), Level::kPrivileged);
  EXPECT_TRUE(Evaluate(host->pod(), {Level::kPrivileged, Version::Latest()}).allowed());
}

TEST(AllocationTest, AllowedPodsAllocateNothing) {
  if (!CENTINELA_COUNT_ALLOCATIONS) GTEST_SKIP() << "allocations are not counted under ASan";
  auto l = Load(
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata: {name: d, annotations: {a: b}}\n"
      "spec:\n"
      "  template:\n"
      "    metadata:\n"
      "      annotations: {container.apparmor.security.beta.kubernetes.io/app: runtime/default}\n"
      "    spec:\n"
      "      securityContext: {runAsNonRoot: true, runAsUser: 1000,\n"
      "                        seccompProfile: {type: RuntimeDefault},\n"
      "                        sysctls: [{name: net.ipv4.tcp_syncookies, value: '1'}]}\n"
      "      initContainers:\n"
      "        - name: init\n"
      "          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n"
      "      containers:\n"
      "        - name: app\n"
      "          ports: [{containerPort: 8080}]\n"
      "          livenessProbe: {httpGet: {path: /, port: 8080}}\n"
      "          securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true,\n"
      "                            capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}\n"
      "      volumes: [{name: c, configMap: {name: c}}, {name: t, emptyDir: {}}]\n");
  const k8s::PodView& pod = l->pod();
  for (const LevelVersion& policy :
       {kRestrictedLatest, kBaselineLatest, Restricted(0), Restricted(18), Restricted(24)}) {
    const size_t before = g_allocations.load();
    const Verdict verdict = Evaluate(pod, policy);
    const Level strictest = StrictestLevel(pod, policy.version);
    const size_t after = g_allocations.load();
    EXPECT_TRUE(verdict.allowed()) << policy.ToString();
    EXPECT_EQ(strictest, Level::kRestricted);
    EXPECT_EQ(after - before, 0U) << policy.ToString();
  }
}

}  // namespace
}  // namespace centinela::pss
