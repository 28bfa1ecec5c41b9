#include "k8s/detail.h"

#include "doc/path.h"

namespace centinela::k8s::detail {

namespace {

doc::NodeKind KindOf(Expect expect) {
  switch (expect) {
    case Expect::kBool: return doc::NodeKind::kBool;
    case Expect::kInt: return doc::NodeKind::kInt;
    case Expect::kString: return doc::NodeKind::kString;
    case Expect::kList: return doc::NodeKind::kSequence;
    case Expect::kMapping: return doc::NodeKind::kMapping;
  }
  return doc::NodeKind::kNull;
}

}  // namespace

std::string_view WithArticle(doc::NodeKind kind) {
  switch (kind) {
    case doc::NodeKind::kNull: return "null";
    case doc::NodeKind::kBool: return "a boolean";
    case doc::NodeKind::kInt: return "an integer";
    case doc::NodeKind::kFloat: return "a number";
    case doc::NodeKind::kString: return "a string";
    case doc::NodeKind::kSequence: return "a list";
    case doc::NodeKind::kMapping: return "a mapping";
  }
  return "a value";
}

std::string TypeError(std::string_view path, doc::NodeKind expected, const doc::Node& got) {
  std::string out(path);
  out += ": expected ";
  out += WithArticle(expected);
  out += ", got ";
  out += doc::ToString(got.kind());
  return out;
}

std::string ChildPath(std::string_view parent, std::string_view key) {
  return doc::FieldPath(parent).Key(key).str();
}

std::string IndexPath(std::string_view parent, size_t index) {
  return doc::FieldPath(parent).Index(index).str();
}

bool HasType(const doc::Node& node, Expect expect) {
  switch (expect) {
    case Expect::kBool: return node.kind() == doc::NodeKind::kBool;
    case Expect::kInt: return node.AsInt().has_value();
    case Expect::kString: return node.IsString();
    case Expect::kList: return node.IsSequence();
    case Expect::kMapping: return node.IsMapping();
  }
  return false;
}

std::string LazyPath::str() const {
  doc::FieldPath path(base_);
  for (size_t i = 0; i < count_; ++i) path = path.Key(keys_[i]);
  return path.str();
}

void ReadFields(const doc::Node& map, std::span<const FieldSpec> specs,
                std::span<const doc::Node*> values, const LazyPath& parent,
                std::vector<Problem>* problems) {
  for (const doc::Node*& v : values) v = nullptr;
  for (const doc::Entry& e : map.entries()) {
    // Keys first: loading the value node of every entry costs a cache miss each.
    std::string_view key = e.key->text();  // empty for a non-scalar key
    if (key.empty()) continue;
    for (size_t i = 0; i < specs.size(); ++i) {
      // Length and first byte first: most keys differ there, and a memcmp call per pair is what
      // costs.
      std::string_view want = specs[i].key;
      if (want.size() != key.size() || want.front() != key.front() || want != key) continue;
      if (e.value->IsNull()) break;
      if (HasType(*e.value, specs[i].expect)) {
        values[i] = e.value;
      } else if (problems != nullptr) {
        problems->push_back(
            Problem{e.value, TypeError(parent.Key(want).str(), KindOf(specs[i].expect), *e.value)});
      }
      break;
    }
  }
}

void CheckItems(const doc::Node* list, doc::NodeKind expected, const LazyPath& path,
                std::vector<Problem>* problems) {
  if (list == nullptr || problems == nullptr) return;
  std::span<const doc::Node* const> items = list->items();
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i]->kind() != expected) {
      problems->push_back(
          Problem{items[i], TypeError(IndexPath(path.str(), i), expected, *items[i])});
    }
  }
}

StringMap ReadStringMap(const doc::Node* node, const LazyPath& path,
                        std::vector<Problem>* problems) {
  StringMap out;
  if (!IsSet(node)) return out;
  if (!node->IsMapping()) {
    if (problems != nullptr) {
      problems->push_back(Problem{node, TypeError(path.str(), doc::NodeKind::kMapping, *node)});
    }
    return out;
  }
  out.reserve(node->size());
  for (const doc::Entry& e : node->entries()) {
    if (e.value->IsString()) {
      out.emplace_back(e.key->text(), e.value->text());
    } else if (e.value->IsNull()) {
      out.emplace_back(e.key->text(),
                       std::string_view());  // JSON null in a map[string]string reads as ""
    } else if (problems != nullptr) {
      problems->push_back(Problem{
          e.value, TypeError(path.Key(e.key->text()).str(), doc::NodeKind::kString, *e.value)});
    }
  }
  return out;
}

std::string_view RootPath(const Object& object) {
  std::string_view prefix = object.field_prefix;
  if (!prefix.empty() && prefix.back() == '.') prefix.remove_suffix(1);
  return prefix;
}

}  // namespace centinela::k8s::detail
