#include "checks/container/credentials.h"

#include <array>
#include <string>
#include <vector>

#include "core/strings.h"

namespace centinela::checks {

namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsUpper(c) || IsLower(c) || IsDigit(c); }
char ToLowerChar(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Lower-case words of a name: split on non-alphanumerics and camelCase ("dbPassword", "APIKey").
std::vector<std::string> Words(std::string_view name) {
  std::vector<std::string> words;
  std::string current;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (!IsAlnum(c)) {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (IsUpper(c) && !current.empty() && i > 0) {
      char prev = name[i - 1];
      bool next_lower = i + 1 < name.size() && IsLower(name[i + 1]);
      if (IsLower(prev) || IsDigit(prev) || (IsUpper(prev) && next_lower)) {
        words.push_back(std::move(current));
        current.clear();
      }
    }
    current += ToLowerChar(c);
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

template <size_t N>
bool In(std::string_view word, const std::array<std::string_view, N>& set) {
  for (std::string_view s : set) {
    if (s == word) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 20> kSecretWords = {
    "password", "passwd", "pwd",        "pass",      "passphrase", "passcode",    "secret",
    "secrets",  "token",  "tokens",     "apikey",    "apikeys",    "credential",  "credentials",
    "creds",    "cred",   "privatekey", "secretkey", "accesskey",  "clientsecret"};

// Substrings that mark a secret even inside a glued word ("PGPASSWORD", "DBSECRET").
constexpr std::array<std::string_view, 8> kSecretFragments = {
    "password", "passwd",     "passphrase", "credential",
    "apikey",   "privatekey", "secretkey",  "accesskey"};

// Second word of two-word secrets: "api key", "private key", ...
constexpr std::array<std::string_view, 7> kKeyQualifiers = {
    "api", "private", "access", "signing", "encryption", "master", "secret"};

// A last word that makes the name point to a secret instead of holding it.
constexpr std::array<std::string_view, 74> kReferenceWords = {
    "file",     "files",      "path",      "dir",       "directory",  "url",      "uri",
    "urls",     "endpoint",   "host",      "hostname",  "port",       "name",     "names",
    "id",       "ids",        "ttl",       "expiry",    "expiration", "expires",  "lifetime",
    "length",   "len",        "min",       "max",       "minimum",    "maximum",  "enabled",
    "enable",   "disabled",   "disable",   "required",  "require",    "policy",   "header",
    "type",     "mode",       "format",    "algorithm", "alg",        "timeout",  "interval",
    "period",   "duration",   "seconds",   "secs",      "ms",         "size",     "count",
    "location", "ref",        "mount",     "prefix",    "suffix",     "rotation", "version",
    "field",    "arn",        "region",    "provider",  "store",      "backend",  "source",
    "kind",     "audience",   "issuer",    "scope",     "scopes",     "rounds",   "retries",
    "attempts", "iterations", "namespace", "regex"};

// Words before a trailing KEY that make it a non-secret key.
constexpr std::array<std::string_view, 17> kNonSecretKeyQualifiers = {
    "public",  "routing", "partition", "sort",  "cache", "primary",
    "foreign", "object",  "lookup",    "group", "shard", "idempotency",
    "dedup",   "message", "queue",     "topic", "index"};

constexpr std::array<std::string_view, 27> kPlaceholderWords = {
    "changeme", "change-me", "change_me", "replaceme", "replace-me", "replace_me", "placeholder",
    "redacted", "todo",      "tbd",       "none",      "null",       "nil",        "undefined",
    "n/a",      "na",        "dummy",     "example",   "sample",     "true",       "false",
    "yes",      "no",        "on",        "off",       "enabled",    "disabled"};

bool Enclosed(std::string_view v, std::string_view open, std::string_view close) {
  return v.size() >= open.size() + close.size() && v.starts_with(open) && v.ends_with(close);
}

}  // namespace

bool IsSensitiveName(std::string_view name) {
  std::vector<std::string> words = Words(name);
  if (words.empty()) return false;
  const std::string& last = words.back();
  if (In(last, kReferenceWords)) return false;
  for (size_t i = 0; i < words.size(); ++i) {
    // PWD alone is the shell's working directory.
    if (In(words[i], kSecretWords) && !(words[i] == "pwd" && words.size() == 1)) return true;
    if (words[i] == "key" && i > 0 && In(words[i - 1], kKeyQualifiers)) return true;
    for (std::string_view fragment : kSecretFragments) {
      if (words[i].find(fragment) != std::string::npos) return true;
    }
    if (words[i].find("secret") != std::string::npos &&
        words[i].find("secretar") == std::string::npos) {
      return true;
    }
  }
  if (last == "key" || last == "keys") {
    return words.size() == 1 || !In(words[words.size() - 2], kNonSecretKeyQualifiers);
  }
  return false;
}

bool IsPlaceholderValue(std::string_view value) {
  std::string_view v = core::Trim(value);
  if (v.empty()) return true;
  if (Enclosed(v, "$(", ")") || Enclosed(v, "${", "}") || Enclosed(v, "{{", "}}") ||
      Enclosed(v, "<", ">") || Enclosed(v, "%(", ")s")) {
    return true;
  }
  bool same = true;
  for (char c : v) same = same && c == v.front();
  if (same && (!IsAlnum(v.front()) || v.front() == 'x' || v.front() == 'X')) return true;
  std::string lower = core::ToLower(v);
  if (lower.starts_with("your-") || lower.starts_with("your_") || lower.starts_with("your "))
    return true;
  for (std::string_view word : kPlaceholderWords) {
    if (lower == word) return true;
  }
  return false;
}

std::optional<std::string_view> FindAwsAccessKeyId(std::string_view text) {
  constexpr size_t kLength = 20;
  for (size_t i = 0; i + kLength <= text.size(); ++i) {
    std::string_view prefix = text.substr(i, 4);
    if (prefix != "AKIA" && prefix != "ASIA") continue;
    if (i > 0 && IsAlnum(text[i - 1])) continue;
    bool ok = true;
    for (size_t j = i + 4; j < i + kLength && ok; ++j) ok = IsUpper(text[j]) || IsDigit(text[j]);
    if (!ok) continue;
    if (i + kLength < text.size() && IsAlnum(text[i + kLength])) continue;
    return text.substr(i, kLength);
  }
  return std::nullopt;
}

bool IsAwsCredentialName(std::string_view name) {
  constexpr std::array<std::string_view, 6> kNames = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                                                      "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY",
                                                      "AWS_SECRET_KEY",    "AWS_SECURITY_TOKEN"};
  std::string_view trimmed = core::Trim(name);
  for (std::string_view n : kNames) {
    if (core::EqualsIgnoreCase(trimmed, n)) return true;
  }
  return false;
}

bool HasUrlCredentials(std::string_view value) {
  size_t scheme = value.find("://");
  if (scheme == std::string_view::npos) return false;
  std::string_view rest = value.substr(scheme + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return false;
  std::string_view user_info = authority.substr(0, at);
  size_t colon = user_info.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view password = user_info.substr(colon + 1);
  return !password.empty() && !IsPlaceholderValue(password);
}

}  // namespace centinela::checks
