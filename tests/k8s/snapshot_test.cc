#include "k8s/snapshot.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "k8s/selector.h"
#include "k8s_fixture.h"

namespace centinela::k8s {
namespace {

using testing::Load;
using Strings = std::vector<std::string>;

// "test.yaml:<line>:<col>: error: <message>".
std::string Error(int line, int col, const std::string& message) {
  return "test.yaml:" + std::to_string(line) + ":" + std::to_string(col) + ": error: " + message;
}

std::vector<std::string> Names(std::span<const Object* const> objects) {
  std::vector<std::string> out;
  for (const Object* o : objects) out.emplace_back(o->name);
  return out;
}

constexpr const char* kMixed =
    "apiVersion: v1\n"                                         // 1
    "kind: Namespace\n"                                        // 2
    "metadata:\n"                                              // 3
    "  name: dev\n"                                            // 4
    "---\n"                                                    // 5
    "apiVersion: apps/v1\n"                                    // 6
    "kind: Deployment\n"                                       // 7
    "metadata:\n"                                              // 8
    "  name: pictures\n"                                       // 9
    "  namespace: dev\n"                                       // 10
    "  labels: {app: pictures, tier: web}\n"                   // 11
    "  annotations:\n"                                         // 12
    "    eks.amazonaws.com/role-arn: arn:aws:iam::1:role/x\n"  // 13
    "spec:\n"                                                  // 14
    "  template:\n"                                            // 15
    "    metadata: {labels: {app: pictures}}\n"                // 16
    "    spec:\n"                                              // 17
    "      containers: [{name: app, image: pictures:1}]\n"     // 18
    "---\n"                                                    // 19
    "apiVersion: v1\n"                                         // 20
    "kind: Service\n"                                          // 21
    "metadata: {name: pictures-lb}\n"                          // 22
    "---\n"                                                    // 23
    "apiVersion: rbac.authorization.k8s.io/v1\n"               // 24
    "kind: ClusterRole\n"                                      // 25
    "metadata: {name: reader, namespace: ignored}\n"           // 26
    "---\n"                                                    // 27
    "apiVersion: cert-manager.io/v1\n"                         // 28
    "kind: Certificate\n"                                      // 29
    "metadata: {generateName: cert-, namespace: prod}\n"       // 30
    "---\n"                                                    // 31
    "apiVersion: v1\n"                                         // 32
    "kind: Pod\n"                                              // 33
    "metadata: {name: debug, namespace: dev}\n"                // 34
    "spec: {containers: [{name: sh, image: busybox}]}\n";      // 35

TEST(Snapshot, ObjectsAndAccessors) {
  auto in = Load(kMixed, "picturesocial.yaml");
  EXPECT_EQ(in->Diagnostics(), Strings{});
  auto objects = in->snapshot.objects();
  ASSERT_EQ(objects.size(), 6u);

  const Object& ns = objects[0];
  EXPECT_EQ(ns.kind, "Namespace");
  EXPECT_FALSE(ns.namespaced);
  EXPECT_EQ(ns.EffectiveNamespace(), "");
  EXPECT_EQ(ns.group(), "");
  EXPECT_EQ(ns.version(), "v1");

  const Object& deploy = objects[1];
  EXPECT_EQ(deploy.api_version, "apps/v1");
  EXPECT_EQ(deploy.group(), "apps");
  EXPECT_EQ(deploy.version(), "v1");
  EXPECT_EQ(deploy.name, "pictures");
  EXPECT_EQ(deploy.namespace_, "dev");
  EXPECT_EQ(deploy.EffectiveNamespace(), "dev");
  EXPECT_TRUE(deploy.namespaced);
  EXPECT_EQ(deploy.file(), "picturesocial.yaml");
  EXPECT_EQ(deploy.line(), 6u);
  EXPECT_EQ(deploy.field_prefix, "");
  EXPECT_EQ(deploy.document, &in->corpus.documents()[1]);
  EXPECT_EQ(deploy.node, in->Root(1));
  ASSERT_NE(deploy.metadata, nullptr);
  EXPECT_EQ(deploy.metadata->line(), 9u);
  EXPECT_EQ(deploy.Label("app"), "pictures");
  EXPECT_EQ(deploy.Label("tier"), "web");
  EXPECT_EQ(deploy.Label("missing", "fallback"), "fallback");
  EXPECT_EQ(deploy.Label("missing"), "");
  EXPECT_EQ(deploy.labels.size(), 2u);
  EXPECT_EQ(deploy.labels[0].first, "app");  // source order
  EXPECT_TRUE(deploy.HasAnnotation("eks.amazonaws.com/role-arn"));
  EXPECT_FALSE(deploy.HasAnnotation("iam.amazonaws.com/role"));
  EXPECT_EQ(deploy.Annotation("eks.amazonaws.com/role-arn"), "arn:aws:iam::1:role/x");
  EXPECT_EQ(Lookup(deploy.annotations, "nope"), std::nullopt);
  core::ObjectRef ref = deploy.Ref();
  EXPECT_EQ(ref.api_version, "apps/v1");
  EXPECT_EQ(ref.kind, "Deployment");
  EXPECT_EQ(ref.namespace_, "dev");
  EXPECT_EQ(ref.name, "pictures");

  const Object& svc = objects[2];
  EXPECT_EQ(svc.namespace_, "");
  EXPECT_EQ(svc.EffectiveNamespace(), "default");
  EXPECT_EQ(svc.Ref().namespace_, "");  // as written
  EXPECT_TRUE(svc.labels.empty());

  const Object& role = objects[3];
  EXPECT_FALSE(role.namespaced);
  EXPECT_EQ(role.group(), "rbac.authorization.k8s.io");
  EXPECT_EQ(role.namespace_, "ignored");
  EXPECT_EQ(role.EffectiveNamespace(), "");

  const Object& cert = objects[4];
  EXPECT_TRUE(cert.namespaced);   // unknown kinds are namespaced
  EXPECT_EQ(cert.name, "cert-");  // generateName when there is no name
  EXPECT_EQ(cert.EffectiveNamespace(), "prod");
}

TEST(Snapshot, Indexes) {
  auto in = Load(kMixed);
  const Snapshot& s = in->snapshot;
  EXPECT_EQ(Names(s.OfKind("Deployment")), Strings{"pictures"});
  EXPECT_EQ(Names(s.OfKind("Pod")), Strings{"debug"});
  EXPECT_TRUE(s.OfKind("Secret").empty());
  EXPECT_EQ(Names(s.InNamespace("dev")), (Strings{"pictures", "debug"}));
  EXPECT_EQ(Names(s.InNamespace("default")), Strings{"pictures-lb"});
  EXPECT_EQ(Names(s.InNamespace("prod")), Strings{"cert-"});
  EXPECT_TRUE(s.InNamespace("").empty());  // cluster-scoped objects are in no namespace
  EXPECT_TRUE(s.InNamespace("ignored").empty());
  EXPECT_TRUE(s.InNamespace("kube-system").empty());

  EXPECT_EQ(s.Find("Deployment", "dev", "pictures"), &s.objects()[1]);
  EXPECT_EQ(s.Find("Service", "default", "pictures-lb"), &s.objects()[2]);
  EXPECT_EQ(s.Find("ClusterRole", "", "reader"), &s.objects()[3]);
  EXPECT_EQ(s.Find("Namespace", "", "dev"), s.objects().data());
  EXPECT_EQ(s.Find("Service", "", "pictures-lb"), nullptr);
  EXPECT_EQ(s.Find("ClusterRole", "ignored", "reader"), nullptr);
  EXPECT_EQ(s.Find("Deployment", "default", "pictures"), nullptr);
  EXPECT_EQ(s.Find("Deployment", "dev", "Pictures"), nullptr);

  EXPECT_EQ(s.Namespaces(), (std::vector<std::string_view>{"default", "dev", "prod"}));

  ASSERT_EQ(s.pod_views().size(), 2u);
  EXPECT_EQ(s.pod_views()[0].owner, &s.objects()[1]);
  EXPECT_EQ(s.pod_views()[1].owner, &s.objects()[5]);
  EXPECT_EQ(s.PodViewOf(s.objects()[1]), s.pod_views().data());
  EXPECT_EQ(s.PodViewOf(s.objects()[5]), &s.pod_views()[1]);
  EXPECT_EQ(s.PodViewOf(s.objects()[0]), nullptr);
  EXPECT_EQ(s.PodViewOf(s.objects()[2]), nullptr);
  Object stranger = s.objects()[1];
  EXPECT_EQ(s.PodViewOf(stranger), nullptr);

  LabelSelector web = LabelSelector::FromMap(
      in->Root(1)->GetPath({"spec", "template", "metadata", "labels"}), false);
  EXPECT_TRUE(web.Matches(s.pod_views()[0].labels));
  EXPECT_FALSE(web.Matches(s.pod_views()[1].labels));
}

TEST(Snapshot, FirstObjectWinsInFind) {
  auto in = Load(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {n: \"1\"}\n---\n"
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: default}\ndata: {n: "
      "\"2\"}\n");
  ASSERT_EQ(in->snapshot.objects().size(), 2u);
  EXPECT_EQ(in->snapshot.Find("ConfigMap", "default", "a"), in->snapshot.objects().data());
  EXPECT_EQ(in->snapshot.OfKind("ConfigMap").size(), 2u);
}

TEST(Snapshot, EmptySnapshot) {
  Snapshot s;
  EXPECT_TRUE(s.objects().empty());
  EXPECT_TRUE(s.OfKind("Pod").empty());
  EXPECT_TRUE(s.Namespaces().empty());
  EXPECT_EQ(s.Find("Pod", "default", "x"), nullptr);
  auto in = Load("");
  EXPECT_TRUE(in->snapshot.objects().empty());
  EXPECT_EQ(in->Diagnostics(), Strings{});
}

TEST(Snapshot, ListsAreExpanded) {
  auto in = Load(
      "apiVersion: v1\n"                                           // 1
      "kind: List\n"                                               // 2
      "items:\n"                                                   // 3
      "- apiVersion: v1\n"                                         // 4
      "  kind: ServiceAccount\n"                                   // 5
      "  metadata: {name: sa, namespace: dev}\n"                   // 6
      "- apiVersion: v1\n"                                         // 7
      "  kind: List\n"                                             // 8
      "  items:\n"                                                 // 9
      "  - apiVersion: v1\n"                                       // 10
      "    kind: Pod\n"                                            // 11
      "    metadata: {name: nested}\n"                             // 12
      "    spec: {containers: [{name: c}]}\n"                      // 13
      "- apiVersion: apps/v1\n"                                    // 14
      "  kind: DeploymentList\n"                                   // 15
      "  items:\n"                                                 // 16
      "  - metadata: {name: typed}\n"                              // 17
      "    spec: {template: {spec: {containers: [{name: c}]}}}\n"  // 18
      "  - apiVersion: apps/v1\n"                                  // 19
      "    kind: Deployment\n"                                     // 20
      "    metadata: {name: explicit}\n"                           // 21
      "- apiVersion: example.com/v1\n"                             // 22
      "  kind: PlayList\n"                                         // 23
      "  metadata: {name: songs}\n"                                // 24
      "  items: {a: 1}\n"                                          // 25
      "- apiVersion: v1\n"                                         // 26
      "  kind: List\n"                                             // 27
      "  items: []\n");                                            // 28
  EXPECT_EQ(in->Diagnostics(), Strings{});
  auto objects = in->snapshot.objects();
  ASSERT_EQ(objects.size(), 5u);
  EXPECT_EQ(objects[0].kind, "ServiceAccount");
  EXPECT_EQ(objects[0].field_prefix, "items[0].");
  EXPECT_EQ(objects[0].line(), 4u);
  EXPECT_EQ(objects[0].document, in->corpus.documents().data());
  EXPECT_EQ(objects[1].name, "nested");
  EXPECT_EQ(objects[1].field_prefix, "items[1].items[0].");
  EXPECT_EQ(objects[1].line(), 10u);
  EXPECT_EQ(objects[2].name, "typed");
  EXPECT_EQ(objects[2].api_version, "apps/v1");  // inferred from the typed list
  EXPECT_EQ(objects[2].kind, "Deployment");
  EXPECT_EQ(objects[2].field_prefix, "items[2].items[0].");
  EXPECT_EQ(objects[3].name, "explicit");
  EXPECT_EQ(objects[3].field_prefix, "items[2].items[1].");
  // A *List kind without an items list is an ordinary object.
  EXPECT_EQ(objects[4].kind, "PlayList");
  EXPECT_EQ(objects[4].name, "songs");
  EXPECT_EQ(objects[4].field_prefix, "items[3].");

  ASSERT_EQ(in->snapshot.pod_views().size(), 2u);
  EXPECT_EQ(in->snapshot.pod_views()[0].spec_path, "items[1].items[0].spec");
  EXPECT_EQ(in->snapshot.pod_views()[1].spec_path, "items[2].items[0].spec.template.spec");
  EXPECT_EQ(in->snapshot.PodViewOf(objects[2]), &in->snapshot.pod_views()[1]);
  EXPECT_EQ(in->snapshot.Find("Deployment", "default", "typed"), &objects[2]);
}

TEST(Snapshot, JsonListsFromKubectl) {
  auto in = Load(R"({
  "apiVersion": "v1",
  "kind": "List",
  "items": [
    {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s1", "namespace": "a"}},
    {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s2", "namespace": "b"}}
  ],
  "metadata": {"resourceVersion": ""}
})",
                 "dump.json");
  EXPECT_EQ(in->Diagnostics(), Strings{});
  ASSERT_EQ(in->snapshot.objects().size(), 2u);
  EXPECT_EQ(in->snapshot.objects()[1].field_prefix, "items[1].");
  EXPECT_EQ(in->snapshot.objects()[1].line(), 6u);
  EXPECT_EQ(in->snapshot.Namespaces(), (std::vector<std::string_view>{"a", "b"}));
}

TEST(Snapshot, SkippedDocumentsAreReported) {
  auto in = Load(
      "# just a comment\n"          // 1
      "---\n"                       // 2
      "foo: bar\n"                  // 3
      "---\n"                       // 4
      "apiVersion: v1\n"            // 5
      "metadata: {name: x}\n"       // 6
      "---\n"                       // 7
      "kind: Pod\n"                 // 8
      "---\n"                       // 9
      "apiVersion: \"\"\n"          // 10
      "kind: Pod\n"                 // 11
      "---\n"                       // 12
      "- a\n"                       // 13
      "- b\n"                       // 14
      "---\n"                       // 15
      "just text\n"                 // 16
      "---\n"                       // 17
      "apiVersion: v1\n"            // 18
      "kind: ConfigMap\n"           // 19
      "metadata: {name: kept}\n");  // 20
  EXPECT_EQ(in->Diagnostics(),
            (Strings{
                "test.yaml:3:1: note: document has no apiVersion/kind; skipped",
                "test.yaml:5:1: note: document has no apiVersion/kind; skipped",
                "test.yaml:8:1: note: document has no apiVersion/kind; skipped",
                "test.yaml:10:1: note: document has no apiVersion/kind; skipped",
                "test.yaml:13:1: note: document is a list, not a Kubernetes object; skipped",
                "test.yaml:16:1: note: document is a string, not a Kubernetes object; skipped",
            }));
  ASSERT_EQ(in->snapshot.objects().size(), 1u);
  EXPECT_EQ(in->snapshot.objects()[0].name, "kept");
  EXPECT_EQ(in->sink.error_count(), 0u);
}

TEST(Snapshot, ObjectsWithWrongTypesAreSkipped) {
  auto in = Load(
      "apiVersion: 1\n"                           // 1
      "kind: Pod\n"                               // 2
      "---\n"                                     // 3
      "apiVersion: v1\n"                          // 4
      "kind: [Pod]\n"                             // 5
      "---\n"                                     // 6
      "apiVersion: v1\n"                          // 7
      "kind: Pod\n"                               // 8
      "metadata: [name]\n"                        // 9
      "---\n"                                     // 10
      "apiVersion: v1\n"                          // 11
      "kind: Pod\n"                               // 12
      "metadata: {name: 42}\n"                    // 13
      "---\n"                                     // 14
      "apiVersion: v1\n"                          // 15
      "kind: Pod\n"                               // 16
      "metadata: {name: p, namespace: {a: b}}\n"  // 17
      "---\n"                                     // 18
      "apiVersion: v1\n"                          // 19
      "kind: Pod\n"                               // 20
      "metadata: {generateName: true}\n"          // 21
      "---\n"                                     // 22
      "apiVersion: v1\n"                          // 23
      "kind: List\n"                              // 24
      "items: none\n"                             // 25
      "---\n"                                     // 26
      "apiVersion: v1\n"                          // 27
      "kind: List\n"                              // 28
      "items:\n"                                  // 29
      "- just-a-string\n"                         // 30
      "- {kind: Pod}\n"                           // 31
      "- apiVersion: v1\n"                        // 32
      "  kind: Pod\n"                             // 33
      "  metadata: {name: [x]}\n"                 // 34
      "- apiVersion: v1\n"                        // 35
      "  kind: ConfigMap\n"                       // 36
      "  metadata: {name: kept}\n");              // 37
  EXPECT_EQ(
      in->Diagnostics(),
      (Strings{
          "test.yaml:1:13: error: apiVersion: expected a string, got integer; skipped",
          "test.yaml:5:7: error: kind: expected a string, got list; skipped",
          "test.yaml:9:11: error: metadata: expected a mapping, got list; skipped",
          "test.yaml:13:18: error: metadata.name: expected a string, got integer; skipped",
          "test.yaml:17:32: error: metadata.namespace: expected a string, got mapping; skipped",
          "test.yaml:21:26: error: metadata.generateName: expected a string, got boolean; skipped",
          "test.yaml:25:8: error: items: expected a list, got string",
          "test.yaml:30:3: error: items[0]: expected a mapping, got string",
          "test.yaml:31:3: note: items[1]: item has no apiVersion/kind; skipped",
          "test.yaml:34:20: error: items[2].metadata.name: expected a string, got list; skipped",
      }));
  ASSERT_EQ(in->snapshot.objects().size(), 1u);
  EXPECT_EQ(in->snapshot.objects()[0].name, "kept");
  EXPECT_EQ(in->snapshot.objects()[0].field_prefix, "items[3].");
}

TEST(Snapshot, BadLabelsAreReportedAndTheObjectKept) {
  auto in = Load(
      "apiVersion: v1\n"                                   // 1
      "kind: Service\n"                                    // 2
      "metadata:\n"                                        // 3
      "  name: svc\n"                                      // 4
      "  labels: {app: web, version: 1.0, empty: null}\n"  // 5
      "  annotations: [a]\n");                             // 6
  EXPECT_EQ(in->Diagnostics(),
            (Strings{
                "test.yaml:5:31: error: metadata.labels.version: expected a string, got number",
                "test.yaml:6:16: error: metadata.annotations: expected a mapping, got list",
            }));
  ASSERT_EQ(in->snapshot.objects().size(), 1u);
  const Object& svc = in->snapshot.objects()[0];
  ASSERT_EQ(svc.labels.size(), 2u);
  EXPECT_EQ(svc.Label("app"), "web");
  EXPECT_EQ(Lookup(svc.labels, "empty"), std::string_view());
  EXPECT_EQ(Lookup(svc.labels, "version"), std::nullopt);
  EXPECT_TRUE(svc.annotations.empty());
}

TEST(Snapshot, PodSpecTypeErrorsAreReportedAndTheObjectKept) {
  auto in = Load(
      "apiVersion: apps/v1\n"                         // 1
      "kind: Deployment\n"                            // 2
      "metadata: {name: web}\n"                       // 3
      "spec:\n"                                       // 4
      "  template:\n"                                 // 5
      "    spec:\n"                                   // 6
      "      containers: x\n"                         // 7
      "      initContainers:\n"                       // 8
      "      - oops\n"                                // 9
      "      - name: ok\n"                            // 10
      "        securityContext: privileged\n"         // 11
      "      hostNetwork: enabled\n"                  // 12
      "      securityContext: {runAsUser: zero}\n");  // 13
  const std::string spec = "spec.template.spec.";
  EXPECT_EQ(
      in->Diagnostics(),
      (Strings{
          Error(7, 19, spec + "containers: expected a list, got string"),
          Error(9, 9, spec + "initContainers[0]: expected a mapping, got string"),
          Error(11, 26, spec + "initContainers[1].securityContext: expected a mapping, got string"),
          Error(12, 20, spec + "hostNetwork: expected a boolean, got string"),
          Error(13, 36, spec + "securityContext.runAsUser: expected an integer, got string"),
      }));
  ASSERT_EQ(in->snapshot.objects().size(), 1u);
  const PodView* view = in->snapshot.PodViewOf(in->snapshot.objects()[0]);
  ASSERT_NE(view, nullptr);
  ASSERT_EQ(view->containers.size(), 1u);
  EXPECT_EQ(view->containers[0].name, "ok");
  EXPECT_EQ(view->containers[0].path, "spec.template.spec.initContainers[1]");
  EXPECT_EQ(view->containers[0].security_context, nullptr);
  ASSERT_NE(view->security_context, nullptr);
}

TEST(Snapshot, ContainerFieldTypeErrors) {
  auto in = Load(
      "apiVersion: v1\n"                                     // 1
      "kind: Pod\n"                                          // 2
      "metadata: {name: p}\n"                                // 3
      "spec:\n"                                              // 4
      "  containers:\n"                                      // 5
      "  - name: app\n"                                      // 6
      "    image: 5\n"                                       // 7
      "    env: {A: b}\n"                                    // 8
      "    ports: [80]\n"                                    // 9
      "    resources: {limits: 1}\n"                         // 10
      "    securityContext:\n"                               // 11
      "      privileged: sure\n"                             // 12
      "      allowPrivilegeEscalation: yes\n"                // 13
      "      runAsUser: 1000.0\n"                            // 14
      "      capabilities:\n"                                // 15
      "        add: SYS_ADMIN\n"                             // 16
      "        drop: [ALL, 7]\n"                             // 17
      "  volumes: [{name: v, hostPath: {path: /}}, disk]\n"  // 18
      "  template: {}\n");                                   // 19
  const std::string c0 = "spec.containers[0].";
  EXPECT_EQ(in->Diagnostics(),
            (Strings{
                Error(7, 12, c0 + "image: expected a string, got integer"),
                Error(8, 10, c0 + "env: expected a list, got mapping"),
                Error(9, 13, c0 + "ports[0]: expected a mapping, got integer"),
                Error(10, 25, c0 + "resources.limits: expected a mapping, got integer"),
                Error(12, 19, c0 + "securityContext.privileged: expected a boolean, got string"),
                Error(16, 14, c0 + "securityContext.capabilities.add: expected a list, got string"),
                Error(17, 21,
                      c0 + "securityContext.capabilities.drop[1]: expected a string, got integer"),
                Error(18, 45, "spec.volumes[1]: expected a mapping, got string"),
            }));
  const PodView& view = in->snapshot.pod_views()[0];
  ASSERT_EQ(view.containers.size(), 1u);
  EXPECT_EQ(view.containers[0].image, "");  // not a string: unreadable
  EXPECT_NE(view.containers[0].security_context, nullptr);
}

// Quoted booleans and numbers are strings: the API server rejects them, and reading them as true/0
// or as absent would both be wrong, so they are reported.
TEST(Snapshot, QuotedScalarsAreStrings) {
  auto in = Load(
      "apiVersion: v1\n"
      "kind: Pod\n"
      "metadata: {name: p}\n"
      "spec:\n"
      "  hostPID: \"true\"\n"
      "  containers:\n"
      "  - name: c\n"
      "    securityContext: {privileged: \"true\", runAsUser: \"0\"}\n");
  std::vector<std::string> messages;
  std::vector<uint32_t> lines;
  for (const core::Diagnostic& d : in->sink.Sorted()) {
    EXPECT_EQ(d.level, core::DiagLevel::kError);
    messages.push_back(d.message);
    lines.push_back(d.location.line);
  }
  EXPECT_EQ(messages,
            (Strings{
                "spec.hostPID: expected a boolean, got string",
                "spec.containers[0].securityContext.privileged: expected a boolean, got string",
                "spec.containers[0].securityContext.runAsUser: expected an integer, got string",
            }));
  EXPECT_EQ(lines, (std::vector<uint32_t>{5, 8, 8}));
  EXPECT_EQ(in->snapshot.pod_views().size(), 1u);
}

// Large inputs are read on several threads: the result must be the same as a sequential read.
TEST(Snapshot, ManyDeployments) {
  std::string text;
  constexpr int kCount = 20000;
  constexpr int kLinesPerDocument = 15;
  for (int i = 0; i < kCount; ++i) {
    // Every 1000th Deployment has a type error, and every 100th is a ConfigMap.
    std::string containers = i % 1000 == 999 ? "      containers: x\n      initContainers:\n"
                                             : "      initContainers: []\n      containers:\n";
    if (i % 100 == 42) {
      text += "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-" + std::to_string(i) +
              "\n  namespace: ns-" + std::to_string(i % 50) +
              "\n  labels: {app: a}\ndata:\n  a: b\n  c: d\n  e: f\n  g: h\n  i: j\n  k: l\n"
              "  m: o\n---\n";
      continue;
    }
    text +=
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-" + std::to_string(i) +
        "\n  namespace: ns-" + std::to_string(i % 50) +
        "\n  labels: {app: a}\nspec:\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n" +
        containers + "      - name: c\n        image: nginx\n---\n";
  }
  auto in = Load(std::move(text));
  std::vector<std::string> expected;
  for (int i = 999; i < kCount; i += 1000) {
    expected.push_back("test.yaml:" + std::to_string(i * kLinesPerDocument + 11) +
                       ":19: error: spec.template.spec.containers: expected a list, got string");
  }
  EXPECT_EQ(in->Diagnostics(), expected);
  const Snapshot& s = in->snapshot;
  ASSERT_EQ(s.objects().size(), static_cast<size_t>(kCount));
  EXPECT_EQ(s.pod_views().size(), static_cast<size_t>(kCount - kCount / 100));
  EXPECT_EQ(s.OfKind("Deployment").size(), static_cast<size_t>(kCount - kCount / 100));
  EXPECT_EQ(s.OfKind("ConfigMap").size(), static_cast<size_t>(kCount / 100));
  EXPECT_EQ(s.InNamespace("ns-7").size(), static_cast<size_t>(kCount / 50));
  EXPECT_EQ(s.Namespaces().size(), 50u);
  size_t views = 0;
  for (int i = 0; i < kCount; ++i) {
    const Object& o = s.objects()[static_cast<size_t>(i)];
    ASSERT_EQ(o.name, "app-" + std::to_string(i));
    ASSERT_EQ(o.line(), static_cast<uint32_t>(i * kLinesPerDocument + 1));
    ASSERT_EQ(s.Find(std::string(o.kind), "ns-" + std::to_string(i % 50), o.name), &o);
    const PodView* view = s.PodViewOf(o);
    if (i % 100 == 42) {
      ASSERT_EQ(view, nullptr);
      continue;
    }
    ASSERT_EQ(view, &s.pod_views()[views++]);
    ASSERT_EQ(view->owner, &o);
    ASSERT_EQ(view->containers.size(), 1u);
    ASSERT_EQ(view->containers[0].kind,
              i % 1000 == 999 ? ContainerKind::kInit : ContainerKind::kContainer);
  }
  EXPECT_EQ(s.PodViewOf(s.objects()[12345])->containers[0].path,
            "spec.template.spec.containers[0]");
}

}  // namespace
}  // namespace centinela::k8s
