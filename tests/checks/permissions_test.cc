// Unit tests of the permissions family: role ARN validation, severity overrides, messages, and the
// upstream bootstrap RBAC policy (../shared/conformance/rbac-bootstrap-policy), which must produce
// no finding.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "checks/permissions/role_arn.h"
#include "checks/registry.h"
#include "checks/runner.h"
#include "checks_test_util.h"
#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"
#include "test_util.h"

namespace centinela::checks {
namespace {

// A role name of the maximum length, 64 characters.
constexpr const char* kLongestName =
    "arn:aws:iam::111122223333:role/"
    "1234567890123456789012345678901234567890123456789012345678901234";

TEST(RoleArn, ValidRoleArns) {
  for (const char* arn :
       {"arn:aws:iam::111122223333:role/pictures", "arn:aws-cn:iam::111122223333:role/a",
        "arn:aws-us-gov:iam::111122223333:role/path/to/name",
        "arn:aws-iso-b:iam::000000000000:role/x", "arn:aws:iam::111122223333:role/a+b=c,d.e@f_g-h",
        kLongestName}) {
    EXPECT_EQ(RoleArnProblem(arn), std::nullopt) << arn;
  }
}

TEST(RoleArn, ProblemsAreExplained) {
  struct Case {
    const char* arn;
    const char* problem;
  };
  const Case cases[] = {
      {"", "it is empty"},
      {" arn:aws:iam::111122223333:role/a", "it has blanks around it"},
      {"pictures-role",
       "it is not an ARN (expected arn:aws:iam::<12-digit account id>:role/<name>)"},
      {"arn:aws:iam::111122223333",
       "it is not an ARN (expected arn:aws:iam::<12-digit account id>:role/<name>)"},
      {"arn:azure:iam::111122223333:role/a", "the partition \"azure\" is not an AWS partition"},
      {"arn:aws:s3:::bucket/role/a", R"(the service is "s3", not "iam")"},
      {"arn:aws:sts::111122223333:assumed-role/a/s",
       "the service is \"sts\", not \"iam\" (an assumed-role session ARN cannot be assumed; use "
       "the role's ARN)"},
      {"arn:aws:iam:eu-west-1:111122223333:role/a",
       "IAM ARNs have no region, but it names \"eu-west-1\""},
      {"arn:aws:iam::11112223333:role/a", "the account id \"11112223333\" is not 12 digits"},
      {"arn:aws:iam::1111222233334:role/a", "the account id \"1111222233334\" is not 12 digits"},
      {"arn:aws:iam::11112222333a:role/a", "the account id \"11112222333a\" is not 12 digits"},
      {"arn:aws:iam::111122223333:user/a",
       "the resource \"user/a\" is not a role (expected role/<name>)"},
      {"arn:aws:iam::111122223333:role/", "the role name is empty"},
      {"arn:aws:iam::111122223333:role/path/", "the role name is empty"},
      {"arn:aws:iam::111122223333:role/${ROLE}",
       "the role name \"${ROLE}\" has a character outside [A-Za-z0-9+=,.@_-]: '$'"},
      {"arn:aws:iam::111122223333:role/"
       "12345678901234567890123456789012345678901234567890123456789012345",
       "the role name \"12345678901234567890123456789012345678901234567890123456789012345\" is "
       "longer than 64 "
       "characters"},
  };
  for (const Case& c : cases) EXPECT_EQ(RoleArnProblem(c.arn), std::string(c.problem)) << c.arn;
}

TEST(RbacClusterAdminBinding, ClusterWideIsCriticalNamespacedIsHigh) {
  auto f = RunCheck("rbac-cluster-admin-binding", R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: a}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
- {kind: ServiceAccount, name: ci, namespace: tools}
- {kind: Group, name: system:masters}
- {kind: User, name: bob}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: b, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
- {kind: ServiceAccount, name: app}
)");
  ASSERT_EQ(f.size(), 2U);
  EXPECT_EQ(f[0].severity, core::Severity::kCritical);
  EXPECT_EQ(f[0].path, "roleRef.name");
  EXPECT_EQ(f[0].message,
            "ClusterRoleBinding binds roleRef ClusterRole \"cluster-admin\" cluster-wide to "
            "ServiceAccount "
            "\"tools/ci\", User \"bob\"");
  EXPECT_EQ(f[1].severity, core::Severity::kHigh);
  EXPECT_EQ(f[1].message,
            "RoleBinding binds roleRef ClusterRole \"cluster-admin\" in namespace \"dev\" to "
            "ServiceAccount "
            "\"dev/app\"");
}

TEST(RbacWildcard, FullWildcardIsCriticalAtTheFirstWildcardWritten) {
  auto f = RunCheck("rbac-wildcard", R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: a}
rules:
- verbs: ["*"]
  apiGroups: [""]
  resources: ["*"]
- verbs: [get]
  apiGroups: ["*"]
  resources: [pods]
)");
  ASSERT_EQ(f.size(), 2U);
  EXPECT_EQ(f[0].severity, core::Severity::kCritical);
  EXPECT_EQ(f[0].path, "rules[0].verbs[0]");
  EXPECT_EQ(f[0].message,
            "ClusterRole rules[0] uses verbs \"*\" and resources \"*\": it grants every verb on "
            "every resource of its "
            "API groups, like cluster-admin");
  EXPECT_EQ(f[1].severity, core::Severity::kHigh);
  EXPECT_EQ(f[1].path, "rules[1].apiGroups[0]");
  EXPECT_EQ(f[1].message, "ClusterRole rules[1] uses apiGroups \"*\"");
}

