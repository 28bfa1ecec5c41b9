#include "pss/advise.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace centinela::pss {

namespace {

bool PlainShellChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("-._/:=@%+,").find(c) != std::string_view::npos;
}

size_t ModeIndex(Mode mode) { return static_cast<size_t>(mode); }

bool LowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// A Namespace name must be a lowercase RFC 1123 label.
bool ValidNamespaceName(std::string_view name) {
  if (name.empty() || name.size() > 63) return false;
  if (!LowerAlnum(name.front()) || !LowerAlnum(name.back())) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return LowerAlnum(c) || c == '-'; });
}

}  // namespace

std::string_view ToString(Change change) {
  switch (change) {
    case Change::kTighten: return "tighten";
    case Change::kKeep: return "keep";
    case Change::kLoosen: return "loosen";
  }
  return "keep";
}

Version PinnedVersion(Version version) {
  return version.latest() ? Version::Of(kNewestKnownMinor) : version;
}

std::string ShellQuote(std::string_view word) {
  if (!word.empty() && std::all_of(word.begin(), word.end(), PlainShellChar)) {
    return std::string(word);
  }
  std::string out = "'";
  for (char c : word) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  out += '\'';
  return out;
}

std::string LabelCommand(std::string_view name, const Policy& policy) {
  std::string command = "kubectl label --overwrite namespace ";
  if (name.starts_with('-')) command += "-- ";
  command += ShellQuote(name);
  for (Mode mode : kAllModes) {
    const LevelVersion& lv = policy.Of(mode);
    command += ' ';
    command += LevelLabel(mode);
    command += '=';
    command += ToString(lv.level);
    command += ' ';
    command += VersionLabel(mode);
    command += '=';
    command += lv.version.ToString();
  }
  return command;
}

std::vector<NamespaceAdvice> Advise(const k8s::Snapshot& snapshot, const AdviseOptions& options) {
  const Version pinned = PinnedVersion(options.version);

  // Workloads grouped by the namespace their pods are created in, in input order.
  std::map<std::string_view, std::vector<const k8s::PodView*>> workloads;
  for (const k8s::PodView& pod : snapshot.pod_views()) {
    workloads[pod.owner->EffectiveNamespace()].push_back(&pod);
  }
  for (const k8s::Object* ns : snapshot.OfKind("Namespace")) {
    if (!ns->name.empty()) workloads.try_emplace(ns->name);
  }

  std::vector<NamespaceAdvice> result;
  result.reserve(workloads.size());
  for (const auto& [name, pods] : workloads) {
    NamespaceAdvice advice;
    advice.name = name;
    advice.namespace_object = snapshot.Find("Namespace", "", name);
    const k8s::StringMap no_labels;
    const k8s::StringMap& labels =
        advice.namespace_object != nullptr ? advice.namespace_object->labels : no_labels;
    for (Mode mode : kAllModes) {
      advice.labels[ModeIndex(mode)].level = k8s::Lookup(labels, LevelLabel(mode));
      advice.labels[ModeIndex(mode)].version = k8s::Lookup(labels, VersionLabel(mode));
    }
    advice.policy = advice.namespace_object != nullptr
                        ? PolicyForNamespace(*advice.namespace_object, options.config.defaults,
                                             &advice.label_errors)
                        : PolicyForNamespace(labels, options.config.defaults, &advice.label_errors);

    if (std::optional<std::string> why = ExemptNamespace(options.config, name)) {
      advice.exempt = std::move(*why);
      result.push_back(std::move(advice));
      continue;
    }

    std::vector<std::pair<const k8s::PodView*, Level>> evaluated;
    evaluated.reserve(pods.size());
    for (const k8s::PodView* pod : pods) {
      // Enforcing a level never rejects what creates no pods (a PodTemplate).
      if (!ModeApplies(Mode::kEnforce, *pod->owner)) continue;
      const std::optional<std::string> creator = PodCreator(*pod->owner, options.requesting_user);
      std::optional<std::string> why = Exemption(options.config, name, *pod, creator);
      if (why) {
        advice.exempt_workloads.push_back(ExemptWorkload{pod->owner, std::move(*why)});
        continue;
      }
      const Level level = StrictestLevel(*pod, options.version);
      evaluated.emplace_back(pod, level);
      advice.strictest = std::min(advice.strictest, level);
    }
    advice.workloads = evaluated.size();

    if (advice.strictest != Level::kRestricted) {
      advice.next = advice.strictest == Level::kPrivileged ? Level::kBaseline : Level::kRestricted;
      const LevelVersion next{*advice.next, options.version};
      for (const auto& [pod, level] : evaluated) {
        if (level != advice.strictest) continue;
        Verdict verdict = Evaluate(*pod, next);
        advice.blockers.push_back(WorkloadVerdict{pod->owner, std::move(verdict.violations)});
      }
    }
    if (advice.policy.enforce.level != Level::kPrivileged) {
      for (const auto& [pod, level] : evaluated) {
        Verdict verdict = Evaluate(*pod, advice.policy.enforce);
        if (verdict.allowed()) continue;
        advice.rejected_by_enforce.push_back(
            WorkloadVerdict{pod->owner, std::move(verdict.violations)});
      }
    }

    const Level watch = advice.next.value_or(Level::kRestricted);
    advice.recommended.enforce = LevelVersion{advice.strictest, pinned};
    advice.recommended.audit = LevelVersion{watch, pinned};
    advice.recommended.warn = LevelVersion{watch, pinned};
    if (advice.strictest > advice.policy.enforce.level) {
      advice.change = Change::kTighten;
    } else if (advice.strictest < advice.policy.enforce.level) {
      advice.change = Change::kLoosen;
    } else {
      advice.change = Change::kKeep;
    }
    if (ValidNamespaceName(name)) {
      advice.command = LabelCommand(name, advice.recommended);
    } else {
      advice.name_error =
          "not a valid namespace name (a lowercase RFC 1123 label: at most 63 characters, a-z, "
          "0-9 and \"-\", starting and ending with a letter or digit)";
    }
    result.push_back(std::move(advice));
  }
  return result;
}

}  // namespace centinela::pss
