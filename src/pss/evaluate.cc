#include "pss/evaluate.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.h"
#include "doc/path.h"
#include "pss/predicates.h"

// Semantics follow k8s.io/pod-security-admission/policy (check_*.go) as of the newest policy
// version the upstream fixtures cover. Values are read as the API server decodes them: a null
// field is unset, a string field written null reads "", and a value of the wrong type (which the
// API server rejects outright) never passes a check that requires a specific value.

namespace centinela::pss::internal {

namespace {

// -------------------------------------------------------------------------------------------------
// Values

const doc::Node* Present(const doc::Node* node) {
  return node != nullptr && !node->IsNull() ? node : nullptr;
}

// `key` equals the literal `name`. With the size known at compile time the comparison compiles to a
// few integer compares: the evaluation reads every key of the pod spec and its containers once, so
// this is its innermost loop.
template <size_t N>
bool Is(std::string_view key, const char (&name)[N]) {
  return key.size() == N - 1 && std::memcmp(key.data(), name, N - 1) == 0;
}

// The value under the literal `key` of a mapping, null counting as absent; nullptr for a
// non-mapping.
template <size_t N>
const doc::Node* Child(const doc::Node* mapping, const char (&key)[N]) {
  if (mapping == nullptr) return nullptr;
  for (const doc::Entry& e : mapping->entries()) {
    if (Is(e.key->text(), key)) return Present(e.value);
  }
  return nullptr;
}

// The same for a key known only at run time.
const doc::Node* ChildAt(const doc::Node* mapping, std::string_view key) {
  return mapping == nullptr ? nullptr : Present(mapping->Get(key));
}

// A Go string field: absent or null reads "" (true), a scalar reads its text (true); a container is
// no string at all (false) and so equals no allowed value.
bool StringValue(const doc::Node* node, std::string_view* text) {
  if (node == nullptr || node->IsNull()) {
    *text = {};
    return true;
  }
  if (!node->IsScalar()) return false;
  *text = node->text();
  return true;
}

bool StringIs(const doc::Node* node, std::string_view want) {
  std::string_view text;
  return StringValue(node, &text) && text == want;
}

bool StringEmpty(const doc::Node* node) { return StringIs(node, ""); }

// The value as upstream prints the Go string it decoded (a list or mapping, which the API server
// would reject, by its kind).
std::string_view TextOf(const doc::Node* node) {
  if (node == nullptr || node->IsNull()) return {};
  if (node->IsScalar()) return node->text();
  return node->IsSequence() ? "[list]" : "{mapping}";
}

bool IsTrue(const doc::Node* node) { return ReadBool(node) == BoolValue::kTrue; }
bool IsFalse(const doc::Node* node) { return ReadBool(node) == BoolValue::kFalse; }

// runAsUser: 0 (also written as the string "0", which the API server rejects).
bool IsZeroUid(const doc::Node* node) {
  if (node == nullptr) return false;
  if (auto v = node->AsInt()) return *v == 0;
  return node->IsString() && core::Trim(node->text()) == "0";
}

// hostPort other than 0 (a value that is not an integer counts as set).
bool IsHostPortSet(const doc::Node* node) {
  if (node == nullptr) return false;
  if (auto v = node->AsInt()) return *v != 0;
  return !(node->IsScalar() && core::Trim(node->text()) == "0");
}

std::string PortText(const doc::Node* node) {
  if (auto v = node->AsInt()) return std::to_string(*v);
  return std::string(TextOf(node));
}

// seccompProfile / appArmorProfile mapping: the type must be RuntimeDefault or Localhost.
bool ValidProfileType(const doc::Node* profile) {
  const doc::Node* type = Child(profile, "type");
  return StringIs(type, "RuntimeDefault") || StringIs(type, "Localhost");
}

std::string_view ProfileTypeView(const doc::Node* profile) {
  return TextOf(Child(profile, "type"));
}

bool ValidAppArmorAnnotation(const doc::Node* value) {
  std::string_view text;
  if (!StringValue(value, &text)) return false;
  return text.empty() || text == "runtime/default" || text.starts_with("localhost/");
}

bool ValidSeccompAnnotation(const doc::Node* value) {
  std::string_view text;
  if (!StringValue(value, &text)) return false;
  return text == "runtime/default" || text == "docker/default" || text.starts_with("localhost/");
}

bool AllowedSeLinuxType(std::string_view type, int minor) {
  return type.empty() || type == "container_t" || type == "container_init_t" ||
         type == "container_kvm_t" || (minor >= 31 && type == "container_engine_t");
}

// What is forbidden in a seLinuxOptions mapping.
struct SeLinuxProblems {
  bool bad_type = false;
  bool user = false;
  bool role = false;
  bool any() const { return bad_type || user || role; }
};

SeLinuxProblems CheckSeLinux(const doc::Node* options, int minor) {
  SeLinuxProblems p;
  std::string_view type;
  p.bad_type = !StringValue(Child(options, "type"), &type) || !AllowedSeLinuxType(type, minor);
  p.user = !StringEmpty(Child(options, "user"));
  p.role = !StringEmpty(Child(options, "role"));
  return p;
}

bool IsSafeSysctlEntry(const doc::Node* entry, int minor) {
  std::string_view name;
  return StringValue(Child(entry, "name"), &name) && IsSafeSysctl(name, minor);
}

// The volume sources restricted forbids, in the order upstream names the first one it finds. The
// API knows nine more, which restricted allows: configMap, csi, downwardAPI, emptyDir, ephemeral,
// image, persistentVolumeClaim, projected, secret.
constexpr std::string_view kRestrictedVolumeSources[] = {"hostPath",
                                                         "gcePersistentDisk",
                                                         "awsElasticBlockStore",
                                                         "gitRepo",
                                                         "nfs",
                                                         "iscsi",
                                                         "glusterfs",
                                                         "rbd",
                                                         "flexVolume",
                                                         "cinder",
                                                         "cephfs",
                                                         "flocker",
                                                         "fc",
                                                         "azureFile",
                                                         "vsphereVolume",
                                                         "quobyte",
                                                         "azureDisk",
                                                         "photonPersistentDisk",
                                                         "portworxVolume",
                                                         "scaleIO",
                                                         "storageos"};

// The restricted source of a volume, or empty when it only uses allowed types. Sources the API
// does not know are dropped when it decodes the pod (a volume left without a source defaults to
// emptyDir). Unlike upstream, which lets a volume through as soon as it has one allowed source, a
// volume that names an allowed and a forbidden source is reported: the API server rejects it
// anyway, and calling a hostPath safe because it sits beside an emptyDir would be wrong.
std::string_view RestrictedSource(const doc::Node* volume) {
  std::string_view found;
  size_t found_rank = std::size(kRestrictedVolumeSources);
  for (const doc::Entry& e : volume->entries()) {
    std::string_view key = e.key->text();
    const auto* it =
        std::find(std::begin(kRestrictedVolumeSources), std::end(kRestrictedVolumeSources), key);
    if (it == std::end(kRestrictedVolumeSources) || Present(e.value) == nullptr) continue;
    auto rank = static_cast<size_t>(it - std::begin(kRestrictedVolumeSources));
    if (rank < found_rank) {
      found_rank = rank;
      found = *it;
    }
  }
  return found;
}

// -------------------------------------------------------------------------------------------------
// Message helpers (upstream's joinQuote, pluralize, sets.List, %q)

std::string_view Pluralize(std::string_view singular, std::string_view plural, size_t count) {
  return count == 1 ? singular : plural;
}

// Names and values quoted into messages: views into the parsed document (or literals), so that
// wording a violation copies each only once, into the message.
using Words = std::vector<std::string_view>;

// Sorted and deduplicated, byte-wise, like a Go sets.String listed.
template <typename T>
void SortUnique(std::vector<T>* items) {
  std::sort(items->begin(), items->end());
  items->erase(std::unique(items->begin(), items->end()), items->end());
}

// Writes a reason's detail into one buffer, in upstream's phrasing pieces.
class Message {
 public:
  explicit Message(std::string* out) : out_(out) { out_->reserve(160); }

