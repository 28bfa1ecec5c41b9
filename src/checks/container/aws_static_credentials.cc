#include "checks/common/credentials.h"
#include "checks/container/common.h"
#include "checks/container/container.h"
#include "doc/path.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-aws-static-credentials",
    .title = "Container gets static AWS credentials",
    .severity = core::Severity::kCritical,
    .control = core::Control::kPermissions,
    .layer = core::Layer::kCloud,
    .description =
        "Reports containers (regular, init and ephemeral) that receive long-lived AWS keys through "
        "their "
        "environment: a literal value for AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, "
        "AWS_SESSION_TOKEN (or "
        "the legacy AWS_ACCESS_KEY, AWS_SECRET_KEY, AWS_SECURITY_TOKEN), or any literal containing "
        "an access "
        "key id (AKIA... or ASIA...), critical; the same variables taken from a ConfigMap, "
        "critical, or from "
        "a Secret (valueFrom.secretKeyRef, or envFrom a Secret of the input that holds them), "
        "high. "
        "Environment credentials come first in the AWS SDK credential chain, so they override IRSA "
        "and EKS "
        "Pod Identity: the pod acts as an IAM user whose keys never expire, instead of a role "
        "scoped to its "
        "ServiceAccount.",
    .remediation =
        "Remove the AWS_* key variables, deactivate and rotate the exposed access key, and give "
        "the pod an "
        "IAM role through its ServiceAccount: IRSA (annotation eks.amazonaws.com/role-arn) or an "
        "EKS Pod "
        "Identity association.",
};

std::string Redacted(std::string_view key_id) {
  return std::string(key_id.substr(0, 4)) + "..." + std::string(key_id.substr(key_id.size() - 4));
}

constexpr std::string_view kAdvice = ": static AWS keys override IRSA and EKS Pod Identity";

class ContainerAwsStaticCredentials final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr) return;
    for (const k8s::ContainerView& c : ctx.pod->containers) {
      CheckEnv(ctx, c, out);
      CheckEnvFrom(ctx, c, out);
    }
  }

 private:
  static void CheckEnv(const ObjectContext& ctx, const k8s::ContainerView& c, Emitter& out) {
    const doc::Node* env = pss::FindValue(c.node, {"env"});
    if (env == nullptr) return;
    auto items = env->items();
    for (size_t i = 0; i < items.size(); ++i) {
      auto item_path = [&] { return doc::FieldPath(c.path).Key("env").Index(i); };
      std::string_view name = items[i]->GetText("name");
      const bool aws_name = IsAwsCredentialName(name);
      const doc::Node* value = pss::FindValue(items[i], {"value"});
      if (value != nullptr && value->IsScalar()) {
        std::string_view text = value->text();
        std::optional<std::string_view> key_id = FindAwsAccessKeyId(text);
        if (aws_name && !IsPlaceholderValue(text)) {
          out.Emit(ctx.object, value, item_path().Key("value").str(),
                   ContainerLabel(c) + " sets env " + std::string(name) + " to a literal value" +
                       std::string(kAdvice));
        } else if (key_id.has_value()) {
          out.Emit(ctx.object, value, item_path().Key("value").str(),
                   ContainerLabel(c) + " sets env " + std::string(name) +
                       " to a value containing the AWS access key id " + Redacted(*key_id));
        }
        continue;
      }
      if (!aws_name) continue;
      for (std::string_view source : {"secretKeyRef", "configMapKeyRef"}) {
        const doc::Node* ref = pss::FindValue(items[i], {"valueFrom", source});
        if (ref == nullptr) continue;
        const bool secret = source == "secretKeyRef";
        std::string from = std::string(secret ? "Secret " : "ConfigMap ") +
                           Quoted(ref->GetText("name")) + " (key " + Quoted(ref->GetText("key")) +
                           ")";
        out.Emit(ctx.object, KeyNode(items[i]->Get("valueFrom"), source),
                 item_path().Key("valueFrom").Key(source).str(),
                 ContainerLabel(c) + " sets env " + std::string(name) + " from " + from +
                     std::string(kAdvice),
                 secret ? core::Severity::kHigh : core::Severity::kCritical);
      }
    }
  }

  // envFrom imports every key of a Secret or ConfigMap; when that object is in the input, look at
  // its keys.
  static void CheckEnvFrom(const ObjectContext& ctx, const k8s::ContainerView& c, Emitter& out) {
    const doc::Node* env_from = pss::FindValue(c.node, {"envFrom"});
    if (env_from == nullptr) return;
    auto items = env_from->items();
    for (size_t i = 0; i < items.size(); ++i) {
      std::string_view prefix = items[i]->GetText("prefix");
      for (std::string_view source : {"secretRef", "configMapRef"}) {
        const doc::Node* ref = pss::FindValue(items[i], {source});
        if (ref == nullptr) continue;
        const bool secret = source == "secretRef";
        std::string_view ref_name = ref->GetText("name");
        const k8s::Object* target = ctx.snapshot.Find(secret ? "Secret" : "ConfigMap",
                                                      ctx.object.EffectiveNamespace(), ref_name);
        if (target == nullptr) continue;
        std::string names;
        for (std::string_view section : {"data", "stringData", "binaryData"}) {
          const doc::Node* data = target->node->Get(section);
          if (data == nullptr) continue;
          for (const doc::Entry& e : data->entries()) {
            std::string variable = std::string(prefix) + std::string(e.key->text());
            if (IsAwsCredentialName(variable)) names += (names.empty() ? "" : ", ") + variable;
          }
        }
        if (names.empty()) continue;
        out.Emit(ctx.object, KeyNode(items[i], source),
                 doc::FieldPath(c.path).Key("envFrom").Index(i).Key(source).str(),
                 ContainerLabel(c) + " imports " + names + " from " +
                     (secret ? "Secret " : "ConfigMap ") + Quoted(ref_name) + " through envFrom" +
                     std::string(kAdvice),
                 secret ? core::Severity::kHigh : core::Severity::kCritical);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerAwsStaticCredentials() {
  return std::make_unique<ContainerAwsStaticCredentials>();
}

}  // namespace centinela::checks
