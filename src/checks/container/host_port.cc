#include "checks/container/common.h"
#include "checks/container/container.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-host-port",
    .title = "Container binds a host port",
    .severity = core::Severity::kMedium,
    .control = core::Control::kNetwork,
    .layer = core::Layer::kContainer,
    .description =
        "Reports each ports[*].hostPort other than 0 in a container (regular, init or ephemeral). "
        "A host "
        "port exposes the container on the node's own address, outside Services, load balancers "
        "and "
        "usually outside NetworkPolicy, and pins the pod to nodes where the port is free. The Pod "
        "Security "
        "baseline profile forbids host ports.",
    .remediation =
        "Remove ports[*].hostPort and expose the container through a Service (ClusterIP behind an "
        "Ingress "
        "or an internal load balancer).",
};

class ContainerHostPort final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr) return;
    for (const k8s::ContainerView& c : ctx.pod->containers) {
      for (const pss::HostPort& p : pss::HostPorts(c)) {
        std::string message = ContainerLabel(c) + " binds hostPort " + pss::ValueText(p.node);
        if (p.container_port != nullptr) {
          message += " (containerPort " + pss::ValueText(p.container_port) + ")";
        }
        out.Emit(ctx.object, p.node, p.path, message + " on the node");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerHostPort() { return std::make_unique<ContainerHostPort>(); }

}  // namespace centinela::checks
