// Helpers of the pod family, and the severities of its checks (the fixtures test lines).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checks/pod/host_paths.h"
#include "checks_test_util.h"

namespace centinela::checks {
namespace {

TEST(HostPathsTest, Normalizes) {
  EXPECT_EQ(NormalizeHostPath("/"), "/");
  EXPECT_EQ(NormalizeHostPath("//"), "/");
  EXPECT_EQ(NormalizeHostPath("/etc/"), "/etc");
  EXPECT_EQ(NormalizeHostPath("//run//"), "/run");
  EXPECT_EQ(NormalizeHostPath("/var/run/../run/./docker.sock"), "/var/run/docker.sock");
  EXPECT_EQ(NormalizeHostPath("/tmp/../etc/./kubernetes/pki"), "/etc/kubernetes/pki");
  EXPECT_EQ(NormalizeHostPath("/../../etc"), "/etc");
  EXPECT_EQ(NormalizeHostPath("data/../x"), "x");
  EXPECT_EQ(NormalizeHostPath("../x"), "../x");
  EXPECT_EQ(NormalizeHostPath(""), ".");
  EXPECT_EQ(NormalizeHostPath(R"(\\.\pipe\Docker_Engine)"), R"(\\.\pipe\docker_engine)");
  EXPECT_EQ(NormalizeHostPath("//./pipe/docker_engine"), R"(\\.\pipe\docker_engine)");
  EXPECT_EQ(NormalizeHostPath(R"(C:\)"), R"(c:\)");
}

TEST(HostPathsTest, Classifies) {
  for (std::string_view path : {"/",
                                "/etc",
                                "/etc/kubernetes",
                                "/etc/kubernetes/pki/ca.key",
                                "/proc",
                                "/proc/1/root",
                                "/sys",
                                "/sys/fs/cgroup",
                                "/root",
                                "/root/.ssh",
                                "/var/lib/kubelet",
                                "/var/lib/kubelet/pods",
                                "/var/lib/docker",
                                "/var/run",
                                "/run",
                                "/var/run/docker.sock",
                                "/run/containerd/containerd.sock",
                                "/var/run/crio/crio.sock",
                                "/var/run/cri-dockerd.sock",
                                "/run/k3s/containerd/containerd.sock",
                                "/var",
                                "/var/lib",
                                "/dev",
                                "/dev/mem",
                                "/etc/shadow",
                                R"(\\.\pipe\docker_engine)",
                                R"(\\.\pipe\containerd-containerd)",
                                "c:"}) {
    EXPECT_TRUE(CriticalHostPathReason(path).has_value()) << path;
  }
  for (std::string_view path :
       {"/var/log", "/var/log/pods", "/data", "/etc/localtime", "/etc/ssl/certs",
        "/run/xtables.lock", "/var/run/xtables.lock", "/dev/fuse", "/home/user", "/opt/cni/bin",
        "relative", R"(c:\data)"}) {
    EXPECT_FALSE(CriticalHostPathReason(path).has_value()) << path;
  }
  EXPECT_EQ(CriticalHostPathReason("/var").value(),
            "a directory that contains /var/lib/kubelet, the kubelet's credentials and every pod's "
            "volumes "
            "and secrets");
  EXPECT_EQ(CriticalHostPathReason("/var/run/docker.sock").value(),
            "the Docker socket (a container runtime socket)");
}

TEST(PodChecksTest, HostPathSeverities) {
  auto f = RunCheck("pod-host-path",
                    "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: dev}\nspec:\n"
                    "  containers:\n"
                    "    - name: app\n"
                    "      volumeMounts: [{name: sock, mountPath: /s}]\n"
                    "  volumes:\n"
                    "    - {name: sock, hostPath: {path: /var/run/../run/docker.sock}}\n"
                    "    - {name: logs, hostPath: {path: /var/log}}\n");
  ASSERT_EQ(f.size(), 2U);
  EXPECT_EQ(f[0].severity, core::Severity::kCritical);
  EXPECT_EQ(
      f[0].message,
      "volume \"sock\" mounts hostPath \"/var/run/../run/docker.sock\" (/var/run/docker.sock): the "
      "Docker socket (a container runtime socket); mounted by container \"app\"");
  EXPECT_EQ(f[0].path, "spec.volumes[0].hostPath.path");
  EXPECT_EQ(f[1].severity, core::Severity::kHigh);
  EXPECT_EQ(f[1].message, "volume \"logs\" mounts hostPath \"/var/log\"");
}

TEST(PodChecksTest, HostNetworkMessage) {
  auto f = RunCheck("pod-host-network",
                    "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: dev}\nspec:\n"
                    "  hostNetwork: true\n  containers: [{name: app}]\n");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(
      f[0].message,
      "pod spec sets hostNetwork=true: its containers share the node's network stack and bypass "
      "NetworkPolicy");
  EXPECT_EQ(f[0].line, 5U);
}

TEST(PodChecksTest, WorkloadNamespacePathInLists) {
  auto f = RunCheck("workload-default-namespace",
                    "apiVersion: v1\nkind: List\nitems:\n"
                    "  - apiVersion: v1\n    kind: Pod\n    metadata: {name: p}\n"
                    "    spec: {containers: [{name: app}]}\n");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].path, "items[0].metadata.namespace");
  EXPECT_EQ(f[0].line, 6U);
}

}  // namespace
}  // namespace centinela::checks