  Message& Add(std::string_view text) {
    out_->append(text);
    return *this;
  }
  Message& Plural(std::string_view singular, std::string_view plural, size_t count) {
    return Add(Pluralize(singular, plural, count));
  }
  /// Upstream's joinQuote: `"a", "b"`.
  template <typename T>
  Message& Quoted(const std::vector<T>& items) {
    for (size_t i = 0; i < items.size(); ++i) {
      Add(i == 0 ? "\"" : "\", \"").Add(items[i]);
    }
    return items.empty() ? *this : Add("\"");
  }
  template <typename T>
  Message& Joined(const std::vector<T>& items, std::string_view separator) {
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) Add(separator);
      Add(items[i]);
    }
    return *this;
  }
  /// `container "a"` / `containers "a", "b"`.
  Message& Containers(const Words& names) {
    return Plural("container ", "containers ", names.size()).Quoted(names);
  }
  /// `pod`, `containers "a", "b"` or `pod and containers "a", "b"`.
  Message& Setters(bool pod, const Words& containers) {
    if (pod) Add("pod");
    if (pod && !containers.empty()) Add(" and ");
    return containers.empty() ? *this : Containers(containers);
  }

 private:
  std::string* out_;
};

// Go's strconv.Quote (fmt %q) for the strings upstream quotes that way.
std::string GoQuote(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\a': out += "\\a"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\v': out += "\\v"; break;
        default:
          if (c < 0x20 || c == 0x7f) {
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 0xf];
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    // Multi-byte UTF-8 sequences are copied; a byte that starts no valid sequence is escaped.
    size_t len = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
    bool valid = len != 0 && i + len <= text.size();
    for (size_t j = 1; valid && j < len; ++j) {
      valid = (static_cast<unsigned char>(text[i + j]) & 0xc0) == 0x80;
    }
    if (!valid) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
      ++i;
      continue;
    }
    out.append(text.substr(i, len));
    i += len;
  }
  out += '"';
  return out;
}

std::string IndexPath(std::string_view base, size_t index) {
  return doc::FieldPath(base).Index(index).str();
}

// -------------------------------------------------------------------------------------------------
// Facts read in one pass

struct PodFacts {
  const doc::Node* host_network = nullptr;
  const doc::Node* host_pid = nullptr;
  const doc::Node* host_ipc = nullptr;
  const doc::Node* volumes = nullptr;
  // spec.securityContext
  const doc::Node* run_as_non_root = nullptr;
  const doc::Node* run_as_user = nullptr;
  const doc::Node* se_linux_options = nullptr;
  const doc::Node* seccomp_profile = nullptr;
  const doc::Node* app_armor_profile = nullptr;
  const doc::Node* sysctls = nullptr;
  const doc::Node* windows_options = nullptr;
  bool windows = false;         // spec.os.name: windows
  bool user_namespace = false;  // spec.hostUsers: false
};

PodFacts ReadPod(const k8s::PodView& pod) {
  PodFacts f;
  for (const doc::Entry& e : pod.spec->entries()) {
    // Keys first: the values of keys no check reads are never loaded.
    std::string_view key = e.key->text();
    const doc::Node* v = e.value;
    switch (key.size()) {
      case 2:
        if (Is(key, "os")) {
          const doc::Node* name = Child(v, "name");
          f.windows = name != nullptr && name->IsString() && name->text() == "windows";
        }
        break;
      case 7:
        if (Is(key, "hostPID")) {
          f.host_pid = Present(v);
        } else if (Is(key, "hostIPC")) {
          f.host_ipc = Present(v);
        } else if (Is(key, "volumes")) {
          f.volumes = Present(v);
        }
        break;
      case 9:
        if (Is(key, "hostUsers")) f.user_namespace = IsFalse(v);
        break;
      case 11:
        if (Is(key, "hostNetwork")) f.host_network = Present(v);
        break;
      default: break;
    }
  }
  if (pod.security_context != nullptr) {
    for (const doc::Entry& e : pod.security_context->entries()) {
      std::string_view key = e.key->text();
      const doc::Node* v = e.value;
      switch (key.size()) {
        case 7:
          if (Is(key, "sysctls")) f.sysctls = Present(v);
          break;
        case 9:
          if (Is(key, "runAsUser")) f.run_as_user = Present(v);
          break;
        case 12:
          if (Is(key, "runAsNonRoot")) f.run_as_non_root = Present(v);
          break;
        case 14:
          if (Is(key, "seLinuxOptions")) {
            f.se_linux_options = Present(v);
          } else if (Is(key, "seccompProfile")) {
            f.seccomp_profile = Present(v);
          } else if (Is(key, "windowsOptions")) {
            f.windows_options = Present(v);
          }
          break;
        case 15:
          if (Is(key, "appArmorProfile")) f.app_armor_profile = Present(v);
          break;
        default: break;
      }
    }
  }
  return f;
}

struct ContainerFacts {
  const doc::Node* ports = nullptr;
  const doc::Node* liveness_probe = nullptr;
  const doc::Node* readiness_probe = nullptr;
  const doc::Node* startup_probe = nullptr;
  const doc::Node* lifecycle = nullptr;
  // securityContext
  const doc::Node* privileged = nullptr;
  const doc::Node* allow_privilege_escalation = nullptr;
  const doc::Node* capabilities = nullptr;
  const doc::Node* run_as_non_root = nullptr;
  const doc::Node* run_as_user = nullptr;
  const doc::Node* se_linux_options = nullptr;
  const doc::Node* seccomp_profile = nullptr;
  const doc::Node* app_armor_profile = nullptr;
  const doc::Node* windows_options = nullptr;
  const doc::Node* proc_mount = nullptr;
};

