#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/finding.h"
#include "doc/corpus.h"
#include "doc/node.h"

namespace centinela::k8s {

/// Labels or annotations as written, in source order. Keys are unique (the loader rejects duplicate
/// keys).
using StringMap = std::vector<std::pair<std::string_view, std::string_view>>;

/// The value for `key` in `map`, or nullopt.
std::optional<std::string_view> Lookup(const StringMap& map, std::string_view key);

/// One Kubernetes object of the input: a document root, or an item of a `kind: List` / `*List`.
/// A view: every string_view points into the Corpus that owns the document.
struct Object {
  const doc::Document* document = nullptr;  ///< The document it came from (never null).
  const doc::Node* node = nullptr;          ///< The object's mapping (never null).
  std::string_view api_version;             ///< As written, e.g. "apps/v1".
  std::string_view kind;                    ///< e.g. "Deployment".
  std::string_view name;        ///< metadata.name, or metadata.generateName when name is absent.
  std::string_view namespace_;  ///< metadata.namespace as written; empty when absent.
  bool namespaced = true;  ///< False for cluster-scoped kinds (Namespace, ClusterRole, Node, ...).
  const doc::Node* metadata = nullptr;  ///< May be null.
  StringMap labels;
  StringMap annotations;
  std::string field_prefix;  ///< "" for a document root, "items[3]." for a List item.

  /// The API group ("" for core) and version parsed from api_version.
  std::string_view group() const;
  std::string_view version() const;
  /// metadata.namespace, or "default" for a namespaced object that has none (as `kubectl apply`
  /// would do); always empty for a cluster-scoped object (the API server ignores its
  /// metadata.namespace).
  std::string_view EffectiveNamespace() const;
  std::string_view Label(std::string_view key, std::string_view fallback = {}) const;
  std::string_view Annotation(std::string_view key, std::string_view fallback = {}) const;
  bool HasAnnotation(std::string_view key) const;

  std::string_view file() const;
  uint32_t line() const { return node->line(); }
  /// apiVersion, kind, namespace (as written, empty if none) and name, for output.
  core::ObjectRef Ref() const;
};

}  // namespace centinela::k8s
