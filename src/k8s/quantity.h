#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "doc/node.h"

namespace centinela::k8s {

/// A resource.Quantity: "500m", "2", "1.5Gi", "1e3", "128974848".
struct Quantity {
  long double value =
      0;  ///< In base units (cores, bytes); approximate for values with many digits.
  /// The exact MilliValue(), set by the parser (saturated to the int64 range); unset for a Quantity
  /// built by hand, whose MilliValue() is then computed from `value`.
  std::optional<int64_t> milli;

  /// Value in thousandths, rounded away from zero as Kubernetes does for MilliValue() (1.0001m ->
  /// 2, -1.5m -> -2). Saturates at the int64 limits.
  int64_t MilliValue() const;
  /// Value in base units, rounded away from zero as Kubernetes does for Value() (0.1 -> 1, 1.5Gi
  /// exact).
  int64_t Value() const;
};

/// Parses the Kubernetes quantity grammar (k8s.io/apimachinery resource.ParseQuantity), with at
/// least one digit:
///   [+-] (digits | digits. | digits.digits | .digits) suffix
///   suffix: "" | n u m k M G T P E (decimal SI) | Ki Mi Gi Ti Pi Ei (binary SI) | e<int> E<int>
///   (exponent)
/// nullopt when malformed: "", "Mi", "1.2.3", "1 Gi", "1iB", "1K", "1e", " 1". Numbers written with
/// more than 4096 digits are rejected too (a limit on untrusted input).
std::optional<Quantity> ParseQuantity(std::string_view text);
/// A string node through ParseQuantity; an integer or float node (YAML `cpu: 2`, `cpu: 0.5`) as the
/// JSON number the API server would receive. nullopt for null, containers, booleans, non-finite
/// numbers and bad strings.
std::optional<Quantity> ParseQuantityNode(const doc::Node* node);

}  // namespace centinela::k8s
