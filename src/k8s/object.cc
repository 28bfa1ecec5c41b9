#include "k8s/object.h"

namespace centinela::k8s {

std::optional<std::string_view> Lookup(const StringMap& map, std::string_view key) {
  for (const auto& [k, v] : map) {
    if (k == key) return v;
  }
  return std::nullopt;
}

std::string_view Object::group() const {
  size_t slash = api_version.find('/');
  return slash == std::string_view::npos ? std::string_view() : api_version.substr(0, slash);
}

std::string_view Object::version() const {
  size_t slash = api_version.find('/');
  return slash == std::string_view::npos ? api_version : api_version.substr(slash + 1);
}

std::string_view Object::EffectiveNamespace() const {
  if (!namespaced) return {};
  return namespace_.empty() ? std::string_view("default") : namespace_;
}

std::string_view Object::Label(std::string_view key, std::string_view fallback) const {
  return Lookup(labels, key).value_or(fallback);
}

std::string_view Object::Annotation(std::string_view key, std::string_view fallback) const {
  return Lookup(annotations, key).value_or(fallback);
}

bool Object::HasAnnotation(std::string_view key) const {
  return Lookup(annotations, key).has_value();
}

std::string_view Object::file() const { return document->source->path(); }

core::ObjectRef Object::Ref() const { return core::ObjectRef{api_version, kind, namespace_, name}; }

}  // namespace centinela::k8s