ContainerFacts ReadContainer(const k8s::ContainerView& c) {
  ContainerFacts f;
  for (const doc::Entry& e : c.node->entries()) {
    // Keys first: the values of keys no check reads are never loaded.
    std::string_view key = e.key->text();
    const doc::Node* v = e.value;
    switch (key.size()) {
      case 5:
        if (Is(key, "ports")) f.ports = Present(v);
        break;
      case 9:
        if (Is(key, "lifecycle")) f.lifecycle = Present(v);
        break;
      case 12:
        if (Is(key, "startupProbe")) f.startup_probe = Present(v);
        break;
      case 13:
        if (Is(key, "livenessProbe")) f.liveness_probe = Present(v);
        break;
      case 14:
        if (Is(key, "readinessProbe")) f.readiness_probe = Present(v);
        break;
      default: break;
    }
  }
  if (c.security_context != nullptr) {
    for (const doc::Entry& e : c.security_context->entries()) {
      std::string_view key = e.key->text();
      const doc::Node* v = e.value;
      switch (key.size()) {
        case 9:
          if (Is(key, "runAsUser")) {
            f.run_as_user = Present(v);
          } else if (Is(key, "procMount")) {
            f.proc_mount = Present(v);
          }
          break;
        case 10:
          if (Is(key, "privileged")) f.privileged = Present(v);
          break;
        case 12:
          if (Is(key, "capabilities")) {
            f.capabilities = Present(v);
          } else if (Is(key, "runAsNonRoot")) {
            f.run_as_non_root = Present(v);
          }
          break;
        case 14:
          if (Is(key, "seLinuxOptions")) {
            f.se_linux_options = Present(v);
          } else if (Is(key, "seccompProfile")) {
            f.seccomp_profile = Present(v);
          } else if (Is(key, "windowsOptions")) {
            f.windows_options = Present(v);
          }
          break;
        case 15:
          if (Is(key, "appArmorProfile")) f.app_armor_profile = Present(v);
          break;
        case 24:
          if (Is(key, "allowPrivilegeEscalation")) f.allow_privilege_escalation = Present(v);
          break;
        default: break;
      }
    }
  }
  return f;
}

// The items of a list field (empty for anything else).
std::span<const doc::Node* const> Items(const doc::Node* list) {
  return list == nullptr ? std::span<const doc::Node* const>() : list->items();
}

// -------------------------------------------------------------------------------------------------
// Per-container predicates shared by Decide and Explain

bool HostProcessSet(const doc::Node* windows_options) {
  return IsTruthy(Child(windows_options, "hostProcess"));
}

bool BadProcMount(const ContainerFacts& c) {
  return c.proc_mount != nullptr && !StringIs(c.proc_mount, "Default");
}

bool BaselineCapabilityAllowed(const doc::Node* item) {
  std::string_view name;
  return StringValue(item, &name) && IsBaselineCapability(name);
}

// capabilities.add and .drop, in one pass.
struct CapabilityLists {
  const doc::Node* add = nullptr;
  const doc::Node* drop = nullptr;
};

CapabilityLists ReadCapabilities(const doc::Node* capabilities) {
  CapabilityLists lists;
  if (capabilities == nullptr) return lists;
  for (const doc::Entry& e : capabilities->entries()) {
    std::string_view key = e.key->text();
    if (Is(key, "add")) {
      lists.add = Present(e.value);
    } else if (Is(key, "drop")) {
      lists.drop = Present(e.value);
    }
  }
  return lists;
}

bool BadBaselineCapabilities(const CapabilityLists& caps) {
  for (const doc::Node* item : Items(caps.add)) {
    if (!BaselineCapabilityAllowed(item)) return true;
  }
  return false;
}

bool DropsAll(const CapabilityLists& caps) {
  for (const doc::Node* item : Items(caps.drop)) {
    if (StringIs(item, "ALL")) return true;
  }
  return false;
}

bool AddsBeyondNetBindService(const CapabilityLists& caps) {
  for (const doc::Node* item : Items(caps.add)) {
    if (!StringIs(item, "NET_BIND_SERVICE")) return true;
  }
  return false;
}

bool BadHostPorts(const ContainerFacts& c) {
  for (const doc::Node* port : Items(c.ports)) {
    if (IsHostPortSet(Child(port, "hostPort"))) return true;
  }
  return false;
}

// The host fields of probes and lifecycle handlers, in upstream's order, with their paths.
struct HostField {
  std::string_view parent_key;   // "livenessProbe", "lifecycle"
  std::string_view handler_key;  // for lifecycle: "postStart" / "preStop"; else empty
  std::string_view action;       // "httpGet" / "tcpSocket"
  const doc::Node* host;
};

// Calls f(HostField) for every httpGet/tcpSocket action of the container's probes and handlers.
template <typename F>
void ForEachHostField(const ContainerFacts& c, F&& f) {
  const std::pair<const doc::Node*, std::string_view> probes[] = {
      {c.liveness_probe, "livenessProbe"},
      {c.readiness_probe, "readinessProbe"},
      {c.startup_probe, "startupProbe"}};
  for (const auto& [probe, key] : probes) {
    if (probe == nullptr) continue;
    for (std::string_view action : {"httpGet", "tcpSocket"}) {
      const doc::Node* a = ChildAt(probe, action);
      if (a != nullptr) f(HostField{key, {}, action, Child(a, "host")});
    }
  }
  if (c.lifecycle == nullptr) return;
  for (std::string_view handler_key : {"postStart", "preStop"}) {
    const doc::Node* handler = ChildAt(c.lifecycle, handler_key);
    if (handler == nullptr) continue;
    for (std::string_view action : {"httpGet", "tcpSocket"}) {
      const doc::Node* a = ChildAt(handler, action);
      if (a != nullptr) f(HostField{"lifecycle", handler_key, action, Child(a, "host")});
    }
  }
}

// A probe or lifecycle handler with an httpGet or tcpSocket host, in one pass over its keys.
bool HandlerHasHost(const doc::Node* handler) {
  for (const doc::Entry& e : handler->entries()) {
    std::string_view key = e.key->text();
    if ((Is(key, "httpGet") || Is(key, "tcpSocket")) && !StringEmpty(Child(e.value, "host"))) {
      return true;
    }
  }
  return false;
}

bool BadProbeHosts(const ContainerFacts& c) {
  for (const doc::Node* probe : {c.liveness_probe, c.readiness_probe, c.startup_probe}) {
    if (probe != nullptr && HandlerHasHost(probe)) return true;
  }
  if (c.lifecycle == nullptr) return false;
  for (const doc::Entry& e : c.lifecycle->entries()) {
    std::string_view key = e.key->text();
    if ((Is(key, "postStart") || Is(key, "preStop")) && Present(e.value) != nullptr &&
        HandlerHasHost(e.value)) {
      return true;
    }
  }
  return false;
}

// Containers in the order upstream visits them: init containers, containers, ephemeral containers.
template <typename F>
void VisitContainers(const k8s::PodView& pod, F&& f) {
  for (k8s::ContainerKind kind : {k8s::ContainerKind::kInit, k8s::ContainerKind::kContainer,
                                  k8s::ContainerKind::kEphemeral}) {
    for (const k8s::ContainerView& c : pod.containers) {
      if (c.kind == kind) f(c);
    }
  }
}

const doc::Node* Annotations(const k8s::PodView& pod) { return Child(pod.metadata, "annotations"); }

bool HasContainerNamed(const k8s::PodView& pod, std::string_view name) {
  for (const k8s::ContainerView& c : pod.containers) {
    if (c.name == name) return true;
  }
  return false;
}

// The seccomp annotation entries (pod, and containers of this pod) a v1.0 baseline forbids.
template <typename F>
void ForEachBadSeccompAnnotation(const k8s::PodView& pod, F&& f) {
  const doc::Node* annotations = Annotations(pod);
  if (annotations == nullptr) return;
  for (const doc::Entry& e : annotations->entries()) {
    std::string_view key = e.key->text();
    bool relevant = key == kSeccompPodAnnotation;
    if (!relevant && key.starts_with(kSeccompContainerAnnotationPrefix)) {
      relevant = HasContainerNamed(pod, key.substr(kSeccompContainerAnnotationPrefix.size()));
    }
    if (relevant && !ValidSeccompAnnotation(e.value)) f(e);
  }
}

