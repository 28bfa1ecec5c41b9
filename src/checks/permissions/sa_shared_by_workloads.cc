#include <array>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "checks/common/common.h"
#include "checks/permissions/permissions.h"
#include "k8s/kinds.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "sa-shared-by-workloads",
    "ServiceAccount shared by several applications",
    core::Severity::kMedium,
    core::Control::kPermissions,
    core::Layer::kCluster,
    "When several applications run as the same ServiceAccount, each gets the union of the RBAC "
    "permissions and "
    "of the IAM role (IRSA / EKS Pod Identity) that all of them need, and a compromise of one is a "
    "compromise of "
    "all. Applications are told apart by the pod label app.kubernetes.io/name, else app, else "
    "k8s-app, else by the top-level "
    "workload (following ownerReferences). The default ServiceAccount is left to "
    "pod-default-service-account.",
    "Create one ServiceAccount per application, set spec.serviceAccountName in each pod template, "
    "and give each "
    "ServiceAccount only the Role bindings and the IAM role its application needs.",
};

constexpr size_t kMaxListed = 10;

std::string WorkloadName(const k8s::Object& object) {
  return std::string(object.kind) + "/" + std::string(object.name);
}

// The top-level owner of `object` (following controller ownerReferences within the snapshot), as
// "Kind/name".
std::string TopOwner(const k8s::Object& object, const k8s::Snapshot& snapshot) {
  const k8s::Object* current = &object;
  for (int depth = 0; depth < 8; ++depth) {
    const doc::Node* refs =
        current->metadata != nullptr ? current->metadata->Get("ownerReferences") : nullptr;
    if (refs == nullptr || !refs->IsSequence() || refs->size() == 0) break;
    const doc::Node* chosen = nullptr;
    for (const doc::Node* ref : refs->items()) {
      if (!ref->IsMapping()) continue;
      const doc::Node* controller = ref->Get("controller");
      if (controller != nullptr && controller->AsBool() == true) {
        chosen = ref;
        break;
      }
      if (chosen == nullptr) chosen = ref;
    }
    if (chosen == nullptr) break;
    std::string_view kind = chosen->GetText("kind");
    std::string_view name = chosen->GetText("name");
    if (kind.empty() || name.empty()) break;
    const k8s::Object* owner = snapshot.Find(kind, current->EffectiveNamespace(), name);
    if (owner == nullptr) return std::string(kind) + "/" + std::string(name);
    current = owner;
  }
  return WorkloadName(*current);
}

struct App {
  std::string key;
  bool labelled = false;                         // key is an app label value, not a workload
  std::vector<std::string> workloads;            // in the order first seen
  std::unordered_set<std::string> workload_set;  // the same, to find them in constant time
};

struct Usage {
  const k8s::PodView* first = nullptr;
  std::vector<App> apps;  // in the order first seen
  // Index in `apps` by key, for labelled and unlabelled keys: a ServiceAccount may serve
  // thousands of applications, and looking each up in the list would be quadratic.
  std::array<std::unordered_map<std::string, size_t>, 2> app_index;
};

class SaSharedByWorkloads : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckSnapshot(const k8s::Snapshot& snapshot, Emitter& out) const override {
    std::vector<std::pair<std::string_view, std::string_view>>
        order;  // (namespace, ServiceAccount)
    std::map<std::pair<std::string_view, std::string_view>, Usage> usages;
    for (const k8s::PodView& pod : snapshot.pod_views()) {
      const k8s::Object& owner = *pod.owner;
      if (owner.kind == "PodTemplate") continue;
      std::string_view sa = pod.ServiceAccountName();
      if (sa.empty() || sa == "default") continue;
      auto id = std::make_pair(owner.EffectiveNamespace(), sa);
      auto [it, inserted] = usages.try_emplace(id);
      Usage& usage = it->second;
      if (inserted) {
        order.push_back(id);
        usage.first = &pod;
      }
      std::string key;
      bool labelled = true;
      for (std::string_view label : {"app.kubernetes.io/name", "app", "k8s-app"}) {
        if (auto v = k8s::Lookup(pod.labels, label); v && !v->empty()) {
          key = std::string(*v);
          break;
        }
        if (auto v = k8s::Lookup(owner.labels, label); v && !v->empty()) {
          key = std::string(*v);
          break;
        }
      }
      if (key.empty()) {
        key = TopOwner(owner, snapshot);
        labelled = false;
      }
      auto [index, added] = usage.app_index[labelled ? 1 : 0].try_emplace(key, usage.apps.size());
      if (added) usage.apps.push_back(App{key, labelled, {}, {}});
      App& app = usage.apps[index->second];
      std::string workload = WorkloadName(owner);
      if (app.workload_set.insert(workload).second) app.workloads.push_back(std::move(workload));
    }

    for (const auto& id : order) {
      const Usage& usage = usages.at(id);
      if (usage.apps.size() < 2) continue;
      std::string list;
      for (size_t i = 0; i < usage.apps.size() && i < kMaxListed; ++i) {
        const App& app = usage.apps[i];
        if (i > 0) list += ", ";
        if (!app.labelled && app.workloads.size() == 1 && app.workloads[0] == app.key) {
          list += app.key;
          continue;
        }
        list += (app.labelled ? "app \"" : "\"") + app.key + "\" (";
        for (size_t k = 0; k < app.workloads.size(); ++k) {
          if (k > 0) list += ", ";
          list += app.workloads[k];
        }
        list += ")";
      }
      if (usage.apps.size() > kMaxListed)
        list += " and " + std::to_string(usage.apps.size() - kMaxListed) + " more";
      std::string message = "ServiceAccount \"" + std::string(id.second) + "\" in namespace \"" +
                            std::string(id.first) + "\" is used by " +
                            std::to_string(usage.apps.size()) + " applications: " + list;
      if (const k8s::Object* sa = snapshot.Find("ServiceAccount", id.first, id.second)) {
        const doc::Node* name = sa->metadata != nullptr ? sa->metadata->Get("name") : nullptr;
        out.Emit(*sa, name, RootPath(*sa).Key("metadata").Key("name").str(), std::move(message));
        continue;
      }
      const k8s::PodView& pod = *usage.first;
      const char* field =
          pod.spec->Get("serviceAccountName") != nullptr ? "serviceAccountName" : "serviceAccount";
      out.Emit(*pod.owner, pod.spec->Get(field), pod.spec_path + "." + field, std::move(message));
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeSaSharedByWorkloads() { return std::make_unique<SaSharedByWorkloads>(); }

}  // namespace centinela::checks