TEST(RbacSecretsRead, ResourceNamesLowerTheSeverity) {
  auto f = RunCheck("rbac-secrets-read", R"(apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: a, namespace: dev}
rules:
- {apiGroups: [""], resources: [secrets], verbs: [get, list, create]}
- {apiGroups: [""], resources: [secrets], verbs: [get], resourceNames: [db, api]}
)");
  ASSERT_EQ(f.size(), 2U);
  EXPECT_EQ(f[0].severity, core::Severity::kHigh);
  EXPECT_EQ(f[0].message, "Role rules[0] grants get, list on secrets");
  EXPECT_EQ(f[1].severity, core::Severity::kMedium);
  EXPECT_EQ(f[1].message,
            "Role rules[1] grants get on secrets, limited to resourceNames [db, api]");
}

TEST(SaSharedByWorkloads, ListsApplicationsAndWorkloads) {
  auto f = RunCheck("sa-shared-by-workloads", R"(apiVersion: v1
kind: ServiceAccount
metadata: {name: shared, namespace: dev}
---
apiVersion: v1
kind: Pod
metadata: {name: a, namespace: dev, labels: {app: api}}
spec: {serviceAccountName: shared, containers: [{name: a, image: a}]}
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: dev, labels: {app: api}}
spec: {serviceAccountName: shared, containers: [{name: b, image: b}]}
---
apiVersion: v1
kind: Pod
metadata: {name: c, namespace: dev}
spec: {serviceAccountName: shared, containers: [{name: c, image: c}]}
)");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].object.kind, "ServiceAccount");
  EXPECT_EQ(f[0].line, 3U);
  EXPECT_EQ(f[0].message,
            "ServiceAccount \"shared\" in namespace \"dev\" is used by 2 applications: app \"api\" "
            "(Pod/a, Pod/b), "
            "Pod/c");
}

bool ConformanceRequired() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

// Runs the RBAC checks over one upstream bootstrap policy file.
std::vector<core::Finding> ScanBootstrap(const std::string& file) {
  doc::Corpus corpus;
  core::DiagnosticSink sink;
  EXPECT_TRUE(corpus.AddPath(file, sink));
  k8s::Snapshot snapshot = k8s::Snapshot::Build(corpus.documents(), sink);
  EXPECT_EQ(sink.error_count(), 0U);
  EXPECT_GT(snapshot.objects().size(), 5U);
  ScanOptions options;
  options.only = {"rbac-anonymous-binding", "rbac-cluster-admin-binding",
                  "rbac-default-service-account-bound", "rbac-secrets-read", "rbac-wildcard"};
  return RunChecks(snapshot, BuiltinRegistry(), options);
}

TEST(BootstrapPolicy, UpstreamDefaultsAreNotReported) {
  const std::string dir = testing::SourcePath("../shared/conformance/rbac-bootstrap-policy");
  if (!std::filesystem::is_directory(dir)) {
    if (ConformanceRequired()) FAIL() << "missing conformance data: " << dir;
    GTEST_SKIP() << "conformance data not found at " << dir;
  }
  for (const char* name :
       {"cluster-roles.yaml", "cluster-role-bindings.yaml", "controller-roles.yaml",
        "namespace-roles.yaml", "namespace-role-bindings.yaml", "cluster-roles-featuregates.yaml",
        "controller-roles-featuregates.yaml"}) {
    SCOPED_TRACE(name);
    for (const core::Finding& f : ScanBootstrap(dir + "/" + name)) {
      ADD_FAILURE() << f.check << " " << f.object.kind << "/" << f.object.name << ": " << f.message;
    }
  }
  // OpenShift adds a binding of its own role to anonymous and authenticated users: centinela does
  // not know that role, so both subjects are reported.
  auto f = ScanBootstrap(dir + "/variants/openshift-kubernetes_cluster-role-bindings.yaml");
  ASSERT_EQ(f.size(), 2U);
  for (const core::Finding& x : f) {
    EXPECT_EQ(x.check, "rbac-anonymous-binding");
    EXPECT_EQ(x.object.name, "system:openshift:public-info-viewer");
  }
  EXPECT_EQ(f[0].severity, core::Severity::kHigh);      // system:authenticated
  EXPECT_EQ(f[1].severity, core::Severity::kCritical);  // system:unauthenticated
}

}  // namespace
}  // namespace centinela::checks
