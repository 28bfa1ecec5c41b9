#include <string>
#include <string_view>

#include "checks/permissions/permissions.h"
#include "checks/permissions/rbac_syntax.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "rbac-default-service-account-bound",
    "Permissions granted to the default ServiceAccount",
    core::Severity::kHigh,
    core::Control::kPermissions,
    core::Layer::kCluster,
    "Every pod that names no ServiceAccount runs as its namespace's default ServiceAccount, so "
    "permissions bound "
    "to it are handed to all of them, including pods that need none. The check reports bindings "
    "whose subject is "
    "the ServiceAccount default, the user system:serviceaccount:<ns>:default, or the groups "
    "system:serviceaccounts "
    "and system:serviceaccounts:<ns>, which include it (the upstream binding of "
    "system:serviceaccounts to "
    "system:service-account-issuer-discovery is not reported).",
    "Create a dedicated ServiceAccount per application, bind the role to it, set "
    "spec.serviceAccountName in the "
    "pod template, and leave the default ServiceAccount without permissions "
    "(automountServiceAccountToken: "
    "false).",
};

class RbacDefaultServiceAccountBound : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    const k8s::Object& binding = ctx.object;
    if (!IsBinding(binding)) return;
    auto ref = GetRoleRef(binding);
    if (!ref) return;
    const bool issuer_discovery =
        ref->kind == "ClusterRole" && ref->name == "system:service-account-issuer-discovery";
    constexpr std::string_view kUserPrefix = "system:serviceaccount:";
    constexpr std::string_view kGroup = "system:serviceaccounts";
    for (const Subject& s : GetSubjects(binding)) {
      std::string why;
      if (s.kind == "ServiceAccount" && s.name == "default") {
        why = "the default ServiceAccount of namespace \"" + std::string(s.namespace_) + "\"";
      } else if (s.kind == "User" && s.name.substr(0, kUserPrefix.size()) == kUserPrefix &&
                 s.name.size() > kUserPrefix.size() + 8 &&
                 s.name.substr(s.name.size() - 8) == ":default") {
        why =
            "the default ServiceAccount of namespace \"" +
            std::string(s.name.substr(kUserPrefix.size(), s.name.size() - kUserPrefix.size() - 8)) +
            "\"";
      } else if (s.kind == "Group" && !issuer_discovery &&
                 (s.name == kGroup ||
                  s.name.substr(0, kGroup.size() + 1) == std::string(kGroup) + ":")) {
        why = s.name == kGroup
                  ? "every ServiceAccount, including each namespace's default"
                  : "every ServiceAccount of namespace \"" +
                        std::string(s.name.substr(kGroup.size() + 1)) + "\", including default";
      } else {
        continue;
      }
      EmitSubjectGrant(out, binding, *ref, s, ", which is " + why);
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeRbacDefaultServiceAccountBound() {
  return std::make_unique<RbacDefaultServiceAccountBound>();
}

}  // namespace centinela::checks
