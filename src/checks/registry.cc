#include "checks/registry.h"

#include <algorithm>
#include <utility>

#include "core/strings.h"

namespace centinela::checks {

void Registry::Add(std::unique_ptr<Check> check) {
  auto pos = std::lower_bound(
      checks_.begin(), checks_.end(), check->info().id,
      [](const std::unique_ptr<Check>& c, std::string_view id) { return c->info().id < id; });
  checks_.insert(pos, std::move(check));
}

std::vector<const Check*> Registry::All() const {
  std::vector<const Check*> out;
  out.reserve(checks_.size());
  for (const auto& c : checks_) out.push_back(c.get());
  return out;
}

const Check* Registry::Find(std::string_view id) const {
  auto pos = std::lower_bound(
      checks_.begin(), checks_.end(), id,
      [](const std::unique_ptr<Check>& c, std::string_view key) { return c->info().id < key; });
  if (pos != checks_.end() && (*pos)->info().id == id) return pos->get();
  return nullptr;
}

std::vector<std::string> Registry::SuggestIds(std::string_view id) const {
  std::vector<std::string> ids;
  ids.reserve(checks_.size());
  for (const auto& c : checks_) ids.emplace_back(c->info().id);
  return core::Suggest(id, ids);
}

Registry BuildRegistry(const pss::AdmissionConfig* pss_config) {
  Registry r;
  RegisterContainerChecks(r);
  RegisterDataChecks(r);
  RegisterNetworkChecks(r);
  RegisterOrchestratorChecks(r);
  RegisterPermissionsChecks(r);
  RegisterPodChecks(r);
  RegisterPssChecks(r, pss_config);
  return r;
}

const Registry& BuiltinRegistry() {
  static const Registry kRegistry = BuildRegistry(nullptr);
  return kRegistry;
}

}  // namespace centinela::checks
