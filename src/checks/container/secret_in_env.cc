#include "checks/common/credentials.h"
#include "checks/container/common.h"
#include "checks/container/container.h"
#include "doc/path.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-secret-in-env",
    .title = "Secret written as a literal environment value",
    .severity = core::Severity::kHigh,
    .control = core::Control::kData,
    .layer = core::Layer::kCode,
    .description =
        "Reports env[*].value literals of containers (regular, init and ephemeral) whose variable "
        "is named "
        "like a secret (password, passwd, pwd, secret, token, api key, private key, credentials, a "
        "name "
        "ending in KEY, ...), and literal URLs with an embedded password "
        "(scheme://user:password@host). "
        "Values from valueFrom, empty values and obvious placeholders ($(VAR), ${VAR}, {{ .x }}, "
        "<your-key>, changeme, ****) are not reported; neither are names that point to a secret "
        "(PASSWORD_FILE, TOKEN_URL, SECRET_NAME). AWS credentials are reported by "
        "container-aws-static-credentials. A literal in a manifest is readable by everyone who can "
        "read the "
        "repository, the workload object or its ReplicaSets, and it cannot be rotated without a "
        "redeploy. "
        "The finding never repeats the value.",
    .remediation =
        "Move the value into a Secret (ideally synced from a secret manager) and reference it with "
        "env[*].valueFrom.secretKeyRef, or mount it as a file; then rotate the exposed secret.",
};

class ContainerSecretInEnv final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr) return;
    for (const k8s::ContainerView& c : ctx.pod->containers) {
      const doc::Node* env = pss::FindValue(c.node, {"env"});
      if (env == nullptr) continue;
      auto items = env->items();
      for (size_t i = 0; i < items.size(); ++i) {
        const doc::Node* value = pss::FindValue(items[i], {"value"});
        if (value == nullptr || !value->IsScalar()) continue;
        std::string_view name = items[i]->GetText("name");
        std::string_view text = value->text();
        if (IsAwsCredentialName(name) || FindAwsAccessKeyId(text).has_value()) continue;
        std::string message;
        if (IsSensitiveName(name) && !IsPlaceholderValue(text)) {
          message = ContainerLabel(c) + " sets env " + std::string(name) + " to a literal value";
        } else if (HasUrlCredentials(text)) {
          message = ContainerLabel(c) + " sets env " + std::string(name) +
                    " to a URL with an embedded password";
        } else {
          continue;
        }
        out.Emit(ctx.object, value, doc::FieldPath(c.path).Key("env").Index(i).Key("value").str(),
                 std::move(message));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerSecretInEnv() {
  return std::make_unique<ContainerSecretInEnv>();
}

}  // namespace centinela::checks
