#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "doc/node.h"
#include "k8s/object.h"

namespace centinela::k8s {

/// A metav1.LabelSelector (matchLabels + matchExpressions), or a plain map selector (Service, RC).
/// Semantics of k8s.io/apimachinery labels: requirements are ANDed; an empty selector matches
/// everything; the "nothing" selector (from an absent metav1.LabelSelector) matches nothing.
class LabelSelector {
 public:
  enum class Op { kIn, kNotIn, kExists, kDoesNotExist, kEquals };
  struct Requirement {
    std::string key;
    Op op;
    std::vector<std::string> values;
  };

  /// Parses a metav1.LabelSelector node. A null node (nullptr or a YAML/JSON null) yields
  /// Nothing(); `{}` and selectors with no requirements yield Everything(). Errors are those of the
  /// API server: wrong types, unknown fields, an operator other than In/NotIn/Exists/DoesNotExist,
  /// values with Exists/DoesNotExist, no values with In/NotIn, invalid label keys or values. Each
  /// message starts with the offending field's path, `path` (e.g. "spec.selector") being the
  /// selector's own, e.g. `spec.selector.matchExpressions[0].values: Required value: must be
  /// specified when `operator` is 'In' or 'NotIn'`.
  static core::Result<LabelSelector> Parse(const doc::Node* node, std::string_view path = {});
  /// A map selector (`spec.selector` of a Service): every key must equal its value. Null or `{}`
  /// matches everything when `empty_matches_all`, otherwise nothing (Services with no selector
  /// select no pods). A value that is not a string, or a node that is not a mapping, yields
  /// Nothing() (the API server would reject such an object).
  static LabelSelector FromMap(const doc::Node* node, bool empty_matches_all);
  static LabelSelector Everything();
  static LabelSelector Nothing();

  bool Matches(const StringMap& labels) const;
  bool MatchesEverything() const { return !nothing_ && requirements_.empty(); }
  bool MatchesNothing() const { return nothing_; }
  /// The requirements, sorted by key (stable), as k8s.io/apimachinery keeps them.
  const std::vector<Requirement>& requirements() const { return requirements_; }
  /// kubectl-style rendering, requirements sorted by key and In/NotIn values sorted:
  /// `app=web,!debug,tier in (a,b)`; "<none>" for Nothing, "" for Everything.
  std::string ToString() const;

 private:
  bool nothing_ = false;
  std::vector<Requirement> requirements_;
};

}  // namespace centinela::k8s
