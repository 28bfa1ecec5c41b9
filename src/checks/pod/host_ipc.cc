#include "checks/pod/host_namespace.h"
#include "checks/pod/pod.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "pod-host-ipc",
    .title = "Pod uses the node's IPC namespace",
    .severity = core::Severity::kHigh,
    .control = core::Control::kPermissions,
    .layer = core::Layer::kCluster,
    .description =
        "Reports workloads whose pod spec sets hostIPC: true. Its containers share System V IPC "
        "and POSIX "
        "shared memory (/dev/shm) with every process of the node, so they can read or corrupt the "
        "memory "
        "other workloads share. The Pod Security baseline profile forbids it.",
    .remediation = "Remove spec.hostIPC (or set it to false).",
};

class PodHostIpc final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }
  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    CheckHostNamespace(ctx, out, pss::HostNamespace::kIpc,
                       "its containers share IPC and shared memory with every process on the node");
  }
};

}  // namespace

std::unique_ptr<Check> MakePodHostIpc() { return std::make_unique<PodHostIpc>(); }

}  // namespace centinela::checks
