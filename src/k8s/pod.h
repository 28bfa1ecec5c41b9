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
  const doc::Node* node = nullptr;  ///< The container mapping (never null).
  ContainerKind kind = ContainerKind::kContainer;
  size_t index = 0;        ///< Index in its list.
  std::string path;        ///< e.g. "spec.template.spec.containers[0]".
  std::string_view name;   ///< Empty when absent or not a string.
  std::string_view image;  ///< Empty when absent or not a string.
  const doc::Node* security_context =
      nullptr;  ///< container securityContext; null when absent or not a mapping.
};

/// The pod spec of a workload, wherever it is nested:
///   Pod: spec; Deployment/ReplicaSet/StatefulSet/DaemonSet/Job/ReplicationController:
///   spec.template.spec; CronJob: spec.jobTemplate.spec.template.spec; PodTemplate: template.spec.
/// Every path of the view (spec_path, metadata_path, ContainerView::path) starts with the owner's
/// field_prefix, so that it locates the field in its document:
/// "items[2].spec.template.spec.containers[0]" for a List item.
struct PodView {
  const Object* owner = nullptr;
  const doc::Node* spec = nullptr;  ///< The pod spec mapping (never null in a built view).
  std::string spec_path;            ///< e.g. "spec.template.spec".
  const doc::Node* metadata =
      nullptr;                ///< Pod template metadata (or the Pod's own metadata); may be null.
  std::string metadata_path;  ///< e.g. "spec.template.metadata".
  StringMap labels;           ///< Labels of the pods it creates.
  StringMap annotations;      ///< Annotations of the pods it creates.
  const doc::Node* security_context =
      nullptr;  ///< Pod-level securityContext; null when absent or not a mapping.
  std::vector<ContainerView>
      containers;  ///< containers, then initContainers, then ephemeralContainers.

  /// spec.serviceAccountName, else the deprecated spec.serviceAccount, else "default" (empty
  /// strings and non-strings count as unset, as for the API server).
  std::string_view ServiceAccountName() const;
  /// True when neither serviceAccountName nor serviceAccount is set.
  bool UsesDefaultServiceAccountImplicitly() const;
};

/// Builds the pod view of a workload object; nullopt for kinds without a pod template or when the
/// template or the pod spec is missing or not a mapping. Containers that are not mappings are
/// skipped, as are fields of the wrong type (a securityContext or template metadata that is not a
/// mapping reads as absent; labels whose value is not a string are left out); Snapshot::Build
/// reports each of them as an error.
std::optional<PodView> BuildPodView(const Object& object);

/// The effective value of a securityContext field for a container: the container's own value if
/// set, else the pod-level value (for the fields the pod level defines: runAsUser, runAsGroup,
/// runAsNonRoot, seLinuxOptions, seccompProfile, appArmorProfile, windowsOptions). A field written
/// as null counts as unset. Returns the node and, through `path`, where it was found (e.g.
/// "spec.template.spec.containers[0].securityContext.runAsUser" or
/// "spec.template.spec.securityContext.runAsUser"); nullptr, with `path` untouched, when set at
/// neither level. The node is returned whatever its type.
const doc::Node* EffectiveSecurityField(const PodView& pod, const ContainerView& container,
                                        std::string_view field, std::string* path = nullptr);

}  // namespace centinela::k8s
