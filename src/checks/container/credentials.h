#pragma once

// Heuristics for credentials written into manifests. Shared by the env checks (and usable by the
// data family for ConfigMap and Secret contents).

#include <optional>
#include <string_view>

namespace centinela::checks {

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

/// True for a URL with a password in its user info, `scheme://user:password@host/...`, unless the
/// password is a placeholder.
bool HasUrlCredentials(std::string_view value);

}  // namespace centinela::checks
