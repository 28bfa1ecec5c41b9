#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace centinela::k8s {

/// Facts about a built-in kind.
struct KindInfo {
  std::string_view kind;
  std::string_view group;     ///< "" for the core group.
  std::string_view resource;  ///< Plural resource name, e.g. "deployments".
  bool namespaced;
};

/// Looks up a built-in kind by name (case-sensitive, as in manifests). Unknown kinds (CRDs) return
/// nullopt and are treated as namespaced.
std::optional<KindInfo> FindKind(std::string_view kind);
/// False only for built-in cluster-scoped kinds.
bool IsNamespacedKind(std::string_view kind);
/// Every built-in kind known to FindKind, grouped by API group.
std::span<const KindInfo> BuiltinKinds();

/// True for kinds that carry a pod template or are a Pod: Pod, Deployment, ReplicaSet, StatefulSet,
/// DaemonSet, Job, CronJob, ReplicationController, PodTemplate.
bool IsWorkloadKind(std::string_view kind);

/// A removed or deprecated apiVersion of a kind.
struct DeprecatedApi {
  std::string_view api_version;    ///< e.g. "extensions/v1beta1".
  std::string_view kind;           ///< e.g. "Deployment"; "*" for every kind of that apiVersion.
  std::string_view deprecated_in;  ///< Release that deprecated it, e.g. "v1.9".
  std::string_view
      removed_in;  ///< Release that stopped serving it, e.g. "v1.16"; empty if still served.
  std::string_view replacement;  ///< e.g. "apps/v1"; empty if none.
};

/// The entry for (apiVersion, kind), if that pair is deprecated or removed upstream.
std::optional<DeprecatedApi> FindDeprecatedApi(std::string_view api_version, std::string_view kind);
/// The whole table FindDeprecatedApi searches, ordered by removal release.
std::span<const DeprecatedApi> DeprecatedApis();

}  // namespace centinela::k8s
