#pragma once

#include <string_view>

#include "doc/node.h"
#include "doc/path.h"
#include "k8s/object.h"

/// Small helpers shared by the network, data, permissions and orchestrator checks.
namespace centinela::checks {

/// The field path of the object itself: empty for a document root, "items[3]" for a List item.
inline doc::FieldPath RootPath(const k8s::Object& object) {
  std::string_view prefix = object.field_prefix;
  if (!prefix.empty() && prefix.back() == '.') prefix.remove_suffix(1);
  return doc::FieldPath(prefix);
}

/// The entry of `mapping` whose key is the scalar `key`; nullptr when absent or `mapping` is not a
/// mapping.
inline const doc::Entry* FindEntry(const doc::Node* mapping, std::string_view key) {
  if (mapping == nullptr) return nullptr;
  for (const doc::Entry& e : mapping->entries()) {
    if (e.key->IsScalar() && e.key->text() == key) return &e;
  }
  return nullptr;
}

/// The node of annotation `key` in metadata.annotations (its value), or nullptr.
inline const doc::Node* AnnotationNode(const k8s::Object& object, std::string_view key) {
  if (object.metadata == nullptr) return nullptr;
  const doc::Node* annotations = object.metadata->Get("annotations");
  return annotations != nullptr ? annotations->Get(key) : nullptr;
}

/// `metadata.annotations["<key>"]` under the object's root path.
inline doc::FieldPath AnnotationPath(const k8s::Object& object, std::string_view key) {
  return RootPath(object).Key("metadata").Key("annotations").Key(key);
}

/// The text of a scalar node, or empty for null / non-scalar nodes.
inline std::string_view ScalarText(const doc::Node* node) {
  return node != nullptr && node->IsScalar() && !node->IsNull() ? node->text() : std::string_view();
}

}  // namespace centinela::checks
