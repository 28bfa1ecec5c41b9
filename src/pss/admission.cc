#include "pss/admission.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "core/strings.h"
#include "doc/corpus.h"
#include "k8s/kinds.h"

namespace centinela::pss {

namespace {

constexpr std::string_view kLabelPrefix = "pod-security.kubernetes.io/";
constexpr std::string_view kLevelError = "must be one of privileged, baseline, restricted";
constexpr std::string_view kVersionError = R"(must be "latest" or "v1.x")";
constexpr std::string_view kControllerUserPrefix = "system:serviceaccount:kube-system:";

constexpr std::string_view kPodSecurityConfigurationGroup = "pod-security.admission.config.k8s.io/";
constexpr std::string_view kPodSecurityConfigurationVersions[] = {"v1", "v1beta1", "v1alpha1"};
// AdmissionConfiguration is served by apiserver.config.k8s.io (v1, v1alpha1) and by the legacy
// apiserver.k8s.io/v1alpha1.
constexpr std::string_view kAdmissionConfigurationApiVersions[] = {
    "apiserver.config.k8s.io/v1", "apiserver.config.k8s.io/v1alpha1", "apiserver.k8s.io/v1alpha1"};

bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Finds a label's value (and its node when known) for PolicyFromLabels.
struct LabelValue {
  std::string_view value;
  const doc::Node* node = nullptr;
};

template <typename Find>
Policy PolicyFromLabels(Find&& find, const Policy& defaults, std::vector<LabelError>* errors) {
  Policy policy = defaults;
  auto report = [&](const std::string& label, const LabelValue& found, std::string_view message) {
    if (errors == nullptr) return;
    errors->push_back(
        LabelError{label, std::string(found.value), std::string(message), found.node});
  };
  for (Mode mode : kAllModes) {
    LevelVersion& lv = policy.Of(mode);
    const std::string level_label = LevelLabel(mode);
    if (std::optional<LabelValue> found = find(level_label)) {
      core::Result<Level> level = ParseLevel(found->value);
      if (level.ok()) {
        lv.level = *level;
      } else {
        // Upstream fails closed for enforce and open for audit and warn.
        lv.level = mode == Mode::kEnforce ? Level::kRestricted : Level::kPrivileged;
        report(level_label, *found, kLevelError);
      }
    }
    const std::string version_label = VersionLabel(mode);
    if (std::optional<LabelValue> found = find(version_label)) {
      core::Result<Version> version = ParseVersion(found->value, VersionSyntax::kUpstream);
      if (version.ok()) {
        lv.version = *version;
      } else {
        lv.version = Version::Latest();
        report(version_label, *found, kVersionError);
      }
    }
  }
  return policy;
}

// ------------------------------------------------------------------------------------------------
// Configuration file

// DNS-1123 label: [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool IsDns1123Label(std::string_view s) {
  if (s.empty()) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(s.front()) || !alnum(s.back())) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) { return alnum(c) || c == '-'; });
}

// DNS-1123 subdomain: DNS-1123 labels joined by dots.
bool IsDns1123Subdomain(std::string_view s) {
  while (true) {
    const size_t dot = s.find('.');
    if (!IsDns1123Label(s.substr(0, dot))) return false;
    if (dot == std::string_view::npos) return true;
    s.remove_prefix(dot + 1);
  }
}

