// Helpers of the container family, and the severities and messages of its checks (the fixtures test
// lines).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "checks/common/credentials.h"
#include "checks/container/image_ref.h"
#include "checks_test_util.h"

namespace centinela::checks {
namespace {

constexpr std::string_view kDigest =
    "sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31";

TEST(ImageRefTest, SplitsRepositoryTagAndDigest) {
  ImageRef bare = ParseImageRef("nginx");
  EXPECT_EQ(bare.repository, "nginx");
  EXPECT_EQ(bare.tag, "");
  EXPECT_FALSE(bare.has_digest);

  ImageRef port = ParseImageRef("registry:5000/app");
  EXPECT_EQ(port.repository, "registry:5000/app");
  EXPECT_EQ(port.tag, "");

  ImageRef tagged = ParseImageRef("registry:5000/team/app:1.2");
  EXPECT_EQ(tagged.repository, "registry:5000/team/app");
  EXPECT_EQ(tagged.tag, "1.2");

  std::string pinned_text = "nginx:latest@" + std::string(kDigest);
  ImageRef pinned = ParseImageRef(pinned_text);
  EXPECT_EQ(pinned.repository, "nginx");
  EXPECT_EQ(pinned.tag, "latest");
  EXPECT_EQ(pinned.digest, kDigest);
  EXPECT_TRUE(pinned.has_digest);
  EXPECT_TRUE(pinned.digest_valid);

  std::string port_digest_text = "registry:5000/app@" + std::string(kDigest);
  ImageRef port_digest = ParseImageRef(port_digest_text);
  EXPECT_EQ(port_digest.repository, "registry:5000/app");
  EXPECT_EQ(port_digest.tag, "");
  EXPECT_TRUE(port_digest.digest_valid);

  ImageRef empty_tag = ParseImageRef("nginx:");
  EXPECT_EQ(empty_tag.tag, "");
}

TEST(ImageRefTest, ValidatesDigests) {
  EXPECT_TRUE(IsValidDigest(kDigest));
  EXPECT_FALSE(IsValidDigest("sha256:abc"));
  EXPECT_FALSE(
      IsValidDigest("sha256:0D17B565C37BCBD895E9D92315A05C1C3C9A29F762B011A10C54A66CD53C9B31"));
  EXPECT_FALSE(IsValidDigest("0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"));
  EXPECT_FALSE(IsValidDigest(":0d17b565c37bcbd895e9d92315a05c1c"));
  EXPECT_TRUE(IsValidDigest("sha512:" + std::string(128, 'a')));
  EXPECT_FALSE(IsValidDigest("sha512:" + std::string(64, 'a')));
  EXPECT_TRUE(IsValidDigest("multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8"));
  EXPECT_FALSE(IsValidDigest("md5:short"));
  EXPECT_FALSE(IsValidDigest("bad..alg:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8"));
}

TEST(CredentialsTest, SensitiveNames) {
  for (std::string_view name :
       {"PASSWORD",      "DB_PASSWORD",   "db-password",    "dbPassword",
        "PGPASSWORD",    "REDIS_PASS",    "DB_PWD",         "MYSQL_ROOT_PASSWORD",
        "GITHUB_TOKEN",  "refreshToken",  "API_KEY",        "apiKey",
        "APIKey",        "STRIPE_KEY",    "PRIVATE_KEY",    "SECRET_KEY_BASE",
        "CLIENT_SECRET", "client.secret", "CREDENTIALS",    "AUTH_CREDS",
        "KEY",           "SSH_KEYS",      "ENCRYPTION_KEY", "PASSPHRASE"}) {
    EXPECT_TRUE(IsSensitiveName(name)) << name;
  }
  for (std::string_view name :
       {"DB_HOST", "PWD", "PASSWORD_FILE", "TOKEN_URL", "SECRET_NAME", "OAUTH_CLIENT_ID",
        "PUBLIC_KEY", "ROUTING_KEY", "CACHE_KEY", "TOKEN_TTL_SECONDS", "PASSWORD_MIN_LENGTH",
        "SECRETARY_EMAIL", "KEYCLOAK_URL", "TOKENIZER_MODEL", "BYPASS_CACHE",
        "SECRETS_MANAGER_REGION", "", "__"}) {
    EXPECT_FALSE(IsSensitiveName(name)) << name;
  }
}

TEST(CredentialsTest, Placeholders) {
  for (std::string_view value :
       {"", "  ", "$(DB_PASSWORD)", "${TOKEN}", "{{ .Values.secret }}", "<your-key>", "********",
        "xxxxxx", "XXXX", "changeme", "CHANGE_ME", "placeholder", "REDACTED", "null", "None",
        "true", "False", "your-api-key-here"}) {
    EXPECT_TRUE(IsPlaceholderValue(value)) << value;
  }
  for (std::string_view value :
       {"hunter2", "S3cr3t!", "123456", "aaaaaa", "changeit", "password123"}) {
    EXPECT_FALSE(IsPlaceholderValue(value)) << value;
  }
}

TEST(CredentialsTest, AwsAccessKeyIds) {
  EXPECT_EQ(FindAwsAccessKeyId("AKIAIOSFODNN7EXAMPLE"), "AKIAIOSFODNN7EXAMPLE");
  EXPECT_EQ(FindAwsAccessKeyId("id=ASIAY34FZKBOKMUTVV7A;x"), "ASIAY34FZKBOKMUTVV7A");
  EXPECT_EQ(FindAwsAccessKeyId("key_AKIAIOSFODNN7EXAMPLE"), "AKIAIOSFODNN7EXAMPLE");
  EXPECT_FALSE(FindAwsAccessKeyId("XAKIAIOSFODNN7EXAMPLE").has_value());
  EXPECT_FALSE(FindAwsAccessKeyId("AKIAIOSFODNN7EXAMPLEX").has_value());
  EXPECT_FALSE(FindAwsAccessKeyId("AKIAIOSFODNN7EXAMPL").has_value());
  EXPECT_FALSE(FindAwsAccessKeyId("AKIAiosfodnn7example").has_value());
  EXPECT_FALSE(FindAwsAccessKeyId("ABIAIOSFODNN7EXAMPLE").has_value());
  EXPECT_FALSE(FindAwsAccessKeyId("").has_value());
}

TEST(CredentialsTest, AwsNamesAndUrls) {
  EXPECT_TRUE(IsAwsCredentialName("AWS_ACCESS_KEY_ID"));
  EXPECT_TRUE(IsAwsCredentialName("aws_secret_access_key"));
  EXPECT_TRUE(IsAwsCredentialName("AWS_SESSION_TOKEN"));
  EXPECT_TRUE(IsAwsCredentialName("AWS_SECRET_KEY"));
  EXPECT_FALSE(IsAwsCredentialName("AWS_REGION"));
  EXPECT_FALSE(IsAwsCredentialName("AWS_ROLE_ARN"));
  EXPECT_TRUE(HasUrlCredentials("postgres://app:pa55@db:5432/app"));
  EXPECT_TRUE(HasUrlCredentials("https://user:p%40ss@host/path?q=1"));
  EXPECT_FALSE(HasUrlCredentials("postgres://app@db:5432/app"));
  EXPECT_FALSE(HasUrlCredentials("postgres://app:$(DB_PASSWORD)@db/app"));
  EXPECT_FALSE(HasUrlCredentials("https://example.com/a:b@c"));
  EXPECT_FALSE(HasUrlCredentials("user:pass@host"));
}

std::string Pod(const std::string& containers) {
  return "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: dev}\nspec:\n  containers:\n" +
         containers;
}

TEST(ContainerChecksTest, PrivilegedMessage) {
  auto f = RunCheck("container-privileged",
                    Pod("    - name: app\n      securityContext: {privileged: true}\n"));
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].message, "container \"app\" sets securityContext.privileged=true");
  EXPECT_EQ(f[0].path, "spec.containers[0].securityContext.privileged");
  EXPECT_EQ(f[0].severity, core::Severity::kCritical);
  EXPECT_EQ(f[0].line, 7U);
}

