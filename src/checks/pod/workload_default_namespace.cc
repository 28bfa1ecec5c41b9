#include "checks/container/common.h"
#include "checks/pod/pod.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "workload-default-namespace",
    .title = "Workload in the default namespace",
    .severity = core::Severity::kLow,
    .control = core::Control::kPermissions,
    .layer = core::Layer::kCluster,
    .description =
        "Reports workloads (Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, "
        "ReplicationController, PodTemplate) with no metadata.namespace, which `kubectl apply` "
        "puts in "
        "the current context's namespace (usually default), or with namespace \"default\". "
        "Namespaces are "
        "the unit of RBAC, NetworkPolicy, quotas and Pod Security admission; workloads mixed in "
        "default "
        "share its permissions and usually get none of these controls.",
    .remediation =
        "Set metadata.namespace to a namespace dedicated to the application (for example dev, as "
        "in the "
        "Picturesocial walkthrough) with its own RBAC, NetworkPolicies and Pod Security labels.",
};

class WorkloadDefaultNamespace final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr) return;
    const doc::Node* ns = pss::FindValue(ctx.object.node, {"metadata", "namespace"});
    if (ns != nullptr && ns->IsScalar() && !ns->text().empty() && ns->text() != "default") return;
    pss::Field f =
        pss::Locate(ctx.object.node, ObjectRootPath(ctx.object), {"metadata", "namespace"});
    if (!f.set || !f.node->IsScalar() || f.node->text().empty()) {
      out.Emit(
          ctx.object, f.node, f.path,
          std::string(ctx.object.kind) +
              " has no metadata.namespace, so it lands in the current namespace, usually default");
    } else if (f.node->text() == "default") {
      out.Emit(ctx.object, f.node, f.path,
               std::string(ctx.object.kind) + " is in the default namespace");
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeWorkloadDefaultNamespace() {
  return std::make_unique<WorkloadDefaultNamespace>();
}

}  // namespace centinela::checks
