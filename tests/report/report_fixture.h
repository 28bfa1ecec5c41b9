#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include "checks/registry.h"
#include "report/report.h"
#include "test_util.h"

/// A small fixed ScanReport and Registry shared by the report tests, and golden-file comparison.
namespace centinela::report::testing {

/// A check that only carries metadata: report/ never runs checks.
class FakeCheck : public checks::Check {
 public:
  explicit FakeCheck(checks::CheckInfo info) : info_(info) {}
  const checks::CheckInfo& info() const override { return info_; }

 private:
  checks::CheckInfo info_;
};

inline checks::Registry MakeRegistry() {
  using core::Control;
  using core::Layer;
  using core::Severity;
  checks::Registry registry;
  const auto add = [&registry](checks::CheckInfo info) {
    registry.Add(std::make_unique<FakeCheck>(info));
  };
  add({"rbac-wildcard", "Role grants wildcard access", Severity::kHigh, Control::kPermissions,
       Layer::kCluster, "A rule uses \"*\" for verbs, resources or API groups.",
       "List the verbs and resources explicitly."});
  add({"container-privileged", "Container runs privileged", Severity::kCritical,
       Control::kOrchestrator, Layer::kContainer,
       "A privileged container has every capability and all host devices.",
       "Remove securityContext.privileged or set it to false."});
  add({"service-node-port", "Service exposes a NodePort", Severity::kMedium, Control::kNetwork,
       Layer::kCluster, "A NodePort Service opens a port on every node.",
       "Use a ClusterIP Service behind an Ingress."});
  add({"configmap-sensitive-data", "ConfigMap holds credential-like data", Severity::kHigh,
       Control::kData, Layer::kCode, "ConfigMaps are not meant for secrets.",
       "Move the value to a Secret."});
  add({"container-image-not-digest-pinned", "Image is not pinned by digest", Severity::kLow,
       Control::kOrchestrator, Layer::kContainer, "A tag can be moved to another image.",
       "Reference the image by digest (image@sha256:...)."});
  add({"api-deprecated-version", "API version is deprecated or removed", Severity::kMedium,
       Control::kOrchestrator, Layer::kCluster, "The apiVersion is deprecated or no longer served.",
       "Migrate the manifest to the current apiVersion."});
  add({"pod-host-network", "Pod uses the host network", Severity::kHigh, Control::kNetwork,
       Layer::kCluster, "The pod shares the node's network namespace.",
       "Remove spec.hostNetwork."});
  return registry;
}

/// A finding filled from the registry entry of `check`, at `file:line:column`.
inline core::Finding MakeFinding(const checks::Registry& registry, std::string_view check,
                                 core::ObjectRef object, std::string file, uint32_t line,
                                 uint32_t column, std::string path, std::string message) {
  const checks::Check* c = registry.Find(check);
  EXPECT_NE(c, nullptr) << check;
  core::Finding f;
  f.check = check;
  if (c != nullptr) {
    f.title = c->info().title;
    f.severity = c->info().severity;
    f.control = c->info().control;
    f.layer = c->info().layer;
    f.remediation = c->info().remediation;
  }
  f.object = std::move(object);
  f.file = std::move(file);
  f.line = line;
  f.column = column;
  f.path = std::move(path);
  f.message = std::move(message);
  return f;
}

/// Five unsuppressed findings (1 critical, 2 high, 1 medium, 1 info; 3 at or above high), two
/// suppressed ones (by annotation and by configuration), one error and one note.
inline ScanReport MakeReport(const checks::Registry& registry) {
  ScanReport r;
  r.findings.push_back(MakeFinding(registry, "configmap-sensitive-data",
                                   {"v1", "ConfigMap", "dev", "app-config"}, "manifests/app.yaml",
                                   8, 3, "data.contraseña",
                                   "key \"contraseña\" holds a literal credential"));
  r.findings.push_back(MakeFinding(
      registry, "container-privileged", {"apps/v1", "Deployment", "dev", "pictures"},
      "manifests/app.yaml", 24, 13, "spec.template.spec.containers[0].securityContext.privileged",
      "container \"app\" sets securityContext.privileged: true"));
  core::Finding pinned = MakeFinding(
      registry, "container-image-not-digest-pinned", {"apps/v1", "Deployment", "dev", "pictures"},
      "manifests/app.yaml", 30, 16, "spec.template.spec.containers[0].image",
      "image \"nginx:1.25\" of container \"app\" is not pinned by digest");
  pinned.suppressed = true;
  pinned.suppression = "annotation centinela.dev/ignore: the CD pipeline pins digests";
  r.findings.push_back(std::move(pinned));
  r.findings.push_back(MakeFinding(
      registry, "rbac-wildcard", {"rbac.authorization.k8s.io/v1", "ClusterRole", "", "reader"},
      "manifests/rbac.yaml", 6, 5, "rules[0].verbs",
      "rules[0] grants verbs [\"*\"] on <all> resources & subresources"));
  core::Finding ops = MakeFinding(
      registry, "rbac-wildcard", {"rbac.authorization.k8s.io/v1", "ClusterRole", "", "ops"},
      "manifests/rbac.yaml", 20, 5, "rules[0].resources", "rules[0] grants resources [\"*\"]");
  ops.suppressed = true;
  ops.suppression = "config .centinela.yaml:3: reviewed by the security team";
  r.findings.push_back(std::move(ops));
  core::Finding deprecated = MakeFinding(
      registry, "api-deprecated-version", {"extensions/v1beta1", "Ingress", "", "web"}, "svc.yaml",
      1, 1, "apiVersion", "apiVersion extensions/v1beta1 Ingress was removed in v1.22");
  deprecated.severity = core::Severity::kInfo;
  r.findings.push_back(std::move(deprecated));
  r.findings.push_back(MakeFinding(
      registry, "service-node-port", {"v1", "Service", "dev", "pictures-lb"}, "svc.yaml", 9, 9,
      "spec.type", "Service type NodePort opens port 30080 on every node"));

  core::Diagnostic error;
  error.level = core::DiagLevel::kError;
  error.location = {"manifests/broken.yaml", 3, 7};
  error.message = "mapping values are not allowed in this context";
  error.source_line = "  a: b: c";
  r.diagnostics.push_back(error);
  core::Diagnostic note;
  note.level = core::DiagLevel::kNote;
  note.location = {"manifests/notes.yaml", 1, 1};
  note.message = "document has no apiVersion or kind; skipped";
  r.diagnostics.push_back(note);

  r.inputs = {"manifests", "svc.yaml"};
  r.files = 4;
  r.documents = 9;
  r.objects = 7;
  r.fail_on = core::Severity::kHigh;
  r.tool_version = "1.2.3";
  return r;
}

inline std::string Render(Format format, const ScanReport& report, const checks::Registry& registry,
                          const WriteOptions& options = {}) {
  std::ostringstream out;
  Write(format, report, registry, options, out);
  return out.str();
}

/// Compares `actual` with tests/report/golden/<name>; rewrites the file instead when
/// UPDATE_GOLDEN=1.
inline void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path = centinela::testing::SourcePath("tests/report/golden/" + name);
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update != nullptr && std::string_view(update) == "1") {
    centinela::testing::WriteFile(path, actual);
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << "missing golden file " << path << " (run with UPDATE_GOLDEN=1)";
  EXPECT_EQ(centinela::testing::ReadFile(path), actual)
      << "output differs from " << path
      << " (if the change is intended, rerun with UPDATE_GOLDEN=1)";
}

}  // namespace centinela::report::testing
