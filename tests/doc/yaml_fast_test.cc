#include "doc/yaml_fast.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "doc/yaml_loader.h"
#include "test_util.h"
#include "tree_compare.h"

namespace centinela::doc {
namespace {

struct Both {
  LoadOutput fast;
  LoadOutput slow;
};

// Loads `text` with and without the fast path; returns a description of the first difference, or
// "".
std::string Compare(const std::string& text, core::Limits limits = {}) {
  core::SourceFile source("in.yaml", text);
  LoadOutput fast, slow;
  LoadYamlWith(source, limits, fast, true);
  LoadYamlWith(source, limits, slow, false);
  if (fast.docs.size() != slow.docs.size()) {
    return "documents: " + std::to_string(fast.docs.size()) + " vs " +
           std::to_string(slow.docs.size());
  }
  for (size_t i = 0; i < fast.docs.size(); ++i) {
    const LoadedDoc& f = fast.docs[i];
    const LoadedDoc& s = slow.docs[i];
    if (f.line != s.line) return "document " + std::to_string(i) + " line";
    if ((f.root == nullptr) != (s.root == nullptr))
      return "document " + std::to_string(i) + " failed in one only";
    if (f.root != nullptr) {
      std::string d = testing::TreeDiff(*f.root, *s.root);
      if (!d.empty()) return "document " + std::to_string(i) + ": " + d;
    }
  }
  if (fast.diagnostics.size() != slow.diagnostics.size()) return "diagnostic count";
  for (size_t i = 0; i < fast.diagnostics.size(); ++i) {
    if (core::FormatDiagnostic(fast.diagnostics[i], false) !=
        core::FormatDiagnostic(slow.diagnostics[i], false)) {
      return "diagnostic " + core::FormatDiagnostic(fast.diagnostics[i], false) + " vs " +
             core::FormatDiagnostic(slow.diagnostics[i], false);
    }
  }
  return "";
}

// True when the fast path takes the single document of `text` (so it is fast, not just correct).
bool Accepted(const std::string& text) {
  core::SourceFile source("in.yaml", text);
  Arena arena;
  NodeBuilder builder(arena);
  return ParseSimpleYaml(source, 0, text.size(), 1, core::Limits{}, builder) != nullptr;
}

const char kKubectlStyle[] = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    deployment.kubernetes.io/revision: "3"
    kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"apps/v1","kind":"Deployment"}'
  creationTimestamp: "2024-01-01T00:00:00Z"
  generation: 3
  labels:
    app: web
  name: web
  namespace: default
spec:
  progressDeadlineSeconds: 600
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
    type: RollingUpdate
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - args:
        - --port=8080
        - -v
        env:
        - name: A
          value: it's
        - name: B
          value: '0'
        image: nginx:1.25   # pinned
        imagePullPolicy: IfNotPresent
        name: web
        ports:
        - containerPort: 80
          protocol: TCP
        resources: {}
        securityContext:
          capabilities:
            add:
            - NET_ADMIN
      dnsPolicy: ClusterFirst
      tolerations: []
      volumes:
        - name: data
          emptyDir: {}
        - - nested
          - list
status: {}
)";

TEST(YamlFastPath, AcceptsWhatKubectlWrites) {
  EXPECT_TRUE(Accepted(kKubectlStyle));
  EXPECT_TRUE(Accepted("---\n# comment\nkind: Pod\n...\n"));
  EXPECT_TRUE(Accepted("- a\n- b: 1\n  c: 'x''y'\n"));
  // kubectl writes the last-applied-configuration annotation as a literal block scalar.
  EXPECT_TRUE(Accepted(
      "metadata:\n  annotations:\n    last-applied: |\n      {\"kind\":\"Pod\"}\n  name: x\n"));
  EXPECT_TRUE(Accepted("a: |-\n  x\n\n   y # not a comment\n  \n# comment\nb: 1\n"));
  EXPECT_EQ(Compare(kKubectlStyle), "");
}

TEST(YamlFastPath, GivesUpOnEverythingElse) {
  const char* others[] = {"a: |+\n  x\n",
                          "a: |2\n  x\n",
                          "a: |-2\n  x\n",
                          "a: |x\n  y\n",
                          "a: |#c\n  x\n",
                          "a: >\n  x\n",
                          "- |\n  x\n",
                          "a: |\nb: 1\n",
                          "a: |\n  x",
                          "a: |\n  x\n     \n  y\n",
                          "a: |\n     \n  x\n",
                          "a: &x 1\nb: *x\n",
                          "a: !!str 1\n",
                          "a: {b: 1}\n",
                          "a: [1]\n",
                          "a: \"x\\ny\"\n",
                          "a: b\n  c\n",
                          "a:\n  b\n  c\n",
                          "a:\nb: 1\n",
                          "- \n",
                          "%YAML 1.2\n---\na: 1\n",
                          "a:\tb\n",
                          "a: b\r\n",
                          "<<: {a: 1}\n",
                          "? a\n: b\n",
                          "a: b: c\n",
                          "\"a\\\"b\": 1\n",
                          "hello\n",
                          "--- a: 1\n",
                          "a: 1\nb: 2\n a: 3\n",
                          "a: 1\na: 2\n",
                          "a: 'x\n  y'\n",
                          "a: -\n",
                          "a: - b\n",
                          "- - \n",
                          "\xEF\xBB\xBF"
                          "a: 1\n",
                          "a: b\xC2\x85"
                          "c\n",
                          "a:\n    b: 1\n  c: 2\n",
                          "- a\n  b\n",
                          "a: #c\n",
                          "a: `x`\n",
                          "a: @x\n",
                          "'a''b': 1\n",
                          "-a: 1\n",
                          ": a\n",
                          "a : 1\n"};
  for (const char* text : others) {
    EXPECT_FALSE(Accepted(text)) << text;
    EXPECT_EQ(Compare(text), "") << text;
  }
}

