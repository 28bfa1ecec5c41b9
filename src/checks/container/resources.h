#pragma once

#include <string_view>
#include <vector>

#include "checks/check.h"
#include "k8s/pod.h"
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

/// The resources whose requests and limits the container checks require.
inline constexpr std::string_view kRequiredResources[] = {"cpu", "memory"};

/// Reports resources.<list>.<resource> of container `c` ("limits" or "requests"): `<container> sets
/// resources.<list>.<resource>=<value>, which <problem>`.
void EmitResourceValue(const ObjectContext& ctx, Emitter& out, const k8s::ContainerView& c,
                       std::string_view list, std::string_view resource, std::string_view problem);

/// Reports the resources of `list` that container `c` lacks (`missing`, not empty, in the order of
/// kRequiredResources): one finding at the first missing one, or at resources.<list> when several.
void EmitMissingResources(const ObjectContext& ctx, Emitter& out, const k8s::ContainerView& c,
                          std::string_view list, const std::vector<std::string_view>& missing);

}  // namespace centinela::checks
