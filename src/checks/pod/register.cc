#include "checks/pod/pod.h"
#include "checks/registry.h"

namespace centinela::checks {

void RegisterPodChecks(Registry& registry) {
  registry.Add(MakePodAutomountServiceAccountToken());
  registry.Add(MakePodDefaultServiceAccount());
  registry.Add(MakePodHostIpc());
  registry.Add(MakePodHostNetwork());
  registry.Add(MakePodHostPath());
  registry.Add(MakePodHostPid());
  registry.Add(MakePodUnsafeSysctls());
  registry.Add(MakeWorkloadDefaultNamespace());
}

}  // namespace centinela::checks
