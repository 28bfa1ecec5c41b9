#include "pss/policy.h"

#include <bit>
#include <charconv>
#include <string>
#include <system_error>

#include "pss/evaluate.h"

namespace centinela::pss {

namespace {

using internal::CheckId;
using internal::CheckMask;

constexpr std::string_view kValidLevels = "privileged, baseline, restricted";

// Parses the minor of "v1.<minor>" (no sign, no leading zero); nullopt otherwise.
std::optional<int> ParseMinor(std::string_view text) {
  constexpr std::string_view kPrefix = "v1.";
  if (!text.starts_with(kPrefix)) return std::nullopt;
  std::string_view digits = text.substr(kPrefix.size());
  if (digits.empty() || (digits.size() > 1 && digits.front() == '0')) return std::nullopt;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  int minor = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), minor);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return minor;
}

}  // namespace

std::string_view ToString(Level level) {
  switch (level) {
    case Level::kPrivileged: return "privileged";
    case Level::kBaseline: return "baseline";
    case Level::kRestricted: return "restricted";
  }
  return "privileged";
}

core::Result<Level> ParseLevel(std::string_view text) {
  for (Level level : {Level::kPrivileged, Level::kBaseline, Level::kRestricted}) {
    if (text == ToString(level)) return level;
  }
  return core::Error{"unknown Pod Security level \"" + std::string(text) + "\": must be one of " +
                     std::string(kValidLevels)};
}

std::string Version::ToString() const {
  if (latest()) return "latest";
  return "v1." + std::to_string(minor);
}

core::Result<Version> ParseVersion(std::string_view text, VersionSyntax syntax) {
  if (text == "latest") return Version::Latest();
  std::optional<int> minor = ParseMinor(text);
  if (syntax == VersionSyntax::kUpstream) {
    // Upstream accepts any v1.<minor> that fits an int; the registry clamps it to its newest
    // version, which latest also evaluates as.
    if (minor.has_value()) return *minor >= kLatestMinor ? Version::Latest() : Version::Of(*minor);
    return core::Error{"invalid Pod Security version \"" + std::string(text) +
                       R"(": must be "latest" or "v1.x")"};
  }
  if (minor.has_value() && *minor <= kNewestKnownMinor) return Version::Of(*minor);
  return core::Error{"unknown Pod Security version \"" + std::string(text) +
                     R"(": must be "latest" or one of v1.0 to v1.)" +
                     std::to_string(kNewestKnownMinor)};
}

std::string LevelVersion::ToString() const {
  return std::string(pss::ToString(level)) + ":" + version.ToString();
}

const std::vector<CheckDescriptor>& AllChecks() {
  static const std::vector<CheckDescriptor> kChecks(internal::kCheckTable.begin(),
                                                    internal::kCheckTable.end());
  return kChecks;
}

std::vector<const CheckDescriptor*> ChecksFor(const LevelVersion& policy) {
  const std::vector<CheckDescriptor>& all = AllChecks();
  const CheckMask active = internal::ActiveChecks(policy.level, policy.version.effective_minor());
  std::vector<const CheckDescriptor*> out;
  for (size_t i = 0; i < all.size(); ++i) {
    if ((active & (CheckMask{1} << i)) != 0) out.push_back(&all[i]);
  }
  return out;
}

std::string Violation::Text() const {
  if (detail.empty()) return reason;
  return reason + " (" + detail + ")";
}

Verdict Evaluate(const k8s::PodView& pod, const LevelVersion& policy, const CheckDescriptor* only) {
  Verdict verdict;
  if (policy.level == Level::kPrivileged || pod.spec == nullptr) return verdict;
  const std::vector<CheckDescriptor>& all = AllChecks();
  const int minor = policy.version.effective_minor();
  CheckMask active = internal::ActiveChecks(policy.level, minor);
  if (only != nullptr) {
    if (only < all.data() || only >= all.data() + all.size()) return verdict;
    active &= CheckMask{1} << static_cast<size_t>(only - all.data());
  }
  const CheckMask violated = internal::Decide(pod, minor, active);
  if (violated == 0) return verdict;
  verdict.violations.reserve(static_cast<size_t>(std::popcount(violated)));
  for (size_t i = 0; i < all.size(); ++i) {
    if ((violated & (CheckMask{1} << i)) == 0) continue;
    Violation& v = verdict.violations.emplace_back();
    v.check = &all[i];
    if (!internal::Explain(pod, minor, static_cast<CheckId>(i), &v) && v.reason.empty()) {
      v.reason = std::string(v.check->id);  // unreachable while Decide and Explain agree
    }
  }
  return verdict;
}

Level StrictestLevel(const k8s::PodView& pod, Version version) {
  if (pod.spec == nullptr) return Level::kRestricted;
  const int minor = version.effective_minor();
  // One pass over the pod for the checks of both levels.
  const CheckMask baseline = internal::ActiveChecks(Level::kBaseline, minor);
  const CheckMask restricted = internal::ActiveChecks(Level::kRestricted, minor);
  const CheckMask violated = internal::Decide(pod, minor, baseline | restricted);
  if ((violated & baseline) != 0) return Level::kPrivileged;
  if ((violated & restricted) != 0) return Level::kBaseline;
  return Level::kRestricted;
}

}  // namespace centinela::pss
