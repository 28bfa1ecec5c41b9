#include <string>

#include "checks/common/common.h"
#include "checks/orchestrator/orchestrator.h"
#include "k8s/kinds.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "api-deprecated-version",
    "Deprecated or removed API version",
    core::Severity::kMedium,
    core::Control::kOrchestrator,
    core::Layer::kCluster,
    "The object uses an apiVersion that Kubernetes has deprecated or already stopped serving (per "
    "the upstream "
    "Deprecated API Migration Guide). A removed version cannot be applied to a current cluster "
    "(high): the "
    "manifest pins the cluster to an old, unsupported release, the opposite of keeping the "
    "orchestrator up to "
    "date. A deprecated one will break at the release that removes it (medium).",
    "Change apiVersion to the replacement named in the finding and adapt the fields that changed "
    "(see the "
    "Deprecated API Migration Guide), or run kubectl convert; then keep the cluster on a supported "
    "release.",
};

class ApiDeprecatedVersion : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    const k8s::Object& object = ctx.object;
    auto api = k8s::FindDeprecatedApi(object.api_version, object.kind);
    if (!api) return;
    std::string message = std::string(object.api_version) + " " + std::string(object.kind);
    auto removed = ParseKubernetesMinor(api->removed_in);
    const bool gone = removed && *removed <= kNewestKubernetesMinor;
    if (gone) {
      message += " was removed in " + std::string(api->removed_in);
    } else {
      message += " is deprecated";
      if (!api->deprecated_in.empty()) message += " since " + std::string(api->deprecated_in);
      if (!api->removed_in.empty())
        message += " and will be removed in " + std::string(api->removed_in);
    }
    if (!api->replacement.empty()) {
      message += "; use " + std::string(api->replacement);
    } else {
      message += "; it has no direct replacement";
    }
    out.Emit(object, object.node->Get("apiVersion"), RootPath(object).Key("apiVersion").str(),
             std::move(message), gone ? core::Severity::kHigh : core::Severity::kMedium);
  }
};

}  // namespace

std::optional<int> ParseKubernetesMinor(std::string_view release) {
  if (!release.empty() && release.front() == 'v') release.remove_prefix(1);
  if (release.substr(0, 2) != "1.") return std::nullopt;
  release.remove_prefix(2);
  if (release.empty() || release.size() > 4) return std::nullopt;
  int minor = 0;
  for (char c : release) {
    if (c < '0' || c > '9') return std::nullopt;
    minor = minor * 10 + (c - '0');
  }
  return minor;
}

std::unique_ptr<Check> MakeApiDeprecatedVersion() {
  return std::make_unique<ApiDeprecatedVersion>();
}

}  // namespace centinela::checks
