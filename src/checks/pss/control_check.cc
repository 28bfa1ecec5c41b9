#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checks/pss/namespaces.h"
#include "checks/pss/pss.h"

namespace centinela::checks {

namespace {

// The words of each check, keyed by the upstream check id.
struct ControlText {
  std::string_view check_id;
  std::string_view title;
  std::string_view description;
  std::string_view remediation;
};

constexpr ControlText kTexts[] = {
    {"privileged", "Pod Security: privileged container",
     "Pod Security baseline control \"Privileged Containers\": no container (regular, init or "
     "ephemeral) may set securityContext.privileged=true. Reported for the pods of namespaces "
     "whose "
     "Pod Security level (labels, or the --pss-config defaults) is baseline or restricted.",
     "Remove securityContext.privileged or set it to false; add only the capabilities the process "
     "needs. Workloads that truly need the host belong in a namespace labelled "
     "pod-security.kubernetes.io/enforce=privileged, reviewed separately."},
    {"hostNamespaces", "Pod Security: host namespaces",
     "Pod Security baseline control \"Host Namespaces\": spec.hostNetwork, spec.hostPID and "
     "spec.hostIPC must be unset or false. Reported for the pods of namespaces whose Pod Security "
     "level is baseline or restricted.",
     "Remove spec.hostNetwork, spec.hostPID and spec.hostIPC (or set them to false); expose the "
     "pod through a Service instead of the node's network."},
    {"hostPathVolumes", "Pod Security: hostPath volume",
     "Pod Security baseline control \"HostPath Volumes\": spec.volumes[*].hostPath is forbidden. "
     "Reported for the pods of namespaces whose Pod Security level is baseline or restricted.",
     "Replace hostPath volumes with persistentVolumeClaim, configMap, secret, emptyDir or CSI "
     "volumes."},
    {"hostPorts", "Pod Security: host port",
     "Pod Security baseline control \"Host Ports\": containers[*].ports[*].hostPort must be unset "
     "or 0. Reported for the pods of namespaces whose Pod Security level is baseline or "
     "restricted.",
     "Remove hostPort from the container ports and expose the pod through a Service."},
    {"hostProbesAndHostLifecycle", "Pod Security: probe or lifecycle hook on another host",
     "Pod Security baseline control \"Host Probes / Lifecycle Hooks\" (v1.34+): the host field of "
     "the httpGet and tcpSocket handlers of liveness, readiness and startup probes and of "
     "lifecycle hooks must be unset or empty, or the kubelet connects to any address it is told "
     "to. Reported for the pods of namespaces whose Pod Security level is baseline or "
     "restricted.",
     "Remove httpGet.host and tcpSocket.host from probes and lifecycle hooks: the kubelet then "
     "connects to the pod's own IP."},
    {"capabilities_baseline", "Pod Security: capability beyond the baseline set",
     "Pod Security baseline control \"Capabilities\": securityContext.capabilities.add may only "
     "list AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, "
     "SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT. Reported for the pods of namespaces whose "
     "Pod Security level is baseline or restricted.",
     "Remove the other capabilities from securityContext.capabilities.add."},
    {"appArmorProfile", "Pod Security: AppArmor profile overridden",
     "Pod Security baseline control \"AppArmor\": the AppArmor profile (the appArmorProfile field "
     "of the pod and container security contexts, and the legacy "
     "container.apparmor.security.beta.kubernetes.io annotations) may only be RuntimeDefault or "
     "Localhost. Reported for the pods of namespaces whose Pod Security level is baseline or "
     "restricted.",
     "Remove the Unconfined profile, or set appArmorProfile.type to RuntimeDefault or Localhost."},
    {"seLinuxOptions", "Pod Security: custom SELinux options",
     "Pod Security baseline control \"SELinux\": seLinuxOptions.type may only be unset or one of "
     "the container types the standard allows, and seLinuxOptions.user and .role must be unset. "
     "Reported for the pods of namespaces whose Pod Security level is baseline or restricted.",
     "Remove seLinuxOptions.user and .role, and leave seLinuxOptions.type unset or use "
     "container_t, "
     "container_init_t, container_kvm_t or (v1.31+) container_engine_t."},
    {"procMount", "Pod Security: unmasked /proc mount",
     "Pod Security baseline control \"/proc Mount Type\": securityContext.procMount must be unset "
     "or Default; from v1.35 the baseline check no longer applies to pods in a user namespace "
     "(spec.hostUsers: false). Reported for the pods of namespaces whose Pod Security level is "
     "baseline (and restricted before v1.35).",
     "Remove securityContext.procMount or set it to Default."},
    {"procMount_restricted", "Pod Security: unmasked /proc mount (restricted)",
     "Pod Security restricted control \"/proc Mount Type\" (v1.35+): securityContext.procMount "
     "must be unset or Default, whether or not the pod runs in a user namespace; it replaces the "
     "baseline procMount check at restricted. Reported for the pods of namespaces whose Pod "
     "Security level is restricted.",
     "Remove securityContext.procMount or set it to Default."},
    {"seccompProfile_baseline", "Pod Security: seccomp Unconfined",
     "Pod Security baseline control \"Seccomp\": the seccomp profile of the pod and of its "
     "containers must not be Unconfined (field or legacy annotation). Reported for the pods of "
     "namespaces whose Pod Security level is baseline (the restricted control replaces it at "
     "restricted).",
     "Set seccompProfile.type to RuntimeDefault (or Localhost with a profile) in the pod's "
     "securityContext and remove Unconfined settings."},
    {"sysctls", "Pod Security: unsafe sysctl",
     "Pod Security baseline control \"Sysctls\": spec.securityContext.sysctls may only set the "
     "sysctls the standard lists as safe for the policy version. Reported for the pods of "
     "namespaces whose Pod Security level is baseline or restricted.",
     "Remove the other sysctls from spec.securityContext.sysctls, or run the pod in a namespace "
     "with the privileged level after review."},
    {"windowsHostProcess", "Pod Security: Windows HostProcess container",
     "Pod Security baseline control \"HostProcess\": securityContext.windowsOptions.hostProcess "
     "must be unset or false at pod and container level. Reported for the pods of namespaces "
     "whose Pod Security level is baseline or restricted.",
     "Remove windowsOptions.hostProcess or set it to false; run node agents in a dedicated "
     "privileged namespace."},
    {"allowPrivilegeEscalation", "Pod Security: privilege escalation allowed",
     "Pod Security restricted control \"Privilege Escalation\": every container must set "
     "securityContext.allowPrivilegeEscalation=false (not required for Windows pods from v1.25). "
     "Reported for the pods of namespaces whose Pod Security level is restricted.",
     "Set securityContext.allowPrivilegeEscalation: false on every container, init and ephemeral "
     "containers included."},
    {"runAsNonRoot", "Pod Security: may run as root",
     "Pod Security restricted control \"Running as Non-root\": runAsNonRoot must be true, at pod "
     "level or on every container, and no container may set it to false (from v1.35, not for "
     "pods in a user namespace, spec.hostUsers: false). Reported for the pods of namespaces "
     "whose Pod Security level is restricted.",
     "Set spec.securityContext.runAsNonRoot: true (and a non-zero runAsUser) and remove "
     "runAsNonRoot: false from the containers."},
    {"runAsUser", "Pod Security: runs as user 0",
     "Pod Security restricted control \"Running as Non-root user\" (v1.23+): runAsUser must not be "
     "0 at pod or container level (from v1.35, not for pods in a user namespace, "
     "spec.hostUsers: false). Reported for the pods of namespaces whose Pod Security level is "
     "restricted.",
     "Set runAsUser to a non-zero UID, or remove it and rely on runAsNonRoot: true with an image "
     "whose USER is not root."},
    {"capabilities_restricted", "Pod Security: capabilities not dropped",
     "Pod Security restricted control \"Capabilities\" (v1.22+): every container must drop ALL "
     "capabilities and may add back only NET_BIND_SERVICE (not required for Windows pods from "
     "v1.25). Reported for the pods of namespaces whose Pod Security level is restricted.",
     "Set securityContext.capabilities.drop: [\"ALL\"] on every container and add at most "
     "NET_BIND_SERVICE."},
    {"restrictedVolumes", "Pod Security: volume type not allowed",
     "Pod Security restricted control \"Volume Types\": volumes may only be configMap, csi, "
     "downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret; hostPath and "
     "every other volume source are forbidden. Reported for the pods of namespaces whose Pod "
     "Security level is restricted.",
     "Replace the volume with a persistentVolumeClaim (backed by a PersistentVolume of that type) "
     "or one of the allowed types."},
    {"seccompProfile_restricted", "Pod Security: seccomp profile not set",
     "Pod Security restricted control \"Seccomp\" (v1.19+): the seccomp profile must be "
     "RuntimeDefault or Localhost, set at pod level or on every container, and never Unconfined "
     "(not required for Windows pods from v1.25). Reported for the pods of namespaces whose Pod "
     "Security level is restricted.",
     "Set spec.securityContext.seccompProfile.type: RuntimeDefault (or Localhost with a "
     "profile)."},
};

constexpr ControlText kFallbackText{
    "", "Pod Security control violated",
    "A Pod Security Standards control. Reported for the pods of namespaces whose Pod Security "
    "level (labels, or the --pss-config defaults) includes it.",
    "Change the pod spec so that it satisfies the control named in the finding."};

const ControlText& TextFor(std::string_view check_id) {
  for (const ControlText& t : kTexts) {
    if (t.check_id == check_id) return t;
  }
  return kFallbackText;
}

// Strictest first: a violation found in several modes is reported once, in the first.
constexpr pss::Mode kModesByStrictness[] = {pss::Mode::kEnforce, pss::Mode::kWarn,
                                            pss::Mode::kAudit};

core::Severity SeverityOf(pss::Mode mode) {
  switch (mode) {
    case pss::Mode::kEnforce: return core::Severity::kHigh;
    case pss::Mode::kWarn: return core::Severity::kMedium;
    case pss::Mode::kAudit: return core::Severity::kLow;
  }
  return core::Severity::kHigh;
}

// What the API server would do, e.g. "reject the pods of this Deployment".
std::string Consequence(pss::Mode mode, const k8s::Object& owner) {
  const bool pod = owner.kind == "Pod";
  const std::string subject = pod ? "this pod" : "this " + std::string(owner.kind);
  switch (mode) {
    case pss::Mode::kEnforce:
      return pod ? "reject this pod" : "reject the pods of this " + std::string(owner.kind);
    case pss::Mode::kWarn: return "warn about " + subject;
    case pss::Mode::kAudit: return "add an audit annotation for " + subject;
  }
  return {};
}

class PssControlCheck final : public Check {
 public:
  PssControlCheck(const pss::CheckDescriptor& descriptor,
                  std::shared_ptr<const pss::AdmissionConfig> config)
      : descriptor_(descriptor), config_(std::move(config)) {
    // Every string of the info is static (the engine's descriptor table and kTexts), as findings
    // keep views of the id, title and remediation.
    const ControlText& text = TextFor(descriptor.id);
    info_ = CheckInfo{
        descriptor.finding_id,   text.title,       core::Severity::kHigh, descriptor.control,
        core::Layer::kContainer, text.description, text.remediation};
  }

