#include "checks/data/data.h"
#include "checks/registry.h"

namespace centinela::checks {

void RegisterDataChecks(Registry& registry) {
  registry.Add(MakeConfigmapSensitiveData());
  registry.Add(MakeSecretAwsStaticCredentials());
}

}  // namespace centinela::checks