template <typename F>
void ForEachBadAppArmorAnnotation(const k8s::PodView& pod, F&& f) {
  const doc::Node* annotations = Annotations(pod);
  if (annotations == nullptr) return;
  for (const doc::Entry& e : annotations->entries()) {
    if (e.key->text().starts_with(kAppArmorContainerAnnotationPrefix) &&
        !ValidAppArmorAnnotation(e.value)) {
      f(e);
    }
  }
}

// -------------------------------------------------------------------------------------------------
// Locations

// pss::Locate for keys that are plain identifiers, as every key the checks name is: the path is
// the base joined with dots, built in one allocation.
Field Where(const doc::Node* base, std::string_view base_path,
            std::initializer_list<std::string_view> keys) {
  Field f;
  size_t size = base_path.size();
  for (std::string_view key : keys) size += key.size() + 1;
  f.path.reserve(size);
  f.path.append(base_path);
  for (std::string_view key : keys) {
    if (!f.path.empty()) f.path += '.';
    f.path.append(key);
  }
  f.node = base;
  const doc::Node* current = base;
  for (std::string_view key : keys) {
    const doc::Entry* entry = nullptr;
    for (const doc::Entry& e : current->entries()) {
      if (e.key->IsScalar() && e.key->text() == key) {
        entry = &e;
        break;
      }
    }
    if (entry == nullptr) return f;
    f.node = entry->key;
    if (Present(entry->value) == nullptr) return f;
    current = entry->value;
  }
  f.node = current;
  f.set = true;
  return f;
}

// Where `keys` are (or would be) below the container.
Field AtContainer(const k8s::ContainerView& c, std::initializer_list<std::string_view> keys) {
  return Where(c.node, c.path, keys);
}

Field AtPod(const k8s::PodView& pod, std::initializer_list<std::string_view> keys) {
  return Where(pod.spec, pod.spec_path, keys);
}

Field AtAnnotation(const k8s::PodView& pod, std::string_view key) {
  if (pod.metadata == nullptr) {
    Field f;
    f.node = pod.spec;
    f.path = doc::FieldPath(pod.metadata_path).Key("annotations").Key(key).str();
    return f;
  }
  return Locate(pod.metadata, pod.metadata_path, {"annotations", key});
}

// A buffer for container names, sized once.
Words NameBuffer(const k8s::PodView& pod) {
  Words names;
  names.reserve(pod.containers.size());
  return names;
}

// Records the first location offered.
struct FirstLocation {
  const doc::Node* node = nullptr;
  std::string path;
  bool set() const { return node != nullptr; }
  /// Records where `locate()` points, unless a location is already recorded (then `locate` does
  /// not run: locating builds a path string).
  template <typename F>
  void Offer(F&& locate) {
    if (set()) return;
    Field f = locate();
    node = f.node;
    path = std::move(f.path);
  }
};

void Finish(FirstLocation* where, const k8s::PodView& pod, Violation* out) {
  if (!where->set()) where->Offer([&] { return Field{pod.spec, pod.spec_path}; });
  out->node = where->node;
  out->path = std::move(where->path);
}

// -------------------------------------------------------------------------------------------------
// Explanations, one per check. Each returns false when it finds nothing to report (which Decide
// must agree with).

bool ExplainAppArmor(const k8s::PodView& pod, Violation* out, FirstLocation* where) {
  std::vector<std::string> bad_values;
  const PodFacts p = ReadPod(pod);
  const bool pod_bad = p.app_armor_profile != nullptr && !ValidProfileType(p.app_armor_profile);
  if (pod_bad) {
    bad_values.emplace_back(ProfileTypeView(p.app_armor_profile));
    where->Offer([&] { return AtPod(pod, {"securityContext", "appArmorProfile", "type"}); });
  }
  Words containers = NameBuffer(pod);
  VisitContainers(pod, [&](const k8s::ContainerView& c) {
    const doc::Node* profile = Child(c.security_context, "appArmorProfile");
    if (profile == nullptr || ValidProfileType(profile)) return;
    containers.emplace_back(c.name);
    bad_values.emplace_back(ProfileTypeView(profile));
    where->Offer([&] { return AtContainer(c, {"securityContext", "appArmorProfile", "type"}); });
  });
  SortUnique(&bad_values);
  std::vector<std::string> annotations;
  ForEachBadAppArmorAnnotation(pod, [&](const doc::Entry& e) {
    annotations.push_back(std::string(e.key->text()) + "=" + GoQuote(TextOf(e.value)));
    where->Offer([&] { return AtAnnotation(pod, e.key->text()); });
  });
  if (!pod_bad && containers.empty() && annotations.empty()) return false;
  Message detail(&out->detail);
  detail.Setters(pod_bad, containers);
  if (!annotations.empty()) {
    std::sort(annotations.begin(), annotations.end());
    if (pod_bad || !containers.empty()) detail.Add(" and ");
    detail.Plural("annotation", "annotations", annotations.size());
    bad_values.insert(bad_values.end(), annotations.begin(), annotations.end());
  }
  detail.Add(" must not set AppArmor profile type to ").Quoted(bad_values);
  out->reason =
      Pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", bad_values.size());
  return true;
}

bool ExplainCapabilitiesBaseline(const k8s::PodView& pod, Violation* out, FirstLocation* where) {
  Words containers = NameBuffer(pod);
  Words capabilities;
  VisitContainers(pod, [&](const k8s::ContainerView& c) {
    const ContainerFacts f = ReadContainer(c);
    bool bad = false;
    auto items = Items(Child(f.capabilities, "add"));
    for (size_t i = 0; i < items.size(); ++i) {
      if (BaselineCapabilityAllowed(items[i])) continue;
      bad = true;
      capabilities.push_back(TextOf(items[i]));
      if (!where->set()) {
        Field list = AtContainer(c, {"securityContext", "capabilities", "add"});
        where->Offer([&] { return Field{items[i], IndexPath(list.path, i)}; });
      }
    }
    if (bad) containers.emplace_back(c.name);
  });
  if (containers.empty()) return false;
  SortUnique(&capabilities);
  out->reason = "non-default capabilities";
  Message(&out->detail)
      .Containers(containers)
      .Add(" must not include ")
      .Quoted(capabilities)
      .Add(" in securityContext.capabilities.add");
  return true;
}

bool ExplainHostNamespaces(const k8s::PodView& pod, Violation* out, FirstLocation* where) {
  const PodFacts p = ReadPod(pod);
  Words used;
  struct Namespace {
    const doc::Node* value;
    std::string_view name;
    std::string_view shared;
  };
  const Namespace fields[] = {{p.host_network, "hostNetwork", "hostNetwork=true"},
                              {p.host_pid, "hostPID", "hostPID=true"},
                              {p.host_ipc, "hostIPC", "hostIPC=true"}};
  for (const Namespace& f : fields) {
    if (!IsTruthy(f.value)) continue;
    used.push_back(f.shared);
    where->Offer([&] { return AtPod(pod, {f.name}); });
  }
  if (used.empty()) return false;
  out->reason = "host namespaces";
  Message(&out->detail).Joined(used, ", ");
  return true;
}

