#include "checks/pod/host_namespace.h"

#include "checks/container/common.h"

namespace centinela::checks {

void CheckHostNamespace(const ObjectContext& ctx, Emitter& out, pss::HostNamespace ns,
                        std::string_view consequence) {
  if (ctx.pod == nullptr) return;
  if (auto f = pss::SharedHostNamespace(*ctx.pod, ns)) {
    out.Emit(ctx.object, f->node, f->path,
             "pod spec sets " + std::string(pss::FieldName(ns)) + "=" + pss::ValueText(f->node) +
                 ": " + std::string(consequence));
  }
}

}  // namespace centinela::checks
