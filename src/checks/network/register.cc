#include "checks/network/network.h"
#include "checks/registry.h"

namespace centinela::checks {

void RegisterNetworkChecks(Registry& registry) {
  registry.Add(MakeIngressWithoutTls());
  registry.Add(MakeNetNamespaceNoDefaultDeny());
  registry.Add(MakeNetPodNotIsolated());
  registry.Add(MakeServiceExternalIps());
  registry.Add(MakeServiceNodePort());
  registry.Add(MakeServicePublicLoadBalancer());
}

}  // namespace centinela::checks
