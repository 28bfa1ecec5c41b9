#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "doc/node.h"

namespace centinela::k8s {

/// A resource.Quantity: "500m", "2", "1.5Gi", "1e3", "128974848".
struct Quantity {
  long double value = 0;  ///< In base units (cores, bytes).
  /// Value in thousandths, rounded up as Kubernetes does for MilliValue().
  int64_t MilliValue() const;
};

/// Parses the Kubernetes quantity grammar (decimal SI, binary SI Ki..Ei, decimal exponent e/E); nullopt when
/// malformed. A number node (YAML `cpu: 2`, `cpu: 0.5`) is accepted by ParseQuantityNode.
std::optional<Quantity> ParseQuantity(std::string_view text);
std::optional<Quantity> ParseQuantityNode(const doc::Node* node);

}  // namespace centinela::k8s
