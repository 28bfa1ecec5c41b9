#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "doc/arena.h"
#include "doc/loader.h"
#include "doc/node.h"

namespace centinela::doc {

/// Creates nodes in an arena, and assembles mappings: applies YAML merge keys and rejects duplicate
/// and non-scalar keys. Used by both loaders so YAML and JSON trees are built the same way. One per
/// thread.
class NodeBuilder {
 public:
  explicit NodeBuilder(Arena& arena) : arena_(&arena) {}

  /// A scalar. `text` must outlive the tree (point into the source or into the arena).
  const Node* Scalar(NodeKind kind, std::string_view text, bool quoted, bool merge_key,
                     uint32_t line, uint32_t column);
  const Node* Sequence(std::span<const Node* const> items, uint32_t line, uint32_t column);
  /// A mapping from alternating keys and values in source order. Merge keys (scalars built with
  /// merge_key) are replaced by the entries they merge: keys written in the mapping win, then
  /// earlier merged mappings win over later ones. Returns nullptr and sets `error` on a duplicate
  /// key, a non-scalar key or a bad merge value; may append warnings.
  const Node* Mapping(std::span<const Node* const> keys_and_values, uint32_t line, uint32_t column,
                      LoadProblem* error, std::vector<LoadProblem>* warnings);

  static bool IsMergeKey(const Node& node) { return (node.flags_ & Node::kMergeKeyFlag) != 0; }

  /// The key as Kubernetes sees it after converting YAML to JSON: strings as is, booleans
  /// `true`/`false`, null `null`, integers in decimal, floats as written.
  std::string_view CanonicalKey(const Node& key);

  Arena& arena() { return *arena_; }

 private:
  Node* NewNode(NodeKind kind, uint32_t line, uint32_t column);
  const Node* MappingWithMerges(std::span<const Node* const> kv, uint32_t line, uint32_t column,
                                LoadProblem* error, std::vector<LoadProblem>* warnings);

  Arena* arena_;
  std::vector<std::string_view> keys_;
  std::vector<std::pair<std::string_view, uint32_t>> sorted_;
};

}  // namespace centinela::doc
