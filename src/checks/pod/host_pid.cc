#include "checks/pod/host_namespace.h"
#include "checks/pod/pod.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "pod-host-pid",
    .title = "Pod uses the node's process namespace",
    .severity = core::Severity::kHigh,
    .control = core::Control::kPermissions,
    .layer = core::Layer::kCluster,
    .description =
        "Reports workloads whose pod spec sets hostPID: true. Its containers see every process of "
        "the "
        "node, read their command lines and environments (credentials included), and with enough "
        "privileges signal or trace them or enter their namespaces (nsenter -t 1), which is a node "
        "takeover. The Pod Security baseline profile forbids it.",
    .remediation = "Remove spec.hostPID (or set it to false).",
};

class PodHostPid final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }
  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    CheckHostNamespace(ctx, out, pss::HostNamespace::kPid,
                       "its containers see and can signal every process on the node");
  }
};

}  // namespace

std::unique_ptr<Check> MakePodHostPid() { return std::make_unique<PodHostPid>(); }

}  // namespace centinela::checks
