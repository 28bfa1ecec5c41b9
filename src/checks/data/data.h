#pragma once

#include <memory>

#include "checks/check.h"

/// Data control: credentials kept in ConfigMaps and Secrets.
namespace centinela::checks {

std::unique_ptr<Check> MakeConfigmapSensitiveData();
std::unique_ptr<Check> MakeSecretAwsStaticCredentials();

}  // namespace centinela::checks