std::string NamespaceNameErrors(std::string_view name) {
  std::vector<std::string> errs;
  if (name.size() > 63) errs.emplace_back("must be no more than 63 characters");
  if (!IsDns1123Label(name)) {
    errs.emplace_back(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
        "and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', "
        "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
  }
  std::string out;
  for (const std::string& e : errs) out += (out.empty() ? "" : ", ") + e;
  return out;
}

std::string SubdomainErrors(std::string_view name) {
  std::vector<std::string> errs;
  if (name.size() > 253) errs.emplace_back("must be no more than 253 characters");
  if (!IsDns1123Subdomain(name)) {
    errs.emplace_back(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "
        "or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
        "regex used for validation is "
        "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  }
  std::string out;
  for (const std::string& e : errs) out += (out.empty() ? "" : ", ") + e;
  return out;
}

// Quotes a value for an error message as Go's %q would for printable ASCII.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Collects errors for one document, each as `file:line:col: error: message`; Flush() hands them
// over in source order.
class Reader {
 public:
  explicit Reader(const doc::Document& document) : document_(document) {}

  void Error(const doc::Node& at, std::string_view message) {
    pending_.push_back(Pending{at.line(), at.column(),
                               document_.source->path() + ":" + std::to_string(at.line()) + ":" +
                                   std::to_string(at.column()) +
                                   ": error: " + std::string(message)});
  }

  void Flush(std::vector<std::string>& errors) {
    std::stable_sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) {
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    for (Pending& p : pending_) errors.push_back(std::move(p.text));
    pending_.clear();
  }

  // A string field as the API server decodes it: null is the empty string.
  bool String(const doc::Node& node, std::string_view field, std::string* out) {
    if (node.IsNull()) {
      out->clear();
      return true;
    }
    if (!node.IsString()) {
      Error(node, std::string(field) + ": expected a string, got " +
                      std::string(doc::ToString(node.kind())));
      return false;
    }
    *out = std::string(node.text());
    return true;
  }

  // A list of strings: null is an empty list, a null item the empty string.
  void StringList(const doc::Node& node, std::string_view field,
                  std::vector<std::pair<std::string, const doc::Node*>>* out) {
    out->clear();
    if (node.IsNull()) return;
    if (!node.IsSequence()) {
      Error(node, std::string(field) + ": expected a list of strings, got " +
                      std::string(doc::ToString(node.kind())));
      return;
    }
    size_t i = 0;
    for (const doc::Node* item : node.items()) {
      std::string value;
      if (String(*item, std::string(field) + "[" + std::to_string(i) + "]", &value)) {
        out->emplace_back(std::move(value), item);
      }
      ++i;
    }
  }

  // Every key of `mapping` must be one of `known` (the decoder is strict).
  bool KnownFields(const doc::Node& mapping, std::string_view prefix,
                   std::initializer_list<std::string_view> known) {
    bool ok = true;
    for (const doc::Entry& e : mapping.entries()) {
      std::string_view key = e.key->text();
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::vector<std::string> candidates(known.begin(), known.end());
      std::string message = "unknown field " + Quote(std::string(prefix) + std::string(key));
      std::vector<std::string> suggestions = core::Suggest(key, candidates);
      if (!suggestions.empty()) message += "; did you mean " + Quote(suggestions[0]) + "?";
      Error(*e.key, message);
      ok = false;
    }
    return ok;
  }

  // A mapping field (null reads as absent).
  const doc::Node* Mapping(const doc::Node& node, std::string_view field) {
    if (node.IsNull()) return nullptr;
    if (!node.IsMapping()) {
      Error(node, std::string(field) + ": expected a mapping, got " +
                      std::string(doc::ToString(node.kind())));
      return nullptr;
    }
    return &node;
  }

  const doc::Document& document() const { return document_; }

 private:
  struct Pending {
    uint32_t line;
    uint32_t column;
    std::string text;
  };
  const doc::Document& document_;
  std::vector<Pending> pending_;
};

// apiVersion and kind of an object; errors when missing or not strings.
struct TypeMeta {
  std::string api_version;
  std::string kind;
  bool ok = false;
};

TypeMeta ReadTypeMeta(Reader& reader, const doc::Node& object) {
  TypeMeta meta;
  const doc::Node* api_version = object.Get("apiVersion");
  const doc::Node* kind = object.Get("kind");
  bool ok = true;
  if (kind == nullptr || kind->IsNull() || (kind->IsString() && kind->text().empty())) {
    reader.Error(object,
                 "missing \"kind\": expected PodSecurityConfiguration or AdmissionConfiguration");
    ok = false;
  } else if (!reader.String(*kind, "kind", &meta.kind)) {
    ok = false;
  }
  if (api_version == nullptr || api_version->IsNull() ||
      (api_version->IsString() && api_version->text().empty())) {
    reader.Error(object, "missing \"apiVersion\"");
    ok = false;
  } else if (!reader.String(*api_version, "apiVersion", &meta.api_version)) {
    ok = false;
  }
  meta.ok = ok;
  return meta;
}

bool IsPodSecurityConfigurationVersion(std::string_view api_version) {
  if (api_version.substr(0, kPodSecurityConfigurationGroup.size()) !=
      kPodSecurityConfigurationGroup) {
    return false;
  }
  std::string_view version = api_version.substr(kPodSecurityConfigurationGroup.size());
  return std::find(std::begin(kPodSecurityConfigurationVersions),
                   std::end(kPodSecurityConfigurationVersions),
                   version) != std::end(kPodSecurityConfigurationVersions);
}

// Reads a PodSecurityConfiguration object (apiVersion and kind already checked) into `config`,
// defaulting and validating as the API server does.
void ReadPodSecurityConfiguration(Reader& reader, const doc::Node& object,
                                  AdmissionConfig* config) {
  reader.KnownFields(object, "", {"apiVersion", "kind", "defaults", "exemptions"});

  struct ModeFields {
    Mode mode;
    std::string_view level_key;
    std::string_view version_key;
  };
  // Upstream validates enforce, warn, audit in this order.
  constexpr ModeFields kModeFields[] = {{Mode::kEnforce, "enforce", "enforce-version"},
                                        {Mode::kWarn, "warn", "warn-version"},
                                        {Mode::kAudit, "audit", "audit-version"}};
  if (const doc::Node* field = object.Get("defaults")) {
    if (const doc::Node* defaults = reader.Mapping(*field, "defaults")) {
      reader.KnownFields(
          *defaults, "defaults.",
          {"enforce", "enforce-version", "audit", "audit-version", "warn", "warn-version"});
      for (const ModeFields& m : kModeFields) {
        LevelVersion& lv = config->defaults.Of(m.mode);
        if (const doc::Node* node = defaults->Get(m.level_key)) {
          const std::string field_name = "defaults." + std::string(m.level_key);
          std::string text;
          if (reader.String(*node, field_name, &text) && !text.empty()) {
            core::Result<Level> level = ParseLevel(text);
            if (level.ok()) {
              lv.level = *level;
            } else {
              reader.Error(*node, field_name + ": Invalid value: " + Quote(text) + ": " +
                                      std::string(kLevelError));
            }
          }
        }
        if (const doc::Node* node = defaults->Get(m.version_key)) {
          const std::string field_name = "defaults." + std::string(m.version_key);
          std::string text;
          if (reader.String(*node, field_name, &text) && !text.empty()) {
            core::Result<Version> version = ParseVersion(text, VersionSyntax::kUpstream);
            if (version.ok()) {
              lv.version = *version;
            } else {
              reader.Error(*node, field_name + ": Invalid value: " + Quote(text) + ": " +
                                      std::string(kVersionError));
            }
          }
        }
      }
    }
  }

  const doc::Node* field = object.Get("exemptions");
  const doc::Node* exemptions = field != nullptr ? reader.Mapping(*field, "exemptions") : nullptr;
  if (exemptions == nullptr) return;
  reader.KnownFields(*exemptions, "exemptions.", {"usernames", "namespaces", "runtimeClasses"});
  enum class Kind { kNamespace, kRuntimeClass, kUsername };
  struct ListField {
    std::string_view key;
    Kind kind;
    std::vector<std::string>* out;
  };
  // Upstream validates namespaces, runtimeClasses, usernames in this order.
  const ListField lists[] = {
      {"namespaces", Kind::kNamespace, &config->exempt_namespaces},
      {"runtimeClasses", Kind::kRuntimeClass, &config->exempt_runtime_classes},
      {"usernames", Kind::kUsername, &config->exempt_usernames},
  };
  for (const ListField& list : lists) {
    const doc::Node* node = exemptions->Get(list.key);
    if (node == nullptr) continue;
    const std::string field_name = "exemptions." + std::string(list.key);
    std::vector<std::pair<std::string, const doc::Node*>> values;
    reader.StringList(*node, field_name, &values);
    size_t index = 0;
    for (auto& [value, at] : values) {
      const std::string item = field_name + "[" + std::to_string(index++) + "]";
      std::string invalid;
      if (list.kind == Kind::kNamespace) {
        invalid = NamespaceNameErrors(value);
      } else if (list.kind == Kind::kRuntimeClass) {
        invalid = SubdomainErrors(value);
      } else if (value.empty()) {
        invalid = "username must not be empty";
      }
      if (!invalid.empty()) {
        std::string message = item + ": Invalid value: " + Quote(value);
        message += ": ";
        message += invalid;
        reader.Error(*at, message);
        continue;
      }
      if (Contains(*list.out, value)) {
        reader.Error(*at, item + ": Duplicate value: " + Quote(value));
        continue;
      }
      list.out->push_back(std::move(value));
    }
  }
}

// Reads `path` into a Corpus; errors (unreadable, not one document, parse errors) go to `errors`.
// Returns the document, or null.
const doc::Document* LoadSingleDocument(const std::string& path, doc::Corpus& corpus,
                                        std::vector<std::string>& errors) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    errors.push_back(path + ": error: is a directory, not a configuration file");
    return nullptr;
  }
  core::DiagnosticSink sink;
  corpus.AddPath(path, sink);
  bool failed = false;
  for (const core::Diagnostic& d : sink.Sorted()) {
    if (d.level != core::DiagLevel::kError) continue;
    errors.push_back(core::FormatDiagnostic(d, /*with_source=*/false));
    failed = true;
  }
  if (failed) return nullptr;
  auto documents = corpus.documents();
  if (documents.empty() || documents[0].root->IsNull()) {
    errors.push_back(path +
                     ": error: empty configuration: expected a PodSecurityConfiguration or an "
                     "AdmissionConfiguration");
    return nullptr;
  }
  if (documents.size() > 1) {
    const doc::Node& second = *documents[1].root;
    errors.push_back(path + ":" + std::to_string(second.line()) + ":" +
                     std::to_string(second.column()) +
                     ": error: expected a single document, found another one here");
    return nullptr;
  }
  if (!documents[0].root->IsMapping()) {
    Reader reader(documents[0]);
    reader.Error(*documents[0].root,
                 "expected a PodSecurityConfiguration or an AdmissionConfiguration mapping, got " +
                     std::string(doc::ToString(documents[0].root->kind())));
    reader.Flush(errors);
    return nullptr;
  }
  return documents.data();
}

std::string SupportedPodSecurityVersions() {
  return std::string(kPodSecurityConfigurationGroup) + "v1, v1beta1 or v1alpha1";
}

// A PodSecurityConfiguration object, standing alone, inline in a plugin, or in a plugin's file.
void ReadPodSecurityObject(Reader& reader, const doc::Node& object, AdmissionConfig* config) {
  TypeMeta meta = ReadTypeMeta(reader, object);
  if (!meta.ok) return;
  if (meta.kind != "PodSecurityConfiguration") {
    reader.Error(*object.Get("kind"),
                 "expected kind PodSecurityConfiguration, got " + Quote(meta.kind));
    return;
  }
  if (!IsPodSecurityConfigurationVersion(meta.api_version)) {
    reader.Error(*object.Get("apiVersion"),
                 "apiVersion " + Quote(meta.api_version) +
                     " is not supported for PodSecurityConfiguration (expected " +
                     SupportedPodSecurityVersions() + ")");
    return;
  }
  ReadPodSecurityConfiguration(reader, object, config);
}

void ReadAdmissionConfiguration(Reader& reader, const doc::Node& object, const std::string& path,
                                AdmissionConfig* config, std::vector<std::string>& nested_errors) {
  reader.KnownFields(object, "", {"apiVersion", "kind", "plugins"});
  const doc::Node* plugins = object.Get("plugins");
  if (plugins == nullptr || plugins->IsNull()) return;
  if (!plugins->IsSequence()) {
    reader.Error(*plugins,
                 "plugins: expected a list, got " + std::string(doc::ToString(plugins->kind())));
    return;
  }
  const doc::Node* chosen = nullptr;
  size_t chosen_index = 0;
  size_t index = 0;
  for (const doc::Node* plugin : plugins->items()) {
    const std::string field = "plugins[" + std::to_string(index) + "]";
    if (!plugin->IsMapping()) {
      reader.Error(*plugin, field + ": expected a mapping, got " +
                                std::string(doc::ToString(plugin->kind())));
      ++index;
      continue;
    }
    reader.KnownFields(*plugin, field + ".", {"name", "path", "configuration"});
    std::string name;
    if (const doc::Node* n = plugin->Get("name")) reader.String(*n, field + ".name", &name);
    std::string ignored;
    if (const doc::Node* p = plugin->Get("path")) reader.String(*p, field + ".path", &ignored);
    // The API server uses the first plugin entry with the name.
    if (name == "PodSecurity" && chosen == nullptr) {
      chosen = plugin;
      chosen_index = index;
    }
    ++index;
  }
  if (chosen == nullptr) return;
  const std::string field = "plugins[" + std::to_string(chosen_index) + "]";
  // An inline configuration wins over a path.
  const doc::Node* inline_config = chosen->Get("configuration");
  if (inline_config != nullptr && !inline_config->IsNull()) {
    if (!inline_config->IsMapping()) {
      reader.Error(*inline_config, field + ".configuration: expected a mapping, got " +
                                       std::string(doc::ToString(inline_config->kind())));
      return;
    }
    ReadPodSecurityObject(reader, *inline_config, config);
    return;
  }
  const doc::Node* path_node = chosen->Get("path");
  if (path_node == nullptr || !path_node->IsString() || path_node->text().empty()) return;
  std::filesystem::path plugin_path(std::string(path_node->text()));
  if (plugin_path.is_relative()) {
    plugin_path = std::filesystem::path(path).parent_path() / plugin_path;
  }
  doc::Corpus corpus;
  std::vector<std::string> nested;
  const doc::Document* document = LoadSingleDocument(plugin_path.string(), corpus, nested);
  if (document == nullptr) {
    reader.Error(*path_node,
                 field + ".path: cannot use " + Quote(plugin_path.string()) + " (see below)");
    nested_errors.insert(nested_errors.end(), nested.begin(), nested.end());
    return;
  }
  Reader inner(*document);
  ReadPodSecurityObject(inner, *document->root, config);
  inner.Flush(nested_errors);
}

}  // namespace

