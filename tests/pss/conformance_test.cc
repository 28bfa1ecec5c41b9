// Runs the upstream Pod Security fixtures
// (../shared/conformance/pod-security-admission/test/testdata/{baseline,restricted}/v1.N/{pass,fail}/*.yaml)
// through the engine: every `pass` pod must be allowed at its level and version, every `fail` pod
// forbidden, by the check its file name starts with (or the restricted check that overrides it).
// The shared predicates that checks/ uses are pinned to the same fixtures.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"
#include "pss/evaluate.h"
#include "pss/policy.h"
#include "pss/predicates.h"
#include "test_util.h"

namespace centinela::pss {
namespace {

namespace fs = std::filesystem;

using Evaluator = std::function<bool(const k8s::PodView&, int minor)>;

bool AnyContainer(const k8s::PodView& pod,
                  const std::function<bool(const k8s::ContainerView&)>& f) {
  return std::any_of(pod.containers.begin(), pod.containers.end(), f);
}

bool ValidProfile(ProfileType t) {
  return t == ProfileType::kRuntimeDefault || t == ProfileType::kLocalhost;
}

bool Privileged(const k8s::PodView& pod, int /*minor*/) {
  return AnyContainer(pod,
                      [](const k8s::ContainerView& c) { return pss::Privileged(c).has_value(); });
}

bool HostNamespaces(const k8s::PodView& pod, int /*minor*/) {
  for (HostNamespace ns : kAllHostNamespaces) {
    if (SharedHostNamespace(pod, ns)) return true;
  }
  return false;
}

bool HostPathVolumesControl(const k8s::PodView& pod, int /*minor*/) {
  return !HostPathVolumes(pod).empty();
}

bool HostPortsControl(const k8s::PodView& pod, int /*minor*/) {
  return AnyContainer(pod, [](const k8s::ContainerView& c) { return !HostPorts(c).empty(); });
}

bool SysctlsControl(const k8s::PodView& pod, int minor) {
  for (const Sysctl& s : Sysctls(pod)) {
    if (!IsSafeSysctl(s.name, minor)) return true;
  }
  return false;
}

bool CapabilitiesBaseline(const k8s::PodView& pod, int /*minor*/) {
  return AnyContainer(pod, [](const k8s::ContainerView& c) {
    for (const Capability& cap : AddedCapabilities(c)) {
      if (!IsBaselineCapability(cap.name)) return true;
    }
    return false;
  });
}

bool WindowsHostProcess(const k8s::PodView& pod, int /*minor*/) {
  return AnyContainer(pod,
                      [&](const k8s::ContainerView& c) { return HostProcess(pod, c).has_value(); });
}

bool SeccompBaseline(const k8s::PodView& pod, int minor) {
  if (minor < 19) {  // v1.0 - v1.18: the alpha annotations
    Profile p = PodSeccomp(pod);
    if (p.source == ProfileSource::kPodAnnotation && !ValidProfile(p.type)) return true;
    return AnyContainer(pod, [&](const k8s::ContainerView& c) {
      Profile cp = ContainerSeccomp(pod, c);
      return cp.source == ProfileSource::kContainerAnnotation && !ValidProfile(cp.type);
    });
  }
  Profile p = PodSeccomp(pod);
  if (p.source == ProfileSource::kPodField && !ValidProfile(p.type)) return true;
  return AnyContainer(pod, [&](const k8s::ContainerView& c) {
    Profile cp = ContainerSeccomp(pod, c);
    return cp.source == ProfileSource::kContainerField && !ValidProfile(cp.type);
  });
}

bool AppArmor(const k8s::PodView& pod, int /*minor*/) {
  for (const auto& [key, value] : pod.annotations) {
    if (!key.starts_with(kAppArmorContainerAnnotationPrefix)) continue;
    ProfileType t = ParseAppArmorAnnotation(value);
    if (t == ProfileType::kUnconfined || t == ProfileType::kOther) return true;
  }
  Profile p = PodAppArmor(pod);
  if (p.source == ProfileSource::kPodField && !ValidProfile(p.type)) return true;
  return AnyContainer(pod, [&](const k8s::ContainerView& c) {
    Profile cp = ContainerAppArmor(pod, c);
    return cp.source == ProfileSource::kContainerField && !ValidProfile(cp.type);
  });
}

bool AllowPrivilegeEscalation(const k8s::PodView& pod, int minor) {
  if (minor < 8 || (minor >= 25 && IsWindowsPod(pod))) return false;
  return AnyContainer(pod, [](const k8s::ContainerView& c) {
    Field f = Locate(c.node, c.path, {"securityContext", "allowPrivilegeEscalation"});
    return ReadBool(f.set ? f.node : nullptr) != BoolValue::kFalse;
  });
}

bool RunAsNonRoot(const k8s::PodView& pod, int /*minor*/) {
  Field pod_level = Locate(pod.spec, pod.spec_path, {"securityContext", "runAsNonRoot"});
  BoolValue pod_value = ReadBool(pod_level.set ? pod_level.node : nullptr);
  if (pod_value == BoolValue::kFalse) return true;
  return AnyContainer(pod, [&](const k8s::ContainerView& c) {
    Field own = Locate(c.node, c.path, {"securityContext", "runAsNonRoot"});
    if (own.set) return ReadBool(own.node) == BoolValue::kFalse;
    return pod_value != BoolValue::kTrue;
  });
}

bool RunAsUser(const k8s::PodView& pod, int minor) {
  if (minor < 23) return false;
  auto zero = [](const Field& f) { return f.set && f.node->AsInt() == 0; };
  if (zero(Locate(pod.spec, pod.spec_path, {"securityContext", "runAsUser"}))) return true;
  return AnyContainer(pod, [&](const k8s::ContainerView& c) {
    return zero(Locate(c.node, c.path, {"securityContext", "runAsUser"}));
  });
}

bool CapabilitiesRestricted(const k8s::PodView& pod, int minor) {
  if (minor < 22 || (minor >= 25 && IsWindowsPod(pod))) return false;
  return AnyContainer(pod, [](const k8s::ContainerView& c) {
    std::vector<Capability> dropped = DroppedCapabilities(c);
    bool drops_all = std::any_of(dropped.begin(), dropped.end(),
                                 [](const Capability& cap) { return cap.name == "ALL"; });
    if (!drops_all) return true;
    for (const Capability& cap : AddedCapabilities(c)) {
      if (cap.name != "NET_BIND_SERVICE") return true;
    }
    return false;
  });
}

bool SeccompRestricted(const k8s::PodView& pod, int minor) {
  if (minor < 19 || (minor >= 25 && IsWindowsPod(pod))) return false;
  Profile p = PodSeccomp(pod);
  bool pod_valid = false;
  if (p.source == ProfileSource::kPodField) {
    if (!ValidProfile(p.type)) return true;
    pod_valid = true;
  }
  return AnyContainer(pod, [&](const k8s::ContainerView& c) {
    Profile cp = ContainerSeccomp(pod, c);
    if (cp.source == ProfileSource::kContainerField) return !ValidProfile(cp.type);
    return !pod_valid;
  });
}

struct Control {
  std::string_view prefix;  // fixture file prefix (upstream check id, lower-case)
  bool restricted_only;
  Evaluator violates;
};

const std::vector<Control>& Controls() {
  static const std::vector<Control> kControls = {
      {"privileged", false, Privileged},
      {"hostnamespaces", false, HostNamespaces},
      {"hostpathvolumes", false, HostPathVolumesControl},
      {"hostports", false, HostPortsControl},
      {"sysctls", false, SysctlsControl},
      {"capabilities_baseline", false, CapabilitiesBaseline},
      {"windowshostprocess", false, WindowsHostProcess},
      {"seccompprofile_baseline", false, SeccompBaseline},
      {"apparmorprofile", false, AppArmor},
      {"allowprivilegeescalation", true, AllowPrivilegeEscalation},
      {"runasnonroot", true, RunAsNonRoot},
      {"runasuser", true, RunAsUser},
      {"capabilities_restricted", true, CapabilitiesRestricted},
      {"seccompprofile_restricted", true, SeccompRestricted},
  };
  return kControls;
}

// The control a fixture file tests: its name without the trailing digits and extension.
std::string ControlOf(const fs::path& file) {
  std::string stem = file.stem().string();
  while (!stem.empty() && stem.back() >= '0' && stem.back() <= '9') stem.pop_back();
  return stem;
}

// One upstream fixture, loaded once for all the tests below.
struct Fixture {
  fs::path file;
  Level level = Level::kBaseline;
  int minor = 0;
  bool pass = false;
  std::string check;  // for fail fixtures: the lower-case check id the file name starts with
  std::unique_ptr<doc::Corpus> corpus;
  std::unique_ptr<k8s::Snapshot> snapshot;
  const k8s::PodView* pod = nullptr;
};

fs::path FixtureRoot() {
  return testing::SourcePath("../shared/conformance/pod-security-admission/test/testdata");
}

std::optional<std::vector<Fixture>> LoadFixtures() {
  std::error_code ec;
  if (!fs::is_directory(FixtureRoot(), ec)) return std::nullopt;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(FixtureRoot())) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<Fixture> fixtures;
  for (const fs::path& file : files) {
    Fixture f;
    f.file = file;
    const fs::path outcome_dir = file.parent_path();
    const fs::path version_dir = outcome_dir.parent_path();
    const std::string level = version_dir.parent_path().filename().string();
    const std::string version = version_dir.filename().string();  // "v1.24"
    f.level = level == "restricted" ? Level::kRestricted : Level::kBaseline;
    f.minor = std::stoi(version.substr(version.find('.') + 1));
    f.pass = outcome_dir.filename() == "pass";
    f.check = ControlOf(file);
    f.corpus = std::make_unique<doc::Corpus>();
    core::DiagnosticSink sink;
    f.corpus->AddPath(file.string(), sink);
    f.snapshot = std::make_unique<k8s::Snapshot>(k8s::Snapshot::Build(f.corpus->documents(), sink));
    if (f.snapshot->pod_views().size() == 1) f.pod = &f.snapshot->pod_views().front();
    fixtures.push_back(std::move(f));
  }
  return fixtures;
}

// Every fixture, loaded once; nullptr when the data is missing (then the tests skip, or fail under
// CI=true).
const std::vector<Fixture>* Fixtures() {
  static const std::optional<std::vector<Fixture>> kFixtures = LoadFixtures();
  return kFixtures.has_value() ? &*kFixtures : nullptr;
}

#define REQUIRE_FIXTURES()                                            \
  const std::vector<Fixture>* fixtures = Fixtures();                  \
  if (fixtures == nullptr) {                                          \
    const char* ci = std::getenv("CI");                               \
    if (ci != nullptr && std::string(ci) == "true") {                 \
      FAIL() << "missing conformance data: " << FixtureRoot();        \
    }                                                                 \
    GTEST_SKIP() << "conformance data not found at " << FixtureRoot() \
                 << " (checked out beside the repository in CI)";     \
  }

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The fixture prefix of the check that reports a failure of check `prefix` at `level`: the check
// itself, or the restricted check that overrides it there.
bool ReportsCheck(const Violation& v, std::string_view prefix, Level level, int minor) {
  const std::string id = Lower(v.check->id);
  if (id == prefix) return true;
  if (level != Level::kRestricted) return false;
  return (prefix == "hostpathvolumes" && id == "restrictedvolumes") ||
         (prefix == "seccompprofile_baseline" && minor >= 19 &&
          id == "seccompprofile_restricted") ||
         (prefix == "capabilities_baseline" && minor >= 22 && id == "capabilities_restricted") ||
         (prefix == "procmount" && minor >= 35 && id == "procmount_restricted");
}

TEST(PodSecurityConformance, EveryFixtureGetsItsDirectorysVerdict) {
  REQUIRE_FIXTURES();
  size_t agreed = 0;
  for (const Fixture& f : *fixtures) {
    SCOPED_TRACE(f.file.string());
    ASSERT_NE(f.pod, nullptr) << "expected exactly one pod";
    const LevelVersion policy{f.level, Version::Of(f.minor)};
    const Verdict verdict = Evaluate(*f.pod, policy);
    std::string violations;
    for (const Violation& v : verdict.violations) violations += "\n  " + v.Text();
    if (f.pass) {
      EXPECT_TRUE(verdict.allowed()) << policy.ToString() << " forbids:" << violations;
      if (verdict.allowed()) ++agreed;
      continue;
    }
    EXPECT_FALSE(verdict.allowed()) << policy.ToString() << " allows it";
    const bool named =
        std::any_of(verdict.violations.begin(), verdict.violations.end(),
                    [&](const Violation& v) { return ReportsCheck(v, f.check, f.level, f.minor); });
    EXPECT_TRUE(named) << "check " << f.check << " not among:" << violations;
    if (!verdict.allowed() && named) ++agreed;
  }
  EXPECT_EQ(fixtures->size(), 4537U);
  EXPECT_EQ(agreed, 4537U);
}

// Decide (which picks the violated checks) and Explain (which words them) must agree, check by
// check, on every fixture at both levels and at every version.
TEST(PodSecurityConformance, DecisionAndExplanationAgree) {
  REQUIRE_FIXTURES();
  size_t explained = 0;
  for (const Fixture& f : *fixtures) {
    if (f.pod == nullptr) continue;
    SCOPED_TRACE(f.file.string());
    for (int minor : {0, 8, 18, 19, 22, 23, 25, 31, 34, 35, 37}) {
      for (Level level : {Level::kBaseline, Level::kRestricted}) {
        const internal::CheckMask active = internal::ActiveChecks(level, minor);
        const internal::CheckMask bad = internal::Decide(*f.pod, minor, active);
        for (size_t i = 0; i < internal::kCheckCount; ++i) {
          const auto id = static_cast<internal::CheckId>(i);
          if ((active & internal::Bit(id)) == 0) continue;
          Violation v;
          const bool found = internal::Explain(*f.pod, minor, id, &v);
          const bool decided = (bad & internal::Bit(id)) != 0;
          // Whole-pod exemptions (Windows, user namespaces) are Decide's alone.
          if (decided) {
            EXPECT_TRUE(found) << AllChecks()[i].id << " at v1." << minor;
            EXPECT_FALSE(v.reason.empty());
            EXPECT_NE(v.node, nullptr);
            EXPECT_FALSE(v.path.empty());
            ++explained;
          } else if (found) {
            const bool windows = IsWindowsPod(*f.pod) && minor >= 25;
            const bool user_ns = UsesUserNamespace(*f.pod) && minor >= 35;
            EXPECT_TRUE(windows || user_ns) << AllChecks()[i].id << " at v1." << minor
                                            << " explained but not decided: " << v.Text();
          }
        }
      }
    }
  }
  EXPECT_GT(explained, 10000U);
}

// Evaluating one check alone gives the same violation as evaluating them all.
TEST(PodSecurityConformance, SingleCheckEvaluationMatches) {
  REQUIRE_FIXTURES();
  for (const Fixture& f : *fixtures) {
    if (f.pod == nullptr || f.pass) continue;
    SCOPED_TRACE(f.file.string());
    const LevelVersion policy{f.level, Version::Of(f.minor)};
    const Verdict all = Evaluate(*f.pod, policy);
    for (const Violation& v : all.violations) {
      const Verdict one = Evaluate(*f.pod, policy, v.check);
      ASSERT_EQ(one.violations.size(), 1U);
      EXPECT_EQ(one.violations[0].check, v.check);
      EXPECT_EQ(one.violations[0].Text(), v.Text());
      EXPECT_EQ(one.violations[0].path, v.path);
    }
  }
}

// StrictestLevel (one pass for both levels) agrees with evaluating each level.
TEST(PodSecurityConformance, StrictestLevelMatchesEvaluate) {
  REQUIRE_FIXTURES();
  size_t by_level[3] = {};
  for (const Fixture& f : *fixtures) {
    if (f.pod == nullptr) continue;
    SCOPED_TRACE(f.file.string());
    for (int minor : {0, 8, 19, 22, 25, 34, 35, 37}) {
      const Version version = Version::Of(minor);
      Level expected = Level::kPrivileged;
      if (Evaluate(*f.pod, {Level::kRestricted, version}).allowed()) {
        expected = Level::kRestricted;
      } else if (Evaluate(*f.pod, {Level::kBaseline, version}).allowed()) {
        expected = Level::kBaseline;
      }
      EXPECT_EQ(StrictestLevel(*f.pod, version), expected) << "v1." << minor;
      ++by_level[static_cast<size_t>(expected)];
    }
  }
  // The fixtures exercise all three outcomes.
  EXPECT_GT(by_level[0], 1000U);
  EXPECT_GT(by_level[1], 1000U);
  EXPECT_GT(by_level[2], 1000U);
}

TEST(PodSecurityConformance, PredicatesMatchUpstreamFixtures) {
  REQUIRE_FIXTURES();
  size_t pods = 0;
  size_t failing_checked = 0;
  for (const Fixture& f : *fixtures) {
    SCOPED_TRACE(f.file.string());
    ASSERT_NE(f.pod, nullptr);
    const k8s::PodView& pod = *f.pod;
    const bool restricted = f.level == Level::kRestricted;
    ++pods;
    if (f.pass) {
      for (const Control& c : Controls()) {
        if (c.restricted_only && !restricted) continue;
        EXPECT_FALSE(c.violates(pod, f.minor)) << "control " << c.prefix << " flags an allowed pod";
      }
      continue;
    }
    for (const Control& c : Controls()) {
      if (c.prefix != f.check) continue;
      EXPECT_TRUE(c.violates(pod, f.minor)) << "control " << c.prefix << " misses a forbidden pod";
      ++failing_checked;
    }
  }
  EXPECT_GT(pods, 4000U);
  EXPECT_GT(failing_checked, 1000U);
}

}  // namespace
}  // namespace centinela::pss
