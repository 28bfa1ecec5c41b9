#include "checks/container/common.h"
#include "checks/container/container.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-allow-privilege-escalation",
    .title = "Container allows privilege escalation",
    .severity = core::Severity::kHigh,
    .control = core::Control::kPermissions,
    .layer = core::Layer::kContainer,
    .description =
        "Reports containers (regular, init and ephemeral) whose "
        "securityContext.allowPrivilegeEscalation is "
        "not explicitly false. The field defaults to true, which lets a process gain more "
        "privileges than "
        "its parent through set-user-ID binaries or file capabilities (the kernel's no_new_privs "
        "flag is "
        "not set). A privileged container, or one that adds CAP_SYS_ADMIN or ALL, can always "
        "escalate, "
        "whatever the field says. Windows pods are skipped: the field does not apply to them.",
    .remediation =
        "Set securityContext.allowPrivilegeEscalation: false on every container, and do not "
        "combine it "
        "with privileged: true or an added SYS_ADMIN / ALL capability.",
};

class ContainerAllowPrivilegeEscalation final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    if (ctx.pod == nullptr || pss::IsWindowsPod(*ctx.pod)) return;
    for (const k8s::ContainerView& c : ctx.pod->containers) {
      pss::PrivilegeEscalation e = pss::AllowsPrivilegeEscalation(c);
      std::string who = ContainerLabel(c);
      std::string message;
      switch (e.cause) {
        case pss::EscalationCause::kNone: continue;
        case pss::EscalationCause::kUnset:
          message =
              who +
              " does not set securityContext.allowPrivilegeEscalation=false (it defaults to true)";
          break;
        case pss::EscalationCause::kExplicitTrue:
          message = who + " sets securityContext.allowPrivilegeEscalation=true";
          break;
        case pss::EscalationCause::kInvalidValue:
          message = who + " sets securityContext.allowPrivilegeEscalation=" +
                    pss::ValueText(e.field.node) + ", which is not the boolean false";
          break;
        case pss::EscalationCause::kPrivileged:
          message = who +
                    " sets securityContext.allowPrivilegeEscalation=false, but "
                    "securityContext.privileged=" +
                    pss::ValueText(e.field.node) + " always allows privilege escalation";
          break;
        case pss::EscalationCause::kSysAdmin:
          message = who +
                    " sets securityContext.allowPrivilegeEscalation=false, but adds capability " +
                    Quoted(e.field.node->text()) + ", which always allows privilege escalation";
          break;
      }
      out.Emit(ctx.object, e.field.node, e.field.path, std::move(message));
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerAllowPrivilegeEscalation() {
  return std::make_unique<ContainerAllowPrivilegeEscalation>();
}

}  // namespace centinela::checks
