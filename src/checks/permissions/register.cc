#include "checks/permissions/permissions.h"
#include "checks/registry.h"

namespace centinela::checks {

void RegisterPermissionsChecks(Registry& registry) {
  registry.Add(MakeAwsLegacyKube2iamAnnotation());
  registry.Add(MakeIrsaRoleArnInvalid());
  registry.Add(MakeRbacAnonymousBinding());
  registry.Add(MakeRbacClusterAdminBinding());
  registry.Add(MakeRbacDefaultServiceAccountBound());
  registry.Add(MakeRbacSecretsRead());
  registry.Add(MakeRbacWildcard());
  registry.Add(MakeSaSharedByWorkloads());
}

}  // namespace centinela::checks
