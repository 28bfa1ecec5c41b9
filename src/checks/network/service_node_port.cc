#include <string>
#include <string_view>

#include "checks/common/common.h"
#include "checks/network/network.h"
#include "checks/network/service.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "service-node-port",
    "Service opens a port on every node",
    core::Severity::kMedium,
    core::Control::kNetwork,
    core::Layer::kCluster,
    "A Service of type NodePort listens on a port of every node of the cluster, so anyone who can "
    "reach any "
    "node's address reaches the workload, around load balancers, WAFs and NetworkPolicies applied "
    "at the edge. "
    "A LoadBalancer Service that pins spec.ports[].nodePort is reported too (at low severity): a "
    "fixed node port "
    "usually means clients or firewall rules address the nodes directly.",
    "Use type ClusterIP behind an Ingress or an internal LoadBalancer instead of NodePort; do not "
    "pin "
    "spec.ports[].nodePort; keep node security groups closed to the node port range (30000-32767).",
};

std::string PortLabel(const doc::Node* port) {
  std::string label(ScalarText(port->Get("port")));
  std::string_view protocol = ScalarText(port->Get("protocol"));
  label += '/';
  label += protocol.empty() ? std::string_view("TCP") : protocol;
  return label;
}

class ServiceNodePort : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    const k8s::Object& svc = ctx.object;
    const doc::Node* spec = ServiceSpec(svc);
    if (spec == nullptr) return;
    const doc::Node* type = spec->Get("type");
    std::string_view type_text = ScalarText(type);
    const doc::Node* ports = spec->Get("ports");
    const doc::FieldPath spec_path = RootPath(svc).Key("spec");

    if (type_text == "NodePort") {
      std::string list;
      if (ports != nullptr && ports->IsSequence()) {
        for (const doc::Node* port : ports->items()) {
          if (!port->IsMapping()) continue;
          if (!list.empty()) list += ", ";
          list += PortLabel(port);
          std::string_view node_port = ScalarText(port->Get("nodePort"));
          list += node_port.empty() ? std::string(" on an allocated node port")
                                    : " on node port " + std::string(node_port);
        }
      }
      out.Emit(svc, type, spec_path.Key("type").str(),
               "spec.type=NodePort opens " + (list.empty() ? std::string("a port") : list) +
                   " on every node");
      return;
    }
    if (type_text == "LoadBalancer" && ports != nullptr && ports->IsSequence()) {
      for (size_t i = 0; i < ports->size(); ++i) {
        const doc::Node* port = ports->items()[i];
        if (!port->IsMapping()) continue;
        const doc::Node* node_port = port->Get("nodePort");
        std::string_view value = ScalarText(node_port);
        if (value.empty() || value == "0") continue;
        out.Emit(svc, node_port, spec_path.Key("ports").Index(i).Key("nodePort").str(),
                 "spec.ports[" + std::to_string(i) + "].nodePort=" + std::string(value) + " pins " +
                     PortLabel(port) + " of a LoadBalancer Service to a fixed port on every node",
                 core::Severity::kLow);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeServiceNodePort() { return std::make_unique<ServiceNodePort>(); }

}  // namespace centinela::checks
