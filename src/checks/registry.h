#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"

namespace centinela::pss {
struct AdmissionConfig;
}  // namespace centinela::pss

namespace centinela::checks {

/// The set of checks, sorted by id. Built once; read-only afterwards.
class Registry {
 public:
  /// Adds a check. Ids must be unique (a duplicate is a programming error caught by the registry
  /// test).
  void Add(std::unique_ptr<Check> check);
  /// All checks, sorted by id.
  std::vector<const Check*> All() const;
  /// The check with that id, or nullptr.
  const Check* Find(std::string_view id) const;
  /// Up to three known ids close to `id`, for "did you mean ...".
  std::vector<std::string> SuggestIds(std::string_view id) const;
  size_t size() const { return checks_.size(); }

 private:
  std::vector<std::unique_ptr<Check>> checks_;  // kept sorted by id
};

/// Families. Each lists its checks alphabetically in one place (src/checks/<family>/register.cc).
void RegisterContainerChecks(Registry& registry);
void RegisterPodChecks(Registry& registry);
void RegisterNetworkChecks(Registry& registry);
void RegisterDataChecks(Registry& registry);
void RegisterPermissionsChecks(Registry& registry);
void RegisterOrchestratorChecks(Registry& registry);
/// The Pod Security family (src/checks/pss/): one check per control of pss::AllChecks() and
/// pss-namespace-label-invalid. `config` (copied) is the API server's PodSecurity configuration;
/// null means its built-in one (privileged defaults, no exemptions): only namespaces with
/// pod-security.kubernetes.io labels are then evaluated.
void RegisterPssChecks(Registry& registry, const pss::AdmissionConfig* config);

/// Every built-in check, the Pod Security family using `pss_config` (see RegisterPssChecks), e.g.
/// for `centinela scan --pss-config FILE`.
Registry BuildRegistry(const pss::AdmissionConfig* pss_config);

/// Every built-in check, with the built-in Pod Security configuration (BuildRegistry(nullptr)).
/// Constructed on first use; immutable.
const Registry& BuiltinRegistry();

}  // namespace centinela::checks
