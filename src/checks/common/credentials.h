#pragma once

// Heuristics for credentials written into manifests, shared by the container family (env
// variables) and the data family (ConfigMap and Secret values: whole files, env files, connection
// strings). Results never carry the secret itself: redacted text is safe to print.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace centinela::checks {

// Names and values (environment variables, configuration keys).

/// True when an environment variable (or config key) name says it holds a secret: words such as
/// password, passwd, pwd, pass, passphrase, secret, token, credential(s), creds, apikey / api_key,
/// private_key, access_key, or a name ending in KEY (not PUBLIC_KEY, ROUTING_KEY, ...). Words are
/// split on `_`, `-`, `.` and camelCase. Names that point to a secret rather than hold it are not
/// sensitive: a last word such as FILE, PATH, URL, NAME, ID, TTL, LENGTH, ENABLED (`PASSWORD_FILE`,
/// `TOKEN_URL`, `SECRET_NAME`).
bool IsSensitiveName(std::string_view name);

/// True when a literal value is no real secret: empty, a reference (`$(VAR)`, `${VAR}`, `{{ .x }}`,
/// `<your-key>`), a mask (`****`, `xxxx`), a boolean word, or a well-known placeholder word
/// (changeme, placeholder, redacted, todo, none, null, ...).
bool IsPlaceholderValue(std::string_view value);

/// The first AWS access key id in `text`: `(AKIA|ASIA)[A-Z0-9]{16}` not adjacent to other letters
/// or digits. AKIA ids are long-term IAM user keys, ASIA ids temporary STS keys.
std::optional<std::string_view> FindAwsAccessKeyId(std::string_view text);

/// The environment variables the AWS SDKs read static credentials from (case-insensitive):
/// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, and the legacy AWS_ACCESS_KEY,
/// AWS_SECRET_KEY and AWS_SECURITY_TOKEN.
bool IsAwsCredentialName(std::string_view name);

/// True when `value` is a URL with a password in its user info, `scheme://user:password@host/...`
/// (only the first `://` is looked at), unless the password is a placeholder. FindUrlWithPassword
/// is the stricter search used for configuration data.
bool HasUrlCredentials(std::string_view value);

// Configuration data.

/// Splits a key into lower-case words at non-alphanumerics, camelCase humps and letter/digit
/// boundaries: "AWS_SECRET_ACCESS_KEY" -> {aws, secret, access, key}; "secretAccessKey" -> {secret,
/// access, key}.
std::vector<std::string> KeyWords(std::string_view key);

/// True for a key naming an AWS access key id (aws_access_key_id, accessKeyId, AWS_ACCESS_KEY).
bool IsAwsAccessKeyIdName(std::string_view key);
/// True for a key naming an AWS secret access key (aws_secret_access_key, secretAccessKey,
/// AWS_SECRET_KEY).
bool IsAwsSecretAccessKeyName(std::string_view key);

/// True when the value stands for a credential kept elsewhere: IsPlaceholderValue, or a file path
/// or a reference to a secret store (/run/secrets/x, ./x, file:, vault:, ref+, arn:...,
/// secretsmanager:, ssm:, projects/...).
bool IsReferenceValue(std::string_view value);

/// True when `key` names a credential (IsSensitiveName) and `value` is a literal one: not a
/// reference, and not a bare number unless the key names a password or PIN (numbers under
/// "token"-like keys are counts and limits in configuration: "MAX_TOKENS: 4096").
bool IsLiteralCredential(std::string_view key, std::string_view value);

/// True when `value` (trimmed, unquoted) is exactly an AWS access key id.
bool IsAwsAccessKeyId(std::string_view value);
/// "AKIA************MPLE": the prefix and the last four characters of a key id.
std::string RedactKeyId(std::string_view key_id);

/// The type of the first PEM private key block in `text` (e.g. "RSA PRIVATE KEY", "OPENSSH PRIVATE
/// KEY", "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK"), or nullopt. A block counts when its
/// header is followed by key material (at least 32 base64 characters).
std::optional<std::string> FindPemPrivateKey(std::string_view text);

/// The first URL anywhere in `text` with a password in its user information
/// (`scheme://user:password@host`), redacted to "scheme://user:****@host", or nullopt. Placeholder
/// and reference passwords do not count.
std::optional<std::string> FindUrlWithPassword(std::string_view text);

/// One `key = value` / `key: value` / `--key=value` / `-Dkey=value` / `Key=value;` assignment found
/// inside a value.
struct Assignment {
  std::string key;
  std::string value;
};
/// The assignments written in a value (properties, .env, INI, YAML or JSON fragments, command
/// lines, connection strings), in order. Comment lines (#, ;, //) are skipped; quotes around keys
/// and values and trailing commas and semicolons are removed.
std::vector<Assignment> FindAssignments(std::string_view text);

/// Decodes standard base64 with padding, ignoring '\r' and '\n' as Go's encoding/base64 (and so the
/// API server) does; nullopt when malformed.
std::optional<std::string> DecodeBase64(std::string_view text);

}  // namespace centinela::checks
