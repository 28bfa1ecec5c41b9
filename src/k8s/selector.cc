#include "k8s/selector.h"

#include <algorithm>
#include <optional>

#include "doc/path.h"
#include "k8s/detail.h"

namespace centinela::k8s {

namespace {

using core::Error;
using doc::FieldPath;

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool IsQualifiedNamePart(std::string_view s) {
  if (s.empty() || !IsAlnum(s.front()) || !IsAlnum(s.back())) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return IsAlnum(c) || c == '-' || c == '_' || c == '.'; });
}

// [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*
bool IsDns1123Subdomain(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  size_t start = 0;
  while (true) {
    size_t dot = s.find('.', start);
    std::string_view label =
        s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty()) return false;
    auto lower_alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!lower_alnum(label.front()) || !lower_alnum(label.back())) return false;
    for (char c : label) {
      if (!lower_alnum(c) && c != '-') return false;
    }
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

constexpr std::string_view kNameChars =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric "
    "character";

// The errors of k8s.io/apimachinery validation.IsQualifiedName, joined with "; "; empty when valid.
std::string LabelKeyError(std::string_view key) {
  std::vector<std::string> errs;
  std::string_view name = key;
  size_t slash = key.find('/');
  if (slash != std::string_view::npos) {
    if (key.find('/', slash + 1) != std::string_view::npos) {
      return "a qualified name " + std::string(kNameChars) +
             " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
    }
    std::string_view prefix = key.substr(0, slash);
    name = key.substr(slash + 1);
    if (prefix.empty()) {
      errs.emplace_back("prefix part must be non-empty");
    } else if (prefix.size() > 253) {
      errs.emplace_back("prefix part must be no more than 253 characters");
    } else if (!IsDns1123Subdomain(prefix)) {
      errs.emplace_back(
          "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
          "characters, '-' or "
          "'.', and must start and end with an alphanumeric character");
    }
  }
  if (name.empty()) {
    errs.emplace_back("name part must be non-empty");
  } else if (name.size() > 63) {
    errs.emplace_back("name part must be no more than 63 characters");
  }
  if (!IsQualifiedNamePart(name)) errs.push_back("name part " + std::string(kNameChars));
  std::string out;
  for (const std::string& e : errs) {
    if (!out.empty()) out += "; ";
    out += e;
  }
  return out;
}

// The errors of validation.IsValidLabelValue; empty when valid.
std::string LabelValueError(std::string_view value) {
  std::string out;
  if (value.size() > 63) out = "must be no more than 63 characters";
  if (!value.empty() && !IsQualifiedNamePart(value)) {
    if (!out.empty()) out += "; ";
    out +=
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
        "'.', and ";
    out += "must start and end with an alphanumeric character";
  }
  return out;
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

Error Invalid(const FieldPath& path, std::string_view value, const std::string& detail) {
  return Error{path.str() + ": Invalid value: " + Quote(value) + ": " + detail};
}

// Reads a string field: nullopt with `error` set when the node is neither a string nor null.
std::optional<std::string_view> ReadString(const doc::Node* node, const FieldPath& path,
                                           std::optional<Error>& error) {
  if (!detail::IsSet(node)) return std::string_view();
  if (!node->IsString()) {
    error = Error{detail::TypeError(path.str(), doc::NodeKind::kString, *node)};
    return std::nullopt;
  }
  return node->text();
}

}  // namespace

