#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "checks/check.h"

/// Orchestrator control: the Kubernetes version the manifests are written for.
namespace centinela::checks {

std::unique_ptr<Check> MakeApiDeprecatedVersion();

/// The newest Kubernetes minor release (1.x) known to centinela; removals up to it have happened.
inline constexpr int kNewestKubernetesMinor = 35;

/// The minor number of a release written "v1.16" or "1.16"; nullopt when malformed or not 1.x.
std::optional<int> ParseKubernetesMinor(std::string_view release);

}  // namespace centinela::checks
