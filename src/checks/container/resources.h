#pragma once

#include <string_view>

#include "k8s/snapshot.h"

namespace centinela::checks {

/// What the LimitRange objects of a namespace fill in for containers that omit resources (admission
/// defaulting by the LimitRanger plugin; `max` defaults the limit and `min` the request, as the API
/// server defaults LimitRange items of type Container).
struct ResourceDefaults {
  bool limit_cpu = false;
  bool limit_memory = false;
  bool request_cpu = false;
  bool request_memory = false;
};

/// The defaults of every LimitRange in `snapshot` whose namespace is `ns`.
ResourceDefaults ContainerResourceDefaults(const k8s::Snapshot& snapshot, std::string_view ns);

}  // namespace centinela::checks
