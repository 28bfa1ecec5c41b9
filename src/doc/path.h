#pragma once

#include <string>
#include <string_view>

namespace centinela::doc {

/// Builds dotted field paths as kubectl and the API server print them: `spec.containers[0].securityContext`.
/// Keys that are not plain identifiers are bracket-quoted: `metadata.annotations["eks.amazonaws.com/role-arn"]`.
class FieldPath {
 public:
  FieldPath() = default;
  explicit FieldPath(std::string_view base) : text_(base) {}

  /// Returns this path extended by a mapping key.
  FieldPath Key(std::string_view key) const;
  /// Returns this path extended by a sequence index.
  FieldPath Index(size_t index) const;

  const std::string& str() const { return text_; }
  bool empty() const { return text_.empty(); }

 private:
  std::string text_;
};

}  // namespace centinela::doc
