#include "pss/predicates.h"

#include <array>

#include "core/strings.h"
#include "doc/path.h"

namespace centinela::pss {

namespace {

bool IsPresent(const doc::Node* node) { return node != nullptr && !node->IsNull(); }

// The key node and value of `key` in `mapping`; {nullptr, nullptr} when absent or not a mapping.
doc::Entry FindEntry(const doc::Node* mapping, std::string_view key) {
  if (mapping == nullptr || !mapping->IsMapping()) return {nullptr, nullptr};
  for (const doc::Entry& e : mapping->entries()) {
    if (e.key->IsScalar() && e.key->text() == key) return {e.key, e.value};
  }
  return {nullptr, nullptr};
}

// A string that reads unambiguously without quotes: a plain word that no reader would take for a
// boolean, a number or null.
bool NeedsQuotes(std::string_view text) {
  if (text.empty() || (text.front() >= '0' && text.front() <= '9')) return true;
  for (char c : text) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '.' || c == '_' || c == '/' || c == '-';
    if (!plain) return true;
  }
  constexpr std::string_view kAmbiguous[] = {"true", "false", "yes", "no",  "on",
                                             "off",  "y",     "n",   "null"};
  for (std::string_view word : kAmbiguous) {
    if (core::EqualsIgnoreCase(text, word)) return true;
  }
  return false;
}

// doc::FieldPath's rule for keys written as `.key` rather than `["key"]`.
bool IsPlainKey(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// `base` extended by `keys`, as doc::FieldPath::Key writes it, in one allocation for plain keys.
std::string JoinPath(std::string_view base, std::initializer_list<std::string_view> keys) {
  size_t size = base.size();
  for (std::string_view k : keys) size += k.size() + 1;
  std::string out;
  out.reserve(size);
  out += base;
  for (std::string_view k : keys) {
    if (IsPlainKey(k)) {
      if (!out.empty()) out += '.';
      out += k;
    } else {
      out = doc::FieldPath(out).Key(k).str();
    }
  }
  return out;
}

std::string IndexPath(std::string_view base, size_t index) {
  return doc::FieldPath(base).Index(index).str();
}

// The value of the annotation `prefix` + `name` of the pod template (or Pod), without building the
// key; nullptr when absent or null.
const doc::Node* FindAnnotation(const k8s::PodView& pod, std::string_view prefix,
                                std::string_view name = {}) {
  const doc::Node* annotations = FindValue(pod.metadata, {"annotations"});
  if (annotations == nullptr) return nullptr;
  for (const doc::Entry& e : annotations->entries()) {
    if (!e.key->IsScalar()) continue;
    std::string_view key = e.key->text();
    if (key.size() == prefix.size() + name.size() && key.starts_with(prefix) &&
        key.ends_with(name)) {
      return IsPresent(e.value) ? e.value : nullptr;
    }
  }
  return nullptr;
}

// metadata.annotations[key] of the pod template (or Pod).
Field LocateAnnotation(const k8s::PodView& pod, std::string_view key) {
  if (pod.metadata == nullptr) {
    Field f;
    f.node = pod.spec;
    f.path = doc::FieldPath(pod.metadata_path).Key("annotations").Key(key).str();
    return f;
  }
  return Locate(pod.metadata, pod.metadata_path, {"annotations", key});
}

// A profile set through a `<profile_field>: {type: ...}` securityContext field of `base`.
std::optional<Profile> FieldProfile(const doc::Node* base, std::string_view profile_field,
                                    ProfileSource source) {
  const doc::Node* profile = FindValue(base, {"securityContext", profile_field});
  if (profile == nullptr) return std::nullopt;
  Profile p;
  p.source = source;
  p.node = FindValue(profile, {"type"});
  if (p.node != nullptr) {
    p.type = ParseProfileType(p.node);
    p.value = p.node->text();
  } else {
    p.type = ProfileType::kOther;
  }
  return p;
}

// The location of a profile read by FieldProfile / annotations; see LocateSeccomp.
Field LocateProfile(const Profile& profile, const k8s::PodView& pod,
                    const k8s::ContainerView* container, std::string_view profile_field,
                    std::string_view container_annotation_prefix) {
  Field f;
  switch (profile.source) {
    case ProfileSource::kContainerField:
    case ProfileSource::kNone:
      if (container != nullptr) {
        f = Locate(container->node, container->path, {"securityContext", profile_field, "type"});
      } else {
        f = Locate(pod.spec, pod.spec_path, {"securityContext", profile_field, "type"});
      }
      break;
    case ProfileSource::kPodField:
      f = Locate(pod.spec, pod.spec_path, {"securityContext", profile_field, "type"});
      break;
    case ProfileSource::kContainerAnnotation: {
      std::string key(container_annotation_prefix);
      if (container != nullptr) key += container->name;
      f = LocateAnnotation(pod, key);
      break;
    }
    case ProfileSource::kPodAnnotation: f = LocateAnnotation(pod, kSeccompPodAnnotation); break;
  }
  f.inherited = profile.inherited;
  return f;
}

std::vector<Capability> Capabilities(const k8s::ContainerView& container, std::string_view list) {
  std::vector<Capability> out;
  const doc::Node* items = FindValue(container.node, {"securityContext", "capabilities", list});
  if (items == nullptr || items->items().empty()) return out;
  std::string list_path =
      Locate(container.node, container.path, {"securityContext", "capabilities", list}).path;
  auto nodes = items->items();
  for (size_t i = 0; i < nodes.size(); ++i) {
    const doc::Node* item = nodes[i];
    if (item->IsNull()) continue;
    Capability c;
    c.name = item->text();
    c.normalized = NormalizeCapability(c.name);
    c.node = item;
    c.path = IndexPath(list_path, i);
    out.push_back(std::move(c));
  }
  return out;
}

struct SafeSysctl {
  std::string_view name;
  int since_minor;
};

constexpr std::array<SafeSysctl, 14> kSafeSysctls = {{
    {"kernel.shm_rmid_forced", 0},
    {"net.ipv4.ip_local_port_range", 0},
    {"net.ipv4.tcp_syncookies", 0},
    {"net.ipv4.ping_group_range", 0},
    {"net.ipv4.ip_unprivileged_port_start", 0},
    {"net.ipv4.ip_local_reserved_ports", 27},
    {"net.ipv4.tcp_keepalive_time", 29},
    {"net.ipv4.tcp_fin_timeout", 29},
    {"net.ipv4.tcp_keepalive_intvl", 29},
    {"net.ipv4.tcp_keepalive_probes", 29},
    {"net.ipv4.tcp_rmem", 32},
    {"net.ipv4.tcp_wmem", 32},
    {"net.ipv4.tcp_slow_start_after_idle", 37},
    {"net.ipv4.tcp_notsent_lowat", 37},
}};

constexpr std::array<std::string_view, 13> kBaselineCapabilities = {
    "AUDIT_WRITE",      "CHOWN",   "DAC_OVERRIDE", "FOWNER",  "FSETID", "KILL",      "MKNOD",
    "NET_BIND_SERVICE", "SETFCAP", "SETGID",       "SETPCAP", "SETUID", "SYS_CHROOT"};

// The node of a securityContext field as the container sees it (k8s::EffectiveSecurityField), and
// whether it comes from the pod level.
const doc::Node* EffectiveNode(const k8s::PodView& pod, const k8s::ContainerView& container,
                               std::string_view field, bool* inherited) {
  const doc::Node* node = k8s::EffectiveSecurityField(pod, container, field);
  *inherited = node != nullptr && node != FindValue(container.node, {"securityContext", field});
  return node;
}

Field LocateEffective(const k8s::PodView& pod, const k8s::ContainerView& container,
                      std::string_view field, bool inherited) {
  Field f = inherited ? Locate(pod.spec, pod.spec_path, {"securityContext", field})
                      : Locate(container.node, container.path, {"securityContext", field});
  f.inherited = inherited;
  return f;
}

}  // namespace

const doc::Node* FindValue(const doc::Node* base, std::initializer_list<std::string_view> keys) {
  const doc::Node* current = base;
  for (std::string_view k : keys) {
    if (current == nullptr) return nullptr;
    current = current->Get(k);
    if (current != nullptr && current->IsNull()) return nullptr;
  }
  return current;
}

Field Locate(const doc::Node* base, std::string_view base_path,
             std::initializer_list<std::string_view> keys) {
  Field f;
  f.path = JoinPath(base_path, keys);
  f.node = base;
  const doc::Node* current = base;
  for (std::string_view k : keys) {
    auto [key_node, value] = FindEntry(current, k);
    if (key_node == nullptr) return f;
    f.node = key_node;
    if (!IsPresent(value)) return f;
    current = value;
  }
  if (current != nullptr) {
    f.node = current;
    f.set = true;
  }
  return f;
}

BoolValue ReadBool(const doc::Node* node) {
  if (!IsPresent(node)) return BoolValue::kUnset;
  if (auto b = node->AsBool()) return *b ? BoolValue::kTrue : BoolValue::kFalse;
  return BoolValue::kInvalid;
}

bool IsTruthy(const doc::Node* node) {
  if (node == nullptr) return false;
  if (auto b = node->AsBool()) return *b;
  return node->IsString() && core::EqualsIgnoreCase(core::Trim(node->text()), "true");
}

std::string ValueText(const doc::Node* node) {
  if (node == nullptr || node->IsNull()) return "null";
  if (node->IsString()) {
    std::string_view text = node->text();
    return NeedsQuotes(text) ? "\"" + std::string(text) + "\"" : std::string(text);
  }
  if (node->IsScalar()) return std::string(node->text());
  return doc::Describe(*node);
}

bool IsWindowsPod(const k8s::PodView& pod) {
  const doc::Node* name = FindValue(pod.spec, {"os", "name"});
  return name != nullptr && name->IsString() && name->text() == "windows";
}

bool UsesUserNamespace(const k8s::PodView& pod) {
  return ReadBool(pod.spec->Get("hostUsers")) == BoolValue::kFalse;
}

std::string_view FieldName(HostNamespace ns) {
  switch (ns) {
    case HostNamespace::kNetwork: return "hostNetwork";
    case HostNamespace::kPid: return "hostPID";
    case HostNamespace::kIpc: return "hostIPC";
  }
  return "";
}

std::optional<Field> SharedHostNamespace(const k8s::PodView& pod, HostNamespace ns) {
  if (!IsTruthy(FindValue(pod.spec, {FieldName(ns)}))) return std::nullopt;
  return Locate(pod.spec, pod.spec_path, {FieldName(ns)});
}

std::vector<HostPathVolume> HostPathVolumes(const k8s::PodView& pod) {
  std::vector<HostPathVolume> out;
  const doc::Node* volumes = FindValue(pod.spec, {"volumes"});
  if (volumes == nullptr) return out;
  auto items = volumes->items();
  for (size_t i = 0; i < items.size(); ++i) {
    const doc::Node* volume = items[i];
    if (FindValue(volume, {"hostPath"}) == nullptr) continue;
    std::string volume_path = IndexPath(Locate(pod.spec, pod.spec_path, {"volumes"}).path, i);
    Field path = Locate(volume, volume_path, {"hostPath", "path"});
    HostPathVolume v;
    v.volume = volume->GetText("name");
    v.node = path.node;
    v.field_path = std::move(path.path);
    v.volume_node = volume;
    if (path.set && path.node->IsScalar()) v.path = path.node->text();
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<Sysctl> Sysctls(const k8s::PodView& pod) {
  std::vector<Sysctl> out;
  const doc::Node* list = FindValue(pod.spec, {"securityContext", "sysctls"});
  if (list == nullptr || list->items().empty()) return out;
  std::string list_path = Locate(pod.spec, pod.spec_path, {"securityContext", "sysctls"}).path;
  auto items = list->items();
  for (size_t i = 0; i < items.size(); ++i) {
    Field name = Locate(items[i], IndexPath(list_path, i), {"name"});
    Sysctl s;
    s.node = name.set ? name.node : items[i];
    s.path = std::move(name.path);
    if (name.set && name.node->IsScalar()) s.name = name.node->text();
    out.push_back(std::move(s));
  }
  return out;
}

bool IsSafeSysctl(std::string_view name, int minor) {
  for (const SafeSysctl& s : kSafeSysctls) {
    if (s.name == name) return minor >= s.since_minor;
  }
  return false;
}

std::string NormalizeSysctlName(std::string_view name) {
  std::string out(name);
  size_t first = out.find_first_of("./");
  if (first == std::string::npos || out[first] == '.') return out;
  for (char& c : out) {
    if (c == '.') {
      c = '/';
    } else if (c == '/') {
      c = '.';
    }
  }
  return out;
}

std::optional<Field> Privileged(const k8s::ContainerView& container) {
  if (!IsTruthy(FindValue(container.node, {"securityContext", "privileged"}))) return std::nullopt;
  return Locate(container.node, container.path, {"securityContext", "privileged"});
}

std::optional<Field> HostProcess(const k8s::PodView& pod, const k8s::ContainerView& container) {
  const doc::Node* own =
      FindValue(container.node, {"securityContext", "windowsOptions", "hostProcess"});
  if (own != nullptr) {
    if (!IsTruthy(own)) return std::nullopt;
    return Locate(container.node, container.path,
                  {"securityContext", "windowsOptions", "hostProcess"});
  }
  if (!IsTruthy(FindValue(pod.spec, {"securityContext", "windowsOptions", "hostProcess"}))) {
    return std::nullopt;
  }
  Field f = Locate(pod.spec, pod.spec_path, {"securityContext", "windowsOptions", "hostProcess"});
  f.inherited = true;
  return f;
}

Field EffectiveSecurityContextField(const k8s::PodView& pod, const k8s::ContainerView& container,
                                    std::string_view field) {
  bool inherited = false;
  EffectiveNode(pod, container, field, &inherited);
  return LocateEffective(pod, container, field, inherited);
}

PrivilegeEscalation AllowsPrivilegeEscalation(const k8s::ContainerView& container) {
  PrivilegeEscalation result;
  const doc::Node* value =
      FindValue(container.node, {"securityContext", "allowPrivilegeEscalation"});
  switch (ReadBool(value)) {
    case BoolValue::kUnset: result.cause = EscalationCause::kUnset; break;
    case BoolValue::kTrue: result.cause = EscalationCause::kExplicitTrue; break;
    case BoolValue::kInvalid: result.cause = EscalationCause::kInvalidValue; break;
    case BoolValue::kFalse: break;
  }
  if (result.allowed()) {
    result.field =
        Locate(container.node, container.path, {"securityContext", "allowPrivilegeEscalation"});
    return result;
  }
  if (auto privileged = Privileged(container)) {
    result.cause = EscalationCause::kPrivileged;
    result.field = std::move(*privileged);
    return result;
  }
  const doc::Node* added = FindValue(container.node, {"securityContext", "capabilities", "add"});
  if (added == nullptr) return result;
  for (const doc::Node* item : added->items()) {
    std::string cap = NormalizeCapability(item->text());
    if (cap != "SYS_ADMIN" && cap != "ALL") continue;
    for (Capability& c : AddedCapabilities(container)) {
      if (c.node != item) continue;
      result.cause = EscalationCause::kSysAdmin;
      result.field.node = c.node;
      result.field.path = std::move(c.path);
      result.field.set = true;
      return result;
    }
  }
  return result;
}

RunAsRoot RunsAsRoot(const k8s::PodView& pod, const k8s::ContainerView& container) {
  RunAsRoot result;
  bool user_inherited = false;
  bool non_root_inherited = false;
  const doc::Node* user = EffectiveNode(pod, container, "runAsUser", &user_inherited);
  const doc::Node* non_root = EffectiveNode(pod, container, "runAsNonRoot", &non_root_inherited);
  std::optional<int64_t> uid = user != nullptr ? user->AsInt() : std::nullopt;
  BoolValue non_root_value = ReadBool(non_root);
  if (uid.has_value() && *uid > 0) return result;
  // With runAsNonRoot: true the kubelet refuses to start the container as uid 0.
  if (non_root_value == BoolValue::kTrue) return result;
  if (uid.has_value() && *uid == 0) {
    result.cause = RootCause::kRunAsUserZero;
    result.field = LocateEffective(pod, container, "runAsUser", user_inherited);
  } else if (non_root_value == BoolValue::kFalse) {
    result.cause = RootCause::kRunAsNonRootFalse;
    result.field = LocateEffective(pod, container, "runAsNonRoot", non_root_inherited);
  } else {
    result.cause = RootCause::kNotSet;
    result.field = LocateEffective(pod, container, "runAsNonRoot", false);
  }
  return result;
}

std::string NormalizeCapability(std::string_view name) {
  std::string upper(core::Trim(name));
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (upper.size() > 4 && upper.compare(0, 4, "CAP_") == 0) upper.erase(0, 4);
  return upper;
}

std::vector<Capability> AddedCapabilities(const k8s::ContainerView& container) {
  return Capabilities(container, "add");
}

std::vector<Capability> DroppedCapabilities(const k8s::ContainerView& container) {
  return Capabilities(container, "drop");
}

bool DropsAllCapabilities(const k8s::ContainerView& container) {
  const doc::Node* dropped = FindValue(container.node, {"securityContext", "capabilities", "drop"});
  if (dropped == nullptr) return false;
  for (const doc::Node* item : dropped->items()) {
    if (item->IsScalar() && core::EqualsIgnoreCase(core::Trim(item->text()), "ALL")) return true;
  }
  return false;
}

bool IsBaselineCapability(std::string_view name) {
  for (std::string_view allowed : kBaselineCapabilities) {
    if (allowed == name) return true;
  }
  return false;
}

std::vector<HostPort> HostPorts(const k8s::ContainerView& container) {
  std::vector<HostPort> out;
  const doc::Node* ports = FindValue(container.node, {"ports"});
  if (ports == nullptr) return out;
  auto items = ports->items();
  for (size_t i = 0; i < items.size(); ++i) {
    const doc::Node* host_port = FindValue(items[i], {"hostPort"});
    if (host_port == nullptr) continue;
    std::optional<int64_t> value = host_port->AsInt();
    if (value.has_value() ? *value == 0 : core::Trim(host_port->text()) == "0") continue;
    HostPort p;
    p.port = value.value_or(0);
    p.text = host_port->text();
    p.node = host_port;
    p.path = doc::FieldPath(container.path).Key("ports").Index(i).Key("hostPort").str();
    p.container_port = FindValue(items[i], {"containerPort"});
    out.push_back(std::move(p));
  }
  return out;
}

ProfileType ParseSeccompAnnotation(std::string_view value) {
  if (value == "runtime/default" || value == "docker/default") return ProfileType::kRuntimeDefault;
  if (value.starts_with("localhost/")) return ProfileType::kLocalhost;
  if (value == "unconfined") return ProfileType::kUnconfined;
  return ProfileType::kOther;
}

ProfileType ParseAppArmorAnnotation(std::string_view value) {
  if (value.empty()) return ProfileType::kUnset;
  if (value == "runtime/default") return ProfileType::kRuntimeDefault;
  if (value.starts_with("localhost/")) return ProfileType::kLocalhost;
  if (value == "unconfined") return ProfileType::kUnconfined;
  return ProfileType::kOther;
}

ProfileType ParseProfileType(const doc::Node* type) {
  if (!IsPresent(type)) return ProfileType::kUnset;
  if (!type->IsString()) return ProfileType::kOther;
  std::string_view t = type->text();
  if (t == "RuntimeDefault") return ProfileType::kRuntimeDefault;
  if (t == "Localhost") return ProfileType::kLocalhost;
  if (t == "Unconfined") return ProfileType::kUnconfined;
  return ProfileType::kOther;
}

Profile PodSeccomp(const k8s::PodView& pod) {
  if (auto p = FieldProfile(pod.spec, "seccompProfile", ProfileSource::kPodField)) return *p;
  Profile p;
  if (const doc::Node* value = FindAnnotation(pod, kSeccompPodAnnotation)) {
    p.type = ParseSeccompAnnotation(value->text());
    p.source = ProfileSource::kPodAnnotation;
    p.value = value->text();
    p.node = value;
  }
  return p;
}

Profile ContainerSeccomp(const k8s::PodView& pod, const k8s::ContainerView& container) {
  if (auto p = FieldProfile(container.node, "seccompProfile", ProfileSource::kContainerField)) {
    return *p;
  }
  Profile p;
  if (const doc::Node* value =
          FindAnnotation(pod, kSeccompContainerAnnotationPrefix, container.name)) {
    p.type = ParseSeccompAnnotation(value->text());
    p.source = ProfileSource::kContainerAnnotation;
    p.value = value->text();
    p.node = value;
  }
  return p;
}

Profile EffectiveSeccomp(const k8s::PodView& pod, const k8s::ContainerView& container) {
  Profile own = ContainerSeccomp(pod, container);
  if (own.source != ProfileSource::kNone) return own;
  Profile inherited = PodSeccomp(pod);
  inherited.inherited = inherited.source != ProfileSource::kNone;
  return inherited;
}

Field LocateSeccomp(const Profile& profile, const k8s::PodView& pod,
                    const k8s::ContainerView* container) {
  return LocateProfile(profile, pod, container, "seccompProfile",
                       kSeccompContainerAnnotationPrefix);
}

Profile PodAppArmor(const k8s::PodView& pod) {
  if (auto p = FieldProfile(pod.spec, "appArmorProfile", ProfileSource::kPodField)) return *p;
  return Profile{};
}

Profile ContainerAppArmor(const k8s::PodView& pod, const k8s::ContainerView& container) {
  if (auto p = FieldProfile(container.node, "appArmorProfile", ProfileSource::kContainerField)) {
    return *p;
  }
  Profile p;
  if (const doc::Node* value =
          FindAnnotation(pod, kAppArmorContainerAnnotationPrefix, container.name)) {
    ProfileType type = ParseAppArmorAnnotation(value->text());
    if (type != ProfileType::kUnset) {
      p.type = type;
      p.source = ProfileSource::kContainerAnnotation;
      p.value = value->text();
      p.node = value;
    }
  }
  return p;
}

Profile EffectiveAppArmor(const k8s::PodView& pod, const k8s::ContainerView& container) {
  Profile own = ContainerAppArmor(pod, container);
  if (own.source != ProfileSource::kNone) return own;
  Profile inherited = PodAppArmor(pod);
  inherited.inherited = inherited.source != ProfileSource::kNone;
  return inherited;
}

Field LocateAppArmor(const Profile& profile, const k8s::PodView& pod,
                     const k8s::ContainerView* container) {
  return LocateProfile(profile, pod, container, "appArmorProfile",
                       kAppArmorContainerAnnotationPrefix);
}

}  // namespace centinela::pss
