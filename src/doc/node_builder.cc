#include "doc/node_builder.h"

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace centinela::doc {
namespace {

constexpr size_t kLinearLimit = 16;

std::string Quote(std::string_view text) {
  std::string out = "\"";
  size_t n = std::min<size_t>(text.size(), 80);
  for (size_t i = 0; i < n; ++i) {
    char c = text[i];
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (text.size() > n) out += "...";
  out += '"';
  return out;
}

std::string Where(const Node& n) {
  return std::to_string(n.line()) + ":" + std::to_string(n.column());
}

}  // namespace

Node* NodeBuilder::NewNode(NodeKind kind, uint32_t line, uint32_t column) {
  Node* n = std::construct_at(arena_->AllocateArray<Node>(1));
  n->kind_ = kind;
  n->line_ = line;
  n->column_ = column;
  return n;
}

const Node* NodeBuilder::Scalar(NodeKind kind, std::string_view text, bool quoted, bool merge_key,
                                uint32_t line, uint32_t column) {
  Node* n = NewNode(kind, line, column);
  n->text_ = text.empty() ? "" : text.data();
  n->size_ = static_cast<uint32_t>(text.size());
  n->flags_ = static_cast<uint8_t>((quoted ? Node::kQuotedFlag : 0) |
                                   (merge_key ? Node::kMergeKeyFlag : 0));
  return n;
}

const Node* NodeBuilder::Sequence(std::span<const Node* const> items, uint32_t line,
                                  uint32_t column) {
  Node* n = NewNode(NodeKind::kSequence, line, column);
  const Node** array = arena_->AllocateArray<const Node*>(items.size());
  std::copy(items.begin(), items.end(), array);
  n->items_ = array;
  n->size_ = static_cast<uint32_t>(items.size());
  return n;
}

std::string_view NodeBuilder::CanonicalKey(const Node& key) {
  switch (key.kind()) {
    case NodeKind::kString: return key.text();
    case NodeKind::kNull: return "null";
    case NodeKind::kBool: return key.AsBool().value_or(false) ? "true" : "false";
    case NodeKind::kInt: {
      std::optional<int64_t> v = key.AsInt();
      if (!v) return key.text();
      std::string s = std::to_string(*v);
      if (s == key.text()) return key.text();
      return std::string_view(arena_->CopyString(s), s.size());
    }
    default: return key.text();
  }
}

const Node* NodeBuilder::Mapping(std::span<const Node* const> kv, uint32_t line, uint32_t column,
                                 LoadProblem* error, std::vector<LoadProblem>* warnings) {
  size_t n = kv.size() / 2;
  keys_.clear();
  bool has_merge = false;
  for (size_t i = 0; i < n; ++i) {
    const Node& key = *kv[2 * i];
    if (!key.IsScalar()) {
      *error = {key.line(), key.column(),
                "a mapping key must be a scalar, not a " + std::string(ToString(key.kind()))};
      return nullptr;
    }
    if (IsMergeKey(key)) has_merge = true;
    keys_.push_back(CanonicalKey(key));
  }
  // Duplicate keys: report the earliest second occurrence in source order.
  size_t dup = n, first = n;
  if (n <= kLinearLimit) {
    for (size_t j = 1; j < n && dup == n; ++j) {
      for (size_t i = 0; i < j; ++i) {
        if (keys_[i] == keys_[j]) {
          dup = j;
          first = i;
          break;
        }
      }
    }
  } else {
    sorted_.clear();
    for (size_t i = 0; i < n; ++i) sorted_.emplace_back(keys_[i], static_cast<uint32_t>(i));
    std::sort(sorted_.begin(), sorted_.end());
    for (size_t k = 0; k < n;) {
      size_t g = k;
      while (k < n && sorted_[k].first == sorted_[g].first) ++k;
      if (k - g >= 2 && sorted_[g + 1].second < dup) {
        dup = sorted_[g + 1].second;
        first = sorted_[g].second;
      }
    }
  }
  if (dup != n) {
    const Node& key = *kv[2 * dup];
    *error = {
        key.line(), key.column(),
        "duplicate key " + Quote(key.text()) + " (first defined at " + Where(*kv[2 * first]) + ")"};
    return nullptr;
  }
  if (has_merge) return MappingWithMerges(kv, line, column, error, warnings);

  Node* node = NewNode(NodeKind::kMapping, line, column);
  Entry* entries = arena_->AllocateArray<Entry>(n);
  for (size_t i = 0; i < n; ++i) entries[i] = Entry{kv[2 * i], kv[2 * i + 1]};
  node->entries_ = entries;
  node->size_ = static_cast<uint32_t>(n);
  return node;
}

const Node* NodeBuilder::MappingWithMerges(std::span<const Node* const> kv, uint32_t line,
                                           uint32_t column, LoadProblem* error,
                                           std::vector<LoadProblem>* warnings) {
  size_t n = kv.size() / 2;
  // Explicit keys (keys_ holds every key's canonical form; merge keys are excluded here).
  std::unordered_map<std::string_view, size_t> explicit_keys;
  for (size_t i = 0; i < n; ++i) {
    if (!IsMergeKey(*kv[2 * i])) explicit_keys.emplace(keys_[i], i);
  }
  std::vector<Entry> out;
  out.reserve(n);
  std::unordered_set<std::string_view> merged;
  for (size_t i = 0; i < n; ++i) {
    const Node* key = kv[2 * i];
    const Node* value = kv[2 * i + 1];
    if (!IsMergeKey(*key)) {
      out.push_back(Entry{key, value});
      continue;
    }
    // The sources, in precedence order.
    std::vector<const Node*> sources;
    if (value->IsMapping()) {
      sources.push_back(value);
    } else if (value->IsSequence()) {
      for (const Node* item : value->items()) {
        if (!item->IsMapping()) {
          *error = {item->line(), item->column(),
                    "a merge key needs a mapping or a list of mappings"};
          return nullptr;
        }
        sources.push_back(item);
      }
    } else {
      *error = {value->line(), value->column(),
                "a merge key needs a mapping or a list of mappings"};
      return nullptr;
    }
    for (const Node* source : sources) {
      for (const Entry& e : source->entries()) {
        std::string_view canonical = CanonicalKey(*e.key);
        auto it = explicit_keys.find(canonical);
        if (it != explicit_keys.end()) {
          const Entry written{kv[2 * it->second], kv[2 * it->second + 1]};
          if (it->second < i && !Equal(*written.value, *e.value) && warnings != nullptr) {
            warnings->push_back({written.key->line(), written.key->column(),
                                 "key " + Quote(written.key->text()) +
                                     " is also set by the merge key at " + Where(*key) +
                                     "; centinela uses the value written here, Kubernetes' YAML "
                                     "decoder uses the merged one"});
          }
          continue;
        }
        if (!merged.insert(canonical).second) continue;
        out.push_back(e);
      }
    }
  }
  Node* node = NewNode(NodeKind::kMapping, line, column);
  Entry* entries = arena_->AllocateArray<Entry>(out.size());
  std::copy(out.begin(), out.end(), entries);
  node->entries_ = entries;
  node->size_ = static_cast<uint32_t>(out.size());
  return node;
}

}  // namespace centinela::doc
