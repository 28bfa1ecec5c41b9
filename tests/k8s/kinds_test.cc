#include "k8s/kinds.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>

namespace centinela::k8s {
namespace {

// "v1.22" -> 22 (every release in the table is 1.x).
int Minor(std::string_view release) {
  EXPECT_EQ(release.substr(0, 3), "v1.") << release;
  return std::stoi(std::string(release.substr(3)));
}

TEST(Kinds, FindKindReportsGroupResourceAndScope) {
  auto check = [](std::string_view kind, std::string_view group, std::string_view resource,
                  bool namespaced) {
    std::optional<KindInfo> info = FindKind(kind);
    ASSERT_TRUE(info.has_value()) << kind;
    EXPECT_EQ(info->kind, kind);
    EXPECT_EQ(info->group, group) << kind;
    EXPECT_EQ(info->resource, resource) << kind;
    EXPECT_EQ(info->namespaced, namespaced) << kind;
  };
  check("Pod", "", "pods", true);
  check("Namespace", "", "namespaces", false);
  check("Node", "", "nodes", false);
  check("PersistentVolume", "", "persistentvolumes", false);
  check("PersistentVolumeClaim", "", "persistentvolumeclaims", true);
  check("ComponentStatus", "", "componentstatuses", false);
  check("Endpoints", "", "endpoints", true);
  check("Event", "", "events", true);
  check("Deployment", "apps", "deployments", true);
  check("CronJob", "batch", "cronjobs", true);
  check("Ingress", "networking.k8s.io", "ingresses", true);
  check("IngressClass", "networking.k8s.io", "ingressclasses", false);
  check("NetworkPolicy", "networking.k8s.io", "networkpolicies", true);
  check("ClusterRole", "rbac.authorization.k8s.io", "clusterroles", false);
  check("ClusterRoleBinding", "rbac.authorization.k8s.io", "clusterrolebindings", false);
  check("Role", "rbac.authorization.k8s.io", "roles", true);
  check("RoleBinding", "rbac.authorization.k8s.io", "rolebindings", true);
  check("PodDisruptionBudget", "policy", "poddisruptionbudgets", true);
  check("PodSecurityPolicy", "policy", "podsecuritypolicies", false);
  check("StorageClass", "storage.k8s.io", "storageclasses", false);
  check("CSIStorageCapacity", "storage.k8s.io", "csistoragecapacities", true);
  check("MutatingWebhookConfiguration", "admissionregistration.k8s.io",
        "mutatingwebhookconfigurations", false);
  check("CertificateSigningRequest", "certificates.k8s.io", "certificatesigningrequests", false);
  check("Lease", "coordination.k8s.io", "leases", true);
  check("EndpointSlice", "discovery.k8s.io", "endpointslices", true);
  check("PriorityClass", "scheduling.k8s.io", "priorityclasses", false);
  check("RuntimeClass", "node.k8s.io", "runtimeclasses", false);
  check("HorizontalPodAutoscaler", "autoscaling", "horizontalpodautoscalers", true);
  check("CustomResourceDefinition", "apiextensions.k8s.io", "customresourcedefinitions", false);
  check("APIService", "apiregistration.k8s.io", "apiservices", false);
  check("FlowSchema", "flowcontrol.apiserver.k8s.io", "flowschemas", false);
  check("ResourceClaim", "resource.k8s.io", "resourceclaims", true);
  check("DeviceClass", "resource.k8s.io", "deviceclasses", false);
  check("LocalSubjectAccessReview", "authorization.k8s.io", "localsubjectaccessreviews", true);
  check("SubjectAccessReview", "authorization.k8s.io", "subjectaccessreviews", false);
}

TEST(Kinds, UnknownKindsAreNamespaced) {
  EXPECT_FALSE(FindKind("Certificate").has_value());
  EXPECT_FALSE(FindKind("deployment").has_value());  // case-sensitive
  EXPECT_FALSE(FindKind("").has_value());
  EXPECT_TRUE(IsNamespacedKind("Certificate"));
  EXPECT_TRUE(IsNamespacedKind("Deployment"));
  EXPECT_FALSE(IsNamespacedKind("ClusterRole"));
  EXPECT_FALSE(IsNamespacedKind("Namespace"));
}

TEST(Kinds, TableIsConsistent) {
  std::set<std::string_view> kinds;
  std::set<std::string_view> resources;
  for (const KindInfo& info : BuiltinKinds()) {
    EXPECT_TRUE(kinds.insert(info.kind).second) << "duplicate kind " << info.kind;
    EXPECT_TRUE(resources.insert(info.resource).second) << "duplicate resource " << info.resource;
    for (char c : info.resource) EXPECT_TRUE(c >= 'a' && c <= 'z') << info.resource;
    EXPECT_EQ(FindKind(info.kind)->group, info.group);
  }
  EXPECT_GE(BuiltinKinds().size(), 65u);
}

TEST(Kinds, WorkloadKinds) {
  for (std::string_view kind : {"Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet",
                                "Job", "CronJob", "ReplicationController", "PodTemplate"}) {
    EXPECT_TRUE(IsWorkloadKind(kind)) << kind;
  }
  for (std::string_view kind :
       {"Service", "ConfigMap", "pod", "Rollout", "PodDisruptionBudget", ""}) {
    EXPECT_FALSE(IsWorkloadKind(kind)) << kind;
  }
}

TEST(DeprecatedApis, RemovedVersions) {
  using Row = std::tuple<std::string_view, std::string_view, std::string_view, std::string_view,
                         std::string_view>;
  for (const auto& [api, kind, deprecated, removed, replacement] : {
           Row{"extensions/v1beta1", "Deployment", "v1.8", "v1.16", "apps/v1"},
           Row{"extensions/v1beta1", "DaemonSet", "v1.8", "v1.16", "apps/v1"},
           Row{"extensions/v1beta1", "ReplicaSet", "v1.8", "v1.16", "apps/v1"},
           Row{"apps/v1beta1", "Deployment", "v1.8", "v1.16", "apps/v1"},
           Row{"apps/v1beta1", "StatefulSet", "v1.8", "v1.16", "apps/v1"},
           Row{"apps/v1beta2", "DaemonSet", "v1.9", "v1.16", "apps/v1"},
           Row{"apps/v1beta2", "ReplicaSet", "v1.9", "v1.16", "apps/v1"},
           Row{"extensions/v1beta1", "NetworkPolicy", "v1.9", "v1.16", "networking.k8s.io/v1"},
           Row{"extensions/v1beta1", "PodSecurityPolicy", "v1.11", "v1.16", "policy/v1beta1"},
           Row{"admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", "v1.16",
               "v1.22", "admissionregistration.k8s.io/v1"},
           Row{"apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", "v1.16", "v1.22",
               "apiextensions.k8s.io/v1"},
           Row{"apiregistration.k8s.io/v1beta1", "APIService", "v1.19", "v1.22",
               "apiregistration.k8s.io/v1"},
           Row{"authentication.k8s.io/v1beta1", "TokenReview", "v1.19", "v1.22",
               "authentication.k8s.io/v1"},
           Row{"authorization.k8s.io/v1beta1", "SubjectAccessReview", "v1.19", "v1.22",
               "authorization.k8s.io/v1"},
           Row{"certificates.k8s.io/v1beta1", "CertificateSigningRequest", "v1.19", "v1.22",
               "certificates.k8s.io/v1"},
           Row{"coordination.k8s.io/v1beta1", "Lease", "v1.19", "v1.22", "coordination.k8s.io/v1"},
           Row{"extensions/v1beta1", "Ingress", "v1.14", "v1.22", "networking.k8s.io/v1"},
           Row{"networking.k8s.io/v1beta1", "Ingress", "v1.19", "v1.22", "networking.k8s.io/v1"},
           Row{"networking.k8s.io/v1beta1", "IngressClass", "v1.19", "v1.22",
               "networking.k8s.io/v1"},
           Row{"rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding", "v1.17", "v1.22",
               "rbac.authorization.k8s.io/v1"},
           Row{"scheduling.k8s.io/v1beta1", "PriorityClass", "v1.14", "v1.22",
               "scheduling.k8s.io/v1"},
           Row{"storage.k8s.io/v1beta1", "CSINode", "v1.17", "v1.22", "storage.k8s.io/v1"},
           Row{"storage.k8s.io/v1beta1", "StorageClass", "v1.19", "v1.22", "storage.k8s.io/v1"},
           Row{"batch/v1beta1", "CronJob", "v1.21", "v1.25", "batch/v1"},
           Row{"discovery.k8s.io/v1beta1", "EndpointSlice", "v1.21", "v1.25",
               "discovery.k8s.io/v1"},
           Row{"events.k8s.io/v1beta1", "Event", "v1.22", "v1.25", "events.k8s.io/v1"},
           Row{"autoscaling/v2beta1", "HorizontalPodAutoscaler", "v1.22", "v1.25",
               "autoscaling/v2"},
           Row{"policy/v1beta1", "PodDisruptionBudget", "v1.21", "v1.25", "policy/v1"},
           Row{"policy/v1beta1", "PodSecurityPolicy", "v1.21", "v1.25", ""},
           Row{"node.k8s.io/v1beta1", "RuntimeClass", "v1.22", "v1.25", "node.k8s.io/v1"},
           Row{"flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema", "v1.23", "v1.26",
               "flowcontrol.apiserver.k8s.io/v1"},
           Row{"autoscaling/v2beta2", "HorizontalPodAutoscaler", "v1.23", "v1.26",
               "autoscaling/v2"},
           Row{"storage.k8s.io/v1beta1", "CSIStorageCapacity", "v1.24", "v1.27",
               "storage.k8s.io/v1"},
           Row{"flowcontrol.apiserver.k8s.io/v1beta2", "PriorityLevelConfiguration", "v1.26",
               "v1.29", "flowcontrol.apiserver.k8s.io/v1"},
           Row{"flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", "v1.29", "v1.32",
               "flowcontrol.apiserver.k8s.io/v1"},
       }) {
    std::optional<DeprecatedApi> found = FindDeprecatedApi(api, kind);
    ASSERT_TRUE(found.has_value()) << api << " " << kind;
    EXPECT_EQ(found->api_version, api);
    EXPECT_EQ(found->kind, kind);
    EXPECT_EQ(found->deprecated_in, deprecated) << api << " " << kind;
    EXPECT_EQ(found->removed_in, removed) << api << " " << kind;
    EXPECT_EQ(found->replacement, replacement) << api << " " << kind;
  }
}

TEST(DeprecatedApis, DeprecatedButServed) {
  std::optional<DeprecatedApi> cs = FindDeprecatedApi("v1", "ComponentStatus");
  ASSERT_TRUE(cs.has_value());
  EXPECT_EQ(cs->deprecated_in, "v1.19");
  EXPECT_EQ(cs->removed_in, "");
  EXPECT_EQ(cs->replacement, "");
  std::optional<DeprecatedApi> ep = FindDeprecatedApi("v1", "Endpoints");
  ASSERT_TRUE(ep.has_value());
  EXPECT_EQ(ep->deprecated_in, "v1.33");
  EXPECT_EQ(ep->removed_in, "");
  EXPECT_EQ(ep->replacement, "discovery.k8s.io/v1");
}

TEST(DeprecatedApis, CurrentVersionsAreNotListed) {
  for (const auto& [api, kind] :
       std::initializer_list<std::pair<std::string_view, std::string_view>>{
           {"apps/v1", "Deployment"},
           {"batch/v1", "CronJob"},
           {"networking.k8s.io/v1", "Ingress"},
           {"policy/v1", "PodDisruptionBudget"},
           {"autoscaling/v2", "HorizontalPodAutoscaler"},
           {"flowcontrol.apiserver.k8s.io/v1", "FlowSchema"},
           {"v1", "Pod"},
           {"v1", "Service"},
           // Served betas of groups whose other kinds were removed.
           {"storage.k8s.io/v1beta1", "VolumeAttributesClass"},
           {"networking.k8s.io/v1beta1", "ServiceCIDR"},
           {"admissionregistration.k8s.io/v1beta1", "ValidatingAdmissionPolicy"},
           // Kind names are case-sensitive; apiVersions are compared exactly.
           {"extensions/v1beta1", "deployment"},
           {"extensions/v1", "Deployment"},
       }) {
    EXPECT_FALSE(FindDeprecatedApi(api, kind).has_value()) << api << " " << kind;
  }
}

TEST(DeprecatedApis, TableIsConsistent) {
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (const DeprecatedApi& api : DeprecatedApis()) {
    EXPECT_TRUE(seen.insert({api.api_version, api.kind}).second)
        << api.api_version << " " << api.kind;
    EXPECT_TRUE(FindKind(api.kind).has_value()) << api.kind;
    EXPECT_NE(api.replacement, api.api_version);
    if (!api.removed_in.empty()) {
      EXPECT_LT(Minor(api.deprecated_in), Minor(api.removed_in)) << api.kind;
    }
  }
  EXPECT_EQ(DeprecatedApis().size(), 54u);
}

}  // namespace
}  // namespace centinela::k8s
