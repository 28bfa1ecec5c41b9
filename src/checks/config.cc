#include "checks/config.h"

#include <string_view>

#include "core/strings.h"
#include "k8s/kinds.h"

namespace centinela::checks {

namespace {

std::string Where(const doc::Document& document, const doc::Node& node) {
  return document.source->path() + ":" + std::to_string(node.line()) + ":" +
         std::to_string(node.column());
}

core::Error TypeError(const doc::Document& document, const doc::Node& node, std::string_view field,
                      std::string_view expected) {
  return core::Error{Where(document, node) + ": error: " + std::string(field) + ": expected " +
                     std::string(expected) + ", got " + std::string(doc::ToString(node.kind()))};
}

// A list of strings; a single string is accepted as a one-item list.
core::Result<std::vector<std::string>> StringList(const doc::Document& document,
                                                  const doc::Node& node, std::string_view field) {
  std::vector<std::string> out;
  if (node.IsScalar() && !node.IsNull()) {
    out.emplace_back(node.text());
    return out;
  }
  if (!node.IsSequence()) return TypeError(document, node, field, "a list of strings");
  for (const doc::Node* item : node.items()) {
    if (!item->IsScalar() || item->IsNull()) return TypeError(document, *item, field, "a string");
    out.emplace_back(item->text());
  }
  return out;
}

core::Result<core::Severity> SeverityField(const doc::Document& document, const doc::Node& node,
                                           std::string_view field) {
  auto s = core::ParseSeverity(node.text());
  if (!node.IsScalar() || !s) {
    return core::Error{Where(document, node) + ": error: " + std::string(field) +
                       ": expected one of info, low, medium, high, critical"};
  }
  return *s;
}

core::Result<Exclusion> ParseExclusion(const doc::Document& document, const doc::Node& node) {
  if (!node.IsMapping()) return TypeError(document, node, "exclude[]", "a mapping");
  Exclusion rule;
  rule.origin = document.source->path() + ":" + std::to_string(node.line());
  for (const doc::Entry& e : node.entries()) {
    std::string_view key = e.key->text();
    std::vector<std::string>* list = nullptr;
    if (key == "checks")
      list = &rule.checks;
    else if (key == "namespaces")
      list = &rule.namespaces;
    else if (key == "kinds")
      list = &rule.kinds;
    else if (key == "names")
      list = &rule.names;
    if (list != nullptr) {
      auto values = StringList(document, *e.value, "exclude[]." + std::string(key));
      if (!values) return values.error();
      *list = std::move(values).value();
    } else if (key == "reason") {
      if (!e.value->IsScalar())
        return TypeError(document, *e.value, "exclude[].reason", "a string");
      rule.reason = std::string(e.value->text());
    } else {
      return core::Error{Where(document, *e.key) + ": error: unknown key \"" + std::string(key) +
                         "\" in exclude rule (expected checks, namespaces, kinds, names, reason)"};
    }
  }
  if (rule.checks.empty() && rule.namespaces.empty() && rule.kinds.empty() && rule.names.empty()) {
    return core::Error{
        Where(document, node) +
        ": error: exclude rule matches everything; give at least one of checks, namespaces, kinds, "
        "names"};
  }
  return rule;
}

bool AnyGlob(const std::vector<std::string>& globs, std::string_view text) {
  if (globs.empty()) return true;
  for (const auto& g : globs) {
    if (core::GlobMatch(g, text)) return true;
  }
  return false;
}

}  // namespace

core::Result<Config> ParseConfig(const doc::Document& document) {
  Config config;
  const doc::Node& root = *document.root;
  if (root.IsNull()) return config;
  if (!root.IsMapping()) return TypeError(document, root, "configuration", "a mapping");
  for (const doc::Entry& e : root.entries()) {
    std::string_view key = e.key->text();
    if (key == "exclude") {
      if (!e.value->IsSequence())
        return TypeError(document, *e.value, "exclude", "a list of rules");
      for (const doc::Node* item : e.value->items()) {
        auto rule = ParseExclusion(document, *item);
        if (!rule) return rule.error();
        config.exclusions.push_back(std::move(rule).value());
      }
    } else if (key == "checks" || key == "skip-checks") {
      auto values = StringList(document, *e.value, key);
      if (!values) return values.error();
      (key == "checks" ? config.checks : config.skip_checks) = std::move(values).value();
    } else if (key == "fail-on" || key == "min-severity") {
      auto s = SeverityField(document, *e.value, key);
      if (!s) return s.error();
      (key == "fail-on" ? config.fail_on : config.min_severity) = *s;
    } else {
      return core::Error{Where(document, *e.key) + ": error: unknown key \"" + std::string(key) +
                         "\" (expected exclude, checks, skip-checks, fail-on, min-severity)"};
    }
  }
  return config;
}

void ApplyExclusions(const Config& config, std::vector<core::Finding>& findings) {
  for (core::Finding& f : findings) {
    if (f.suppressed) continue;
    for (const Exclusion& rule : config.exclusions) {
      // A namespaced object without metadata.namespace lands in "default", so rules name it that
      // way.
      std::string_view ns = f.object.namespace_;
      if (ns.empty() && k8s::IsNamespacedKind(f.object.kind)) ns = "default";
      if (AnyGlob(rule.checks, f.check) && AnyGlob(rule.namespaces, ns) &&
          AnyGlob(rule.kinds, f.object.kind) && AnyGlob(rule.names, f.object.name)) {
        f.suppressed = true;
        f.suppression = "config " + rule.origin;
        if (!rule.reason.empty()) f.suppression += ": " + rule.reason;
        break;
      }
    }
  }
}

}  // namespace centinela::checks
