#pragma once

#include <string_view>

#include "checks/check.h"
#include "pss/predicates.h"

namespace centinela::checks {

/// Shared body of pod-host-network, pod-host-pid and pod-host-ipc: reports the spec field when the
/// pod shares that host namespace; `consequence` completes the message.
void CheckHostNamespace(const ObjectContext& ctx, Emitter& out, pss::HostNamespace ns,
                        std::string_view consequence);

}  // namespace centinela::checks
