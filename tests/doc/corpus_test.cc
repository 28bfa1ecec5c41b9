#include "doc/corpus.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "doc_test_util.h"
#include "test_util.h"

namespace centinela::doc {
namespace {

using testing::Loaded;
using Strings = std::vector<std::string>;

Strings Format(const core::DiagnosticSink& sink) {
  Strings out;
  for (const core::Diagnostic& d : sink.Sorted()) out.push_back(core::FormatDiagnostic(d, false));
  return out;
}

TEST(CorpusPath, FileAndMissingPath) {
  std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/pod.yaml", "kind: Pod\n---\nkind: Service\n");
  core::DiagnosticSink sink;
  Corpus corpus;
  EXPECT_TRUE(corpus.AddPath(dir + "/pod.yaml", sink));
  EXPECT_FALSE(corpus.AddPath(dir + "/missing.yaml", sink));
  EXPECT_EQ(Format(sink), (Strings{dir + "/missing.yaml: error: no such file or directory"}));
  ASSERT_EQ(corpus.documents().size(), 2u);
  EXPECT_EQ(corpus.documents()[1].source->path(), dir + "/pod.yaml");
  EXPECT_EQ(corpus.documents()[1].root->GetText("kind"), "Service");
  EXPECT_EQ(corpus.bytes_read(), 28u);
  ASSERT_EQ(corpus.sources().size(), 1u);
  EXPECT_EQ(corpus.sources()[0]->path(), dir + "/pod.yaml");
}

TEST(CorpusPath, DirectoryIsRecursiveSortedAndFiltered) {
  std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/b.yaml", "name: b\n");
  testing::WriteFile(dir + "/a/z.yml", "name: a/z\n");
  testing::WriteFile(dir + "/a/c.json", "{\"name\": \"a/c\"}");
  testing::WriteFile(dir + "/a/deeper/d.yaml", "name: a/deeper/d\n");
  testing::WriteFile(dir + "/README.md", "name: no\n");
  testing::WriteFile(dir + "/notes.txt", "name: no\n");
  testing::WriteFile(dir + "/broken.yaml", "a: [\n");
  core::DiagnosticSink sink;
  Corpus corpus;
  EXPECT_TRUE(corpus.AddPath(dir, sink));
  Strings names;
  for (const Document& d : corpus.documents())
    names.push_back(std::string(d.root->GetText("name")));
  EXPECT_EQ(names, (Strings{"a/c", "a/deeper/d", "a/z", "b"}));
  EXPECT_EQ(
      Format(sink),
      (Strings{
          dir +
          "/broken.yaml:1:5: error: YAML syntax error: flow sequence without a closing bracket"}));
  EXPECT_EQ(corpus.sources().size(), 5u);
}

TEST(CorpusPath, EmptyDirectoryWarns) {
  std::string dir = testing::TempDir();
  core::DiagnosticSink sink;
  Corpus corpus;
  EXPECT_FALSE(corpus.AddPath(dir, sink));
  EXPECT_EQ(Format(sink),
            (Strings{dir + ": warning: no .yaml, .yml or .json files in this directory"}));
}

TEST(CorpusLimits, HugeSparseFileIsRejectedWithoutReading) {
  std::string dir = testing::TempDir();
  std::string path = dir + "/huge.yaml";
  ASSERT_EQ(testing::RunCommand("truncate -s 1G '" + path + "'", nullptr), 0);
  core::DiagnosticSink sink;
  Corpus corpus;
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(corpus.AddPath(path, sink));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));  // generous: CI may be loaded
  EXPECT_EQ(
      Format(sink),
      (Strings{path + ": error: file too large: 1073741824 bytes (the limit is 536870912 bytes)"}));
  EXPECT_EQ(corpus.bytes_read(), 0u);
  std::filesystem::remove(path);
}

