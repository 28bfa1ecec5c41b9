#include "checks/container/container.h"
#include "checks/registry.h"

namespace centinela::checks {

void RegisterContainerChecks(Registry& registry) {
  registry.Add(MakeContainerAllowPrivilegeEscalation());
  registry.Add(MakeContainerApparmorUnconfined());
  registry.Add(MakeContainerAwsStaticCredentials());
  registry.Add(MakeContainerCapabilitiesNotDropped());
  registry.Add(MakeContainerDangerousCapabilities());
  registry.Add(MakeContainerHostPort());
  registry.Add(MakeContainerImageNotDigestPinned());
  registry.Add(MakeContainerImageTagMutable());
  registry.Add(MakeContainerMissingProbes());
  registry.Add(MakeContainerMissingResourceLimits());
  registry.Add(MakeContainerMissingResourceRequests());
  registry.Add(MakeContainerPrivileged());
  registry.Add(MakeContainerRunAsRoot());
  registry.Add(MakeContainerSeccompUnconfined());
  registry.Add(MakeContainerSecretInEnv());
  registry.Add(MakeContainerWritableRootFilesystem());
}

}  // namespace centinela::checks
