#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"

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

/// Every built-in check. Constructed on first use; immutable.
const Registry& BuiltinRegistry();

}  // namespace centinela::checks