std::string_view ToString(Mode mode) {
  switch (mode) {
    case Mode::kEnforce: return "enforce";
    case Mode::kAudit: return "audit";
    case Mode::kWarn: return "warn";
  }
  return "enforce";
}

std::string LevelLabel(Mode mode) {
  return std::string(kLabelPrefix) + std::string(ToString(mode));
}

std::string VersionLabel(Mode mode) { return LevelLabel(mode) + "-version"; }

const LevelVersion& Policy::Of(Mode mode) const {
  switch (mode) {
    case Mode::kEnforce: return enforce;
    case Mode::kAudit: return audit;
    case Mode::kWarn: return warn;
  }
  return enforce;
}

LevelVersion& Policy::Of(Mode mode) {
  switch (mode) {
    case Mode::kEnforce: return enforce;
    case Mode::kAudit: return audit;
    case Mode::kWarn: return warn;
  }
  return enforce;
}

AdmissionConfig DefaultAdmissionConfig() { return AdmissionConfig{}; }

core::Result<AdmissionConfig> LoadAdmissionConfig(const std::string& path) {
  AdmissionConfig config = DefaultAdmissionConfig();
  config.file = path;
  std::vector<std::string> errors;
  doc::Corpus corpus;
  const doc::Document* document = LoadSingleDocument(path, corpus, errors);
  std::vector<std::string> nested_errors;  // from a plugin's `path` file, after this file's
  if (document != nullptr) {
    Reader reader(*document);
    const doc::Node& root = *document->root;
    TypeMeta meta = ReadTypeMeta(reader, root);
    if (meta.ok) {
      if (meta.kind == "PodSecurityConfiguration") {
        ReadPodSecurityObject(reader, root, &config);
      } else if (meta.kind == "AdmissionConfiguration") {
        if (std::find(std::begin(kAdmissionConfigurationApiVersions),
                      std::end(kAdmissionConfigurationApiVersions),
                      meta.api_version) == std::end(kAdmissionConfigurationApiVersions)) {
          reader.Error(*root.Get("apiVersion"),
                       "apiVersion " + Quote(meta.api_version) +
                           " is not supported for AdmissionConfiguration (expected "
                           "apiserver.config.k8s.io/v1)");
        } else {
          ReadAdmissionConfiguration(reader, root, path, &config, nested_errors);
        }
      } else {
        reader.Error(*root.Get("kind"), "unsupported kind " + Quote(meta.kind) +
                                            ": expected PodSecurityConfiguration or "
                                            "AdmissionConfiguration");
      }
    }
    reader.Flush(errors);
  }
  errors.insert(errors.end(), nested_errors.begin(), nested_errors.end());
  if (!errors.empty()) {
    std::string message;
    for (const std::string& e : errors) message += (message.empty() ? "" : "\n") + e;
    return core::Error{std::move(message)};
  }
  return config;
}

