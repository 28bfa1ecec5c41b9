#include "checks/container/common.h"

namespace centinela::checks {

std::string_view ObjectRootPath(const k8s::Object& object) {
  std::string_view prefix = object.field_prefix;
  if (!prefix.empty() && prefix.back() == '.') prefix.remove_suffix(1);
  return prefix;
}

std::string Quoted(std::string_view text) {
  std::string out = "\"";
  out += text;
  out += '"';
  return out;
}

std::string ContainerLabel(const k8s::ContainerView& container) {
  std::string out;
  switch (container.kind) {
    case k8s::ContainerKind::kContainer: out = "container "; break;
    case k8s::ContainerKind::kInit: out = "init container "; break;
    case k8s::ContainerKind::kEphemeral: out = "ephemeral container "; break;
  }
  return out + Quoted(container.name);
}

std::string ContainersLabel(const std::vector<const k8s::ContainerView*>& containers) {
  if (containers.size() == 1) return ContainerLabel(*containers.front());
  std::string out = "containers ";
  for (size_t i = 0; i < containers.size(); ++i) {
    if (i > 0) out += ", ";
    out += Quoted(containers[i]->name);
  }
  return out;
}

bool IsLongRunning(const k8s::Object& object, const k8s::PodView& pod) {
  if (object.kind == "Job" || object.kind == "CronJob") return false;
  if (object.kind == "Pod" || object.kind == "PodTemplate") {
    std::string_view policy = pod.spec->GetText("restartPolicy");
    return policy != "Never" && policy != "OnFailure";
  }
  return true;
}

const doc::Node* KeyNode(const doc::Node* mapping, std::string_view key) {
  if (mapping == nullptr || !mapping->IsMapping()) return nullptr;
  for (const doc::Entry& e : mapping->entries()) {
    if (e.key->IsScalar() && e.key->text() == key) return e.key;
  }
  return nullptr;
}

void InheritedGroups::Add(const pss::Field& field, int cause, const k8s::ContainerView& container) {
  for (Group& g : groups_) {
    if (g.field.node == field.node && g.cause == cause) {
      g.containers.push_back(&container);
      return;
    }
  }
  groups_.push_back(Group{field, cause, {&container}});
}

}  // namespace centinela::checks
