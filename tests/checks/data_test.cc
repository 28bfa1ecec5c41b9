// Unit tests of the data family: the credential detectors and the exact findings of the data
// checks.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checks/common/credentials.h"
#include "checks_test_util.h"

namespace centinela::checks {
namespace {

TEST(Credentials, KeyWords) {
  EXPECT_EQ(KeyWords("AWS_SECRET_ACCESS_KEY"),
            (std::vector<std::string>{"aws", "secret", "access", "key"}));
  EXPECT_EQ(KeyWords("secretAccessKey"), (std::vector<std::string>{"secret", "access", "key"}));
  EXPECT_EQ(KeyWords("APIKey2"), (std::vector<std::string>{"api", "key", "2"}));
  EXPECT_EQ(KeyWords("spring.datasource.password"),
            (std::vector<std::string>{"spring", "datasource", "password"}));
  EXPECT_TRUE(KeyWords("--").empty());
}

TEST(Credentials, AwsKeyNames) {
  for (const char* name : {"aws_access_key_id", "AWS_ACCESS_KEY_ID", "accessKeyId",
                           "AWS_ACCESS_KEY", "access-key-id"}) {
    EXPECT_TRUE(IsAwsAccessKeyIdName(name)) << name;
  }
  for (const char* name : {"access_key", "client_id", "AWS_REGION", "secret_access_key"}) {
    EXPECT_FALSE(IsAwsAccessKeyIdName(name)) << name;
  }
  for (const char* name : {"aws_secret_access_key", "AWS_SECRET_ACCESS_KEY", "secretAccessKey",
                           "AWS_SECRET_KEY", "secret-access-key"}) {
    EXPECT_TRUE(IsAwsSecretAccessKeyName(name)) << name;
  }
  for (const char* name : {"secret_key", "AWS_SESSION_TOKEN", "access_key_id", "secret"}) {
    EXPECT_FALSE(IsAwsSecretAccessKeyName(name)) << name;
  }
}

TEST(Credentials, ReferencesAreNotCredentials) {
  for (const char* value :
       {"", "${DB_PASSWORD}", "$(DB_PASSWORD)", "{{ .Values.password }}", "<password>", "****",
        "$DB_PASSWORD", "/run/secrets/db", "./secret.txt", "file:///etc/pw", "vault:secret/db#pw",
        "arn:aws:secretsmanager:us-east-1:111122223333:secret:db", "ssm:/prod/db/password",
        "projects/p/secrets/db/versions/1", "ref+awsssm://db/password"}) {
    EXPECT_TRUE(IsReferenceValue(value)) << value;
  }
  for (const char* value :
       {"hunter22", "s3cr3t", "P@ssw0rd", "http://hooks.example.com/T000/B000/XXXX"}) {
    EXPECT_FALSE(IsReferenceValue(value)) << value;
  }
}

TEST(Credentials, LiteralCredentials) {
  EXPECT_TRUE(IsLiteralCredential("DB_PASSWORD", "hunter22"));
  EXPECT_TRUE(
      IsLiteralCredential("ADMIN_PWD", "123456"));  // a number under a password key is a password
  EXPECT_TRUE(IsLiteralCredential("github_token", "ghp_abc"));
  EXPECT_FALSE(IsLiteralCredential("MAX_TOKENS", "4096"));  // a number under a token key is a limit
  EXPECT_FALSE(IsLiteralCredential("DB_PASSWORD", "${DB_PASSWORD}"));
  EXPECT_FALSE(IsLiteralCredential("DB_PASSWORD_FILE", "db"));
  EXPECT_FALSE(IsLiteralCredential("DB_HOST", "db.example.com"));
}

TEST(Credentials, AccessKeyIdsAndRedaction) {
  EXPECT_TRUE(IsAwsAccessKeyId("AKIAIOSFODNN7EXAMPLE"));
  EXPECT_TRUE(IsAwsAccessKeyId(" \"ASIAY34FZKBOKMUTVV7A\" "));
  EXPECT_FALSE(IsAwsAccessKeyId("AKIAIOSFODNN7EXAMPL"));
  EXPECT_FALSE(IsAwsAccessKeyId("AKIAIOSFODNN7EXAMPLEX"));
  EXPECT_FALSE(IsAwsAccessKeyId("AIDAIOSFODNN7EXAMPLE"));  // a user id, not a key
  EXPECT_EQ(RedactKeyId("AKIAIOSFODNN7EXAMPLE"), "AKIA************MPLE");
  EXPECT_EQ(RedactKeyId("short"), "*****");
}

TEST(Credentials, PemPrivateKeys) {
  const std::string body = "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgwMbRvI0MBZhpF\n";
  EXPECT_EQ(FindPemPrivateKey("-----BEGIN RSA PRIVATE KEY-----\n" + body +
                              "-----END RSA PRIVATE KEY-----\n"),
            "RSA PRIVATE KEY");
  EXPECT_EQ(
      FindPemPrivateKey("cert\n-----BEGIN CERTIFICATE-----\n" + body +
                        "-----END CERTIFICATE-----\n-----BEGIN OPENSSH PRIVATE KEY-----\n" + body),
      "OPENSSH PRIVATE KEY");
  EXPECT_EQ(FindPemPrivateKey("-----BEGIN PUBLIC KEY-----\n" + body + "-----END PUBLIC KEY-----"),
            std::nullopt);
  // A header without key material (documentation, templates) is not a key.
  EXPECT_EQ(FindPemPrivateKey(
                "-----BEGIN PRIVATE KEY-----\n{{ .Values.key }}\n-----END PRIVATE KEY-----"),
            std::nullopt);
  EXPECT_EQ(FindPemPrivateKey("-----BEGIN PRIVATE KEY"), std::nullopt);
}

TEST(Credentials, UrlsWithPasswordsAreRedacted) {
  EXPECT_EQ(FindUrlWithPassword("postgres://app:s3cret@db:5432/app"),
            "postgres://app:****@db:5432");
  EXPECT_EQ(FindUrlWithPassword("url=http://example.com and amqp://guest:guest@rabbit/vhost"),
            "amqp://guest:****@rabbit");
  EXPECT_EQ(FindUrlWithPassword("mongodb+srv://u:p%40ss@cluster0.example.net/?retryWrites=true"),
            "mongodb+srv://u:****@cluster0.example.net");
  EXPECT_EQ(FindUrlWithPassword("postgres://app@db/app"), std::nullopt);
  EXPECT_EQ(FindUrlWithPassword("redis://:${REDIS_PASSWORD}@redis:6379"), std::nullopt);
  EXPECT_EQ(FindUrlWithPassword("postgres://app:@db/app"), std::nullopt);
  EXPECT_EQ(FindUrlWithPassword("://a:b@c"), std::nullopt);
}

TEST(Credentials, Assignments) {
  auto a = FindAssignments(
      "# comment: password=x\n"
      "server.port=8080\n"
      "export DB_PASSWORD='s3cret'\n"
      "  \"client_secret\": \"abc\",\n"
      "JAVA_OPTS=-Xmx1g -Dkeystore.password=changeit --api-key=k1\r\n"
      "Server=db;Password=P@ss;\n");
  std::vector<std::pair<std::string, std::string>> got;
  got.reserve(a.size());
  for (const Assignment& x : a) got.emplace_back(x.key, x.value);
  std::vector<std::pair<std::string, std::string>> want = {
      {"server.port", "8080"},   {"server.port", "8080"},
      {"DB_PASSWORD", "s3cret"}, {"DB_PASSWORD", "s3cret"},
      {"client_secret", "abc"},  {"JAVA_OPTS", "-Xmx1g -Dkeystore.password=changeit --api-key=k1"},
      {"JAVA_OPTS", "-Xmx1g"},   {"keystore.password", "changeit"},
      {"api-key", "k1"},         {"Server", "db;Password=P@ss"},
      {"Server", "db"},          {"Password", "P@ss"}};
  EXPECT_EQ(got, want);
}

TEST(Credentials, Base64) {
  EXPECT_EQ(DecodeBase64("aGVsbG8="), "hello");
  EXPECT_EQ(DecodeBase64("aGVs\nbG8h\r\n"), "hello!");
  EXPECT_EQ(DecodeBase64("aGk="), "hi");
  EXPECT_EQ(DecodeBase64("aA=="), "h");
  EXPECT_EQ(DecodeBase64(""), "");
  EXPECT_EQ(DecodeBase64("aGVsbG8"), std::nullopt);    // missing padding
  EXPECT_EQ(DecodeBase64("aGV sbG8="), std::nullopt);  // blank inside
  EXPECT_EQ(DecodeBase64("a==="), std::nullopt);
  EXPECT_EQ(DecodeBase64("aA==aGk="), std::nullopt);  // padding in the middle
  EXPECT_EQ(DecodeBase64("aA=h"), std::nullopt);
  EXPECT_EQ(DecodeBase64("not base64!"), std::nullopt);
}

TEST(ConfigmapSensitiveData, MessagesNeverContainTheSecret) {
  auto f = RunCheck("configmap-sensitive-data", R"(apiVersion: v1
kind: ConfigMap
metadata: {name: app, namespace: dev}
data:
  DB_PASSWORD: hunter22-secret
  DATABASE_URL: postgres://app:hunter22-secret@db/app
  app.env: |
    AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
  app.properties: |
    db.password=hunter22-secret
)");
  ASSERT_EQ(f.size(), 4U);
  EXPECT_EQ(f[0].path, "data.DB_PASSWORD");
  EXPECT_EQ(f[0].line, 5U);
  EXPECT_EQ(f[0].message,
            "data.DB_PASSWORD holds a literal credential: the key names a password, token, secret "
            "or key");
  EXPECT_EQ(f[1].message,
            "data.DATABASE_URL contains a connection string with an embedded password "
            "(postgres://app:****@db)");
  EXPECT_EQ(f[2].path, "data[\"app.env\"]");
  EXPECT_EQ(f[2].message, "data[\"app.env\"] contains an AWS access key id (AKIA************MPLE)");
  EXPECT_EQ(f[3].message, "data[\"app.properties\"] sets \"db.password\" to a literal credential");
  for (const core::Finding& x : f) {
    EXPECT_EQ(x.message.find("hunter22"), std::string::npos) << x.message;
    EXPECT_EQ(x.message.find("AKIAIOSFODNN7EXAMPLE"), std::string::npos) << x.message;
    EXPECT_EQ(x.severity, core::Severity::kHigh);
    EXPECT_EQ(x.control, core::Control::kData);
  }
}

TEST(SecretAwsStaticCredentials, DecodesDataAndNamesTheKey) {
  // data: AWS_SECRET_ACCESS_KEY = base64("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
  auto f = RunCheck("secret-aws-static-credentials", R"(apiVersion: v1
kind: Secret
metadata: {name: keys}
data:
  AWS_SECRET_ACCESS_KEY: d0phbHJYVXRuRkVNSS9LN01ERU5HL2JQeFJmaUNZRVhBTVBMRUtFWQ==
  broken: "%%%"
stringData:
  AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE
)");
  ASSERT_EQ(f.size(), 2U);
  EXPECT_EQ(f[0].path, "data.AWS_SECRET_ACCESS_KEY");
  EXPECT_EQ(f[0].message,
            "data.AWS_SECRET_ACCESS_KEY holds an AWS secret access key: static keys bypass IRSA "
            "and EKS Pod Identity");
  EXPECT_EQ(f[1].path, "stringData.AWS_ACCESS_KEY_ID");
  EXPECT_EQ(f[1].message,
            "stringData.AWS_ACCESS_KEY_ID contains an AWS access key id (AKIA************MPLE): "
            "static keys bypass "
            "IRSA and EKS Pod Identity");
  EXPECT_EQ(f[0].control, core::Control::kPermissions);
  EXPECT_EQ(f[0].layer, core::Layer::kCloud);
}

}  // namespace
}  // namespace centinela::checks