Policy PolicyForNamespace(const k8s::StringMap& labels, const Policy& defaults,
                          std::vector<LabelError>* errors) {
  auto find = [&](std::string_view key) -> std::optional<LabelValue> {
    std::optional<std::string_view> value = k8s::Lookup(labels, key);
    if (!value) return std::nullopt;
    return LabelValue{*value, nullptr};
  };
  return PolicyFromLabels(find, defaults, errors);
}

Policy PolicyForNamespace(const k8s::Object& namespace_object, const Policy& defaults,
                          std::vector<LabelError>* errors) {
  const doc::Node* label_nodes =
      namespace_object.metadata != nullptr ? namespace_object.metadata->Get("labels") : nullptr;
  auto find = [&](std::string_view key) -> std::optional<LabelValue> {
    std::optional<std::string_view> value = k8s::Lookup(namespace_object.labels, key);
    if (!value) return std::nullopt;
    return LabelValue{*value, label_nodes != nullptr ? label_nodes->Get(key) : nullptr};
  };
  return PolicyFromLabels(find, defaults, errors);
}

bool FullyPrivileged(const Policy& policy) {
  return policy.enforce.level == Level::kPrivileged && policy.audit.level == Level::kPrivileged &&
         policy.warn.level == Level::kPrivileged;
}

