#include "checks/orchestrator/orchestrator.h"
#include "checks/registry.h"

namespace centinela::checks {

void RegisterOrchestratorChecks(Registry& registry) { registry.Add(MakeApiDeprecatedVersion()); }

}  // namespace centinela::checks