  const CheckInfo& info() const override { return info_; }

  void CheckSnapshot(const k8s::Snapshot& snapshot, Emitter& out) const override {
    const std::vector<EvaluatedNamespace> namespaces = EvaluatedNamespaces(snapshot, config_.get());
    for (const EvaluatedNamespace& ns : namespaces) {
      for (const k8s::Object* object : snapshot.InNamespace(ns.name)) {
        const k8s::PodView* pod = snapshot.PodViewOf(*object);
        if (pod != nullptr) CheckPod(ns, *pod, out);
      }
    }
  }

 private:
  void CheckPod(const EvaluatedNamespace& ns, const k8s::PodView& pod, Emitter& out) const {
    const k8s::Object& owner = *pod.owner;
    const pss::AdmissionConfig& config = config_ != nullptr ? *config_ : default_config_;
    // Exempt namespaces and runtime classes exempt every mode. The user who creates a workload is
    // unknown offline, so a usernames exemption applies only to the pods its controller creates,
    // that is to enforce (audit and warn also apply when the workload itself is created).
    if (pss::Exemption(config, ns.name, pod, std::nullopt)) return;
    const std::optional<std::string> creator = pss::PodCreator(owner, std::nullopt);
    const bool creator_exempt =
        creator.has_value() && pss::Exemption(config, ns.name, pod, *creator).has_value();

    struct Evaluated {
      pss::LevelVersion policy;
      pss::Verdict verdict;
    };
    // One evaluation per distinct level:version (at most one per mode); nothing is allocated for
    // a pod without violations.
    std::array<Evaluated, std::size(kModesByStrictness)> evaluated;
    size_t evaluated_count = 0;
    std::vector<std::string> reported;  // path + text of the violations already reported
    for (pss::Mode mode : kModesByStrictness) {
      if (!pss::ModeApplies(mode, owner)) continue;
      const pss::LevelVersion& policy = ns.policy.Of(mode);
      if (policy.level == pss::Level::kPrivileged) continue;
      if (mode == pss::Mode::kEnforce && creator_exempt) continue;
      auto end = evaluated.begin() + static_cast<std::ptrdiff_t>(evaluated_count);
      auto found = std::find_if(evaluated.begin(), end,
                                [&](const Evaluated& e) { return e.policy == policy; });
      if (found == end) {
        *end = Evaluated{policy, pss::Evaluate(pod, policy, &descriptor_)};
        ++evaluated_count;
      }
      for (const pss::Violation& v : found->verdict.violations) {
        std::string text = v.Text();
        std::string key = v.path + '\n' + text;
        if (std::find(reported.begin(), reported.end(), key) != reported.end()) continue;
        reported.push_back(std::move(key));
        out.Emit(owner, v.node, v.path,
                 "PodSecurity \"" + policy.ToString() + "\" would " + Consequence(mode, owner) +
                     " (" + std::string(pss::ToString(mode)) + "): " + text,
                 SeverityOf(mode));
      }
    }
  }

  const pss::CheckDescriptor& descriptor_;
  std::shared_ptr<const pss::AdmissionConfig> config_;
  pss::AdmissionConfig default_config_;
  CheckInfo info_;
};

}  // namespace

std::unique_ptr<Check> MakePssControlCheck(const pss::CheckDescriptor& descriptor,
                                           std::shared_ptr<const pss::AdmissionConfig> config) {
  return std::make_unique<PssControlCheck>(descriptor, std::move(config));
}

}  // namespace centinela::checks