bool ModeApplies(Mode mode, const k8s::Object& object) {
  if (object.kind == "PodTemplate") return mode != Mode::kEnforce;
  return k8s::IsWorkloadKind(object.kind);
}

std::optional<std::string> PodCreator(const k8s::Object& workload,
                                      std::optional<std::string_view> requesting_user) {
  if (workload.kind == "Pod") {
    if (!requesting_user) return std::nullopt;
    return std::string(*requesting_user);
  }
  struct Creator {
    std::string_view kind;
    std::string_view controller;
  };
  // The controller that creates the pods (a Deployment's pods come from its ReplicaSets, a
  // CronJob's from its Jobs).
  constexpr Creator kCreators[] = {
      {"Deployment", "replicaset-controller"},
      {"ReplicaSet", "replicaset-controller"},
      {"DaemonSet", "daemon-set-controller"},
      {"StatefulSet", "statefulset-controller"},
      {"Job", "job-controller"},
      {"CronJob", "job-controller"},
      {"ReplicationController", "replication-controller"},
  };
  for (const Creator& c : kCreators) {
    if (c.kind == workload.kind) {
      return std::string(kControllerUserPrefix) + std::string(c.controller);
    }
  }
  return std::nullopt;
}

std::optional<std::string> ExemptNamespace(const AdmissionConfig& config,
                                           std::string_view namespace_name) {
  if (!namespace_name.empty() && Contains(config.exempt_namespaces, namespace_name)) {
    return "namespace " + Quote(namespace_name) + " is exempt";
  }
  return std::nullopt;
}

std::optional<std::string> Exemption(const AdmissionConfig& config, std::string_view namespace_name,
                                     const k8s::PodView& pod,
                                     std::optional<std::string_view> creator) {
  if (std::optional<std::string> why = ExemptNamespace(config, namespace_name)) return why;
  if (creator && !creator->empty() && Contains(config.exempt_usernames, *creator)) {
    return "user " + Quote(*creator) + " is exempt";
  }
  const doc::Node* runtime_class =
      pod.spec != nullptr ? pod.spec->Get("runtimeClassName") : nullptr;
  if (runtime_class != nullptr && runtime_class->IsString() && !runtime_class->text().empty() &&
      Contains(config.exempt_runtime_classes, runtime_class->text())) {
    return "runtimeClass " + Quote(runtime_class->text()) + " is exempt";
  }
  return std::nullopt;
}

}  // namespace centinela::pss