TEST(CorpusLimits, MaxFileBytesAppliesToTextAndFiles) {
  core::Limits limits;
  limits.max_file_bytes = 8;
  std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/small.yaml", "a: 1\n");
  testing::WriteFile(dir + "/big.yaml", "a: 123456789\n");
  core::DiagnosticSink sink;
  Corpus corpus(limits);
  corpus.AddText("text.yaml", "b: 123456789\n", sink);
  EXPECT_TRUE(corpus.AddPath(dir + "/small.yaml", sink));
  EXPECT_FALSE(corpus.AddPath(dir + "/big.yaml", sink));
  EXPECT_EQ(Format(sink),
            (Strings{dir + "/big.yaml: error: file too large: 13 bytes (the limit is 8 bytes)",
                     "text.yaml: error: input too large: 13 bytes (the limit is 8 bytes)"}));
  EXPECT_EQ(corpus.documents().size(), 1u);
}

TEST(CorpusLimits, DocumentsPerStream) {
  core::Limits limits;
  limits.max_documents_per_stream = 2;
  Loaded in("a: 1\n---\nb: [\n---\nc: 3\n---\nd: 4\n", "in.yaml", limits);
  EXPECT_EQ(
      in.diags,
      (Strings{"in.yaml:3:5: error: YAML syntax error: flow sequence without a closing bracket",
               "in.yaml:5: error: more than 2 documents in one stream; the rest is skipped"}));
  EXPECT_EQ(in.count(), 1u);
}

// Runs `body` with fd 0 reading `text`.
template <typename Body>
void WithStdin(const std::string& text, Body body) {
  std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/stdin", text);
  int saved = dup(STDIN_FILENO);
  int fd = open((dir + "/stdin").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  dup2(fd, STDIN_FILENO);
  close(fd);
  body();
  dup2(saved, STDIN_FILENO);
  close(saved);
}

TEST(CorpusPath, Stdin) {
  WithStdin("kind: A\n---\nkind: [\n", [] {
    core::DiagnosticSink sink;
    Corpus corpus;
    EXPECT_TRUE(corpus.AddPath("-", sink));
    ASSERT_EQ(corpus.documents().size(), 1u);
    EXPECT_EQ(corpus.documents()[0].source->path(), "<stdin>");
    EXPECT_EQ(
        Format(sink),
        (Strings{
            "<stdin>:3:8: error: YAML syntax error: flow sequence without a closing bracket"}));
  });
}

TEST(CorpusPath, StdinOverTheLimitStopsReading) {
  WithStdin(std::string(300000, '#'), [] {
    core::Limits limits;
    limits.max_file_bytes = 100000;
    core::DiagnosticSink sink;
    Corpus corpus(limits);
    EXPECT_FALSE(corpus.AddPath("-", sink));
    EXPECT_EQ(
        Format(sink),
        (Strings{"<stdin>: error: input too large: more than 100000 bytes (the limit); not read"}));
    EXPECT_TRUE(corpus.documents().empty());
  });
}

TEST(CorpusMove, DocumentsSurviveAMove) {
  core::DiagnosticSink sink;
  Corpus a;
  a.AddText("x.yaml", "k: v\n", sink);
  Corpus b = std::move(a);
  ASSERT_EQ(b.documents().size(), 1u);
  EXPECT_EQ(b.documents()[0].root->GetText("k"), "v");
}

const char kDeploymentYaml[] = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: pictures
  namespace: dev
  labels:
    app: pictures
  annotations:
    deployment.kubernetes.io/revision: "3"
spec:
  replicas: 2
  selector:
    matchLabels:
      app: pictures
  template:
    metadata:
      labels:
        app: pictures
    spec:
      serviceAccountName: pictures-sa
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: pictures
        image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/pictures:1.4.2"
        ports:
        - containerPort: 8080
          protocol: TCP
        env:
        - name: RATIO
          value: "0.75"
        - name: EMPTY
          value: ""
        resources:
          requests: {cpu: 250m, memory: 256Mi}
          limits: {cpu: "1", memory: 512Mi}
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities:
            drop: [ALL]
        livenessProbe:
          httpGet: {path: /healthz, port: 8080}
          initialDelaySeconds: 5
          failureThreshold: 3
          timeoutSeconds: 1.5
        args:
        - --verbose
        - |
          multi
          line
      volumes:
      - name: tmp
        emptyDir: {}
      tolerations: []
      nodeSelector: null
)";

