#include <string>

#include "checks/common/common.h"
#include "checks/network/network.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "service-external-ips",
    "Service sets externalIPs",
    core::Severity::kHigh,
    core::Control::kNetwork,
    core::Layer::kCluster,
    "spec.externalIPs makes every node route traffic for the listed addresses to the Service. "
    "Whoever can create "
    "or edit a Service can use it to intercept traffic meant for any IP address, inside or outside "
    "the cluster "
    "(CVE-2020-8554, a design flaw with no patch).",
    "Remove spec.externalIPs and publish the Service through a LoadBalancer or an Ingress; block "
    "the field "
    "cluster-wide with the DenyServiceExternalIPs admission plugin or an admission policy.",
};

class ServiceExternalIps : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    const k8s::Object& svc = ctx.object;
    if (svc.kind != "Service" || !svc.group().empty()) return;
    const doc::Node* spec = svc.node->Get("spec");
    const doc::Entry* entry = FindEntry(spec, "externalIPs");
    if (entry == nullptr || !entry->value->IsSequence() || entry->value->size() == 0) return;
    std::string list;
    for (const doc::Node* ip : entry->value->items()) {
      if (!list.empty()) list += ", ";
      list += ip->IsScalar() ? std::string(ip->text()) : doc::Describe(*ip);
    }
    out.Emit(
        svc, entry->key, RootPath(svc).Key("spec").Key("externalIPs").str(),
        "spec.externalIPs=[" + list +
            "] makes every node route traffic for these addresses to the Service (CVE-2020-8554)");
  }
};

}  // namespace

std::unique_ptr<Check> MakeServiceExternalIps() { return std::make_unique<ServiceExternalIps>(); }

}  // namespace centinela::checks
