#pragma once

#include <memory>

#include "checks/check.h"

/// Network control: Services, Ingresses and NetworkPolicies.
namespace centinela::checks {

std::unique_ptr<Check> MakeIngressWithoutTls();
std::unique_ptr<Check> MakeNetNamespaceNoDefaultDeny();
std::unique_ptr<Check> MakeNetPodNotIsolated();
std::unique_ptr<Check> MakeServiceExternalIps();
std::unique_ptr<Check> MakeServiceNodePort();
std::unique_ptr<Check> MakeServicePublicLoadBalancer();

}  // namespace centinela::checks