const char kDeploymentJson[] = R"({
  "apiVersion": "apps/v1",
  "kind": "Deployment",
  "metadata": {
    "name": "pictures",
    "namespace": "dev",
    "labels": {"app": "pictures"},
    "annotations": {"deployment.kubernetes.io/revision": "3"}
  },
  "spec": {
    "replicas": 2,
    "selector": {"matchLabels": {"app": "pictures"}},
    "template": {
      "metadata": {"labels": {"app": "pictures"}},
      "spec": {
        "serviceAccountName": "pictures-sa",
        "automountServiceAccountToken": false,
        "securityContext": {"runAsNonRoot": true, "runAsUser": 1000, "seccompProfile": {"type": "RuntimeDefault"}},
        "containers": [
          {
            "name": "pictures",
            "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/pictures:1.4.2",
            "ports": [{"containerPort": 8080, "protocol": "TCP"}],
            "env": [{"name": "RATIO", "value": "0.75"}, {"name": "EMPTY", "value": ""}],
            "resources": {"requests": {"cpu": "250m", "memory": "256Mi"}, "limits": {"cpu": "1", "memory": "512Mi"}},
            "securityContext": {
              "allowPrivilegeEscalation": false,
              "readOnlyRootFilesystem": true,
              "capabilities": {"drop": ["ALL"]}
            },
            "livenessProbe": {
              "httpGet": {"path": "/healthz", "port": 8080},
              "initialDelaySeconds": 5,
              "failureThreshold": 3,
              "timeoutSeconds": 1.5
            },
            "args": ["--verbose", "multi\nline\n"]
          }
        ],
        "volumes": [{"name": "tmp", "emptyDir": {}}],
        "tolerations": [],
        "nodeSelector": null
      }
    }
  }
}
)";

TEST(YamlJsonEquality, SameManifestSameTree) {
  Loaded yaml(kDeploymentYaml, "d.yaml");
  Loaded json(kDeploymentJson, "d.json");
  ASSERT_TRUE(yaml.diags.empty()) << ::testing::PrintToString(yaml.diags);
  ASSERT_TRUE(json.diags.empty()) << ::testing::PrintToString(json.diags);
  ASSERT_EQ(yaml.count(), 1u);
  ASSERT_EQ(json.count(), 1u);
  EXPECT_TRUE(Equal(yaml.root(), json.root()));
  // And a difference is noticed: an unquoted 0.75 is a number, not the string "0.75".
  std::string changed = kDeploymentYaml;
  changed.replace(changed.find("\"0.75\""), 6, "0.75");
  Loaded other(changed, "d.yaml");
  ASSERT_EQ(other.count(), 1u);
  EXPECT_FALSE(Equal(other.root(), json.root()));
}

TEST(YamlJsonEquality, ListDumpAndAnchors) {
  Loaded yaml(
      "apiVersion: v1\nkind: List\nitems:\n- &svc\n  kind: Service\n  spec: {ports: [{port: 80}], "
      "type: NodePort}\n"
      "- <<: *svc\n  metadata: {name: copy}\n",
      "l.yaml");
  Loaded json(
      R"({"apiVersion":"v1","kind":"List","items":[{"kind":"Service","spec":{"ports":[{"port":80}],"type":"NodePort"}},)"
      R"({"kind":"Service","spec":{"ports":[{"port":80}],"type":"NodePort"},"metadata":{"name":"copy"}}]})",
      "l.json");
  ASSERT_EQ(yaml.count(), 1u) << ::testing::PrintToString(yaml.diags);
  ASSERT_EQ(json.count(), 1u) << ::testing::PrintToString(json.diags);
  EXPECT_TRUE(Equal(yaml.root(), json.root()));
}

}  // namespace
}  // namespace centinela::doc