bool ExplainHostPathVolumes(const k8s::PodView& pod, Violation* out, FirstLocation* where) {
  const PodFacts p = ReadPod(pod);
  Words volumes;
  auto items = Items(p.volumes);
  for (size_t i = 0; i < items.size(); ++i) {
    if (Child(items[i], "hostPath") == nullptr) continue;
    volumes.push_back(TextOf(Child(items[i], "name")));
    if (!where->set()) {
      std::string volume_path = IndexPath(AtPod(pod, {"volumes"}).path, i);
      where->Offer([&] { return Where(items[i], volume_path, {"hostPath"}); });
    }
  }
  if (volumes.empty()) return false;
  out->reason = "hostPath volumes";
  Message(&out->detail).Plural("volume ", "volumes ", volumes.size()).Quoted(volumes);
  return true;
}

bool ExplainHostPorts(const k8s::PodView& pod, Violation* out, FirstLocation* where) {
  Words containers = NameBuffer(pod);
  std::vector<std::string> ports;
  VisitContainers(pod, [&](const k8s::ContainerView& c) {
    const ContainerFacts f = ReadContainer(c);
    bool bad = false;
    auto items = Items(f.ports);
    for (size_t i = 0; i < items.size(); ++i) {
      const doc::Node* host_port = Child(items[i], "hostPort");
      if (!IsHostPortSet(host_port)) continue;
      bad = true;
      ports.push_back(PortText(host_port));
      if (!where->set()) {
        std::string port_path = IndexPath(AtContainer(c, {"ports"}).path, i);
        where->Offer([&] { return Where(items[i], port_path, {"hostPort"}); });
      }
    }
    if (bad) containers.emplace_back(c.name);
  });
  if (containers.empty()) return false;
  SortUnique(&ports);
  out->reason = "hostPort";
  Message(&out->detail)
      .Containers(containers)
      .Plural(" uses ", " use ", containers.size())
      .Plural("hostPort ", "hostPorts ", ports.size())
      .Joined(ports, ", ");
  return true;
}

bool ExplainHostProbes(const k8s::PodView& pod, Violation* out, FirstLocation* where) {
  Words containers = NameBuffer(pod);
  Words hosts;
  VisitContainers(pod, [&](const k8s::ContainerView& c) {
    const ContainerFacts f = ReadContainer(c);
    bool bad = false;
    ForEachHostField(f, [&](const HostField& h) {
      if (StringEmpty(h.host)) return;
      bad = true;
      hosts.push_back(TextOf(h.host));
      if (where->set()) return;
      if (h.handler_key.empty()) {
        where->Offer([&] { return AtContainer(c, {h.parent_key, h.action, "host"}); });
      } else {
        where->Offer([&] {
          return AtContainer(c, {h.parent_key, h.handler_key, h.action, "host"});
        });
      }
    });
    if (bad) containers.emplace_back(c.name);
  });
  if (containers.empty()) return false;
  SortUnique(&containers);  // upstream collects the containers in a set
  SortUnique(&hosts);
  out->reason = "probe or lifecycle host";
  Message(&out->detail)
      .Containers(containers)
      .Plural(" uses ", " use ", containers.size())
      .Plural("probe or lifecycle host ", "probe or lifecycle hosts ", hosts.size())
      .Quoted(hosts);
  return true;
}

bool ExplainPrivileged(const k8s::PodView& pod, Violation* out, FirstLocation* where) {
  Words containers = NameBuffer(pod);
  VisitContainers(pod, [&](const k8s::ContainerView& c) {
    if (!IsTruthy(Child(c.security_context, "privileged"))) return;
    containers.emplace_back(c.name);
    where->Offer([&] { return AtContainer(c, {"securityContext", "privileged"}); });
  });
  if (containers.empty()) return false;
  out->reason = "privileged";
  Message(&out->detail).Containers(containers).Add(" must not set securityContext.privileged=true");
  return true;
}

bool ExplainProcMount(const k8s::PodView& pod, Violation* out, FirstLocation* where) {
  Words containers = NameBuffer(pod);
  Words types;
  VisitContainers(pod, [&](const k8s::ContainerView& c) {
    const ContainerFacts f = ReadContainer(c);
    if (!BadProcMount(f)) return;
    containers.emplace_back(c.name);
    types.push_back(TextOf(f.proc_mount));
    where->Offer([&] { return AtContainer(c, {"securityContext", "procMount"}); });
  });
  if (containers.empty()) return false;
  SortUnique(&types);
  out->reason = "procMount";
  Message(&out->detail)
      .Containers(containers)
      .Add(" must not set securityContext.procMount to ")
      .Quoted(types);
  return true;
}

bool ExplainSeLinux(const k8s::PodView& pod, int minor, Violation* out, FirstLocation* where) {
  Words bad_types;
  bool user = false;
  bool role = false;
  // Records the problems of one seLinuxOptions mapping; true when it has any.
  auto inspect = [&](const doc::Node* options, const doc::Node* base, std::string_view base_path) {
    const SeLinuxProblems problems = CheckSeLinux(options, minor);
    if (!problems.any()) return false;
    if (problems.bad_type) bad_types.push_back(TextOf(Child(options, "type")));
    user = user || problems.user;
    role = role || problems.role;
    std::string_view first = problems.bad_type ? "type" : problems.user ? "user" : "role";
    where->Offer([&] {
      return Where(base, base_path, {"securityContext", "seLinuxOptions", first});
    });
    return true;
  };
  const PodFacts p = ReadPod(pod);
  const bool pod_bad =
      p.se_linux_options != nullptr && inspect(p.se_linux_options, pod.spec, pod.spec_path);
  Words containers = NameBuffer(pod);
  VisitContainers(pod, [&](const k8s::ContainerView& c) {
    const doc::Node* options = Child(c.security_context, "seLinuxOptions");
    if (options != nullptr && inspect(options, c.node, c.path)) containers.emplace_back(c.name);
  });
  if (!pod_bad && containers.empty()) return false;
  out->reason = "seLinuxOptions";
  Message detail(&out->detail);
  detail.Setters(pod_bad, containers).Add(" set forbidden securityContext.seLinuxOptions: ");
  std::string_view separator;
  if (!bad_types.empty()) {
    SortUnique(&bad_types);
    detail.Plural("type ", "types ", bad_types.size()).Quoted(bad_types);
    separator = "; ";
  }
  if (user) {
    detail.Add(separator).Add("user may not be set");
    separator = "; ";
  }
  if (role) detail.Add(separator).Add("role may not be set");
  return true;
}

// seccompProfile_baseline before v1.19: the alpha annotations.
bool ExplainSeccompAnnotations(const k8s::PodView& pod, Violation* out, FirstLocation* where) {
  std::vector<std::string> forbidden;
  ForEachBadSeccompAnnotation(pod, [&](const doc::Entry& e) {
    forbidden.push_back(std::string(e.key->text()) + "=" + GoQuote(TextOf(e.value)));
    where->Offer([&] { return AtAnnotation(pod, e.key->text()); });
  });
  if (forbidden.empty()) return false;
  SortUnique(&forbidden);
  out->reason = "seccompProfile";
  Message(&out->detail)
      .Plural("forbidden annotation ", "forbidden annotations ", forbidden.size())
      .Joined(forbidden, ", ");
  return true;
}