TEST(YamlFastPath, SameTreesAsLibfyaml) {
  const char* cases[] = {
      "a: 1\n", "a: 'x'\nb: \"y\"\n", "a: x # comment\nb: 'y' # c\n", "a: x#y\n",
      "a: foo[1], {x}\n", "k: v\n# trailing\n", "  a: 1\n  b: 2\n", "a:\n  - 1\n  - 2\nb: 3\n",
      "a:\n- 1\n- 2\nb: 3\n", "- - 1\n  - 2\n- 3\n", "- a: 1\n  b:\n  - x\n  c: 2\n",
      "x: yes\ny: 0x1F\nz: ~\nw: 1.5\nv: .inf\n", "1: a\ntrue: b\nnull: c\n", "a: 'it''s'\n",
      "a: \"\"\nb: ''\n", "a: caf\xC3\xA9\n\"cl\xC3\xA9\": 1\n", "a: b\n\n\n# c\n\nc: d\n",
      "--- # c\na: 1\n", "---\na: 1\n...\n# after\n", "a: {}\nb: []\n- c\n", "a: 1\n- b\n",
      "a: x:y\n", "a: http://example.com/x?y=1#frag\n", "a:   spaced   \n", "key with spaces: v\n",
      "a: [] # c\n", "a: {} x\n", "a: 'x' y\n", "a:\n  # c\n  b: 1\n", "a:\n  b: 1\n  # c\n c: 2\n",
      "- 1\n -2\n", "a:\n  - b\n  -c\n", "a: 1\n---\nb: 2\n", "a: -1\nb: --x\nc: -.inf\n",
      "a: x\n  # indented comment\nb: y\n",
      // Literal block scalars.
      "a: |\n  x\n", "a: |-\n  x\n", "a: | # c\n  x\n  y\n", "a: |\n  x\n\n\n  y\n\n\nb: 1\n",
      "a: |\n\n  x\n", "a: |\n \n  x\n", "a: |\n  x\n  \n", "a: |-\n  x\n  \n \n",
      "a: |\n    x\n   y\n", "a: |\n   x\n  # c\n", "a: |\n  x\n# c\n  y\n",
      "a: |\n  # not a comment\n", "- b: |\n    x\n  c: 1\n", "- b: |\n   x\n  c: 1\n",
      "a:\n  b: |\n   x\n   y\n  c: |-\n    z\n", "a: |\n  x\n...\n", "a: |\n  x\n---\nb: |\n  y\n",
      "a: |\n  caf\xC3\xA9: 'x' #\n", "a: |\n  - x\n", "a: |\n  x\nb: |\n  y\n",
      "a: |\n  x\n b: 1\n", "a: |\n    x\n  b: 1\n", "a: |  \n  x\n", "a: |-  # c\n  x  \n"};
  for (const char* text : cases) EXPECT_EQ(Compare(text), "") << text;
}

TEST(YamlFastPath, LimitsStillApply) {
  core::Limits limits;
  limits.max_depth = 2;
  EXPECT_EQ(Compare("a:\n  b:\n    c: 1\n", limits), "");
  limits.max_scalar_bytes = 3;
  EXPECT_EQ(Compare("abcd: 1\n", limits), "");
  EXPECT_EQ(Compare("a: abcd\n", limits), "");
  EXPECT_EQ(Compare("a: 'abcd'\n", limits), "");
}

TEST(YamlFastPath, ConformanceCorpusMatchesLibfyaml) {
  std::filesystem::path root = testing::SourcePath("../shared/conformance");
  if (!std::filesystem::exists(root)) {
    if (const char* ci = std::getenv("CI"); ci != nullptr && std::string(ci) == "true") {
      FAIL() << "conformance data missing at " << root;
    }
    GTEST_SKIP() << "conformance data not found at " << root;
  }
  size_t files = 0, accepted = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
    std::string text = testing::ReadFile(entry.path().string());
    ++files;
    EXPECT_EQ(Compare(text), "") << entry.path();
    if (Accepted(text)) ++accepted;
  }
  EXPECT_GT(files, 1000u);
  // Most upstream fixtures are plain block YAML; the fast path must take them.
  EXPECT_GT(accepted * 10, files * 8) << accepted << " of " << files;
}

}  // namespace
}  // namespace centinela::doc
