#pragma once

#include <memory>

#include "checks/check.h"

namespace centinela::checks {

/// The pod family: one factory per check (src/checks/pod/<name>.cc), registered in register.cc in
/// alphabetical order of id.
std::unique_ptr<Check> MakePodAutomountServiceAccountToken();
std::unique_ptr<Check> MakePodDefaultServiceAccount();
std::unique_ptr<Check> MakePodHostIpc();
std::unique_ptr<Check> MakePodHostNetwork();
std::unique_ptr<Check> MakePodHostPath();
std::unique_ptr<Check> MakePodHostPid();
std::unique_ptr<Check> MakePodUnsafeSysctls();
std::unique_ptr<Check> MakeWorkloadDefaultNamespace();

}  // namespace centinela::checks