// seccompProfile_baseline from v1.19 and seccompProfile_restricted: the fields. `restricted`
// additionally requires every container to have a valid profile, its own or the pod's.
bool ExplainSeccompFields(const k8s::PodView& pod, bool restricted, Violation* out,
                          FirstLocation* where) {
  const PodFacts p = ReadPod(pod);
  Words bad_values;
  bool pod_bad = false;
  bool pod_valid = false;
  if (p.seccomp_profile != nullptr) {
    if (ValidProfileType(p.seccomp_profile)) {
      pod_valid = true;
    } else {
      pod_bad = true;
      bad_values.push_back(ProfileTypeView(p.seccomp_profile));
      where->Offer([&] { return AtPod(pod, {"securityContext", "seccompProfile", "type"}); });
    }
  }
  Words explicit_bad = NameBuffer(pod);
  Words implicit_bad = NameBuffer(pod);
  FirstLocation implicit_where;
  VisitContainers(pod, [&](const k8s::ContainerView& c) {
    const doc::Node* profile = Child(c.security_context, "seccompProfile");
    if (profile != nullptr) {
      if (ValidProfileType(profile)) return;
      explicit_bad.emplace_back(c.name);
      bad_values.push_back(ProfileTypeView(profile));
      where->Offer([&] { return AtContainer(c, {"securityContext", "seccompProfile", "type"}); });
    } else if (restricted && !pod_valid) {
      implicit_bad.emplace_back(c.name);
      implicit_where.Offer([&] {
        return AtContainer(c, {"securityContext", "seccompProfile", "type"});
      });
    }
  });
  out->reason = "seccompProfile";
  if (pod_bad || !explicit_bad.empty()) {
    SortUnique(&bad_values);
    Message(&out->detail)
        .Setters(pod_bad, explicit_bad)
        .Add(" must not set securityContext.seccompProfile.type to ")
        .Quoted(bad_values);
    return true;
  }
  if (implicit_bad.empty()) return false;
  where->Offer([&] { return Field{implicit_where.node, std::move(implicit_where.path)}; });
  Message(&out->detail)
      .Add("pod or ")
      .Containers(implicit_bad)
      .Add(R"( must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")");
  return true;
}

bool ExplainSysctls(const k8s::PodView& pod, int minor, Violation* out, FirstLocation* where) {
  const PodFacts p = ReadPod(pod);
  Words forbidden;
  auto items = Items(p.sysctls);
  for (size_t i = 0; i < items.size(); ++i) {
    if (IsSafeSysctlEntry(items[i], minor)) continue;
    forbidden.push_back(TextOf(Child(items[i], "name")));
    if (!where->set()) {
      std::string entry_path = IndexPath(AtPod(pod, {"securityContext", "sysctls"}).path, i);
      where->Offer([&] { return Where(items[i], entry_path, {"name"}); });
    }
  }
  if (forbidden.empty()) return false;
  out->reason = "forbidden sysctls";
  Message(&out->detail).Joined(forbidden, ", ");
  return true;
}

bool ExplainWindowsHostProcess(const k8s::PodView& pod, Violation* out, FirstLocation* where) {
  const PodFacts p = ReadPod(pod);
  const bool pod_bad = HostProcessSet(p.windows_options);
  if (pod_bad)
    where->Offer([&] { return AtPod(pod, {"securityContext", "windowsOptions", "hostProcess"}); });
  Words containers = NameBuffer(pod);
  VisitContainers(pod, [&](const k8s::ContainerView& c) {
    if (!HostProcessSet(Child(c.security_context, "windowsOptions"))) return;
    containers.emplace_back(c.name);
    where->Offer([&] {
      return AtContainer(c, {"securityContext", "windowsOptions", "hostProcess"});
    });
  });
  if (!pod_bad && containers.empty()) return false;
  out->reason = "hostProcess";
  Message(&out->detail)
      .Setters(pod_bad, containers)
      .Add(" must not set securityContext.windowsOptions.hostProcess=true");
  return true;
}

bool ExplainAllowPrivilegeEscalation(const k8s::PodView& pod, Violation* out,
                                     FirstLocation* where) {
  Words containers = NameBuffer(pod);
  VisitContainers(pod, [&](const k8s::ContainerView& c) {
    if (IsFalse(Child(c.security_context, "allowPrivilegeEscalation"))) return;
    containers.emplace_back(c.name);
    where->Offer([&] { return AtContainer(c, {"securityContext", "allowPrivilegeEscalation"}); });
  });
  if (containers.empty()) return false;
  out->reason = "allowPrivilegeEscalation != false";
  Message(&out->detail)
      .Containers(containers)
      .Add(" must set securityContext.allowPrivilegeEscalation=false");
  return true;
}

bool ExplainCapabilitiesRestricted(const k8s::PodView& pod, Violation* out, FirstLocation* where) {
  Words missing_drop_all = NameBuffer(pod);
  Words adding_forbidden = NameBuffer(pod);
  Words forbidden;
  VisitContainers(pod, [&](const k8s::ContainerView& c) {
    const ContainerFacts f = ReadContainer(c);
    if (!DropsAll(ReadCapabilities(f.capabilities))) {
      missing_drop_all.emplace_back(c.name);
      where->Offer([&] { return AtContainer(c, {"securityContext", "capabilities", "drop"}); });
    }
    bool adds = false;
    auto items = Items(Child(f.capabilities, "add"));
    for (size_t i = 0; i < items.size(); ++i) {
      if (StringIs(items[i], "NET_BIND_SERVICE")) continue;
      adds = true;
      forbidden.push_back(TextOf(items[i]));
      if (!where->set()) {
        Field list = AtContainer(c, {"securityContext", "capabilities", "add"});
        where->Offer([&] { return Field{items[i], IndexPath(list.path, i)}; });
      }
    }
    if (adds) adding_forbidden.emplace_back(c.name);
  });
  if (missing_drop_all.empty() && adding_forbidden.empty()) return false;
  out->reason = "unrestricted capabilities";
  Message detail(&out->detail);
  if (!missing_drop_all.empty()) {
    detail.Containers(missing_drop_all)
        .Add(R"( must set securityContext.capabilities.drop=["ALL"])");
  }
  if (!adding_forbidden.empty()) {
    SortUnique(&forbidden);
    if (!missing_drop_all.empty()) detail.Add("; ");
    detail.Containers(adding_forbidden)
        .Add(" must not include ")
        .Quoted(forbidden)
        .Add(" in securityContext.capabilities.add");
  }
  return true;
}

bool ExplainRestrictedVolumes(const k8s::PodView& pod, Violation* out, FirstLocation* where) {
  const PodFacts p = ReadPod(pod);
  Words volumes;
  Words types;
  auto items = Items(p.volumes);
  for (size_t i = 0; i < items.size(); ++i) {
    std::string_view source = RestrictedSource(items[i]);
    if (source.empty()) continue;
    volumes.push_back(TextOf(Child(items[i], "name")));
    types.emplace_back(source);
    if (!where->set()) {
      std::string volume_path = IndexPath(AtPod(pod, {"volumes"}).path, i);
      where->Offer([&] { return Where(items[i], volume_path, {source}); });
    }
  }
  if (volumes.empty()) return false;
  SortUnique(&types);
  out->reason = "restricted volume types";
  Message(&out->detail)
      .Plural("volume ", "volumes ", volumes.size())
      .Quoted(volumes)
      .Plural(" uses ", " use ", volumes.size())
      .Plural("restricted volume type ", "restricted volume types ", types.size())
      .Quoted(types);
  return true;
}

