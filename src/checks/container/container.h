#pragma once

#include <memory>

#include "checks/check.h"

namespace centinela::checks {

/// The container family: one factory per check (src/checks/container/<name>.cc), registered in
/// register.cc in alphabetical order of id.
std::unique_ptr<Check> MakeContainerAllowPrivilegeEscalation();
std::unique_ptr<Check> MakeContainerApparmorUnconfined();
std::unique_ptr<Check> MakeContainerAwsStaticCredentials();
std::unique_ptr<Check> MakeContainerCapabilitiesNotDropped();
std::unique_ptr<Check> MakeContainerDangerousCapabilities();
std::unique_ptr<Check> MakeContainerHostPort();
std::unique_ptr<Check> MakeContainerImageNotDigestPinned();
std::unique_ptr<Check> MakeContainerImageTagMutable();
std::unique_ptr<Check> MakeContainerMissingProbes();
std::unique_ptr<Check> MakeContainerMissingResourceLimits();
std::unique_ptr<Check> MakeContainerMissingResourceRequests();
std::unique_ptr<Check> MakeContainerPrivileged();
std::unique_ptr<Check> MakeContainerRunAsRoot();
std::unique_ptr<Check> MakeContainerSeccompUnconfined();
std::unique_ptr<Check> MakeContainerSecretInEnv();
std::unique_ptr<Check> MakeContainerWritableRootFilesystem();

}  // namespace centinela::checks
