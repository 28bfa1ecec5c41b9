#pragma once

// The facts about a pod spec that a check and a Pod Security Standards control both test. Each
// predicate is defined once, here, with the upstream semantics (k8s.io/pod-security-admission,
// package policy); checks word their findings from the results and the Pod Security engine words
// its reasons from them.
//
// All functions are pure, thread-safe, and never fail: a field of the wrong type is reported as
// such (BoolValue::kInvalid, ProfileType::kOther) rather than guessed. Paths start from the
// document root, like the pod view's ("items[2].spec.containers[0]..." for the items of a List).
// Predicates allocate only for what they report, so that scanning clean workloads stays cheap.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/node.h"
#include "k8s/pod.h"

namespace centinela::pss {

/// Where a field is, or would be.
struct Field {
  /// The value node when `set`; otherwise the closest node present: the key node of the deepest
  /// enclosing field present (e.g. the `securityContext:` key), else the base mapping (e.g. the
  /// container).
  const doc::Node* node = nullptr;
  /// Field path of the value, e.g. "spec.containers[0].securityContext.privileged".
  std::string path;
  bool set = false;        ///< The field is present with a non-null value.
  bool inherited = false;  ///< The value comes from the pod-level securityContext.
};

/// The value at `keys` below the mapping `base`; nullptr when a key is missing or the value is
/// null (as the API server decodes it). Allocates nothing: use it to decide, Locate to report.
const doc::Node* FindValue(const doc::Node* base, std::initializer_list<std::string_view> keys);

/// Follows `keys` from the mapping `base` (whose path is `base_path`). A null value counts as
/// absent. Never returns a null node when `base` is not null.
Field Locate(const doc::Node* base, std::string_view base_path,
             std::initializer_list<std::string_view> keys);

/// An optional boolean API field as the API server decodes it.
enum class BoolValue { kUnset, kTrue, kFalse, kInvalid };

/// kUnset for a missing or null node, kTrue/kFalse for booleans (YAML 1.1 spellings included, as
/// resolved by the loader), kInvalid for anything else (e.g. the string "true", which the API
/// server rejects).
BoolValue ReadBool(const doc::Node* node);

/// True when a field turns a risky feature on: a boolean true, or a string "true" in any case
/// (invalid for the API server, but an object is never called safe because it misspelt a
/// dangerous value).
bool IsTruthy(const doc::Node* node);

/// The value as messages print it: scalars as written; strings quoted when they would otherwise
/// read as something else (`"true"`, `"0"`, `""`, text with spaces), plain words bare
/// (`Unconfined`); containers abbreviated.
std::string ValueText(const doc::Node* node);

// -------------------------------------------------------------------------------------------------
// Pod-level facts

/// spec.os.name is "windows" (Linux-only fields such as seccomp and capabilities do not apply).
bool IsWindowsPod(const k8s::PodView& pod);

/// spec.hostUsers is false: the pod runs in a user namespace, for which Pod Security relaxes
/// runAsNonRoot, runAsUser and capabilities (KEP-127).
bool UsesUserNamespace(const k8s::PodView& pod);

enum class HostNamespace { kNetwork, kPid, kIpc };
inline constexpr HostNamespace kAllHostNamespaces[] = {HostNamespace::kNetwork, HostNamespace::kPid,
                                                       HostNamespace::kIpc};

/// "hostNetwork", "hostPID" or "hostIPC".
std::string_view FieldName(HostNamespace ns);

/// The spec field when the pod shares that host namespace (IsTruthy); nullopt otherwise. Pod
/// Security baseline control "Host Namespaces".
std::optional<Field> SharedHostNamespace(const k8s::PodView& pod, HostNamespace ns);

/// A spec.volumes[*] entry with a hostPath source. Pod Security baseline control "HostPath
/// Volumes".
struct HostPathVolume {
  std::string_view volume;          ///< The volume's name.
  std::string_view path;            ///< hostPath.path as written (empty when missing).
  const doc::Node* node = nullptr;  ///< hostPath.path, or the hostPath key when it has no path.
  std::string field_path;           ///< e.g. "spec.volumes[0].hostPath.path".
  const doc::Node* volume_node = nullptr;  ///< The volume mapping.
};
std::vector<HostPathVolume> HostPathVolumes(const k8s::PodView& pod);

/// A spec.securityContext.sysctls[*] entry. Pod Security baseline control "Sysctls".
struct Sysctl {
  std::string_view name;            ///< As written.
  const doc::Node* node = nullptr;  ///< The name node (or the entry when it has no name).
  std::string path;                 ///< e.g. "spec.securityContext.sysctls[0].name".
};
std::vector<Sysctl> Sysctls(const k8s::PodView& pod);

/// Pod Security "safe" sysctls, allowed at baseline, for a policy version (`minor` of v1.minor; the
/// default is the latest set). Exact, case-sensitive match, as upstream: kernel.shm_rmid_forced,
/// net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range,
/// net.ipv4.ip_unprivileged_port_start (1.0+), net.ipv4.ip_local_reserved_ports (1.27+),
/// net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl,
/// net.ipv4.tcp_keepalive_probes (1.29+), net.ipv4.tcp_rmem, net.ipv4.tcp_wmem (1.32+),
/// net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat (1.37+).
inline constexpr int kLatestMinor = 1000;
bool IsSafeSysctl(std::string_view name, int minor = kLatestMinor);

/// The dotted form of a sysctl name: names may use `/` as separator (`net/ipv4/tcp_syncookies`), in
/// which case `/` and `.` swap roles, as the kubelet converts them.
std::string NormalizeSysctlName(std::string_view name);

// -------------------------------------------------------------------------------------------------
// Container-level facts

/// securityContext.privileged when IsTruthy. Pod Security baseline control "Privileged
/// Containers".
std::optional<Field> Privileged(const k8s::ContainerView& container);

/// The effective securityContext.windowsOptions.hostProcess (container, else pod) when IsTruthy.
/// Pod Security baseline control "HostProcess".
std::optional<Field> HostProcess(const k8s::PodView& pod, const k8s::ContainerView& container);

/// The effective value of a securityContext field that the pod level also defines (runAsUser,
/// runAsGroup, runAsNonRoot, seLinuxOptions, seccompProfile, appArmorProfile, windowsOptions): the
/// container's own value, else the pod's (Field::inherited); k8s::EffectiveSecurityField decides.
/// When set at neither level, `node` is the closest node in the container.
Field EffectiveSecurityContextField(const k8s::PodView& pod, const k8s::ContainerView& container,
                                    std::string_view field);

/// Why a container may gain more privileges than its parent process.
enum class EscalationCause {
  kNone,          ///< allowPrivilegeEscalation: false and nothing overrides it.
  kUnset,         ///< allowPrivilegeEscalation absent: it defaults to true.
  kExplicitTrue,  ///< allowPrivilegeEscalation: true.
  kInvalidValue,  ///< allowPrivilegeEscalation is not a boolean (the API server rejects it).
  kPrivileged,    ///< false, but privileged: true always allows escalation.
  kSysAdmin,      ///< false, but CAP_SYS_ADMIN (or ALL) is added, which always allows escalation.
};
struct PrivilegeEscalation {
  EscalationCause cause = EscalationCause::kNone;
  /// allowPrivilegeEscalation, or the privileged field / capability that overrides it; empty for
  /// kNone.
  Field field;
  bool allowed() const { return cause != EscalationCause::kNone; }
};
/// The Pod Security restricted control "Privilege Escalation" requires the field to be explicitly
/// false (causes kNone, kPrivileged and kSysAdmin pass that control; the kernel still lets the
/// latter two escalate).
PrivilegeEscalation AllowsPrivilegeEscalation(const k8s::ContainerView& container);

/// Why a container may run as root (uid 0).
enum class RootCause {
  kNone,               ///< effective runAsNonRoot: true, or effective runAsUser > 0.
  kRunAsUserZero,      ///< effective runAsUser: 0 (explicit root).
  kRunAsNonRootFalse,  ///< effective runAsNonRoot: false and runAsUser not > 0.
  kNotSet,             ///< neither is set: the image's USER decides, root unless it says otherwise.
};
struct RunAsRoot {
  RootCause cause = RootCause::kNone;
  /// runAsUser / runAsNonRoot (possibly inherited), or the closest node for kNotSet; empty for
  /// kNone.
  Field field;
  bool may_run_as_root() const { return cause != RootCause::kNone; }
};
/// Combines the effective runAsNonRoot and runAsUser. The Pod Security restricted controls
/// "Running as Non-root" and "Running as Non-root user" test the same fields level by level.
RunAsRoot RunsAsRoot(const k8s::PodView& pod, const k8s::ContainerView& container);

/// One entry of securityContext.capabilities.add or .drop.
struct Capability {
  std::string_view name;   ///< As written, e.g. "cap_sys_admin".
  std::string normalized;  ///< Upper case without the CAP_ prefix, e.g. "SYS_ADMIN".
  const doc::Node* node = nullptr;
  std::string path;  ///< e.g. "spec.containers[0].securityContext.capabilities.add[1]".
};

/// "SYS_ADMIN" for "cap_sys_admin", "CAP_SYS_ADMIN", "sys_admin".
std::string NormalizeCapability(std::string_view name);

std::vector<Capability> AddedCapabilities(const k8s::ContainerView& container);
std::vector<Capability> DroppedCapabilities(const k8s::ContainerView& container);

/// capabilities.drop contains ALL in any case (container runtimes compare case-insensitively, and
/// do not recognise CAP_ALL). The Pod Security restricted control "Capabilities" requires the exact
/// string "ALL": test Capability::name for that.
bool DropsAllCapabilities(const k8s::ContainerView& container);

/// The Pod Security baseline set of capabilities that may be added (exact upstream names):
/// AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP,
/// SETGID, SETPCAP, SETUID, SYS_CHROOT.
bool IsBaselineCapability(std::string_view name);

/// A containers[*].ports[*].hostPort other than 0. Pod Security baseline control "Host Ports".
struct HostPort {
  int64_t port = 0;       ///< 0 when the value is not an integer.
  std::string_view text;  ///< As written.
  const doc::Node* node = nullptr;
  std::string path;                           ///< e.g. "spec.containers[0].ports[1].hostPort".
  const doc::Node* container_port = nullptr;  ///< The sibling containerPort; may be null.
};
std::vector<HostPort> HostPorts(const k8s::ContainerView& container);

/// A seccomp or AppArmor profile type.
enum class ProfileType { kUnset, kRuntimeDefault, kLocalhost, kUnconfined, kOther };

/// Where a profile was set.
enum class ProfileSource {
  kNone,
  kContainerField,
  kContainerAnnotation,
  kPodField,
  kPodAnnotation
};

/// A seccomp or AppArmor profile as read from a pod. A profile mapping without a type is an
/// explicit but invalid setting (kOther with a null node), as upstream treats it.
struct Profile {
  ProfileType type = ProfileType::kUnset;
  ProfileSource source = ProfileSource::kNone;
  std::string_view value;           ///< As written: the type ("Unconfined") or annotation value.
  const doc::Node* node = nullptr;  ///< The type or annotation value; null when unset or typeless.
  bool inherited = false;           ///< Set at pod level, and read for a container.
};

/// Legacy seccomp annotations (the API server copies them into the fields of pods that only set
/// them).
inline constexpr std::string_view kSeccompPodAnnotation =
    "seccomp.security.alpha.kubernetes.io/pod";
inline constexpr std::string_view kSeccompContainerAnnotationPrefix =
    "container.seccomp.security.alpha.kubernetes.io/";
/// Legacy AppArmor annotation prefix (one annotation per container name).
inline constexpr std::string_view kAppArmorContainerAnnotationPrefix =
    "container.apparmor.security.beta.kubernetes.io/";

/// "runtime/default" and "docker/default" are RuntimeDefault, "localhost/<p>" Localhost,
/// "unconfined" Unconfined; anything else, the empty string included, kOther (upstream forbids it
/// at baseline).
ProfileType ParseSeccompAnnotation(std::string_view value);
/// "runtime/default" is RuntimeDefault, "localhost/<p>" Localhost, "unconfined" Unconfined; the
/// empty string kUnset (upstream allows it); anything else kOther.
ProfileType ParseAppArmorAnnotation(std::string_view value);
/// "RuntimeDefault", "Localhost", "Unconfined" (exact, as the API defines them); a missing or null
/// node kUnset; anything else kOther.
ProfileType ParseProfileType(const doc::Node* type);

/// spec.securityContext.seccompProfile, else the pod annotation.
Profile PodSeccomp(const k8s::PodView& pod);
/// The container's securityContext.seccompProfile, else its container annotation (its own level
/// only).
Profile ContainerSeccomp(const k8s::PodView& pod, const k8s::ContainerView& container);
/// The profile the container runs with: its own level, else the pod level. The Pod Security
/// baseline and restricted "Seccomp" controls read the levels separately (PodSeccomp /
/// ContainerSeccomp).
Profile EffectiveSeccomp(const k8s::PodView& pod, const k8s::ContainerView& container);
/// Where a seccomp profile is written: its type (the profile mapping's key when it has no type) or
/// annotation; for kNone, where `container` would set it (the pod spec when `container` is null).
Field LocateSeccomp(const Profile& profile, const k8s::PodView& pod,
                    const k8s::ContainerView* container);

/// spec.securityContext.appArmorProfile (there is no pod-level annotation).
Profile PodAppArmor(const k8s::PodView& pod);
/// The container's securityContext.appArmorProfile, else its container annotation (an empty
/// annotation value is no setting).
Profile ContainerAppArmor(const k8s::PodView& pod, const k8s::ContainerView& container);
/// Container field, else container annotation, else pod field (the kubelet's order). Unset means
/// the runtime's default profile on hosts with AppArmor.
Profile EffectiveAppArmor(const k8s::PodView& pod, const k8s::ContainerView& container);
/// Where an AppArmor profile is written, as LocateSeccomp.
Field LocateAppArmor(const Profile& profile, const k8s::PodView& pod,
                     const k8s::ContainerView* container);

}  // namespace centinela::pss
