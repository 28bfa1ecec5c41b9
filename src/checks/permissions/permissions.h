#pragma once

#include <memory>

#include "checks/check.h"

/// Permissions control: RBAC, ServiceAccounts and AWS IAM identities of pods.
namespace centinela::checks {

std::unique_ptr<Check> MakeAwsLegacyKube2iamAnnotation();
std::unique_ptr<Check> MakeIrsaRoleArnInvalid();
std::unique_ptr<Check> MakeRbacAnonymousBinding();
std::unique_ptr<Check> MakeRbacClusterAdminBinding();
std::unique_ptr<Check> MakeRbacDefaultServiceAccountBound();
std::unique_ptr<Check> MakeRbacSecretsRead();
std::unique_ptr<Check> MakeRbacWildcard();
std::unique_ptr<Check> MakeSaSharedByWorkloads();

}  // namespace centinela::checks
