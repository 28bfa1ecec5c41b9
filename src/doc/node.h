#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace centinela::doc {

/// The resolved type of a node. YAML plain scalars are resolved the way Kubernetes resolves them
/// (sigs.k8s.io/yaml, i.e. go-yaml's YAML 1.1 rules: `yes`/`on`/`true` are booleans, `~`/`null`/empty are null,
/// `0x1F`, `0o17`, `017`, `1_000` are integers); quoted and block scalars are strings. JSON maps one to one.
/// The same content read from YAML or JSON yields structurally identical trees (see Equal()).
enum class NodeKind : uint8_t { kNull, kBool, kInt, kFloat, kString, kSequence, kMapping };

std::string_view ToString(NodeKind kind);

class Node;

/// A key/value pair of a mapping, in source order.
struct Entry {
  const Node* key;
  const Node* value;
};

/// One immutable node of a parsed document. Nodes live in an arena owned by the Corpus that produced them and
/// are valid as long as it is. All accessors are const and thread-safe. Subtrees may be shared (YAML aliases).
class Node {
 public:
  NodeKind kind() const { return kind_; }
  bool IsNull() const { return kind_ == NodeKind::kNull; }
  bool IsScalar() const { return kind_ != NodeKind::kSequence && kind_ != NodeKind::kMapping; }
  bool IsString() const { return kind_ == NodeKind::kString; }
  bool IsSequence() const { return kind_ == NodeKind::kSequence; }
  bool IsMapping() const { return kind_ == NodeKind::kMapping; }

  /// 1-based position of the node's first character in its source (for a mapping or sequence in block
  /// style: its first key or item).
  uint32_t line() const { return line_; }
  uint32_t column() const { return column_; }

  /// For scalars: the value as text. Strings are decoded (escapes resolved); other scalars are as written
  /// (`true`, `yes`, `0x1F`, `1.5`, `~`). Empty for mappings and sequences.
  std::string_view text() const { return IsScalar() ? std::string_view(text_, size_) : std::string_view(); }
  /// True when the scalar was written quoted or as a block scalar (YAML), or is a JSON string.
  bool quoted() const { return (flags_ & kQuotedFlag) != 0; }

  /// The boolean value of a kBool node; nullopt for any other kind.
  std::optional<bool> AsBool() const;
  /// The value of a kInt node (or a kFloat with an exact integral value); nullopt otherwise.
  std::optional<int64_t> AsInt() const;
  /// The value of a kInt or kFloat node; nullopt otherwise.
  std::optional<double> AsDouble() const;
  /// The text of a kString node; nullopt for any other kind (use text() to read any scalar as written).
  std::optional<std::string_view> AsString() const;

  /// Number of items (sequence) or entries (mapping); 0 for scalars.
  size_t size() const { return IsScalar() ? 0 : size_; }
  /// Items of a sequence; empty for other kinds.
  std::span<const Node* const> items() const {
    return IsSequence() ? std::span<const Node* const>(items_, size_) : std::span<const Node* const>();
  }
  /// Entries of a mapping in source order (merge keys already applied); empty for other kinds.
  std::span<const Entry> entries() const {
    return IsMapping() ? std::span<const Entry>(entries_, size_) : std::span<const Entry>();
  }

  /// The value for `key` in a mapping whose key is a scalar with that text; nullptr when absent or when this
  /// node is not a mapping.
  const Node* Get(std::string_view key) const;
  /// Follows mapping keys in order; nullptr as soon as one is missing.
  const Node* GetPath(std::initializer_list<std::string_view> keys) const;
  /// Shorthand: the text of Get(key) when it is a scalar, else empty.
  std::string_view GetText(std::string_view key) const;

 private:
  friend class NodeBuilder;
  static constexpr uint8_t kQuotedFlag = 1;
  static constexpr uint8_t kMergeKeyFlag = 2;  // a YAML merge key `<<`; only seen while loading

  // 24 bytes: trees of large inputs hold millions of nodes. Scalar values are parsed from the text on access.
  NodeKind kind_ = NodeKind::kNull;
  uint8_t flags_ = 0;
  uint32_t line_ = 0;
  uint32_t column_ = 0;
  uint32_t size_ = 0;  // scalar: text length; containers: item/entry count
  union {
    const char* text_ = "";
    const Node* const* items_;
    const Entry* entries_;
  };
};

/// Structural equality: same kinds, same scalar values (by resolved value for bool/int/float/null, by text for
/// strings), same items, same entries in the same order. Positions and quoting style are ignored.
bool Equal(const Node& a, const Node& b);

/// A human-readable rendering of a node for messages: scalars as text, containers abbreviated.
std::string Describe(const Node& node);

}  // namespace centinela::doc
