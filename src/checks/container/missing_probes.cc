#include "checks/container/common.h"
#include "checks/container/container.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-missing-probes",
    .title = "Container has no liveness or readiness probe",
    .severity = core::Severity::kLow,
    .control = core::Control::kOrchestrator,
    .layer = core::Layer::kContainer,
    .description =
        "Reports regular containers of long-running workloads without a livenessProbe or a "
        "readinessProbe. Jobs, CronJobs, and Pods or PodTemplates with restartPolicy Never or "
        "OnFailure "
        "are skipped, as are init and ephemeral containers. Without probes Kubernetes sends "
        "traffic to "
        "containers that are not ready and never restarts one that hangs, so a degraded or "
        "tampered "
        "replica keeps serving.",
    .remediation =
        "Add a readinessProbe and a livenessProbe (HTTP, TCP, gRPC or exec) to every long-running "
        "container.",
};

class ContainerMissingProbes final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr || !IsLongRunning(ctx.object, *ctx.pod)) return;
    for (const k8s::ContainerView& c : ctx.pod->containers) {
      if (c.kind != k8s::ContainerKind::kContainer) continue;
      const bool has_liveness = pss::FindValue(c.node, {"livenessProbe"}) != nullptr;
      const bool has_readiness = pss::FindValue(c.node, {"readinessProbe"}) != nullptr;
      if (has_liveness && has_readiness) continue;
      std::string message;
      std::string path;
      if (!has_liveness && !has_readiness) {
        message = ContainerLabel(c) + " has no livenessProbe and no readinessProbe";
        path = c.path;
      } else if (!has_liveness) {
        message = ContainerLabel(c) + " has no livenessProbe";
        path = pss::Locate(c.node, c.path, {"livenessProbe"}).path;
      } else {
        message = ContainerLabel(c) + " has no readinessProbe";
        path = pss::Locate(c.node, c.path, {"readinessProbe"}).path;
      }
      out.Emit(ctx.object, c.node, path, std::move(message));
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerMissingProbes() {
  return std::make_unique<ContainerMissingProbes>();
}

}  // namespace centinela::checks
