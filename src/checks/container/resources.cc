#include "checks/container/resources.h"

#include <string>
#include <utility>

#include "checks/container/common.h"
#include "doc/node.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

bool HasKey(const doc::Node* item, std::string_view list, std::string_view resource) {
  const doc::Node* value = item->GetPath({list, resource});
  return value != nullptr && !value->IsNull();
}

}  // namespace

ResourceDefaults ContainerResourceDefaults(const k8s::Snapshot& snapshot, std::string_view ns) {
  ResourceDefaults d;
  for (const k8s::Object* range : snapshot.OfKind("LimitRange")) {
    if (range->EffectiveNamespace() != ns) continue;
    const doc::Node* limits = range->node->GetPath({"spec", "limits"});
    if (limits == nullptr) continue;
    for (const doc::Node* item : limits->items()) {
      if (item->GetText("type") != "Container") continue;
      bool limit_cpu = HasKey(item, "default", "cpu") || HasKey(item, "max", "cpu");
      bool limit_memory = HasKey(item, "default", "memory") || HasKey(item, "max", "memory");
      d.limit_cpu = d.limit_cpu || limit_cpu;
      d.limit_memory = d.limit_memory || limit_memory;
      d.request_cpu = d.request_cpu || limit_cpu || HasKey(item, "defaultRequest", "cpu") ||
                      HasKey(item, "min", "cpu");
      d.request_memory = d.request_memory || limit_memory ||
                         HasKey(item, "defaultRequest", "memory") || HasKey(item, "min", "memory");
    }
  }
  return d;
}

void EmitResourceValue(const ObjectContext& ctx, Emitter& out, const k8s::ContainerView& c,
                       std::string_view list, std::string_view resource, std::string_view problem) {
  pss::Field f = pss::Locate(c.node, c.path, {"resources", list, resource});
  out.Emit(ctx.object, f.node, f.path,
           ContainerLabel(c) + " sets resources." + std::string(list) + "." +
               std::string(resource) + "=" + pss::ValueText(f.node) + ", which " +
               std::string(problem));
}

void EmitMissingResources(const ObjectContext& ctx, Emitter& out, const k8s::ContainerView& c,
                          std::string_view list, const std::vector<std::string_view>& missing) {
  if (missing.empty()) return;
  pss::Field anchor = pss::Locate(c.node, c.path, {"resources", list, missing.front()});
  std::string message;
  std::string path;
  if (missing.size() == 1) {
    message = ContainerLabel(c) + " has no resources." + std::string(list) + "." +
              std::string(missing.front());
    path = anchor.path;
  } else {
    message = ContainerLabel(c) + " has no resources." + std::string(list) + " (cpu, memory)";
    path = pss::Locate(c.node, c.path, {"resources", list}).path;
  }
  out.Emit(ctx.object, anchor.node, path, std::move(message));
}

}  // namespace centinela::checks