bool ExplainRunAsNonRoot(const k8s::PodView& pod, Violation* out, FirstLocation* where) {
  const PodFacts p = ReadPod(pod);
  bool pod_bad = false;
  bool pod_non_root = false;
  if (p.run_as_non_root != nullptr) {
    if (IsTrue(p.run_as_non_root)) {
      pod_non_root = true;
    } else {
      pod_bad = true;
      where->Offer([&] { return AtPod(pod, {"securityContext", "runAsNonRoot"}); });
    }
  }
  Words explicit_bad = NameBuffer(pod);
  Words implicit_bad = NameBuffer(pod);
  FirstLocation implicit_where;
  VisitContainers(pod, [&](const k8s::ContainerView& c) {
    const doc::Node* value = Child(c.security_context, "runAsNonRoot");
    if (value != nullptr) {
      if (IsTrue(value)) return;
      explicit_bad.emplace_back(c.name);
      where->Offer([&] { return AtContainer(c, {"securityContext", "runAsNonRoot"}); });
    } else if (!pod_non_root) {
      implicit_bad.emplace_back(c.name);
      implicit_where.Offer([&] { return AtContainer(c, {"securityContext", "runAsNonRoot"}); });
    }
  });
  out->reason = "runAsNonRoot != true";
  if (pod_bad || !explicit_bad.empty()) {
    Message(&out->detail)
        .Setters(pod_bad, explicit_bad)
        .Add(" must not set securityContext.runAsNonRoot=false");
    return true;
  }
  if (implicit_bad.empty()) return false;
  where->Offer([&] { return Field{implicit_where.node, std::move(implicit_where.path)}; });
  Message(&out->detail)
      .Add("pod or ")
      .Containers(implicit_bad)
      .Add(" must set securityContext.runAsNonRoot=true");
  return true;
}

bool ExplainRunAsUser(const k8s::PodView& pod, Violation* out, FirstLocation* where) {
  const PodFacts p = ReadPod(pod);
  const bool pod_bad = IsZeroUid(p.run_as_user);
  if (pod_bad) where->Offer([&] { return AtPod(pod, {"securityContext", "runAsUser"}); });
  Words containers = NameBuffer(pod);
  VisitContainers(pod, [&](const k8s::ContainerView& c) {
    if (!IsZeroUid(Child(c.security_context, "runAsUser"))) return;
    containers.emplace_back(c.name);
    where->Offer([&] { return AtContainer(c, {"securityContext", "runAsUser"}); });
  });
  if (!pod_bad && containers.empty()) return false;
  out->reason = "runAsUser=0";
  Message(&out->detail).Setters(pod_bad, containers).Add(" must not set runAsUser=0");
  return true;
}

// Whole-pod relaxations: which checks do not apply to this pod at this minor.
CheckMask Exempt(const PodFacts& p, int minor) {
  CheckMask exempt = 0;
  if (minor >= 25 && p.windows) {
    exempt |= Bit(CheckId::kAllowPrivilegeEscalation) | Bit(CheckId::kCapabilitiesRestricted) |
              Bit(CheckId::kSeccompProfileRestricted);
  }
  if (minor >= 35 && p.user_namespace) {
    exempt |= Bit(CheckId::kRunAsNonRoot) | Bit(CheckId::kRunAsUser) | Bit(CheckId::kProcMount);
  }
  return exempt;
}

constexpr CheckMask ComputeActiveChecks(Level level, int minor) {
  if (level == Level::kPrivileged) return 0;
  CheckMask active = 0;
  for (size_t i = 0; i < kCheckTable.size(); ++i) {
    const CheckDescriptor& d = kCheckTable[i];
    if (d.level <= level && minor >= d.minimum_minor) active |= CheckMask{1} << i;
  }
  if (level == Level::kRestricted) {
    // Upstream OverrideCheckIDs: a restricted check replaces a weaker baseline one from the version
    // it applies.
    struct Override {
      CheckId restricted;
      CheckId baseline;
    };
    constexpr Override kOverrides[] = {
        {CheckId::kRestrictedVolumes, CheckId::kHostPathVolumes},
        {CheckId::kSeccompProfileRestricted, CheckId::kSeccompProfileBaseline},
        {CheckId::kCapabilitiesRestricted, CheckId::kCapabilitiesBaseline},
        {CheckId::kProcMountRestricted, CheckId::kProcMount},
    };
    for (const Override& o : kOverrides) {
      if ((active & Bit(o.restricted)) != 0) active &= ~Bit(o.baseline);
    }
  }
  return active;
}

// ActiveChecks for every level and minor, computed at compile time.
struct ActiveTable {
  CheckMask masks[3][kNewestKnownMinor + 1] = {};
};

constexpr ActiveTable MakeActiveTable() {
  ActiveTable table;
  for (Level level : {Level::kPrivileged, Level::kBaseline, Level::kRestricted}) {
    for (int minor = 0; minor <= kNewestKnownMinor; ++minor) {
      table.masks[static_cast<size_t>(level)][static_cast<size_t>(minor)] =
          ComputeActiveChecks(level, minor);
    }
  }
  return table;
}

}  // namespace

CheckMask ActiveChecks(Level level, int minor) {
  static constexpr ActiveTable kTable = MakeActiveTable();
  const int clamped = minor < 0 ? 0 : minor > kNewestKnownMinor ? kNewestKnownMinor : minor;
  return kTable.masks[static_cast<size_t>(level)][static_cast<size_t>(clamped)];
}