core::Result<LabelSelector> LabelSelector::Parse(const doc::Node* node,
                                                 std::string_view path_text) {
  if (!detail::IsSet(node)) return Nothing();
  FieldPath path(path_text);
  if (!node->IsMapping())
    return Error{detail::TypeError(path.str(), doc::NodeKind::kMapping, *node)};

  LabelSelector out;
  const doc::Node* match_labels = nullptr;
  const doc::Node* match_expressions = nullptr;
  for (const doc::Entry& e : node->entries()) {
    std::string_view key = e.key->text();
    if (key == "matchLabels") {
      match_labels = e.value;
    } else if (key == "matchExpressions") {
      match_expressions = e.value;
    } else {
      return Error{"unknown field " + Quote(path.Key(key).str())};
    }
  }

  std::optional<Error> error;
  if (detail::IsSet(match_labels)) {
    FieldPath labels_path = path.Key("matchLabels");
    if (!match_labels->IsMapping()) {
      return Error{detail::TypeError(labels_path.str(), doc::NodeKind::kMapping, *match_labels)};
    }
    for (const doc::Entry& e : match_labels->entries()) {
      std::string_view key = e.key->text();
      FieldPath value_path = labels_path.Key(key);
      std::optional<std::string_view> value = ReadString(e.value, value_path, error);
      if (!value) return *error;
      if (std::string err = LabelKeyError(key); !err.empty()) return Invalid(labels_path, key, err);
      if (std::string err = LabelValueError(*value); !err.empty())
        return Invalid(value_path, *value, err);
      out.requirements_.push_back(
          Requirement{std::string(key), Op::kEquals, {std::string(*value)}});
    }
  }

  if (detail::IsSet(match_expressions)) {
    FieldPath exprs_path = path.Key("matchExpressions");
    if (!match_expressions->IsSequence()) {
      return Error{
          detail::TypeError(exprs_path.str(), doc::NodeKind::kSequence, *match_expressions)};
    }
    for (size_t i = 0; i < match_expressions->size(); ++i) {
      const doc::Node* expr = match_expressions->items()[i];
      FieldPath expr_path = exprs_path.Index(i);
      if (!expr->IsMapping())
        return Error{detail::TypeError(expr_path.str(), doc::NodeKind::kMapping, *expr)};
      const doc::Node* key_node = nullptr;
      const doc::Node* op_node = nullptr;
      const doc::Node* values_node = nullptr;
      for (const doc::Entry& e : expr->entries()) {
        std::string_view field = e.key->text();
        if (field == "key") {
          key_node = e.value;
        } else if (field == "operator") {
          op_node = e.value;
        } else if (field == "values") {
          values_node = e.value;
        } else {
          return Error{"unknown field " + Quote(expr_path.Key(field).str())};
        }
      }
      std::optional<std::string_view> key = ReadString(key_node, expr_path.Key("key"), error);
      if (!key) return *error;
      std::optional<std::string_view> op_text =
          ReadString(op_node, expr_path.Key("operator"), error);
      if (!op_text) return *error;

      Requirement req{std::string(*key), Op::kIn, {}};
      FieldPath values_path = expr_path.Key("values");
      if (detail::IsSet(values_node)) {
        if (!values_node->IsSequence()) {
          return Error{
              detail::TypeError(values_path.str(), doc::NodeKind::kSequence, *values_node)};
        }
        for (size_t j = 0; j < values_node->size(); ++j) {
          std::optional<std::string_view> v =
              ReadString(values_node->items()[j], values_path.Index(j), error);
          if (!v) return *error;
          req.values.emplace_back(*v);
        }
      }

      if (*op_text == "In" || *op_text == "NotIn") {
        req.op = *op_text == "In" ? Op::kIn : Op::kNotIn;
        if (req.values.empty()) {
          return Error{values_path.str() +
                       ": Required value: must be specified when `operator` is 'In' or 'NotIn'"};
        }
      } else if (*op_text == "Exists" || *op_text == "DoesNotExist") {
        req.op = *op_text == "Exists" ? Op::kExists : Op::kDoesNotExist;
        if (!req.values.empty()) {
          return Error{
              values_path.str() +
              ": Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"};
        }
      } else {
        return Error{expr_path.Key("operator").str() + ": Unsupported value: " + Quote(*op_text) +
                     R"(: supported values: "In", "NotIn", "Exists", "DoesNotExist")"};
      }
      if (std::string err = LabelKeyError(req.key); !err.empty()) {
        return Invalid(expr_path.Key("key"), req.key, err);
      }
      for (size_t j = 0; j < req.values.size(); ++j) {
        if (std::string err = LabelValueError(req.values[j]); !err.empty()) {
          return Invalid(values_path.Index(j), req.values[j], err);
        }
      }
      out.requirements_.push_back(std::move(req));
    }
  }

  std::stable_sort(out.requirements_.begin(), out.requirements_.end(),
                   [](const Requirement& a, const Requirement& b) { return a.key < b.key; });
  return out;
}

LabelSelector LabelSelector::FromMap(const doc::Node* node, bool empty_matches_all) {
  if (!detail::IsSet(node) || (node->IsMapping() && node->size() == 0)) {
    return empty_matches_all ? Everything() : Nothing();
  }
  if (!node->IsMapping()) return Nothing();
  LabelSelector out;
  for (const doc::Entry& e : node->entries()) {
    if (!e.value->IsString()) return Nothing();
    out.requirements_.push_back(
        Requirement{std::string(e.key->text()), Op::kEquals, {std::string(e.value->text())}});
  }
  std::stable_sort(out.requirements_.begin(), out.requirements_.end(),
                   [](const Requirement& a, const Requirement& b) { return a.key < b.key; });
  return out;
}

LabelSelector LabelSelector::Everything() { return {}; }

LabelSelector LabelSelector::Nothing() {
  LabelSelector out;
  out.nothing_ = true;
  return out;
}

bool LabelSelector::Matches(const StringMap& labels) const {
  if (nothing_) return false;
  for (const Requirement& r : requirements_) {
    std::optional<std::string_view> value = Lookup(labels, r.key);
    auto has_value = [&] {
      return std::find(r.values.begin(), r.values.end(), *value) != r.values.end();
    };
    bool ok = false;
    switch (r.op) {
      case Op::kIn:
      case Op::kEquals: ok = value.has_value() && has_value(); break;
      case Op::kNotIn: ok = !value.has_value() || !has_value(); break;
      case Op::kExists: ok = value.has_value(); break;
      case Op::kDoesNotExist: ok = !value.has_value(); break;
    }
    if (!ok) return false;
  }
  return true;
}

std::string LabelSelector::ToString() const {
  if (nothing_) return "<none>";
  std::string out;
  for (const Requirement& r : requirements_) {
    if (!out.empty()) out += ',';
    switch (r.op) {
      case Op::kEquals:
        out += r.key;
        out += '=';
        if (!r.values.empty()) out += r.values.front();
        break;
      case Op::kExists: out += r.key; break;
      case Op::kDoesNotExist:
        out += '!';
        out += r.key;
        break;
      case Op::kIn:
      case Op::kNotIn: {
        std::vector<std::string> sorted = r.values;
        std::sort(sorted.begin(), sorted.end());
        out += r.key;
        out += r.op == Op::kIn ? " in (" : " notin (";
        for (size_t i = 0; i < sorted.size(); ++i) {
          if (i > 0) out += ',';
          out += sorted[i];
        }
        out += ')';
        break;
      }
    }
  }
  return out;
}

}  // namespace centinela::k8s
