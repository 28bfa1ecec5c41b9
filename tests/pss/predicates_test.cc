#include "pss/predicates.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "doc/path.h"
#include "k8s/snapshot.h"

namespace centinela::pss {
namespace {

// One parsed input and its snapshot; the pod view of its first workload.
struct Loaded {
  doc::Corpus corpus;
  k8s::Snapshot snapshot;
  const k8s::PodView& pod() const { return snapshot.pod_views().front(); }
  const k8s::ContainerView& container(size_t i) const { return pod().containers.at(i); }
};

std::unique_ptr<Loaded> Load(const std::string& yaml) {
  auto loaded = std::make_unique<Loaded>();
  core::DiagnosticSink sink;
  loaded->corpus.AddText("test.yaml", yaml, sink);
  loaded->snapshot = k8s::Snapshot::Build(loaded->corpus.documents(), sink);
  EXPECT_FALSE(loaded->snapshot.pod_views().empty()) << yaml;
  return loaded;
}

std::unique_ptr<Loaded> LoadPod(const std::string& spec, const std::string& annotations = "") {
  std::string yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n";
  if (!annotations.empty()) yaml += "  annotations:\n" + annotations;
  return Load(yaml + "spec:\n" + spec);
}

TEST(LocateTest, ReturnsTheValueWhenPresent) {
  auto l = LoadPod(
      "  containers:\n"
      "    - name: app\n"
      "      securityContext:\n"
      "        privileged: true\n");
  Field f = Locate(l->container(0).node, l->container(0).path, {"securityContext", "privileged"});
  EXPECT_TRUE(f.set);
  EXPECT_EQ(f.path, "spec.containers[0].securityContext.privileged");
  EXPECT_EQ(f.node->line(), 9U);
  EXPECT_EQ(f.node->text(), "true");
}

TEST(LocateTest, ReturnsTheClosestKeyWhenAbsent) {
  auto l = LoadPod(
      "  containers:\n"
      "    - name: app\n"
      "      securityContext:\n"
      "        runAsUser: 1\n"
      "    - name: bare\n"
      "      image: x\n");
  Field f = Locate(l->container(0).node, l->container(0).path, {"securityContext", "privileged"});
  EXPECT_FALSE(f.set);
  EXPECT_EQ(f.path, "spec.containers[0].securityContext.privileged");
  EXPECT_EQ(f.node->line(), 8U);  // the `securityContext:` key
  EXPECT_EQ(f.node->text(), "securityContext");
  Field g = Locate(l->container(1).node, l->container(1).path, {"securityContext", "privileged"});
  EXPECT_FALSE(g.set);
  EXPECT_EQ(g.node, l->container(1).node);  // the container itself, line of `- name: bare`
  EXPECT_EQ(g.node->line(), 10U);
}

TEST(LocateTest, NullCountsAsAbsent) {
  auto l = LoadPod(
      "  containers:\n"
      "    - name: app\n"
      "      securityContext:\n"
      "        privileged: null\n");
  Field f = Locate(l->container(0).node, l->container(0).path, {"securityContext", "privileged"});
  EXPECT_FALSE(f.set);
  EXPECT_EQ(f.node->text(), "privileged");
  EXPECT_EQ(f.node->line(), 9U);
}

TEST(LocateTest, PathsMatchFieldPath) {
  auto l = LoadPod("  containers: [{name: app}]\n",
                   "    \"container.apparmor.security.beta.kubernetes.io/app\": unconfined\n");
  for (std::string_view key : {std::string_view("plain_key-1"), std::string_view("a.b/c"),
                               std::string_view("say \"hi\"")}) {
    Field f = Locate(l->pod().metadata, "items[2].metadata", {"annotations", key});
    EXPECT_EQ(f.path, doc::FieldPath("items[2].metadata").Key("annotations").Key(key).str());
  }
  Field root = Locate(l->pod().metadata, "", {"annotations"});
  EXPECT_EQ(root.path, "annotations");
}

TEST(ValueTest, ReadBoolAndTruthiness) {
  auto l = LoadPod(
      "  containers:\n"
      "    - name: app\n"
      "      env:\n"
      "        - {name: a, value: \"true\"}\n"
      "        - {name: b, value: yes}\n"
      "        - {name: c, value: \"FALSE\"}\n"
      "        - {name: d, value: null}\n"
      "        - {name: e, value: 1}\n");
  auto env = l->container(0).node->Get("env")->items();
  EXPECT_EQ(ReadBool(env[0]->Get("value")), BoolValue::kInvalid);
  EXPECT_TRUE(IsTruthy(env[0]->Get("value")));
  EXPECT_EQ(ReadBool(env[1]->Get("value")), BoolValue::kTrue);
  EXPECT_TRUE(IsTruthy(env[1]->Get("value")));
  EXPECT_EQ(ReadBool(env[2]->Get("value")), BoolValue::kInvalid);
  EXPECT_FALSE(IsTruthy(env[2]->Get("value")));
  EXPECT_EQ(ReadBool(env[3]->Get("value")), BoolValue::kUnset);
  EXPECT_EQ(ReadBool(env[4]->Get("value")), BoolValue::kInvalid);
  EXPECT_FALSE(IsTruthy(env[4]->Get("value")));
  EXPECT_EQ(ReadBool(nullptr), BoolValue::kUnset);
  EXPECT_EQ(ValueText(env[0]->Get("value")), "\"true\"");
  EXPECT_EQ(ValueText(env[1]->Get("value")), "yes");
  EXPECT_EQ(ValueText(env[3]->Get("value")), "null");
  EXPECT_EQ(ValueText(env[0]->Get("name")), "a");
}

TEST(HostNamespaceTest, OnlyTrueShares) {
  auto l = LoadPod(
      "  hostNetwork: true\n"
      "  hostPID: false\n"
      "  containers: [{name: app}]\n");
  auto network = SharedHostNamespace(l->pod(), HostNamespace::kNetwork);
  ASSERT_TRUE(network.has_value());
  EXPECT_EQ(network->path, "spec.hostNetwork");
  EXPECT_EQ(network->node->line(), 6U);
  EXPECT_FALSE(SharedHostNamespace(l->pod(), HostNamespace::kPid).has_value());
  EXPECT_FALSE(SharedHostNamespace(l->pod(), HostNamespace::kIpc).has_value());
  EXPECT_EQ(FieldName(HostNamespace::kIpc), "hostIPC");
}

TEST(HostPathTest, ListsHostPathVolumes) {
  auto l = LoadPod(
      "  containers: [{name: app}]\n"
      "  volumes:\n"
      "    - name: cfg\n"
      "      configMap: {name: x}\n"
      "    - name: sock\n"
      "      hostPath:\n"
      "        path: /var/run/docker.sock\n"
      "    - name: empty\n"
      "      hostPath: {}\n"
      "    - name: nulled\n"
      "      hostPath: null\n");
  auto volumes = HostPathVolumes(l->pod());
  ASSERT_EQ(volumes.size(), 2U);
  EXPECT_EQ(volumes[0].volume, "sock");
  EXPECT_EQ(volumes[0].path, "/var/run/docker.sock");
  EXPECT_EQ(volumes[0].field_path, "spec.volumes[1].hostPath.path");
  EXPECT_EQ(volumes[0].node->line(), 12U);
  EXPECT_EQ(volumes[1].volume, "empty");
  EXPECT_EQ(volumes[1].path, "");
  EXPECT_EQ(volumes[1].node->text(), "hostPath");
}

TEST(SysctlTest, SafeSetFollowsPolicyVersions) {
  EXPECT_TRUE(IsSafeSysctl("kernel.shm_rmid_forced", 0));
  EXPECT_TRUE(IsSafeSysctl("net.ipv4.ip_unprivileged_port_start", 22));
  EXPECT_FALSE(IsSafeSysctl("net.ipv4.ip_local_reserved_ports", 26));
  EXPECT_TRUE(IsSafeSysctl("net.ipv4.ip_local_reserved_ports", 27));
  EXPECT_FALSE(IsSafeSysctl("net.ipv4.tcp_keepalive_time", 28));
  EXPECT_TRUE(IsSafeSysctl("net.ipv4.tcp_keepalive_time", 29));
  EXPECT_FALSE(IsSafeSysctl("net.ipv4.tcp_rmem", 31));
  EXPECT_TRUE(IsSafeSysctl("net.ipv4.tcp_wmem", 32));
  EXPECT_TRUE(IsSafeSysctl("net.ipv4.tcp_wmem"));
  EXPECT_FALSE(IsSafeSysctl("net.ipv4.tcp_notsent_lowat", 36));
  EXPECT_TRUE(IsSafeSysctl("net.ipv4.tcp_notsent_lowat", 37));
  EXPECT_TRUE(IsSafeSysctl("net.ipv4.tcp_slow_start_after_idle"));
  EXPECT_FALSE(IsSafeSysctl("kernel.msgmax"));
  EXPECT_FALSE(IsSafeSysctl("net/ipv4/tcp_syncookies"));  // upstream compares names exactly
  EXPECT_FALSE(IsSafeSysctl("NET.IPV4.TCP_SYNCOOKIES"));
}

TEST(SysctlTest, NormalizesSlashSeparatedNames) {
  EXPECT_EQ(NormalizeSysctlName("net/ipv4/tcp_syncookies"), "net.ipv4.tcp_syncookies");
  EXPECT_EQ(NormalizeSysctlName("net/ipv4/conf/eno2.100/rp_filter"),
            "net.ipv4.conf.eno2/100.rp_filter");
  EXPECT_EQ(NormalizeSysctlName("net.ipv4.conf.eno2/100.rp_filter"),
            "net.ipv4.conf.eno2/100.rp_filter");
  EXPECT_EQ(NormalizeSysctlName("kernel"), "kernel");
}

TEST(SysctlTest, ListsPodSysctls) {
  auto l = LoadPod(
      "  securityContext:\n"
      "    sysctls:\n"
      "      - {name: kernel.shm_rmid_forced, value: \"0\"}\n"
      "      - name: kernel.msgmax\n"
      "        value: \"65536\"\n"
      "  containers: [{name: app}]\n");
  auto sysctls = Sysctls(l->pod());
  ASSERT_EQ(sysctls.size(), 2U);
  EXPECT_EQ(sysctls[1].name, "kernel.msgmax");
  EXPECT_EQ(sysctls[1].path, "spec.securityContext.sysctls[1].name");
  EXPECT_EQ(sysctls[1].node->line(), 9U);
}

TEST(PrivilegedTest, ContainerAndHostProcess) {
  auto l = LoadPod(
      "  securityContext:\n"
      "    windowsOptions: {hostProcess: true}\n"
      "  containers:\n"
      "    - name: a\n"
      "      securityContext: {privileged: true}\n"
      "    - name: b\n"
      "      securityContext:\n"
      "        windowsOptions: {hostProcess: false}\n");
  EXPECT_TRUE(Privileged(l->container(0)).has_value());
  EXPECT_FALSE(Privileged(l->container(1)).has_value());
  auto a = HostProcess(l->pod(), l->container(0));
  ASSERT_TRUE(a.has_value());
  EXPECT_TRUE(a->inherited);
  EXPECT_EQ(a->path, "spec.securityContext.windowsOptions.hostProcess");
  EXPECT_FALSE(HostProcess(l->pod(), l->container(1)).has_value());
}

TEST(EscalationTest, Causes) {
  auto l = LoadPod(
      "  containers:\n"
      "    - name: unset\n"
      "    - name: explicit\n"
      "      securityContext: {allowPrivilegeEscalation: true}\n"
      "    - name: string\n"
      "      securityContext: {allowPrivilegeEscalation: \"false\"}\n"
      "    - name: privileged\n"
      "      securityContext: {allowPrivilegeEscalation: false, privileged: true}\n"
      "    - name: sysadmin\n"
      "      securityContext:\n"
      "        allowPrivilegeEscalation: false\n"
      "        capabilities: {add: [CHOWN, CAP_SYS_ADMIN]}\n"
      "    - name: safe\n"
      "      securityContext: {allowPrivilegeEscalation: false, capabilities: {add: [CHOWN]}}\n");
  EXPECT_EQ(AllowsPrivilegeEscalation(l->container(0)).cause, EscalationCause::kUnset);
  EXPECT_EQ(AllowsPrivilegeEscalation(l->container(1)).cause, EscalationCause::kExplicitTrue);
  EXPECT_EQ(AllowsPrivilegeEscalation(l->container(2)).cause, EscalationCause::kInvalidValue);
  PrivilegeEscalation privileged = AllowsPrivilegeEscalation(l->container(3));
  EXPECT_EQ(privileged.cause, EscalationCause::kPrivileged);
  EXPECT_EQ(privileged.field.path, "spec.containers[3].securityContext.privileged");
  PrivilegeEscalation sysadmin = AllowsPrivilegeEscalation(l->container(4));
  EXPECT_EQ(sysadmin.cause, EscalationCause::kSysAdmin);
  EXPECT_EQ(sysadmin.field.path, "spec.containers[4].securityContext.capabilities.add[1]");
  EXPECT_FALSE(AllowsPrivilegeEscalation(l->container(5)).allowed());
}

TEST(RunAsRootTest, EffectiveValues) {
  auto l = LoadPod(
      "  securityContext:\n"
      "    runAsUser: 0\n"
      "  containers:\n"
      "    - name: inherits-root\n"
      "    - name: own-user\n"
      "      securityContext: {runAsUser: 1000}\n"
      "    - name: non-root\n"
      "      securityContext: {runAsNonRoot: true}\n"
      "    - name: non-root-false\n"
      "      securityContext: {runAsNonRoot: false}\n");
  RunAsRoot inherited = RunsAsRoot(l->pod(), l->container(0));
  EXPECT_EQ(inherited.cause, RootCause::kRunAsUserZero);
  EXPECT_TRUE(inherited.field.inherited);
  EXPECT_EQ(inherited.field.path, "spec.securityContext.runAsUser");
  EXPECT_EQ(RunsAsRoot(l->pod(), l->container(1)).cause, RootCause::kNone);
  EXPECT_EQ(RunsAsRoot(l->pod(), l->container(2)).cause, RootCause::kNone);
  // runAsNonRoot: false with the pod's runAsUser: 0: explicit root wins the explanation.
  EXPECT_EQ(RunsAsRoot(l->pod(), l->container(3)).cause, RootCause::kRunAsUserZero);

  auto m = LoadPod(
      "  containers:\n"
      "    - name: nothing\n"
      "    - name: explicit\n"
      "      securityContext: {runAsNonRoot: false}\n");
  RunAsRoot nothing = RunsAsRoot(m->pod(), m->container(0));
  EXPECT_EQ(nothing.cause, RootCause::kNotSet);
  EXPECT_FALSE(nothing.field.set);
  EXPECT_EQ(nothing.field.path, "spec.containers[0].securityContext.runAsNonRoot");
  RunAsRoot non_root_false = RunsAsRoot(m->pod(), m->container(1));
  EXPECT_EQ(non_root_false.cause, RootCause::kRunAsNonRootFalse);
  EXPECT_FALSE(non_root_false.field.inherited);
}

TEST(CapabilitiesTest, NormalizationAndDropAll) {
  EXPECT_EQ(NormalizeCapability("cap_sys_admin"), "SYS_ADMIN");
  EXPECT_EQ(NormalizeCapability(" CAP_NET_RAW "), "NET_RAW");
  EXPECT_EQ(NormalizeCapability("net_admin"), "NET_ADMIN");
  EXPECT_EQ(NormalizeCapability("CAP_"), "CAP_");
  EXPECT_TRUE(IsBaselineCapability("NET_BIND_SERVICE"));
  EXPECT_TRUE(IsBaselineCapability("SYS_CHROOT"));
  EXPECT_FALSE(IsBaselineCapability("NET_RAW"));
  EXPECT_FALSE(IsBaselineCapability("CAP_CHOWN"));  // upstream compares exact names
  EXPECT_FALSE(IsBaselineCapability("chown"));

  auto l = LoadPod(
      "  containers:\n"
      "    - name: upper\n"
      "      securityContext: {capabilities: {drop: [NET_RAW, ALL]}}\n"
      "    - name: lower\n"
      "      securityContext: {capabilities: {drop: [all]}}\n"
      "    - name: prefixed\n"
      "      securityContext: {capabilities: {drop: [CAP_ALL]}}\n"
      "    - name: none\n");
  EXPECT_TRUE(DropsAllCapabilities(l->container(0)));
  EXPECT_TRUE(DropsAllCapabilities(l->container(1)));
  EXPECT_FALSE(DropsAllCapabilities(l->container(2)));
  EXPECT_FALSE(DropsAllCapabilities(l->container(3)));
  auto dropped = DroppedCapabilities(l->container(0));
  ASSERT_EQ(dropped.size(), 2U);
  EXPECT_EQ(dropped[1].name, "ALL");
  EXPECT_EQ(dropped[1].path, "spec.containers[0].securityContext.capabilities.drop[1]");
}

TEST(HostPortTest, NonZeroPortsOnly) {
  auto l = LoadPod(
      "  containers:\n"
      "    - name: app\n"
      "      ports:\n"
      "        - {containerPort: 80, hostPort: 8080}\n"
      "        - {containerPort: 81, hostPort: 0}\n"
      "        - {containerPort: 82}\n"
      "        - {hostPort: 9090}\n");
  auto ports = HostPorts(l->container(0));
  ASSERT_EQ(ports.size(), 2U);
  EXPECT_EQ(ports[0].port, 8080);
  EXPECT_EQ(ports[0].path, "spec.containers[0].ports[0].hostPort");
  ASSERT_NE(ports[0].container_port, nullptr);
  EXPECT_EQ(ports[0].container_port->text(), "80");
  EXPECT_EQ(ports[1].port, 9090);
  EXPECT_EQ(ports[1].container_port, nullptr);
}

TEST(ProfileTest, ParsesAnnotationsAndTypes) {
  EXPECT_EQ(ParseSeccompAnnotation("runtime/default"), ProfileType::kRuntimeDefault);
  EXPECT_EQ(ParseSeccompAnnotation("docker/default"), ProfileType::kRuntimeDefault);
  EXPECT_EQ(ParseSeccompAnnotation("localhost/p.json"), ProfileType::kLocalhost);
  EXPECT_EQ(ParseSeccompAnnotation("unconfined"), ProfileType::kUnconfined);
  EXPECT_EQ(ParseSeccompAnnotation(""), ProfileType::kOther);
  EXPECT_EQ(ParseSeccompAnnotation("Unconfined"), ProfileType::kOther);
  EXPECT_EQ(ParseAppArmorAnnotation(""), ProfileType::kUnset);
  EXPECT_EQ(ParseAppArmorAnnotation("runtime/default"), ProfileType::kRuntimeDefault);
  EXPECT_EQ(ParseAppArmorAnnotation("docker/default"), ProfileType::kOther);
  EXPECT_EQ(ParseAppArmorAnnotation("localhost/x"), ProfileType::kLocalhost);
  EXPECT_EQ(ParseAppArmorAnnotation("unconfined"), ProfileType::kUnconfined);
}

TEST(ProfileTest, SeccompPrecedence) {
  auto l = LoadPod(
      "  securityContext:\n"
      "    seccompProfile: {type: RuntimeDefault}\n"
      "  containers:\n"
      "    - name: inherits\n"
      "    - name: annotated\n"
      "    - name: field\n"
      "      securityContext:\n"
      "        seccompProfile: {type: Unconfined}\n"
      "    - name: no-type\n"
      "      securityContext:\n"
      "        seccompProfile: {localhostProfile: x}\n",
      "    container.seccomp.security.alpha.kubernetes.io/annotated: unconfined\n"
      "    seccomp.security.alpha.kubernetes.io/pod: unconfined\n");
  Profile inherits = EffectiveSeccomp(l->pod(), l->container(0));
  EXPECT_EQ(inherits.type, ProfileType::kRuntimeDefault);
  EXPECT_EQ(inherits.source,
            ProfileSource::kPodField);  // the pod field wins over the pod annotation
  EXPECT_TRUE(inherits.inherited);
  Profile annotated = EffectiveSeccomp(l->pod(), l->container(1));
  EXPECT_EQ(annotated.type, ProfileType::kUnconfined);
  EXPECT_EQ(annotated.source, ProfileSource::kContainerAnnotation);
  Field annotated_at = LocateSeccomp(annotated, l->pod(), &l->container(1));
  EXPECT_EQ(annotated_at.path,
            "metadata.annotations[\"container.seccomp.security.alpha.kubernetes.io/annotated\"]");
  EXPECT_EQ(annotated_at.node->line(), 6U);
  EXPECT_EQ(annotated.node, annotated_at.node);
  Profile field = EffectiveSeccomp(l->pod(), l->container(2));
  EXPECT_EQ(field.type, ProfileType::kUnconfined);
  EXPECT_EQ(field.source, ProfileSource::kContainerField);
  EXPECT_EQ(field.value, "Unconfined");
  Profile no_type = EffectiveSeccomp(l->pod(), l->container(3));
  EXPECT_EQ(no_type.type, ProfileType::kOther);
  EXPECT_EQ(no_type.source, ProfileSource::kContainerField);
  EXPECT_EQ(no_type.node, nullptr);
  Field no_type_at = LocateSeccomp(no_type, l->pod(), &l->container(3));
  EXPECT_FALSE(no_type_at.set);
  EXPECT_EQ(no_type_at.node->text(), "seccompProfile");
  EXPECT_EQ(no_type_at.path, "spec.containers[3].securityContext.seccompProfile.type");
  EXPECT_EQ(PodSeccomp(l->pod()).source, ProfileSource::kPodField);

  auto m = LoadPod("  containers: [{name: a}]\n",
                   "    seccomp.security.alpha.kubernetes.io/pod: unconfined\n");
  Profile pod_annotation = EffectiveSeccomp(m->pod(), m->container(0));
  EXPECT_EQ(pod_annotation.type, ProfileType::kUnconfined);
  EXPECT_EQ(pod_annotation.source, ProfileSource::kPodAnnotation);
  EXPECT_TRUE(pod_annotation.inherited);
  Field pod_annotation_at = LocateSeccomp(pod_annotation, m->pod(), &m->container(0));
  EXPECT_TRUE(pod_annotation_at.inherited);
  EXPECT_EQ(pod_annotation_at.path,
            "metadata.annotations[\"seccomp.security.alpha.kubernetes.io/pod\"]");

  auto n = LoadPod("  containers: [{name: a}]\n");
  Profile none = EffectiveSeccomp(n->pod(), n->container(0));
  EXPECT_EQ(none.type, ProfileType::kUnset);
  EXPECT_EQ(none.source, ProfileSource::kNone);
  EXPECT_EQ(LocateSeccomp(none, n->pod(), &n->container(0)).path,
            "spec.containers[0].securityContext.seccompProfile.type");
  EXPECT_EQ(LocateSeccomp(none, n->pod(), nullptr).path,
            "spec.securityContext.seccompProfile.type");
}

TEST(ProfileTest, AppArmorPrecedence) {
  auto l = LoadPod(
      "  securityContext:\n"
      "    appArmorProfile: {type: Unconfined}\n"
      "  containers:\n"
      "    - name: inherits\n"
      "    - name: annotated\n"
      "    - name: field\n"
      "      securityContext:\n"
      "        appArmorProfile: {type: Localhost, localhostProfile: p}\n"
      "    - name: empty-annotation\n",
      "    container.apparmor.security.beta.kubernetes.io/annotated: runtime/default\n"
      "    container.apparmor.security.beta.kubernetes.io/field: unconfined\n"
      "    container.apparmor.security.beta.kubernetes.io/empty-annotation: \"\"\n");
  Profile inherits = EffectiveAppArmor(l->pod(), l->container(0));
  EXPECT_EQ(inherits.type, ProfileType::kUnconfined);
  EXPECT_EQ(inherits.source, ProfileSource::kPodField);
  EXPECT_TRUE(inherits.inherited);
  EXPECT_EQ(LocateAppArmor(inherits, l->pod(), &l->container(0)).path,
            "spec.securityContext.appArmorProfile.type");
  // The container annotation comes before the pod field, as the kubelet reads them.
  EXPECT_EQ(EffectiveAppArmor(l->pod(), l->container(1)).type, ProfileType::kRuntimeDefault);
  // The container field comes before the container annotation.
  EXPECT_EQ(EffectiveAppArmor(l->pod(), l->container(2)).type, ProfileType::kLocalhost);
  // An empty annotation is no setting: the pod field applies.
  EXPECT_EQ(EffectiveAppArmor(l->pod(), l->container(3)).source, ProfileSource::kPodField);
}

TEST(PodFactsTest, WindowsAndUserNamespaces) {
  auto w = LoadPod("  os: {name: windows}\n  hostUsers: false\n  containers: [{name: a}]\n");
  EXPECT_TRUE(IsWindowsPod(w->pod()));
  EXPECT_TRUE(UsesUserNamespace(w->pod()));
  auto l = LoadPod("  os: {name: linux}\n  hostUsers: true\n  containers: [{name: a}]\n");
  EXPECT_FALSE(IsWindowsPod(l->pod()));
  EXPECT_FALSE(UsesUserNamespace(l->pod()));
}

TEST(PathsTest, ListItemsKeepTheirPrefix) {
  auto l = Load(
      "apiVersion: v1\n"
      "kind: List\n"
      "items:\n"
      "  - apiVersion: v1\n"
      "    kind: Pod\n"
      "    metadata: {name: a}\n"
      "    spec:\n"
      "      hostPID: true\n"
      "      containers:\n"
      "        - name: app\n"
      "          securityContext: {privileged: true}\n");
  EXPECT_EQ(SharedHostNamespace(l->pod(), HostNamespace::kPid)->path, "items[0].spec.hostPID");
  EXPECT_EQ(Privileged(l->container(0))->path,
            "items[0].spec.containers[0].securityContext.privileged");
}

}  // namespace
}  // namespace centinela::pss
