#include "checks/pod/host_namespace.h"
#include "checks/pod/pod.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "pod-host-network",
    .title = "Pod uses the node's network namespace",
    .severity = core::Severity::kHigh,
    .control = core::Control::kNetwork,
    .layer = core::Layer::kCluster,
    .description =
        "Reports workloads whose pod spec sets hostNetwork: true. Such pods see every interface of "
        "the "
        "node, can bind any of its ports, sniff its traffic, reach services bound to localhost "
        "(such as "
        "the kubelet's and the instance metadata endpoints without hop limits), and bypass most "
        "NetworkPolicy enforcement. The Pod Security baseline profile forbids it.",
    .remediation =
        "Remove spec.hostNetwork (or set it to false) and expose the workload through a Service; "
        "keep host "
        "networking for node agents in dedicated, restricted namespaces.",
};

class PodHostNetwork final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }
  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    CheckHostNamespace(ctx, out, pss::HostNamespace::kNetwork,
                       "its containers share the node's network stack and bypass NetworkPolicy");
  }
};

}  // namespace

std::unique_ptr<Check> MakePodHostNetwork() { return std::make_unique<PodHostNetwork>(); }

}  // namespace centinela::checks
