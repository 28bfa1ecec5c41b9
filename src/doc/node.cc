#include "doc/node.h"

#include <cmath>
#include <cstring>

#include "doc/scalar.h"

namespace centinela::doc {

std::string_view ToString(NodeKind kind) {
  switch (kind) {
    case NodeKind::kNull: return "null";
    case NodeKind::kBool: return "boolean";
    case NodeKind::kInt: return "integer";
    case NodeKind::kFloat: return "number";
    case NodeKind::kString: return "string";
    case NodeKind::kSequence: return "list";
    case NodeKind::kMapping: return "mapping";
  }
  return "unknown";
}

static_assert(sizeof(Node) == 24, "Node layout grew; trees of large inputs hold millions of nodes");

std::optional<bool> Node::AsBool() const {
  if (kind_ != NodeKind::kBool) return std::nullopt;
  return ParseBoolScalar(text());
}

std::optional<int64_t> Node::AsInt() const {
  if (kind_ == NodeKind::kInt) return ParseIntScalar(text());
  if (kind_ == NodeKind::kFloat) {
    std::optional<double> d = ParseFloatScalar(text());
    if (d && std::isfinite(*d) && std::trunc(*d) == *d && std::fabs(*d) < 9.2e18) {
      return static_cast<int64_t>(*d);
    }
  }
  return std::nullopt;
}

std::optional<double> Node::AsDouble() const {
  if (kind_ == NodeKind::kInt) {
    std::optional<int64_t> i = ParseIntScalar(text());
    if (i) return static_cast<double>(*i);
    return std::nullopt;
  }
  if (kind_ == NodeKind::kFloat) return ParseFloatScalar(text());
  return std::nullopt;
}

std::optional<std::string_view> Node::AsString() const {
  if (kind_ != NodeKind::kString) return std::nullopt;
  return text();
}

const Node* Node::Get(std::string_view key) const {
  if (kind_ != NodeKind::kMapping) return nullptr;
  for (const Entry& e : entries()) {
    // Lookups are the checks' inner loop: the size and first byte rule out most keys before the
    // text is compared.
    const Node& k = *e.key;
    if (!k.IsScalar() || k.size_ != key.size()) continue;
    if (key.empty() || (k.text_[0] == key[0] && std::memcmp(k.text_, key.data(), key.size()) == 0))
      return e.value;
  }
  return nullptr;
}

const Node* Node::GetPath(std::initializer_list<std::string_view> keys) const {
  const Node* n = this;
  for (std::string_view k : keys) {
    n = n->Get(k);
    if (n == nullptr) return nullptr;
  }
  return n;
}

std::string_view Node::GetText(std::string_view key) const {
  const Node* n = Get(key);
  return n != nullptr ? n->text() : std::string_view();
}

bool Equal(const Node& a, const Node& b) {
  if (&a == &b) return true;
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case NodeKind::kNull: return true;
    case NodeKind::kBool: return a.AsBool() == b.AsBool();
    case NodeKind::kInt: return a.AsInt() == b.AsInt();
    case NodeKind::kFloat: {
      std::optional<double> x = a.AsDouble(), y = b.AsDouble();
      if (!x || !y) return a.text() == b.text();
      return *x == *y || (std::isnan(*x) && std::isnan(*y));
    }
    case NodeKind::kString: return a.text() == b.text();
    case NodeKind::kSequence: {
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (!Equal(*a.items()[i], *b.items()[i])) return false;
      }
      return true;
    }
    case NodeKind::kMapping: {
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (!Equal(*a.entries()[i].key, *b.entries()[i].key) ||
            !Equal(*a.entries()[i].value, *b.entries()[i].value)) {
          return false;
        }
      }
      return true;
    }
  }
  return false;
}

std::string Describe(const Node& node) {
  switch (node.kind()) {
    case NodeKind::kSequence: return "[list of " + std::to_string(node.size()) + "]";
    case NodeKind::kMapping: return "{mapping of " + std::to_string(node.size()) + "}";
    case NodeKind::kNull: return "null";
    default: {
      std::string text(node.text());
      if (text.size() > 60) text = text.substr(0, 57) + "...";
      return text;
    }
  }
}

}  // namespace centinela::doc
