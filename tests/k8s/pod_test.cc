#include "k8s/pod.h"

#include <gtest/gtest.h>

#include <string>

#include "k8s_fixture.h"

namespace centinela::k8s {
namespace {

using testing::Load;

// A pod spec with every kind of container, indented to sit at `indent` spaces.
std::string PodSpec(int indent) {
  std::string pad(static_cast<size_t>(indent), ' ');
  std::string out;
  for (const char* line : {
           "serviceAccountName: builder",
           "securityContext:",
           "  runAsUser: 1000",
           "  runAsNonRoot: true",
           "  seccompProfile: {type: RuntimeDefault}",
           "initContainers:",
           "- name: init",
           "  image: busybox:1.36",
           "containers:",
           "- name: app",
           "  image: nginx:1.25",
           "  securityContext: {runAsUser: 0, privileged: true}",
           "- name: sidecar",
           "  image: envoy",
           "ephemeralContainers:",
           "- name: debug",
           "  image: busybox",
       }) {
    out += pad + line + "\n";
  }
  return out;
}

struct Case {
  std::string kind;
  std::string api_version;
  std::string body;  // everything after metadata
  std::string spec_path;
  std::string metadata_path;
};

TEST(PodView, EveryWorkloadKindAtItsDocumentedPath) {
  const std::string template_meta = "    metadata: {labels: {app: web}, annotations: {note: hi}}\n";
  std::vector<Case> cases = {
      {"Pod", "v1", "spec:\n" + PodSpec(2), "spec", "metadata"},
      {"Deployment", "apps/v1", "spec:\n  template:\n" + template_meta + "    spec:\n" + PodSpec(6),
       "spec.template.spec", "spec.template.metadata"},
      {"ReplicaSet", "apps/v1", "spec:\n  template:\n" + template_meta + "    spec:\n" + PodSpec(6),
       "spec.template.spec", "spec.template.metadata"},
      {"StatefulSet", "apps/v1",
       "spec:\n  template:\n" + template_meta + "    spec:\n" + PodSpec(6), "spec.template.spec",
       "spec.template.metadata"},
      {"DaemonSet", "apps/v1", "spec:\n  template:\n" + template_meta + "    spec:\n" + PodSpec(6),
       "spec.template.spec", "spec.template.metadata"},
      {"Job", "batch/v1", "spec:\n  template:\n" + template_meta + "    spec:\n" + PodSpec(6),
       "spec.template.spec", "spec.template.metadata"},
      {"ReplicationController", "v1",
       "spec:\n  template:\n" + template_meta + "    spec:\n" + PodSpec(6), "spec.template.spec",
       "spec.template.metadata"},
      {"CronJob", "batch/v1",
       "spec:\n  jobTemplate:\n    spec:\n      template:\n    " + template_meta +
           "        spec:\n" + PodSpec(10),
       "spec.jobTemplate.spec.template.spec", "spec.jobTemplate.spec.template.metadata"},
      {"PodTemplate", "v1",
       "template:\n  metadata: {labels: {app: web}, annotations: {note: hi}}\n  spec:\n" +
           PodSpec(4),
       "template.spec", "template.metadata"},
  };
  for (const Case& c : cases) {
    std::string yaml =
        "apiVersion: " + c.api_version + "\nkind: " + c.kind +
        "\nmetadata:\n  name: web\n  labels: {app: web}\n  annotations: {note: hi}\n" + c.body;
    auto in = Load(yaml);
    ASSERT_EQ(in->Diagnostics(), std::vector<std::string>{}) << c.kind;
    ASSERT_EQ(in->snapshot.objects().size(), 1u) << c.kind;
    std::optional<PodView> view = BuildPodView(in->snapshot.objects()[0]);
    ASSERT_TRUE(view.has_value()) << c.kind;
    EXPECT_EQ(view->owner, in->snapshot.objects().data());
    EXPECT_EQ(view->spec_path, c.spec_path) << c.kind;
    EXPECT_EQ(view->metadata_path, c.metadata_path) << c.kind;
    ASSERT_NE(view->metadata, nullptr) << c.kind;
    EXPECT_EQ(Lookup(view->labels, "app"), "web") << c.kind;
    EXPECT_EQ(Lookup(view->annotations, "note"), "hi") << c.kind;
    ASSERT_NE(view->security_context, nullptr) << c.kind;
    EXPECT_EQ(view->ServiceAccountName(), "builder");
    EXPECT_FALSE(view->UsesDefaultServiceAccountImplicitly());
    ASSERT_EQ(view->containers.size(), 4u) << c.kind;
    const auto& cs = view->containers;
    EXPECT_EQ(cs[0].name, "app");
    EXPECT_EQ(cs[0].image, "nginx:1.25");
    EXPECT_EQ(cs[0].kind, ContainerKind::kContainer);
    EXPECT_EQ(cs[0].index, 0u);
    EXPECT_EQ(cs[0].path, c.spec_path + ".containers[0]");
    EXPECT_NE(cs[0].security_context, nullptr);
    EXPECT_EQ(cs[1].name, "sidecar");
    EXPECT_EQ(cs[1].path, c.spec_path + ".containers[1]");
    EXPECT_EQ(cs[1].index, 1u);
    EXPECT_EQ(cs[1].security_context, nullptr);
    EXPECT_EQ(cs[2].name, "init");
    EXPECT_EQ(cs[2].kind, ContainerKind::kInit);
    EXPECT_EQ(cs[2].index, 0u);
    EXPECT_EQ(cs[2].path, c.spec_path + ".initContainers[0]");
    EXPECT_EQ(cs[3].name, "debug");
    EXPECT_EQ(cs[3].kind, ContainerKind::kEphemeral);
    EXPECT_EQ(cs[3].path, c.spec_path + ".ephemeralContainers[0]");
    EXPECT_EQ(cs[0].node->GetText("image"), "nginx:1.25");
  }
}

TEST(PodView, NoViewForOtherKindsOrMissingTemplates) {
  auto in = Load(
      "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {template: {spec: {containers: "
      "[]}}}\n---\n"
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b}\nspec: {replicas: 1}\n---\n"
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: c}\nspec: {template: {metadata: "
      "{}}}\n---\n"
      "apiVersion: v1\nkind: Pod\nmetadata: {name: d}\n---\n"
      "apiVersion: example.com/v1\nkind: Rollout\nmetadata: {name: e}\nspec: {template: {spec: "
      "{}}}\n");
  ASSERT_EQ(in->snapshot.objects().size(), 5u);
  for (const Object& o : in->snapshot.objects())
    EXPECT_FALSE(BuildPodView(o).has_value()) << o.name;
  EXPECT_TRUE(in->snapshot.pod_views().empty());
}

TEST(PodView, EmptyPodSpecHasAView) {
  auto in = Load("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {}\n");
  std::optional<PodView> view = BuildPodView(in->snapshot.objects()[0]);
  ASSERT_TRUE(view.has_value());
  EXPECT_TRUE(view->containers.empty());
  EXPECT_EQ(view->security_context, nullptr);
  EXPECT_EQ(view->ServiceAccountName(), "default");
  EXPECT_TRUE(view->UsesDefaultServiceAccountImplicitly());
}

TEST(PodView, ServiceAccountName) {
  auto in = Load(
      "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {serviceAccount: legacy}\n---\n"
      "apiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {serviceAccountName: new, "
      "serviceAccount: legacy}\n"
      "---\n"
      "apiVersion: v1\nkind: Pod\nmetadata: {name: c}\nspec: {serviceAccountName: \"\", "
      "serviceAccount: legacy}\n"
      "---\n"
      "apiVersion: v1\nkind: Pod\nmetadata: {name: d}\nspec: {serviceAccountName: default}\n---\n"
      "apiVersion: v1\nkind: Pod\nmetadata: {name: e}\nspec: {serviceAccountName: \"\"}\n---\n"
      "apiVersion: v1\nkind: Pod\nmetadata: {name: f}\nspec: {serviceAccountName: null}\n");
  auto views = in->snapshot.pod_views();
  ASSERT_EQ(views.size(), 6u);
  EXPECT_EQ(views[0].ServiceAccountName(), "legacy");
  EXPECT_FALSE(views[0].UsesDefaultServiceAccountImplicitly());
  EXPECT_EQ(views[1].ServiceAccountName(), "new");
  EXPECT_EQ(views[2].ServiceAccountName(), "legacy");
  EXPECT_EQ(views[3].ServiceAccountName(), "default");
  EXPECT_FALSE(views[3].UsesDefaultServiceAccountImplicitly());  // explicit
  EXPECT_EQ(views[4].ServiceAccountName(), "default");
  EXPECT_TRUE(views[4].UsesDefaultServiceAccountImplicitly());
  EXPECT_EQ(views[5].ServiceAccountName(), "default");
  EXPECT_TRUE(views[5].UsesDefaultServiceAccountImplicitly());
}

TEST(PodView, EffectiveSecurityField) {
  auto in = Load(
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata: {name: web}\n"
      "spec:\n"
      "  template:\n"
      "    spec:\n"
      "      securityContext:\n"
      "        runAsUser: 1000\n"
      "        runAsNonRoot: true\n"
      "        seccompProfile: {type: RuntimeDefault}\n"
      "        fsGroup: 2000\n"
      "      containers:\n"
      "      - name: own\n"
      "        securityContext: {runAsUser: 0, privileged: false, runAsNonRoot: null}\n"
      "      - name: inherits\n"
      "      - name: empty\n"
      "        securityContext: {}\n"
      "      initContainers:\n"
      "      - name: init\n"
      "        securityContext: {seccompProfile: {type: Unconfined}}\n");
  ASSERT_EQ(in->Diagnostics(), std::vector<std::string>{});
  const PodView& pod = in->snapshot.pod_views()[0];
  ASSERT_EQ(pod.containers.size(), 4u);
  const ContainerView& own = pod.containers[0];
  const ContainerView& inherits = pod.containers[1];
  const ContainerView& empty = pod.containers[2];
  const ContainerView& init = pod.containers[3];

  std::string path;
  const doc::Node* n = EffectiveSecurityField(pod, own, "runAsUser", &path);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->AsInt(), 0);
  EXPECT_EQ(path, "spec.template.spec.containers[0].securityContext.runAsUser");

