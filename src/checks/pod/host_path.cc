#include "checks/container/common.h"
#include "checks/pod/host_paths.h"
#include "checks/pod/pod.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "pod-host-path",
    .title = "Pod mounts a host path",
    .severity = core::Severity::kHigh,
    .control = core::Control::kPermissions,
    .layer = core::Layer::kCluster,
    .description =
        "Reports every hostPath volume of a workload. It is critical when the path (normalized: "
        "repeated "
        "and trailing slashes, `.` and `..` resolved) hands over the node: a container runtime "
        "socket or "
        "directory (Docker, containerd, CRI-O, cri-dockerd, dockershim, k3s, Podman, under "
        "/var/run or "
        "/run, or a Windows runtime named pipe), `/`, `/etc`, `/dev`, `/var/run`, `/run`, anything "
        "under "
        "/proc, /sys, /root, /var/lib/kubelet, /var/lib/docker, /var/lib/containerd, "
        "/var/lib/containers, "
        "/var/lib/etcd, /etc/kubernetes or a few host credential files (/etc/shadow, /etc/ssh, "
        "sudoers, "
        "cron), and any directory that contains one of these (`/var`, `/var/lib`). Other host "
        "paths are "
        "high: they share node files with the pod, outside any quota or isolation. Read-only "
        "mounts do not "
        "lower the severity: a read-only socket still accepts connections and read-only "
        "credentials still "
        "leak. The Pod Security baseline profile forbids hostPath volumes.",
    .remediation =
        "Replace the hostPath volume with a ConfigMap, Secret, emptyDir, projected or persistent "
        "volume; "
        "node agents that truly need host files belong in a dedicated namespace, mounting the "
        "narrowest "
        "path read-only.",
};

std::string MountedBy(const k8s::PodView& pod, std::string_view volume) {
  std::vector<const k8s::ContainerView*> users;
  for (const k8s::ContainerView& c : pod.containers) {
    const doc::Node* mounts = c.node->Get("volumeMounts");
    if (mounts == nullptr) continue;
    for (const doc::Node* m : mounts->items()) {
      if (m->GetText("name") == volume) {
        users.push_back(&c);
        break;
      }
    }
  }
  if (users.empty()) return "";
  return "; mounted by " + ContainersLabel(users);
}

class PodHostPath final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr) return;
    for (const pss::HostPathVolume& v : pss::HostPathVolumes(*ctx.pod)) {
      std::string message = "volume " + Quoted(v.volume);
      std::optional<core::Severity> severity;
      if (v.path.empty()) {
        message += " is a hostPath volume without a path";
      } else {
        message += " mounts hostPath " + Quoted(v.path);
        std::string normalized = NormalizeHostPath(v.path);
        if (std::optional<std::string> reason = CriticalHostPathReason(normalized)) {
          if (normalized != v.path) message += " (" + normalized + ")";
          message += ": " + *reason;
          severity = core::Severity::kCritical;
        }
      }
      out.Emit(ctx.object, v.node, v.field_path, message + MountedBy(*ctx.pod, v.volume), severity);
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakePodHostPath() { return std::make_unique<PodHostPath>(); }

}  // namespace centinela::checks
