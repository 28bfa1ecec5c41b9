// Checks the shared predicates against the upstream Pod Security fixtures
// (../shared/conformance/pod-security-admission/test/testdata/{baseline,restricted}/v1.N/{pass,fail}/*.yaml):
// for every control whose predicates live in pss/, a `fail` fixture named after the control must
// violate it, and a `pass` fixture must violate no control of its level and version. The full Pod
// Security engine (levels x versions, every control) builds on these predicates; this test pins
// their semantics to upstream's.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"
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

TEST(PodSecurityConformance, PredicatesMatchUpstreamFixtures) {
  const fs::path root =
      testing::SourcePath("../shared/conformance/pod-security-admission/test/testdata");
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    const char* ci = std::getenv("CI");
    if (ci != nullptr && std::string(ci) == "true") FAIL() << "missing conformance data: " << root;
    GTEST_SKIP() << "conformance data not found at " << root
                 << " (checked out beside the repository in CI)";
  }
  size_t pods = 0;
  size_t failing_checked = 0;
  for (std::string_view level : {"baseline", "restricted"}) {
    const bool restricted = level == "restricted";
    for (const auto& version_dir : fs::directory_iterator(root / level)) {
      const std::string version = version_dir.path().filename().string();  // "v1.24"
      const int minor = std::stoi(version.substr(version.find('.') + 1));
      for (std::string_view outcome : {"pass", "fail"}) {
        const fs::path dir = version_dir.path() / outcome;
        if (!fs::is_directory(dir, ec)) continue;
        for (const auto& entry : fs::directory_iterator(dir)) {
          const fs::path& file = entry.path();
          SCOPED_TRACE(file.string());
          doc::Corpus corpus;
          core::DiagnosticSink sink;
          corpus.AddPath(file.string(), sink);
          k8s::Snapshot snapshot = k8s::Snapshot::Build(corpus.documents(), sink);
          ASSERT_EQ(snapshot.pod_views().size(), 1U);
          const k8s::PodView& pod = snapshot.pod_views().front();
          ++pods;
          if (outcome == "pass") {
            for (const Control& c : Controls()) {
              if (c.restricted_only && !restricted) continue;
              EXPECT_FALSE(c.violates(pod, minor))
                  << "control " << c.prefix << " flags an allowed pod";
            }
            continue;
          }
          const std::string control = ControlOf(file);
          for (const Control& c : Controls()) {
            if (c.prefix != control) continue;
            EXPECT_TRUE(c.violates(pod, minor))
                << "control " << c.prefix << " misses a forbidden pod";
            ++failing_checked;
          }
        }
      }
    }
  }
  EXPECT_GT(pods, 4000U);
  EXPECT_GT(failing_checked, 1000U);
}

}  // namespace
}  // namespace centinela::pss
