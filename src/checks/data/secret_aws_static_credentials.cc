#include <optional>
#include <string>
#include <string_view>

#include "checks/common/common.h"
#include "checks/common/credentials.h"
#include "checks/data/data.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "secret-aws-static-credentials",
    "Secret holds static AWS credentials",
    core::Severity::kHigh,
    core::Control::kPermissions,
    core::Layer::kCloud,
    "Long-lived AWS access keys in a Secret (an AKIA/ASIA access key id, an aws_secret_access_key, "
    "or an AWS "
    "credentials file) never expire, are shared by every pod that mounts them, and take precedence "
    "over IRSA and "
    "EKS Pod Identity in the AWS SDK credential chain. Anyone who can read the Secret, or any "
    "compromised pod "
    "using it, holds the IAM user's permissions from anywhere. Secret data is base64-decoded "
    "before it is "
    "inspected; values that are not valid base64 are skipped.",
    "Delete the Secret and deactivate the IAM user's access keys; give the workload an IAM role "
    "through IRSA "
    "(eks.amazonaws.com/role-arn on its ServiceAccount) or an EKS Pod Identity association "
    "instead.",
};

constexpr std::string_view kAdvice = ": static keys bypass IRSA and EKS Pod Identity";

std::optional<std::string> Diagnose(std::string_view key, std::string_view value) {
  if (auto id = FindAwsAccessKeyId(value))
    return "contains an AWS access key id (" + RedactKeyId(*id) + ")";
  if (IsAwsSecretAccessKeyName(key) && !IsReferenceValue(value)) {
    return std::string("holds an AWS secret access key");
  }
  for (const Assignment& a : FindAssignments(value)) {
    if (IsAwsSecretAccessKeyName(a.key) && !IsReferenceValue(a.value)) {
      return "sets \"" + a.key + "\" (an AWS credentials file or environment file)";
    }
  }
  return std::nullopt;
}

class SecretAwsStaticCredentials : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    const k8s::Object& secret = ctx.object;
    if (secret.kind != "Secret" || !secret.group().empty()) return;
    for (std::string_view field : {"data", "stringData"}) {
      const doc::Node* map = secret.node->Get(field);
      if (map == nullptr || !map->IsMapping()) continue;
      const bool encoded = field == "data";
      for (const doc::Entry& e : map->entries()) {
        if (!e.key->IsScalar() || !e.value->IsScalar() || e.value->IsNull()) continue;
        std::string_view key = e.key->text();
        std::optional<std::string> decoded;
        std::string_view value = e.value->text();
        if (encoded) {
          decoded = DecodeBase64(value);
          if (!decoded) continue;  // the API server rejects it; nothing to inspect
          value = *decoded;
        }
        std::optional<std::string> reason = Diagnose(key, value);
        if (!reason) continue;
        doc::FieldPath relative = doc::FieldPath().Key(field).Key(key);
        out.Emit(secret, e.key, RootPath(secret).Key(field).Key(key).str(),
                 relative.str() + " " + *reason + std::string(kAdvice));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeSecretAwsStaticCredentials() {
  return std::make_unique<SecretAwsStaticCredentials>();
}

}  // namespace centinela::checks