TEST(ContainerChecksTest, DangerousCapabilitySeverities) {
  auto f = RunCheck("container-dangerous-capabilities",
                    Pod("    - name: app\n"
                        "      securityContext:\n"
                        "        capabilities:\n"
                        "          add: [CAP_SYS_ADMIN, NET_RAW, SYS_MODULE, CHOWN]\n"));
  ASSERT_EQ(f.size(), 3U);
  EXPECT_EQ(f[0].severity, core::Severity::kCritical);
  EXPECT_EQ(f[0].message,
            "container \"app\" adds capability \"CAP_SYS_ADMIN\" (SYS_ADMIN) in "
            "securityContext.capabilities.add: mounts, namespaces and most other root powers");
  EXPECT_EQ(f[1].severity, core::Severity::kHigh);
  EXPECT_EQ(f[1].path, "spec.containers[0].securityContext.capabilities.add[1]");
  EXPECT_EQ(f[2].severity, core::Severity::kCritical);
}

TEST(ContainerChecksTest, SeccompSeverities) {
  auto f = RunCheck("container-seccomp-unconfined",
                    Pod("    - name: unset\n"
                        "    - name: unconfined\n"
                        "      securityContext: {seccompProfile: {type: Unconfined}}\n"));
  ASSERT_EQ(f.size(), 2U);
  EXPECT_EQ(f[0].severity, core::Severity::kMedium);
  EXPECT_EQ(f[1].severity, core::Severity::kHigh);
  EXPECT_EQ(f[1].message,
            "container \"unconfined\" sets securityContext.seccompProfile.type=Unconfined, which "
            "disables "
            "seccomp");
}

