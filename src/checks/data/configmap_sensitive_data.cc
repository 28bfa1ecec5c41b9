#include <optional>
#include <string>
#include <string_view>

#include "checks/common/common.h"
#include "checks/common/credentials.h"
#include "checks/data/data.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "configmap-sensitive-data",
    "Credential stored in a ConfigMap",
    core::Severity::kHigh,
    core::Control::kData,
    core::Layer::kCluster,
    "ConfigMaps are not meant for secrets: they are readable by anyone with get on configmaps, are "
    "printed by "
    "kubectl describe, end up in Git, Helm values and logs, and are never encrypted at rest. The "
    "check reports a "
    "data or binaryData entry whose key names a password, token, secret or key with a literal "
    "value, or whose "
    "value contains a PEM private key, an AWS access key id or secret key, a connection string "
    "with an embedded "
    "password, or a `key=value` line setting such a credential (properties, .env and INI files).",
    "Move the value to a Secret (or better an external secret store: AWS Secrets Manager through "
    "the Secrets "
    "Store CSI driver or External Secrets), reference it with secretKeyRef or a volume, rotate the "
    "exposed "
    "credential, and keep only non-secret settings in the ConfigMap.",
};

// The first reason why `value` (under ConfigMap key `key`) holds a credential, or nullopt.
std::optional<std::string> Diagnose(std::string_view key, std::string_view value) {
  if (auto pem = FindPemPrivateKey(value)) return "contains a PEM private key (" + *pem + ")";
  if (auto id = FindAwsAccessKeyId(value))
    return "contains an AWS access key id (" + RedactKeyId(*id) + ")";
  if (IsAwsSecretAccessKeyName(key) && !IsReferenceValue(value))
    return std::string("holds an AWS secret access key");
  std::vector<Assignment> assignments = FindAssignments(value);
  for (const Assignment& a : assignments) {
    if (IsAwsSecretAccessKeyName(a.key) && !IsReferenceValue(a.value)) {
      return "sets \"" + a.key + "\" to an AWS secret access key";
    }
  }
  if (auto url = FindUrlWithPassword(value)) {
    return "contains a connection string with an embedded password (" + *url + ")";
  }
  for (const Assignment& a : assignments) {
    if (IsLiteralCredential(a.key, a.value))
      return "sets \"" + a.key + "\" to a literal credential";
  }
  if (IsLiteralCredential(key, value)) {
    return std::string(
        "holds a literal credential: the key names a password, token, secret or key");
  }
  return std::nullopt;
}

class ConfigmapSensitiveData : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    const k8s::Object& cm = ctx.object;
    if (cm.kind != "ConfigMap" || !cm.group().empty()) return;
    for (std::string_view field : {"data", "binaryData"}) {
      const doc::Node* map = cm.node->Get(field);
      if (map == nullptr || !map->IsMapping()) continue;
      const bool binary = field == "binaryData";
      for (const doc::Entry& e : map->entries()) {
        if (!e.key->IsScalar() || !e.value->IsScalar() || e.value->IsNull()) continue;
        std::string_view key = e.key->text();
        std::optional<std::string> decoded;
        std::string_view value = e.value->text();
        if (binary) {
          decoded = DecodeBase64(value);
          if (!decoded) continue;
          value = *decoded;
        }
        std::optional<std::string> reason = Diagnose(key, value);
        if (!reason) continue;
        doc::FieldPath relative = doc::FieldPath().Key(field).Key(key);
        out.Emit(cm, e.key, RootPath(cm).Key(field).Key(key).str(), relative.str() + " " + *reason);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeConfigmapSensitiveData() {
  return std::make_unique<ConfigmapSensitiveData>();
}

}  // namespace centinela::checks
