#include "k8s/kinds.h"

#include <array>

namespace centinela::k8s {

namespace {

// Built-in kinds of the Kubernetes API (kubectl api-resources of a v1.33 cluster, plus kinds that
// are no longer served but still appear in manifests, such as PodSecurityPolicy). Where a kind name
// exists in two groups (Event: core and events.k8s.io) the core entry comes first and wins.
constexpr std::array kKinds = {
    // core (v1)
    KindInfo{"Binding", "", "bindings", true},
    KindInfo{"ComponentStatus", "", "componentstatuses", false},
    KindInfo{"ConfigMap", "", "configmaps", true},
    KindInfo{"Endpoints", "", "endpoints", true},
    KindInfo{"Event", "", "events", true},
    KindInfo{"LimitRange", "", "limitranges", true},
    KindInfo{"Namespace", "", "namespaces", false},
    KindInfo{"Node", "", "nodes", false},
    KindInfo{"PersistentVolume", "", "persistentvolumes", false},
    KindInfo{"PersistentVolumeClaim", "", "persistentvolumeclaims", true},
    KindInfo{"Pod", "", "pods", true},
    KindInfo{"PodTemplate", "", "podtemplates", true},
    KindInfo{"ReplicationController", "", "replicationcontrollers", true},
    KindInfo{"ResourceQuota", "", "resourcequotas", true},
    KindInfo{"Secret", "", "secrets", true},
    KindInfo{"Service", "", "services", true},
    KindInfo{"ServiceAccount", "", "serviceaccounts", true},
    // admissionregistration.k8s.io
    KindInfo{"MutatingAdmissionPolicy", "admissionregistration.k8s.io", "mutatingadmissionpolicies",
             false},
    KindInfo{"MutatingAdmissionPolicyBinding", "admissionregistration.k8s.io",
             "mutatingadmissionpolicybindings", false},
    KindInfo{"MutatingWebhookConfiguration", "admissionregistration.k8s.io",
             "mutatingwebhookconfigurations", false},
    KindInfo{"ValidatingAdmissionPolicy", "admissionregistration.k8s.io",
             "validatingadmissionpolicies", false},
    KindInfo{"ValidatingAdmissionPolicyBinding", "admissionregistration.k8s.io",
             "validatingadmissionpolicybindings", false},
    KindInfo{"ValidatingWebhookConfiguration", "admissionregistration.k8s.io",
             "validatingwebhookconfigurations", false},
    // apiextensions.k8s.io
    KindInfo{"CustomResourceDefinition", "apiextensions.k8s.io", "customresourcedefinitions",
             false},
    // apiregistration.k8s.io
    KindInfo{"APIService", "apiregistration.k8s.io", "apiservices", false},
    // apps
    KindInfo{"ControllerRevision", "apps", "controllerrevisions", true},
    KindInfo{"DaemonSet", "apps", "daemonsets", true},
    KindInfo{"Deployment", "apps", "deployments", true},
    KindInfo{"ReplicaSet", "apps", "replicasets", true},
    KindInfo{"StatefulSet", "apps", "statefulsets", true},
    // authentication.k8s.io
    KindInfo{"SelfSubjectReview", "authentication.k8s.io", "selfsubjectreviews", false},
    KindInfo{"TokenReview", "authentication.k8s.io", "tokenreviews", false},
    // authorization.k8s.io
    KindInfo{"LocalSubjectAccessReview", "authorization.k8s.io", "localsubjectaccessreviews", true},
    KindInfo{"SelfSubjectAccessReview", "authorization.k8s.io", "selfsubjectaccessreviews", false},
    KindInfo{"SelfSubjectRulesReview", "authorization.k8s.io", "selfsubjectrulesreviews", false},
    KindInfo{"SubjectAccessReview", "authorization.k8s.io", "subjectaccessreviews", false},
    // autoscaling
    KindInfo{"HorizontalPodAutoscaler", "autoscaling", "horizontalpodautoscalers", true},
    // batch
    KindInfo{"CronJob", "batch", "cronjobs", true},
    KindInfo{"Job", "batch", "jobs", true},
    // certificates.k8s.io
    KindInfo{"CertificateSigningRequest", "certificates.k8s.io", "certificatesigningrequests",
             false},
    KindInfo{"ClusterTrustBundle", "certificates.k8s.io", "clustertrustbundles", false},
    // coordination.k8s.io
    KindInfo{"Lease", "coordination.k8s.io", "leases", true},
    KindInfo{"LeaseCandidate", "coordination.k8s.io", "leasecandidates", true},
    // discovery.k8s.io
    KindInfo{"EndpointSlice", "discovery.k8s.io", "endpointslices", true},
    // events.k8s.io (Event: see the core entry above)
    // flowcontrol.apiserver.k8s.io
    KindInfo{"FlowSchema", "flowcontrol.apiserver.k8s.io", "flowschemas", false},
    KindInfo{"PriorityLevelConfiguration", "flowcontrol.apiserver.k8s.io",
             "prioritylevelconfigurations", false},
    // internal.apiserver.k8s.io
    KindInfo{"StorageVersion", "internal.apiserver.k8s.io", "storageversions", false},
    // networking.k8s.io
    KindInfo{"IPAddress", "networking.k8s.io", "ipaddresses", false},
    KindInfo{"Ingress", "networking.k8s.io", "ingresses", true},
    KindInfo{"IngressClass", "networking.k8s.io", "ingressclasses", false},
    KindInfo{"NetworkPolicy", "networking.k8s.io", "networkpolicies", true},
    KindInfo{"ServiceCIDR", "networking.k8s.io", "servicecidrs", false},
    // node.k8s.io
    KindInfo{"RuntimeClass", "node.k8s.io", "runtimeclasses", false},
    // policy
    KindInfo{"PodDisruptionBudget", "policy", "poddisruptionbudgets", true},
    KindInfo{"PodSecurityPolicy", "policy", "podsecuritypolicies", false},
    // rbac.authorization.k8s.io
    KindInfo{"ClusterRole", "rbac.authorization.k8s.io", "clusterroles", false},
    KindInfo{"ClusterRoleBinding", "rbac.authorization.k8s.io", "clusterrolebindings", false},
    KindInfo{"Role", "rbac.authorization.k8s.io", "roles", true},
    KindInfo{"RoleBinding", "rbac.authorization.k8s.io", "rolebindings", true},
    // resource.k8s.io
    KindInfo{"DeviceClass", "resource.k8s.io", "deviceclasses", false},
    KindInfo{"DeviceTaintRule", "resource.k8s.io", "devicetaintrules", false},
    KindInfo{"ResourceClaim", "resource.k8s.io", "resourceclaims", true},
    KindInfo{"ResourceClaimTemplate", "resource.k8s.io", "resourceclaimtemplates", true},
    KindInfo{"ResourceSlice", "resource.k8s.io", "resourceslices", false},
    // scheduling.k8s.io
    KindInfo{"PriorityClass", "scheduling.k8s.io", "priorityclasses", false},
    // storage.k8s.io
    KindInfo{"CSIDriver", "storage.k8s.io", "csidrivers", false},
    KindInfo{"CSINode", "storage.k8s.io", "csinodes", false},
    KindInfo{"CSIStorageCapacity", "storage.k8s.io", "csistoragecapacities", true},
    KindInfo{"StorageClass", "storage.k8s.io", "storageclasses", false},
    KindInfo{"VolumeAttachment", "storage.k8s.io", "volumeattachments", false},
    KindInfo{"VolumeAttributesClass", "storage.k8s.io", "volumeattributesclasses", false},
    // storagemigration.k8s.io
    KindInfo{"StorageVersionMigration", "storagemigration.k8s.io", "storageversionmigrations",
             false},
};

constexpr std::array<std::string_view, 9> kWorkloadKinds = {
    "Pod",         "Deployment", "ReplicaSet", "StatefulSet",
    "DaemonSet",   "Job",        "CronJob",    "ReplicationController",
    "PodTemplate",
};

// The Kubernetes "Deprecated API Migration Guide"
// (kubernetes.io/docs/reference/using-api/deprecation-guide/), with the deprecation release of each
// entry taken from the `+k8s:prerelease-lifecycle-gen:deprecated` tags of k8s.io/api (the releases
// the API server names in its "deprecated in vX+, unavailable in vY+" warnings).
constexpr std::array kDeprecatedApis = {
    // Removed in v1.16.
    DeprecatedApi{"extensions/v1beta1", "DaemonSet", "v1.8", "v1.16", "apps/v1"},
    DeprecatedApi{"extensions/v1beta1", "Deployment", "v1.8", "v1.16", "apps/v1"},
    DeprecatedApi{"extensions/v1beta1", "ReplicaSet", "v1.8", "v1.16", "apps/v1"},
    DeprecatedApi{"extensions/v1beta1", "NetworkPolicy", "v1.9", "v1.16", "networking.k8s.io/v1"},
    DeprecatedApi{"extensions/v1beta1", "PodSecurityPolicy", "v1.11", "v1.16", "policy/v1beta1"},
    DeprecatedApi{"apps/v1beta1", "ControllerRevision", "v1.8", "v1.16", "apps/v1"},
    DeprecatedApi{"apps/v1beta1", "Deployment", "v1.8", "v1.16", "apps/v1"},
    DeprecatedApi{"apps/v1beta1", "ReplicaSet", "v1.8", "v1.16", "apps/v1"},
    DeprecatedApi{"apps/v1beta1", "StatefulSet", "v1.8", "v1.16", "apps/v1"},
    DeprecatedApi{"apps/v1beta2", "ControllerRevision", "v1.9", "v1.16", "apps/v1"},
    DeprecatedApi{"apps/v1beta2", "DaemonSet", "v1.9", "v1.16", "apps/v1"},
    DeprecatedApi{"apps/v1beta2", "Deployment", "v1.9", "v1.16", "apps/v1"},
    DeprecatedApi{"apps/v1beta2", "ReplicaSet", "v1.9", "v1.16", "apps/v1"},
    DeprecatedApi{"apps/v1beta2", "StatefulSet", "v1.9", "v1.16", "apps/v1"},
    // Removed in v1.22.
    DeprecatedApi{"admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", "v1.16",
                  "v1.22", "admissionregistration.k8s.io/v1"},
    DeprecatedApi{"admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", "v1.16",
                  "v1.22", "admissionregistration.k8s.io/v1"},
    DeprecatedApi{"apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", "v1.16", "v1.22",
                  "apiextensions.k8s.io/v1"},
    DeprecatedApi{"apiregistration.k8s.io/v1beta1", "APIService", "v1.19", "v1.22",
                  "apiregistration.k8s.io/v1"},
    DeprecatedApi{"authentication.k8s.io/v1beta1", "TokenReview", "v1.19", "v1.22",
                  "authentication.k8s.io/v1"},
    DeprecatedApi{"authorization.k8s.io/v1beta1", "LocalSubjectAccessReview", "v1.19", "v1.22",
                  "authorization.k8s.io/v1"},
    DeprecatedApi{"authorization.k8s.io/v1beta1", "SelfSubjectAccessReview", "v1.19", "v1.22",
                  "authorization.k8s.io/v1"},
    DeprecatedApi{"authorization.k8s.io/v1beta1", "SelfSubjectRulesReview", "v1.19", "v1.22",
                  "authorization.k8s.io/v1"},
    DeprecatedApi{"authorization.k8s.io/v1beta1", "SubjectAccessReview", "v1.19", "v1.22",
                  "authorization.k8s.io/v1"},
    DeprecatedApi{"certificates.k8s.io/v1beta1", "CertificateSigningRequest", "v1.19", "v1.22",
                  "certificates.k8s.io/v1"},
    DeprecatedApi{"coordination.k8s.io/v1beta1", "Lease", "v1.19", "v1.22",
                  "coordination.k8s.io/v1"},
    DeprecatedApi{"extensions/v1beta1", "Ingress", "v1.14", "v1.22", "networking.k8s.io/v1"},
    DeprecatedApi{"networking.k8s.io/v1beta1", "Ingress", "v1.19", "v1.22", "networking.k8s.io/v1"},
    DeprecatedApi{"networking.k8s.io/v1beta1", "IngressClass", "v1.19", "v1.22",
                  "networking.k8s.io/v1"},
    DeprecatedApi{"rbac.authorization.k8s.io/v1beta1", "ClusterRole", "v1.17", "v1.22",
                  "rbac.authorization.k8s.io/v1"},
    DeprecatedApi{"rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding", "v1.17", "v1.22",
                  "rbac.authorization.k8s.io/v1"},
    DeprecatedApi{"rbac.authorization.k8s.io/v1beta1", "Role", "v1.17", "v1.22",
                  "rbac.authorization.k8s.io/v1"},
    DeprecatedApi{"rbac.authorization.k8s.io/v1beta1", "RoleBinding", "v1.17", "v1.22",
                  "rbac.authorization.k8s.io/v1"},
    DeprecatedApi{"scheduling.k8s.io/v1beta1", "PriorityClass", "v1.14", "v1.22",
                  "scheduling.k8s.io/v1"},
    DeprecatedApi{"storage.k8s.io/v1beta1", "CSIDriver", "v1.19", "v1.22", "storage.k8s.io/v1"},
    DeprecatedApi{"storage.k8s.io/v1beta1", "CSINode", "v1.17", "v1.22", "storage.k8s.io/v1"},
    DeprecatedApi{"storage.k8s.io/v1beta1", "StorageClass", "v1.19", "v1.22", "storage.k8s.io/v1"},
    DeprecatedApi{"storage.k8s.io/v1beta1", "VolumeAttachment", "v1.19", "v1.22",
                  "storage.k8s.io/v1"},
    // Removed in v1.25.
    DeprecatedApi{"batch/v1beta1", "CronJob", "v1.21", "v1.25", "batch/v1"},
    DeprecatedApi{"discovery.k8s.io/v1beta1", "EndpointSlice", "v1.21", "v1.25",
                  "discovery.k8s.io/v1"},
    DeprecatedApi{"events.k8s.io/v1beta1", "Event", "v1.22", "v1.25", "events.k8s.io/v1"},
    DeprecatedApi{"autoscaling/v2beta1", "HorizontalPodAutoscaler", "v1.22", "v1.25",
                  "autoscaling/v2"},
    DeprecatedApi{"policy/v1beta1", "PodDisruptionBudget", "v1.21", "v1.25", "policy/v1"},
    DeprecatedApi{"policy/v1beta1", "PodSecurityPolicy", "v1.21", "v1.25", ""},
    DeprecatedApi{"node.k8s.io/v1beta1", "RuntimeClass", "v1.22", "v1.25", "node.k8s.io/v1"},
    // Removed in v1.26.
    DeprecatedApi{"flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema", "v1.23", "v1.26",
                  "flowcontrol.apiserver.k8s.io/v1"},
    DeprecatedApi{"flowcontrol.apiserver.k8s.io/v1beta1", "PriorityLevelConfiguration", "v1.23",
                  "v1.26", "flowcontrol.apiserver.k8s.io/v1"},
    DeprecatedApi{"autoscaling/v2beta2", "HorizontalPodAutoscaler", "v1.23", "v1.26",
                  "autoscaling/v2"},
    // Removed in v1.27.
    DeprecatedApi{"storage.k8s.io/v1beta1", "CSIStorageCapacity", "v1.24", "v1.27",
                  "storage.k8s.io/v1"},
    // Removed in v1.29.
    DeprecatedApi{"flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema", "v1.26", "v1.29",
                  "flowcontrol.apiserver.k8s.io/v1"},
    DeprecatedApi{"flowcontrol.apiserver.k8s.io/v1beta2", "PriorityLevelConfiguration", "v1.26",
                  "v1.29", "flowcontrol.apiserver.k8s.io/v1"},
    // Removed in v1.32.
    DeprecatedApi{"flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", "v1.29", "v1.32",
                  "flowcontrol.apiserver.k8s.io/v1"},
    DeprecatedApi{"flowcontrol.apiserver.k8s.io/v1beta3", "PriorityLevelConfiguration", "v1.29",
                  "v1.32", "flowcontrol.apiserver.k8s.io/v1"},
    // Deprecated, still served.
    DeprecatedApi{"v1", "ComponentStatus", "v1.19", "", ""},
    DeprecatedApi{"v1", "Endpoints", "v1.33", "", "discovery.k8s.io/v1"},
};

}  // namespace

std::optional<KindInfo> FindKind(std::string_view kind) {
  for (const KindInfo& info : kKinds) {
    if (info.kind == kind) return info;
  }
  return std::nullopt;
}

bool IsNamespacedKind(std::string_view kind) {
  std::optional<KindInfo> info = FindKind(kind);
  return !info || info->namespaced;
}

std::span<const KindInfo> BuiltinKinds() { return kKinds; }

bool IsWorkloadKind(std::string_view kind) {
  for (std::string_view k : kWorkloadKinds) {
    if (k == kind) return true;
  }
  return false;
}

std::optional<DeprecatedApi> FindDeprecatedApi(std::string_view api_version,
                                               std::string_view kind) {
  for (const DeprecatedApi& api : kDeprecatedApis) {
    if (api.api_version == api_version && (api.kind == kind || api.kind == "*")) return api;
  }
  return std::nullopt;
}

std::span<const DeprecatedApi> DeprecatedApis() { return kDeprecatedApis; }

}  // namespace centinela::k8s
