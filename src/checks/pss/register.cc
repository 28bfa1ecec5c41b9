#include <memory>

#include "checks/pss/pss.h"
#include "checks/registry.h"

namespace centinela::checks {

void RegisterPssChecks(Registry& registry, const pss::AdmissionConfig* config) {
  std::shared_ptr<const pss::AdmissionConfig> shared;
  if (config != nullptr) shared = std::make_shared<const pss::AdmissionConfig>(*config);
  // One check per Pod Security control, in the engine's order (the registry sorts by id).
  for (const pss::CheckDescriptor& descriptor : pss::AllChecks()) {
    registry.Add(MakePssControlCheck(descriptor, shared));
  }
  registry.Add(MakePssNamespaceLabelInvalid(shared));
}

}  // namespace centinela::checks
