#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checks/common/common.h"
#include "checks/pss/namespaces.h"
#include "checks/pss/pss.h"
#include "core/strings.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "pss-namespace-label-invalid",
    .title = "Invalid Pod Security namespace label",
    .severity = core::Severity::kMedium,
    .control = core::Control::kOrchestrator,
    .layer = core::Layer::kCluster,
    .description =
        "Reports pod-security.kubernetes.io labels of Namespace objects that the API server "
        "rejects (a level other than privileged, baseline or restricted; a version other than "
        "latest or v1.<minor>) and labels under that prefix that Pod Security does not know (a "
        "misspelt key is silently ignored, so the namespace is not protected as intended). A "
        "namespace that already carries an invalid value is evaluated as upstream does: an "
        "invalid enforce level as restricted, an invalid audit or warn level as privileged (off), "
        "an invalid version as latest.",
    .remediation =
        "Use exactly pod-security.kubernetes.io/<mode>: privileged|baseline|restricted and "
        "pod-security.kubernetes.io/<mode>-version: latest|v1.<minor>, with <mode> one of "
        "enforce, audit, warn.",
};

std::vector<std::string> KnownLabels() {
  std::vector<std::string> out;
  for (pss::Mode mode : pss::kAllModes) {
    out.push_back(pss::LevelLabel(mode));
    out.push_back(pss::VersionLabel(mode));
  }
  return out;
}

// What the namespace's pods are evaluated at in the mode of `label`, for the message.
std::string Consequence(std::string_view label, const pss::Policy& policy) {
  for (pss::Mode mode : pss::kAllModes) {
    if (label != pss::LevelLabel(mode) && label != pss::VersionLabel(mode)) continue;
    const pss::LevelVersion& lv = policy.Of(mode);
    std::string out =
        "pods are evaluated as " + std::string(pss::ToString(mode)) + "=" + lv.ToString();
    if (lv.level == pss::Level::kPrivileged) {
      out += " (" + std::string(pss::ToString(mode)) + " is off)";
    }
    return out;
  }
  return {};
}

class PssNamespaceLabelInvalid final : public Check {
 public:
  explicit PssNamespaceLabelInvalid(std::shared_ptr<const pss::AdmissionConfig> config)
      : config_(std::move(config)) {}

  const CheckInfo& info() const override { return kInfo; }

  void CheckSnapshot(const k8s::Snapshot& snapshot, Emitter& out) const override {
    for (const k8s::Object* ns : snapshot.OfKind("Namespace")) {
      if (!HasPssLabel(*ns)) continue;
      const pss::Policy defaults = config_ != nullptr ? config_->defaults : pss::Policy{};
      std::vector<pss::LabelError> errors;
      const pss::Policy policy = pss::PolicyForNamespace(*ns, defaults, &errors);
      const doc::FieldPath labels_path = RootPath(*ns).Key("metadata").Key("labels");
      for (const pss::LabelError& e : errors) {
        out.Emit(*ns, e.node, labels_path.Key(e.label).str(),
                 "invalid Pod Security label " + e.label + "=\"" + e.value + "\": " + e.message +
                     "; the API server rejects it when the namespace is created or updated, and " +
                     Consequence(e.label, policy));
      }
      const doc::Node* label_nodes =
          ns->metadata != nullptr ? ns->metadata->Get("labels") : nullptr;
      const std::vector<std::string> known = KnownLabels();
      for (const auto& [key, value] : ns->labels) {
        if (key.substr(0, kPssLabelPrefix.size()) != kPssLabelPrefix) continue;
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        const doc::Entry* entry = FindEntry(label_nodes, key);
        std::string message =
            "unknown Pod Security label " + std::string(key) + ": the API server ignores it";
        std::vector<std::string> suggestions = core::Suggest(key, known);
        if (!suggestions.empty()) message += "; did you mean " + suggestions[0] + "?";
        out.Emit(*ns, entry != nullptr ? entry->key : nullptr, labels_path.Key(key).str(),
                 std::move(message));
      }
    }
  }

 private:
  std::shared_ptr<const pss::AdmissionConfig> config_;
};

}  // namespace

std::unique_ptr<Check> MakePssNamespaceLabelInvalid(
    std::shared_ptr<const pss::AdmissionConfig> config) {
  return std::make_unique<PssNamespaceLabelInvalid>(std::move(config));
}

}  // namespace centinela::checks