TEST(ContainerChecksTest, RunAsRootInheritedIsReportedOnce) {
  auto f = RunCheck("container-run-as-root",
                    "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: dev}\nspec:\n"
                    "  securityContext: {runAsUser: 0}\n"
                    "  containers: [{name: a}, {name: b}]\n"
                    "  initContainers: [{name: c}]\n");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].message,
            "pod securityContext.runAsUser=0 makes containers \"a\", \"b\", \"c\" run as root");
  EXPECT_EQ(f[0].path, "spec.securityContext.runAsUser");
  EXPECT_EQ(f[0].severity, core::Severity::kHigh);
}

TEST(ContainerChecksTest, RunAsRootInUserNamespaceIsMedium) {
  auto f = RunCheck("container-run-as-root",
                    "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: dev}\nspec:\n"
                    "  hostUsers: false\n  containers: [{name: a}]\n");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].severity, core::Severity::kMedium);
}

TEST(ContainerChecksTest, AwsCredentialSeverities) {
  auto f = RunCheck("container-aws-static-credentials",
                    Pod("    - name: app\n"
                        "      env:\n"
                        "        - {name: AWS_ACCESS_KEY_ID, value: AKIAIOSFODNN7EXAMPLE}\n"
                        "        - name: AWS_SECRET_ACCESS_KEY\n"
                        "          valueFrom: {secretKeyRef: {name: aws, key: secret}}\n"));
  ASSERT_EQ(f.size(), 2U);
  EXPECT_EQ(f[0].severity, core::Severity::kCritical);
  EXPECT_EQ(f[0].message,
            "container \"app\" sets env AWS_ACCESS_KEY_ID to a literal value: static AWS keys "
            "override IRSA "
            "and EKS Pod Identity");
  EXPECT_EQ(f[1].severity, core::Severity::kHigh);
  EXPECT_EQ(f[1].path, "spec.containers[0].env[1].valueFrom.secretKeyRef");
}

TEST(ContainerChecksTest, SecretMessagesNeverRepeatTheValue) {
  auto f = RunCheck("container-secret-in-env",
                    Pod("    - name: app\n"
                        "      env:\n"
                        "        - {name: DB_PASSWORD, value: hunter2}\n"
                        "        - {name: DSN, value: \"mysql://u:hunter3@db/x\"}\n"));
  ASSERT_EQ(f.size(), 2U);
  for (const core::Finding& finding : f) {
    EXPECT_EQ(finding.message.find("hunter"), std::string::npos) << finding.message;
  }
  EXPECT_EQ(f[0].message, "container \"app\" sets env DB_PASSWORD to a literal value");
}

TEST(ContainerChecksTest, MissingLimitsMessage) {
  auto f = RunCheck("container-missing-resource-limits",
                    Pod("    - name: app\n      resources:\n        limits: {cpu: 1}\n"));
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].message, "container \"app\" has no resources.limits.memory");
  EXPECT_EQ(f[0].path, "spec.containers[0].resources.limits.memory");
  EXPECT_EQ(f[0].line, 8U);  // the `limits:` key
}

}  // namespace
}  // namespace centinela::checks
