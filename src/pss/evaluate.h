#pragma once

// The Pod Security check implementations behind pss::Evaluate (policy.h), internal to pss/.
//
// Evaluation runs in two phases. Decide() reads each field it needs once (one pass over the pod
// spec and one over each container) and answers which checks a pod violates, without allocating.
// Explain() then words one violated check as upstream does and locates its first offending field;
// it runs only for violations, so clean pods never pay for strings.

#include <array>
#include <cstddef>
#include <cstdint>

#include "k8s/pod.h"
#include "pss/policy.h"

namespace centinela::pss::internal {

/// The checks, in the order of AllChecks(): upstream evaluates baseline checks sorted by id, then
/// restricted checks sorted by id, and joins its messages in that order.
enum class CheckId : uint8_t {
  kAppArmorProfile,
  kCapabilitiesBaseline,
  kHostNamespaces,
  kHostPathVolumes,
  kHostPorts,
  kHostProbesAndHostLifecycle,
  kPrivileged,
  kProcMount,
  kSeLinuxOptions,
  kSeccompProfileBaseline,
  kSysctls,
  kWindowsHostProcess,
  kAllowPrivilegeEscalation,
  kCapabilitiesRestricted,
  kProcMountRestricted,
  kRestrictedVolumes,
  kRunAsNonRoot,
  kRunAsUser,
  kSeccompProfileRestricted,
};
inline constexpr size_t kCheckCount = 19;

/// The descriptors, indexed by CheckId (AllChecks() copies them).
inline constexpr std::array<CheckDescriptor, kCheckCount> kCheckTable = {
    {{"appArmorProfile", "pss-apparmor-profile", "AppArmor", Level::kBaseline,
      core::Control::kPermissions, 0},
     {"capabilities_baseline", "pss-capabilities-baseline", "Capabilities", Level::kBaseline,
      core::Control::kPermissions, 0},
     {"hostNamespaces", "pss-host-namespaces", "Host Namespaces", Level::kBaseline,
      core::Control::kPermissions, 0},
     {"hostPathVolumes", "pss-host-path-volumes", "HostPath Volumes", Level::kBaseline,
      core::Control::kPermissions, 0},
     {"hostPorts", "pss-host-ports", "Host Ports", Level::kBaseline, core::Control::kNetwork, 0},
     {"hostProbesAndHostLifecycle", "pss-host-probes-and-host-lifecycle",
      "Host Probes / Lifecycle Hooks", Level::kBaseline, core::Control::kNetwork, 34},
     {"privileged", "pss-privileged", "Privileged Containers", Level::kBaseline,
      core::Control::kPermissions, 0},
     {"procMount", "pss-proc-mount", "/proc Mount Type", Level::kBaseline,
      core::Control::kPermissions, 0},
     {"seLinuxOptions", "pss-selinux-options", "SELinux", Level::kBaseline,
      core::Control::kPermissions, 0},
     {"seccompProfile_baseline", "pss-seccomp-profile-baseline", "Seccomp", Level::kBaseline,
      core::Control::kPermissions, 0},
     {"sysctls", "pss-sysctls", "Sysctls", Level::kBaseline, core::Control::kOrchestrator, 0},
     {"windowsHostProcess", "pss-windows-host-process", "HostProcess", Level::kBaseline,
      core::Control::kPermissions, 0},
     {"allowPrivilegeEscalation", "pss-allow-privilege-escalation", "Privilege Escalation",
      Level::kRestricted, core::Control::kPermissions, 8},
     {"capabilities_restricted", "pss-capabilities-restricted", "Capabilities", Level::kRestricted,
      core::Control::kPermissions, 22},
     {"procMount_restricted", "pss-proc-mount-restricted", "/proc Mount Type", Level::kRestricted,
      core::Control::kPermissions, 35},
     {"restrictedVolumes", "pss-restricted-volumes", "Volume Types", Level::kRestricted,
      core::Control::kData, 0},
     {"runAsNonRoot", "pss-run-as-non-root", "Running as Non-root", Level::kRestricted,
      core::Control::kPermissions, 0},
     {"runAsUser", "pss-run-as-user", "Running as Non-root user", Level::kRestricted,
      core::Control::kPermissions, 23},
     {"seccompProfile_restricted", "pss-seccomp-profile-restricted", "Seccomp", Level::kRestricted,
      core::Control::kPermissions, 19}}};

/// A set of checks, one bit per CheckId.
using CheckMask = uint32_t;
constexpr CheckMask Bit(CheckId id) { return CheckMask{1} << static_cast<unsigned>(id); }

/// The checks of a level at a policy minor (an effective minor, <= kNewestKnownMinor), without
/// those a restricted check overrides at that minor.
CheckMask ActiveChecks(Level level, int minor);

/// The checks of `active` that `pod` violates at policy minor `minor`. Allocates nothing.
CheckMask Decide(const k8s::PodView& pod, int minor, CheckMask active);

/// Fills reason, detail, node and path of `out` for a check that Decide() found violated. Returns
/// false when it finds nothing to report, which means Decide() and Explain() disagree (a bug the
/// tests look for).
bool Explain(const k8s::PodView& pod, int minor, CheckId id, Violation* out);

}  // namespace centinela::pss::internal
