#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "doc/node.h"
#include "k8s/object.h"

namespace centinela::k8s {

/// A metav1.LabelSelector (matchLabels + matchExpressions), or a plain map selector (Service, RC).
/// Semantics of k8s.io/apimachinery labels: requirements are ANDed; an empty selector matches everything;
/// the "nothing" selector (from an absent metav1.LabelSelector) matches nothing.
class LabelSelector {
 public:
  enum class Op { kIn, kNotIn, kExists, kDoesNotExist, kEquals };
  struct Requirement {
    std::string key;
    Op op;
    std::vector<std::string> values;
  };

  /// Parses a metav1.LabelSelector node. A null node yields Nothing(); `{}` yields Everything().
  /// Errors (unknown operator, values with Exists, no values with In) name the field.
  static core::Result<LabelSelector> Parse(const doc::Node* node);
  /// A map selector (`spec.selector` of a Service): every key must equal its value. Null or `{}` matches
  /// everything when `empty_matches_all`, otherwise nothing (Services with no selector select no pods).
  static LabelSelector FromMap(const doc::Node* node, bool empty_matches_all);
  static LabelSelector Everything();
  static LabelSelector Nothing();

  bool Matches(const StringMap& labels) const;
  bool MatchesEverything() const { return !nothing_ && requirements_.empty(); }
  bool MatchesNothing() const { return nothing_; }
  const std::vector<Requirement>& requirements() const { return requirements_; }
  /// kubectl-style rendering: `app=web,tier in (a,b),!debug`; "<none>" for Nothing, "" for Everything.
  std::string ToString() const;

 private:
  bool nothing_ = false;
  std::vector<Requirement> requirements_;
};

}  // namespace centinela::k8s
