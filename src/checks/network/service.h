#pragma once

#include "doc/node.h"
#include "k8s/object.h"

namespace centinela::checks {

/// The spec mapping of a core (group "") Service; nullptr for any other object, or when the spec is
/// missing or not a mapping.
inline const doc::Node* ServiceSpec(const k8s::Object& object) {
  if (object.kind != "Service" || !object.group().empty()) return nullptr;
  const doc::Node* spec = object.node->Get("spec");
  return spec != nullptr && spec->IsMapping() ? spec : nullptr;
}

}  // namespace centinela::checks
