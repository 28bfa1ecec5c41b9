// The Kubernetes model over upstream fixtures: the Pod Security Admission test data
// (../shared/conformance, present in CI beside the checkout). Skips when the data is missing,
// except under CI=true.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "k8s/pod.h"
#include "k8s_fixture.h"
#include "test_util.h"

namespace centinela::k8s {
namespace {

std::string ConformanceDir(const std::string& relative) {
  return centinela::testing::SourcePath("../shared/conformance/" + relative);
}

bool InCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

// The value of `field` in `security_context` when set (not null), else nullptr.
const doc::Node* Set(const doc::Node* security_context, std::string_view field) {
  if (security_context == nullptr) return nullptr;
  const doc::Node* n = security_context->Get(field);
  return n != nullptr && !n->IsNull() ? n : nullptr;
}

TEST(Conformance, PodSecurityAdmissionFixtures) {
  const std::string dir = ConformanceDir("pod-security-admission/test/testdata");
  if (!std::filesystem::is_directory(dir)) {
    if (InCi()) FAIL() << "missing conformance data: " << dir;
    GTEST_SKIP() << "conformance data not found at " << dir;
  }
  auto in = std::make_unique<testing::Loaded>();
  ASSERT_TRUE(in->corpus.AddPath(dir, in->sink));
  in->snapshot = Snapshot::Build(in->corpus.documents(), in->sink);

  // Valid upstream manifests: nothing to report, every document is a Pod with a view.
  EXPECT_EQ(in->Diagnostics(), std::vector<std::string>{});
  const Snapshot& s = in->snapshot;
  ASSERT_GT(s.objects().size(), 4000u);
  EXPECT_EQ(s.objects().size(), in->corpus.documents().size());
  EXPECT_EQ(s.OfKind("Pod").size(), s.objects().size());
  ASSERT_EQ(s.pod_views().size(), s.objects().size());

  size_t containers = 0;
  size_t inherited = 0;
  for (const PodView& pod : s.pod_views()) {
    ASSERT_EQ(s.PodViewOf(*pod.owner), &pod);
    EXPECT_EQ(pod.spec_path, "spec");
    size_t expected = 0;
    for (std::string_view list : {"containers", "initContainers", "ephemeralContainers"}) {
      const doc::Node* n = pod.spec->Get(list);
      if (n != nullptr) expected += n->size();
    }
    ASSERT_EQ(pod.containers.size(), expected) << pod.owner->file();
    EXPECT_FALSE(pod.containers.empty()) << pod.owner->file();
    for (const ContainerView& c : pod.containers) {
      EXPECT_FALSE(c.name.empty()) << pod.owner->file();
      for (std::string_view field : {"runAsNonRoot", "runAsUser", "seccompProfile"}) {
        const doc::Node* own = Set(c.security_context, field);
        const doc::Node* want = own != nullptr ? own : Set(pod.security_context, field);
        std::string path;
        EXPECT_EQ(EffectiveSecurityField(pod, c, field, &path), want)
            << pod.owner->file() << " " << field;
        if (want != nullptr && own == nullptr) {
          ++inherited;
          EXPECT_EQ(path, "spec.securityContext." + std::string(field));
        }
      }
      const doc::Node* privileged = Set(c.security_context, "privileged");
      EXPECT_EQ(EffectiveSecurityField(pod, c, "privileged"), privileged);
    }
    containers += pod.containers.size();
  }
  EXPECT_GT(containers, s.pod_views().size());
  EXPECT_GT(inherited, 100u);  // the fixtures set many fields at the pod level only
}

}  // namespace
}  // namespace centinela::k8s
