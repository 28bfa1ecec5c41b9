#pragma once

// Helpers shared by the k8s/ implementation files. Not part of the module's public API.

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "doc/node.h"
#include "k8s/object.h"
#include "k8s/pod.h"

namespace centinela::k8s::detail {

/// "a list", "a mapping", "a string", "an integer", "a boolean", "a number", "null".
std::string_view WithArticle(doc::NodeKind kind);

/// `<path>: expected <a kind>, got <kind of node>`, e.g. "spec.containers: expected a list, got
/// string".
std::string TypeError(std::string_view path, doc::NodeKind expected, const doc::Node& got);

/// `parent` extended by a mapping key or a sequence index, as doc::FieldPath writes it.
std::string ChildPath(std::string_view parent, std::string_view key);
std::string IndexPath(std::string_view parent, size_t index);

/// A field path that is only spelled out when a message needs it: a base path and a few keys.
/// Building a snapshot checks many fields and rarely reports one, so it must not allocate a string
/// per field.
class LazyPath {
 public:
  explicit LazyPath(std::string_view base) : base_(base) {}
  /// This path extended by `key`. At most kMaxKeys keys; the views must outlive the LazyPath.
  LazyPath Key(std::string_view key) const {
    LazyPath out = *this;
    if (out.count_ < kMaxKeys) out.keys_[out.count_++] = key;
    return out;
  }
  /// The path as doc::FieldPath writes it.
  std::string str() const;

 private:
  static constexpr size_t kMaxKeys = 4;
  std::string_view base_;
  std::array<std::string_view, kMaxKeys> keys_{};
  size_t count_ = 0;
};

/// True when `node` is present (non-null pointer) and not a YAML/JSON null.
inline bool IsSet(const doc::Node* node) { return node != nullptr && !node->IsNull(); }

/// A type error found in an object: where, and the complete message (`path: expected ..., got
/// ...`).
struct Problem {
  const doc::Node* at;
  std::string message;
};

/// What a field's value must be.
enum class Expect { kBool, kInt, kString, kList, kMapping };

/// True when `node` has the type `expect` asks for (kInt accepts floats with an integral value, as
/// the JSON the API server receives would carry them).
bool HasType(const doc::Node& node, Expect expect);

/// A field of a mapping and the type its value must have.
struct FieldSpec {
  std::string_view key;
  Expect expect;
};

/// Index of `key` in `specs` (specs.size() when absent); for naming table slots at compile time.
constexpr size_t IndexOf(std::span<const FieldSpec> specs, std::string_view key) {
  for (size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].key == key) return i;
  }
  return specs.size();
}

/// Reads the fields `specs` of `map` in one pass over its entries (Node::Get per field would rescan
/// them): values[i] becomes the value of specs[i].key, or nullptr when it is absent or null. Values
/// of the wrong type are reported as `<parent>.<key>: expected ..., got ...` (when `problems` is
/// not null) and cleared. `values` must have specs.size() elements.
void ReadFields(const doc::Node& map, std::span<const FieldSpec> specs,
                std::span<const doc::Node*> values, const LazyPath& parent,
                std::vector<Problem>* problems);

/// Reports the items of `list` (a sequence, or null) that are not of kind `expected`, as
/// `<path>[i]: ...`.
void CheckItems(const doc::Node* list, doc::NodeKind expected, const LazyPath& path,
                std::vector<Problem>* problems);

/// Reads a map of strings (labels, annotations). Entries whose value is not a string are reported
/// and left out (a null value reads as "", as it does for the API server); a node that is not a
/// mapping is reported and yields an empty map.
StringMap ReadStringMap(const doc::Node* node, const LazyPath& path,
                        std::vector<Problem>* problems);

/// BuildPodView, recording the type errors of the pod spec in `problems` (may be null).
std::optional<PodView> BuildPodView(const Object& object, std::vector<Problem>* problems);

/// The path of an object's root: its field_prefix without the trailing dot.
std::string_view RootPath(const Object& object);

}  // namespace centinela::k8s::detail
