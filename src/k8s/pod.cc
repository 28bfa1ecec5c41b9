#include "k8s/pod.h"

#include <array>
#include <span>

#include "k8s/detail.h"
#include "k8s/kinds.h"

namespace centinela::k8s {

namespace {

using detail::CheckItems;
using detail::Expect;
using detail::FieldSpec;
using detail::IndexOf;
using detail::LazyPath;
using detail::Problem;
using detail::ReadFields;

// Fields of a PodSpec whose type the checks rely on. Building a view reads each table in one pass.
constexpr FieldSpec kPodSpecFields[] = {
    {"automountServiceAccountToken", Expect::kBool},
    {"hostIPC", Expect::kBool},
    {"hostNetwork", Expect::kBool},
    {"hostPID", Expect::kBool},
    {"hostUsers", Expect::kBool},
    {"shareProcessNamespace", Expect::kBool},
    {"serviceAccount", Expect::kString},
    {"serviceAccountName", Expect::kString},
    {"nodeName", Expect::kString},
    {"runtimeClassName", Expect::kString},
    {"volumes", Expect::kList},
    {"imagePullSecrets", Expect::kList},
    {"hostAliases", Expect::kList},
    {"securityContext", Expect::kMapping},
    {"containers", Expect::kList},
    {"initContainers", Expect::kList},
    {"ephemeralContainers", Expect::kList},
};
constexpr size_t kPodVolumes = IndexOf(kPodSpecFields, "volumes");
constexpr size_t kPodSecurityContext = IndexOf(kPodSpecFields, "securityContext");
constexpr size_t kPodContainers = IndexOf(kPodSpecFields, "containers");
static_assert(IndexOf(kPodSpecFields, "initContainers") == kPodContainers + 1);
static_assert(IndexOf(kPodSpecFields, "ephemeralContainers") == kPodContainers + 2);

// Fields of a PodSecurityContext.
constexpr FieldSpec kPodSecurityFields[] = {
    {"runAsUser", Expect::kInt},           {"runAsGroup", Expect::kInt},
    {"runAsNonRoot", Expect::kBool},       {"fsGroup", Expect::kInt},
    {"supplementalGroups", Expect::kList}, {"sysctls", Expect::kList},
    {"seccompProfile", Expect::kMapping},  {"seLinuxOptions", Expect::kMapping},
    {"appArmorProfile", Expect::kMapping}, {"windowsOptions", Expect::kMapping},
};
constexpr size_t kPodSupplementalGroups = IndexOf(kPodSecurityFields, "supplementalGroups");
constexpr size_t kPodSysctls = IndexOf(kPodSecurityFields, "sysctls");

// Fields of a Container (and EphemeralContainer).
constexpr FieldSpec kContainerFields[] = {
    {"name", Expect::kString},
    {"image", Expect::kString},
    {"command", Expect::kList},
    {"args", Expect::kList},
    {"env", Expect::kList},
    {"envFrom", Expect::kList},
    {"ports", Expect::kList},
    {"volumeMounts", Expect::kList},
    {"resources", Expect::kMapping},
    {"livenessProbe", Expect::kMapping},
    {"readinessProbe", Expect::kMapping},
    {"startupProbe", Expect::kMapping},
    {"securityContext", Expect::kMapping},
};
constexpr size_t kName = IndexOf(kContainerFields, "name");
constexpr size_t kImage = IndexOf(kContainerFields, "image");
constexpr size_t kCommand = IndexOf(kContainerFields, "command");
constexpr size_t kArgs = IndexOf(kContainerFields, "args");
constexpr size_t kEnv = IndexOf(kContainerFields, "env");
constexpr size_t kEnvFrom = IndexOf(kContainerFields, "envFrom");
constexpr size_t kPorts = IndexOf(kContainerFields, "ports");
constexpr size_t kVolumeMounts = IndexOf(kContainerFields, "volumeMounts");
constexpr size_t kResources = IndexOf(kContainerFields, "resources");
constexpr size_t kSecurityContext = IndexOf(kContainerFields, "securityContext");

constexpr FieldSpec kResourceFields[] = {{"limits", Expect::kMapping},
                                         {"requests", Expect::kMapping}};

// Fields of a container SecurityContext.
constexpr FieldSpec kContainerSecurityFields[] = {
    {"privileged", Expect::kBool},
    {"allowPrivilegeEscalation", Expect::kBool},
    {"readOnlyRootFilesystem", Expect::kBool},
    {"runAsNonRoot", Expect::kBool},
    {"runAsUser", Expect::kInt},
    {"runAsGroup", Expect::kInt},
    {"procMount", Expect::kString},
    {"capabilities", Expect::kMapping},
    {"seccompProfile", Expect::kMapping},
    {"seLinuxOptions", Expect::kMapping},
    {"appArmorProfile", Expect::kMapping},
    {"windowsOptions", Expect::kMapping},
};
constexpr size_t kCapabilities = IndexOf(kContainerSecurityFields, "capabilities");

constexpr FieldSpec kCapabilityFields[] = {{"add", Expect::kList}, {"drop", Expect::kList}};

// securityContext fields a container inherits from the pod when it does not set them.
constexpr std::array<std::string_view, 7> kInheritedSecurityFields = {
    "runAsUser",      "runAsGroup",      "runAsNonRoot",   "seLinuxOptions",
    "seccompProfile", "appArmorProfile", "windowsOptions",
};

// `base` + "." + `tail` (just `tail` when base is empty).
std::string Join(std::string_view base, std::string_view tail) {
  std::string out;
  out.reserve(base.size() + 1 + tail.size());
  out += base;
  if (!base.empty()) out += '.';
  out += tail;
  return out;
}

// Type-checks the parts of a container the view does not keep but the checks read.
void CheckContainer(std::span<const doc::Node* const> fields, const LazyPath& path,
                    std::vector<Problem>* problems) {
  if (problems == nullptr) return;
  CheckItems(fields[kCommand], doc::NodeKind::kString, path.Key("command"), problems);
  CheckItems(fields[kArgs], doc::NodeKind::kString, path.Key("args"), problems);
  CheckItems(fields[kEnv], doc::NodeKind::kMapping, path.Key("env"), problems);
  CheckItems(fields[kEnvFrom], doc::NodeKind::kMapping, path.Key("envFrom"), problems);
  CheckItems(fields[kPorts], doc::NodeKind::kMapping, path.Key("ports"), problems);
  CheckItems(fields[kVolumeMounts], doc::NodeKind::kMapping, path.Key("volumeMounts"), problems);
  if (fields[kResources] != nullptr) {
    std::array<const doc::Node*, std::size(kResourceFields)> resources{};
    ReadFields(*fields[kResources], kResourceFields, resources, path.Key("resources"), problems);
  }
  if (const doc::Node* sc = fields[kSecurityContext]) {
    const LazyPath sc_path = path.Key("securityContext");
    std::array<const doc::Node*, std::size(kContainerSecurityFields)> values{};
    ReadFields(*sc, kContainerSecurityFields, values, sc_path, problems);
    if (const doc::Node* caps = values[kCapabilities]) {
      const LazyPath caps_path = sc_path.Key("capabilities");
      std::array<const doc::Node*, std::size(kCapabilityFields)> lists{};
      ReadFields(*caps, kCapabilityFields, lists, caps_path, problems);
      CheckItems(lists[0], doc::NodeKind::kString, caps_path.Key("add"), problems);
      CheckItems(lists[1], doc::NodeKind::kString, caps_path.Key("drop"), problems);
    }
  }
}

// The string value of `key` in a pod spec when it is a non-empty string.
std::string_view NonEmptyString(const doc::Node* spec, std::string_view key) {
  const doc::Node* n = spec->Get(key);
  return n != nullptr && n->IsString() ? n->text() : std::string_view();
}

}  // namespace

std::string_view FieldName(ContainerKind kind) {
  switch (kind) {
    case ContainerKind::kContainer: return "containers";
    case ContainerKind::kInit: return "initContainers";
    case ContainerKind::kEphemeral: return "ephemeralContainers";
  }
  return "containers";
}

std::string_view PodView::ServiceAccountName() const {
  // The API server reads the deprecated serviceAccount only when serviceAccountName is empty.
  for (std::string_view key : {"serviceAccountName", "serviceAccount"}) {
    std::string_view name = NonEmptyString(spec, key);
    if (!name.empty()) return name;
  }
  return "default";
}

bool PodView::UsesDefaultServiceAccountImplicitly() const {
  return NonEmptyString(spec, "serviceAccountName").empty() &&
         NonEmptyString(spec, "serviceAccount").empty();
}

namespace detail {

std::optional<PodView> BuildPodView(const Object& object, std::vector<Problem>* problems) {
  static constexpr std::string_view kSpecTemplate[] = {"spec", "template"};
  static constexpr std::string_view kCronJob[] = {"spec", "jobTemplate", "spec", "template"};
  static constexpr std::string_view kPodTemplate[] = {"template"};
  std::span<const std::string_view> template_keys;
  const std::string_view kind = object.kind;
  const bool is_pod = kind == "Pod";
  if (is_pod) {
    // The pod spec is the object's own "spec".
  } else if (kind == "CronJob") {
    template_keys = kCronJob;
  } else if (kind == "PodTemplate") {
    template_keys = kPodTemplate;
  } else if (IsWorkloadKind(kind)) {
    template_keys = kSpecTemplate;
  } else {
    return std::nullopt;
  }

  // Walk to the mapping that holds the pod's "spec" and "metadata".
  std::string path(RootPath(object));
  const doc::Node* holder = object.node;
  for (std::string_view key : template_keys) {
    const doc::Node* next = holder->Get(key);
    if (!IsSet(next)) return std::nullopt;
    if (!next->IsMapping()) {
      if (problems != nullptr) {
        problems->push_back(
            Problem{next, TypeError(ChildPath(path, key), doc::NodeKind::kMapping, *next)});
      }
      return std::nullopt;
    }
    holder = next;
    path = Join(path, key);
  }
  const doc::Node* spec = holder->Get("spec");
  if (!IsSet(spec)) return std::nullopt;
  if (!spec->IsMapping()) {
    if (problems != nullptr) {
      problems->push_back(
          Problem{spec, TypeError(ChildPath(path, "spec"), doc::NodeKind::kMapping, *spec)});
    }
    return std::nullopt;
  }

  PodView view;
  view.owner = &object;
  view.spec = spec;
  view.spec_path = Join(path, "spec");
  view.metadata_path = Join(path, "metadata");
  if (is_pod) {
    // The snapshot has already validated and read the object's own metadata.
    view.metadata = object.metadata;
    view.labels = object.labels;
    view.annotations = object.annotations;
  } else {
    const doc::Node* metadata = holder->Get("metadata");
    if (IsSet(metadata) && !metadata->IsMapping()) {
      if (problems != nullptr) {
        problems->push_back(
            Problem{metadata, TypeError(view.metadata_path, doc::NodeKind::kMapping, *metadata)});
      }
    } else if (IsSet(metadata)) {
      view.metadata = metadata;
      const LazyPath metadata_path(view.metadata_path);
      const doc::Node* labels = metadata->Get("labels");
      const doc::Node* annotations = metadata->Get("annotations");
      if (IsSet(labels)) {
        view.labels = ReadStringMap(labels, metadata_path.Key("labels"), problems);
      }
      if (IsSet(annotations)) {
        view.annotations = ReadStringMap(annotations, metadata_path.Key("annotations"), problems);
      }
    }
  }

  const LazyPath spec_path(view.spec_path);
  std::array<const doc::Node*, std::size(kPodSpecFields)> pod{};
  ReadFields(*spec, kPodSpecFields, pod, spec_path, problems);
  CheckItems(pod[kPodVolumes], doc::NodeKind::kMapping, spec_path.Key("volumes"), problems);
  view.security_context = pod[kPodSecurityContext];
  if (view.security_context != nullptr && problems != nullptr) {
    const LazyPath sc_path = spec_path.Key("securityContext");
    std::array<const doc::Node*, std::size(kPodSecurityFields)> sc{};
    ReadFields(*view.security_context, kPodSecurityFields, sc, sc_path, problems);
    CheckItems(sc[kPodSupplementalGroups], doc::NodeKind::kInt, sc_path.Key("supplementalGroups"),
               problems);
    CheckItems(sc[kPodSysctls], doc::NodeKind::kMapping, sc_path.Key("sysctls"), problems);
  }

  constexpr ContainerKind kOrder[] = {ContainerKind::kContainer, ContainerKind::kInit,
                                      ContainerKind::kEphemeral};
  size_t count = 0;
  for (size_t k = 0; k < std::size(kOrder); ++k) {
    if (pod[kPodContainers + k] != nullptr) count += pod[kPodContainers + k]->size();
  }
  view.containers.reserve(count);
  for (size_t k = 0; k < std::size(kOrder); ++k) {
    const doc::Node* list = pod[kPodContainers + k];
    if (list == nullptr) continue;
    const std::string list_path = Join(view.spec_path, FieldName(kOrder[k]));
    std::span<const doc::Node* const> items = list->items();
    for (size_t i = 0; i < items.size(); ++i) {
      const doc::Node* c = items[i];
      std::string c_path;
      c_path.reserve(list_path.size() + 8);
      c_path += list_path;
      c_path += '[';
      c_path += std::to_string(i);
      c_path += ']';
      if (!c->IsMapping()) {
        if (problems != nullptr) {
          problems->push_back(Problem{c, TypeError(c_path, doc::NodeKind::kMapping, *c)});
        }
        continue;
      }
      std::array<const doc::Node*, std::size(kContainerFields)> fields{};
      const LazyPath lazy(c_path);
      ReadFields(*c, kContainerFields, fields, lazy, problems);
      CheckContainer(fields, lazy, problems);
      ContainerView& cv = view.containers.emplace_back();
      cv.node = c;
      cv.kind = kOrder[k];
      cv.index = i;
      cv.name = fields[kName] != nullptr ? fields[kName]->text() : std::string_view();
      cv.image = fields[kImage] != nullptr ? fields[kImage]->text() : std::string_view();
      cv.security_context = fields[kSecurityContext];
      cv.path = std::move(c_path);
    }
  }
  return view;
}

}  // namespace detail

std::optional<PodView> BuildPodView(const Object& object) {
  return detail::BuildPodView(object, nullptr);
}

const doc::Node* EffectiveSecurityField(const PodView& pod, const ContainerView& container,
                                        std::string_view field, std::string* path) {
  if (container.security_context != nullptr) {
    const doc::Node* n = container.security_context->Get(field);
    if (detail::IsSet(n)) {
      if (path != nullptr)
        *path = detail::ChildPath(Join(container.path, "securityContext"), field);
      return n;
    }
  }
  bool inherited = false;
  for (std::string_view f : kInheritedSecurityFields) inherited = inherited || f == field;
  if (inherited && pod.security_context != nullptr) {
    const doc::Node* n = pod.security_context->Get(field);
    if (detail::IsSet(n)) {
      if (path != nullptr) *path = detail::ChildPath(Join(pod.spec_path, "securityContext"), field);
      return n;
    }
  }
  return nullptr;
}

}  // namespace centinela::k8s