CheckMask Decide(const k8s::PodView& pod, int minor, CheckMask active) {
  if (active == 0 || pod.spec == nullptr) return 0;
  const PodFacts p = ReadPod(pod);
  active &= ~Exempt(p, minor);
  CheckMask bad = 0;
  auto pending = [&](CheckId id) { return (active & ~bad & Bit(id)) != 0; };
  auto flag = [&](CheckId id) { bad |= Bit(id); };

  // Pod-level fields.
  if (pending(CheckId::kHostNamespaces) &&
      (IsTruthy(p.host_network) || IsTruthy(p.host_pid) || IsTruthy(p.host_ipc))) {
    flag(CheckId::kHostNamespaces);
  }
  if (pending(CheckId::kHostPathVolumes) || pending(CheckId::kRestrictedVolumes)) {
    for (const doc::Node* volume : Items(p.volumes)) {
      if (Child(volume, "hostPath") != nullptr) flag(CheckId::kHostPathVolumes);
      if (pending(CheckId::kRestrictedVolumes) && !RestrictedSource(volume).empty()) {
        flag(CheckId::kRestrictedVolumes);
      }
    }
  }
  if (pending(CheckId::kSysctls)) {
    for (const doc::Node* entry : Items(p.sysctls)) {
      if (!IsSafeSysctlEntry(entry, minor)) {
        flag(CheckId::kSysctls);
        break;
      }
    }
  }
  if (pending(CheckId::kAppArmorProfile)) {
    if (p.app_armor_profile != nullptr && !ValidProfileType(p.app_armor_profile)) {
      flag(CheckId::kAppArmorProfile);
    } else {
      ForEachBadAppArmorAnnotation(pod,
                                   [&](const doc::Entry&) { flag(CheckId::kAppArmorProfile); });
    }
  }
  if (pending(CheckId::kSeLinuxOptions) && p.se_linux_options != nullptr &&
      CheckSeLinux(p.se_linux_options, minor).any()) {
    flag(CheckId::kSeLinuxOptions);
  }
  if (pending(CheckId::kSeccompProfileBaseline)) {
    if (minor < 19) {
      ForEachBadSeccompAnnotation(
          pod, [&](const doc::Entry&) { flag(CheckId::kSeccompProfileBaseline); });
    } else if (p.seccomp_profile != nullptr && !ValidProfileType(p.seccomp_profile)) {
      flag(CheckId::kSeccompProfileBaseline);
    }
  }
  bool pod_seccomp_valid = false;
  if (pending(CheckId::kSeccompProfileRestricted) && p.seccomp_profile != nullptr) {
    if (ValidProfileType(p.seccomp_profile)) {
      pod_seccomp_valid = true;
    } else {
      flag(CheckId::kSeccompProfileRestricted);
    }
  }
  if (pending(CheckId::kWindowsHostProcess) && HostProcessSet(p.windows_options)) {
    flag(CheckId::kWindowsHostProcess);
  }
  bool pod_non_root = false;
  if (pending(CheckId::kRunAsNonRoot) && p.run_as_non_root != nullptr) {
    if (IsTrue(p.run_as_non_root)) {
      pod_non_root = true;
    } else {
      flag(CheckId::kRunAsNonRoot);
    }
  }
  if (pending(CheckId::kRunAsUser) && IsZeroUid(p.run_as_user)) flag(CheckId::kRunAsUser);

  // Container-level fields (the seccomp baseline annotations of v1.0 were handled above).
  constexpr CheckMask kContainerChecks =
      Bit(CheckId::kAppArmorProfile) | Bit(CheckId::kCapabilitiesBaseline) |
      Bit(CheckId::kHostPorts) | Bit(CheckId::kHostProbesAndHostLifecycle) |
      Bit(CheckId::kPrivileged) | Bit(CheckId::kProcMount) | Bit(CheckId::kSeLinuxOptions) |
      Bit(CheckId::kSeccompProfileBaseline) | Bit(CheckId::kWindowsHostProcess) |
      Bit(CheckId::kAllowPrivilegeEscalation) | Bit(CheckId::kCapabilitiesRestricted) |
      Bit(CheckId::kProcMountRestricted) | Bit(CheckId::kRunAsNonRoot) | Bit(CheckId::kRunAsUser) |
      Bit(CheckId::kSeccompProfileRestricted);
  const bool seccomp_fields = minor >= 19;
  for (const k8s::ContainerView& c : pod.containers) {
    if ((active & ~bad & kContainerChecks) == 0) break;
    const ContainerFacts f = ReadContainer(c);
    if (pending(CheckId::kAppArmorProfile) && f.app_armor_profile != nullptr &&
        !ValidProfileType(f.app_armor_profile)) {
      flag(CheckId::kAppArmorProfile);
    }
    const CapabilityLists caps = ReadCapabilities(f.capabilities);
    if (pending(CheckId::kCapabilitiesBaseline) && BadBaselineCapabilities(caps)) {
      flag(CheckId::kCapabilitiesBaseline);
    }
    if (pending(CheckId::kHostPorts) && BadHostPorts(f)) flag(CheckId::kHostPorts);
    if (pending(CheckId::kHostProbesAndHostLifecycle) && BadProbeHosts(f)) {
      flag(CheckId::kHostProbesAndHostLifecycle);
    }
    if (pending(CheckId::kPrivileged) && IsTruthy(f.privileged)) flag(CheckId::kPrivileged);
    if (BadProcMount(f)) {
      if (pending(CheckId::kProcMount)) flag(CheckId::kProcMount);
      if (pending(CheckId::kProcMountRestricted)) flag(CheckId::kProcMountRestricted);
    }
    if (pending(CheckId::kSeLinuxOptions) && f.se_linux_options != nullptr &&
        CheckSeLinux(f.se_linux_options, minor).any()) {
      flag(CheckId::kSeLinuxOptions);
    }
    if (seccomp_fields && pending(CheckId::kSeccompProfileBaseline) &&
        f.seccomp_profile != nullptr && !ValidProfileType(f.seccomp_profile)) {
      flag(CheckId::kSeccompProfileBaseline);
    }
    if (pending(CheckId::kWindowsHostProcess) && HostProcessSet(f.windows_options)) {
      flag(CheckId::kWindowsHostProcess);
    }
    if (pending(CheckId::kAllowPrivilegeEscalation) && !IsFalse(f.allow_privilege_escalation)) {
      flag(CheckId::kAllowPrivilegeEscalation);
    }
    if (pending(CheckId::kCapabilitiesRestricted) &&
        (!DropsAll(caps) || AddsBeyondNetBindService(caps))) {
      flag(CheckId::kCapabilitiesRestricted);
    }
    if (pending(CheckId::kRunAsNonRoot) &&
        (f.run_as_non_root != nullptr ? !IsTrue(f.run_as_non_root) : !pod_non_root)) {
      flag(CheckId::kRunAsNonRoot);
    }
    if (pending(CheckId::kRunAsUser) && IsZeroUid(f.run_as_user)) flag(CheckId::kRunAsUser);
    if (pending(CheckId::kSeccompProfileRestricted) &&
        (f.seccomp_profile != nullptr ? !ValidProfileType(f.seccomp_profile)
                                      : !pod_seccomp_valid)) {
      flag(CheckId::kSeccompProfileRestricted);
    }
  }
  return bad & active;
}

bool Explain(const k8s::PodView& pod, int minor, CheckId id, Violation* out) {
  FirstLocation where;
  bool found = false;
  switch (id) {
    case CheckId::kAppArmorProfile: found = ExplainAppArmor(pod, out, &where); break;
    case CheckId::kCapabilitiesBaseline:
      found = ExplainCapabilitiesBaseline(pod, out, &where);
      break;
    case CheckId::kHostNamespaces: found = ExplainHostNamespaces(pod, out, &where); break;
    case CheckId::kHostPathVolumes: found = ExplainHostPathVolumes(pod, out, &where); break;
    case CheckId::kHostPorts: found = ExplainHostPorts(pod, out, &where); break;
    case CheckId::kHostProbesAndHostLifecycle: found = ExplainHostProbes(pod, out, &where); break;
    case CheckId::kPrivileged: found = ExplainPrivileged(pod, out, &where); break;
    case CheckId::kProcMount:
    case CheckId::kProcMountRestricted: found = ExplainProcMount(pod, out, &where); break;
    case CheckId::kSeLinuxOptions: found = ExplainSeLinux(pod, minor, out, &where); break;
    case CheckId::kSeccompProfileBaseline:
      found = minor < 19 ? ExplainSeccompAnnotations(pod, out, &where)
                         : ExplainSeccompFields(pod, false, out, &where);
      break;
    case CheckId::kSysctls: found = ExplainSysctls(pod, minor, out, &where); break;
    case CheckId::kWindowsHostProcess: found = ExplainWindowsHostProcess(pod, out, &where); break;
    case CheckId::kAllowPrivilegeEscalation:
      found = ExplainAllowPrivilegeEscalation(pod, out, &where);
      break;
    case CheckId::kCapabilitiesRestricted:
      found = ExplainCapabilitiesRestricted(pod, out, &where);
      break;
    case CheckId::kRestrictedVolumes: found = ExplainRestrictedVolumes(pod, out, &where); break;
    case CheckId::kRunAsNonRoot: found = ExplainRunAsNonRoot(pod, out, &where); break;
    case CheckId::kRunAsUser: found = ExplainRunAsUser(pod, out, &where); break;
    case CheckId::kSeccompProfileRestricted:
      found = ExplainSeccompFields(pod, true, out, &where);
      break;
  }
  Finish(&where, pod, out);
  return found;
}

}  // namespace centinela::pss::internal