  // A null container value is unset: the pod's applies.
  n = EffectiveSecurityField(pod, own, "runAsNonRoot", &path);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->AsBool(), true);
  EXPECT_EQ(path, "spec.template.spec.securityContext.runAsNonRoot");

  n = EffectiveSecurityField(pod, inherits, "runAsUser", &path);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->AsInt(), 1000);
  EXPECT_EQ(path, "spec.template.spec.securityContext.runAsUser");

  n = EffectiveSecurityField(pod, empty, "seccompProfile", &path);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->GetText("type"), "RuntimeDefault");
  EXPECT_EQ(path, "spec.template.spec.securityContext.seccompProfile");

  n = EffectiveSecurityField(pod, init, "seccompProfile", &path);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->GetText("type"), "Unconfined");
  EXPECT_EQ(path, "spec.template.spec.initContainers[0].securityContext.seccompProfile");

  n = EffectiveSecurityField(pod, own, "privileged", &path);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->AsBool(), false);
  EXPECT_EQ(path, "spec.template.spec.containers[0].securityContext.privileged");

  // Not set anywhere: nullptr, path untouched.
  path = "unchanged";
  EXPECT_EQ(EffectiveSecurityField(pod, inherits, "privileged", &path), nullptr);
  EXPECT_EQ(EffectiveSecurityField(pod, inherits, "runAsGroup", &path), nullptr);
  EXPECT_EQ(EffectiveSecurityField(pod, inherits, "allowPrivilegeEscalation"), nullptr);
  EXPECT_EQ(path, "unchanged");
  // fsGroup is a pod-only field: it is not inherited by containers.
  EXPECT_EQ(EffectiveSecurityField(pod, inherits, "fsGroup", &path), nullptr);
}

