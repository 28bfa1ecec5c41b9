#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "doc/node.h"
#include "k8s/object.h"

namespace centinela::k8s {

enum class ContainerKind { kContainer, kInit, kEphemeral };

/// "containers", "initContainers" or "ephemeralContainers".
std::string_view FieldName(ContainerKind kind);

/// One container of a pod spec.
struct ContainerView {
  const doc::Node* node = nullptr;              ///< The container mapping (never null).
  ContainerKind kind = ContainerKind::kContainer;
  size_t index = 0;                             ///< Index in its list.
  std::string path;                             ///< e.g. "spec.template.spec.containers[0]".
  std::string_view name;
  std::string_view image;
  const doc::Node* security_context = nullptr;  ///< container securityContext; may be null.
};

/// The pod spec of a workload, wherever it is nested:
///   Pod: spec; Deployment/ReplicaSet/StatefulSet/DaemonSet/Job/ReplicationController: spec.template.spec;
///   CronJob: spec.jobTemplate.spec.template.spec; PodTemplate: template.spec.
struct PodView {
  const Object* owner = nullptr;
  const doc::Node* spec = nullptr;          ///< The pod spec mapping (never null in a built view).
  std::string spec_path;                    ///< e.g. "spec.template.spec".
  const doc::Node* metadata = nullptr;      ///< Pod template metadata (or the Pod's own metadata); may be null.
  std::string metadata_path;                ///< e.g. "spec.template.metadata".
  StringMap labels;                         ///< Labels of the pods it creates.
  StringMap annotations;                    ///< Annotations of the pods it creates.
  const doc::Node* security_context = nullptr;  ///< Pod-level securityContext; may be null.
  std::vector<ContainerView> containers;    ///< containers, then initContainers, then ephemeralContainers.

  /// spec.serviceAccountName, else the deprecated spec.serviceAccount, else "default".
  std::string_view ServiceAccountName() const;
  /// True when neither serviceAccountName nor serviceAccount is set.
  bool UsesDefaultServiceAccountImplicitly() const;
};

/// Builds the pod view of a workload object; nullopt for kinds without a pod template or when the template is
/// missing or not a mapping. Containers that are not mappings are skipped (the loader's type checks report them).
std::optional<PodView> BuildPodView(const Object& object);

/// The effective value of a securityContext field for a container: the container's own value if set,
/// else the pod-level value (for the fields the pod level defines: runAsUser, runAsGroup, runAsNonRoot,
/// seLinuxOptions, seccompProfile, appArmorProfile, windowsOptions). Returns the node and, through `path`,
/// where it was found; nullptr when set at neither level.
const doc::Node* EffectiveSecurityField(const PodView& pod, const ContainerView& container, std::string_view field,
                                        std::string* path = nullptr);

}  // namespace centinela::k8s