TEST(PodView, PodLevelFieldsOnlyForInheritedNames) {
  auto in = Load(
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"
      "spec:\n"
      "  securityContext:\n"
      "    runAsGroup: 3000\n"
      "    seLinuxOptions: {level: \"s0:c1\"}\n"
      "    appArmorProfile: {type: RuntimeDefault}\n"
      "    windowsOptions: {runAsUserName: admin}\n"
      "    privileged: true\n"
      "  containers:\n"
      "  - name: c\n");
  const PodView& pod = in->snapshot.pod_views()[0];
  const ContainerView& c = pod.containers[0];
  for (std::string_view field :
       {"runAsGroup", "seLinuxOptions", "appArmorProfile", "windowsOptions"}) {
    std::string path;
    EXPECT_NE(EffectiveSecurityField(pod, c, field, &path), nullptr) << field;
    EXPECT_EQ(path, "spec.securityContext." + std::string(field));
  }
  // `privileged` is a container-only field, even when someone writes it at the pod level.
  EXPECT_EQ(EffectiveSecurityField(pod, c, "privileged"), nullptr);
}

TEST(PodView, ListItemPathsCarryThePrefix) {
  auto in = Load(
      "apiVersion: v1\n"
      "kind: List\n"
      "items:\n"
      "- apiVersion: v1\n"
      "  kind: ConfigMap\n"
      "  metadata: {name: cm}\n"
      "- apiVersion: batch/v1\n"
      "  kind: CronJob\n"
      "  metadata: {name: nightly}\n"
      "  spec:\n"
      "    jobTemplate:\n"
      "      spec:\n"
      "        template:\n"
      "          spec:\n"
      "            securityContext: {runAsUser: 5}\n"
      "            containers: [{name: c}]\n");
  ASSERT_EQ(in->snapshot.pod_views().size(), 1u);
  const PodView& pod = in->snapshot.pod_views()[0];
  EXPECT_EQ(pod.spec_path, "items[1].spec.jobTemplate.spec.template.spec");
  EXPECT_EQ(pod.metadata_path, "items[1].spec.jobTemplate.spec.template.metadata");
  EXPECT_EQ(pod.metadata, nullptr);
  EXPECT_EQ(pod.containers[0].path, "items[1].spec.jobTemplate.spec.template.spec.containers[0]");
  std::string path;
  ASSERT_NE(EffectiveSecurityField(pod, pod.containers[0], "runAsUser", &path), nullptr);
  EXPECT_EQ(path, "items[1].spec.jobTemplate.spec.template.spec.securityContext.runAsUser");
}

TEST(PodView, ContainerKindNames) {
  EXPECT_EQ(FieldName(ContainerKind::kContainer), "containers");
  EXPECT_EQ(FieldName(ContainerKind::kInit), "initContainers");
  EXPECT_EQ(FieldName(ContainerKind::kEphemeral), "ephemeralContainers");
}

}  // namespace
}  // namespace centinela::k8s
