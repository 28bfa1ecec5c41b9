#include "checks/common/credentials.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

#include "core/strings.h"

namespace centinela::checks {

namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return IsLower(c) || IsUpper(c); }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
bool IsBase64Char(char c) { return IsAlnum(c) || c == '+' || c == '/'; }
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

template <size_t N>
bool In(std::string_view word, const std::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), word) != std::end(set);
}

// Words of keys whose numeric values are still credentials.
constexpr std::string_view kPasswordWords[] = {"password",   "passwd",   "pwd", "pass",
                                               "passphrase", "passcode", "pin"};

// Strips blanks and one pair of matching quotes.
std::string_view Unquote(std::string_view s) {
  s = core::Trim(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    s = s.substr(1, s.size() - 2);
  }
  return s;
}

bool IsNumber(std::string_view s) {
  if (s.empty()) return false;
  bool digit = false;
  for (char c : s) {
    if (IsDigit(c)) {
      digit = true;
    } else if (c != '.' && c != '-' && c != '+' && c != '_') {
      return false;
    }
  }
  return digit;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The parts of a URL authority with a password in its user information (`user:password@host`);
// nullopt without `@`, or without `:` before it.
struct UserInfo {
  std::string_view user;
  std::string_view password;
  std::string_view host;
};
std::optional<UserInfo> SplitUserInfo(std::string_view authority) {
  size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view userinfo = authority.substr(0, at);
  size_t colon = userinfo.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  return UserInfo{userinfo.substr(0, colon), userinfo.substr(colon + 1), authority.substr(at + 1)};
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
  std::optional<UserInfo> info = SplitUserInfo(rest.substr(0, rest.find_first_of("/?#")));
  return info.has_value() && !info->password.empty() && !IsPlaceholderValue(info->password);
}

std::vector<std::string> KeyWords(std::string_view key) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    if (!IsAlnum(c)) {
      flush();
      continue;
    }
    if (!cur.empty()) {
      char prev = key[i - 1];
      bool hump = IsLower(prev) && IsUpper(c);
      bool acronym_end = IsUpper(prev) && IsUpper(c) && i + 1 < key.size() && IsLower(key[i + 1]);
      bool digits = IsDigit(prev) != IsDigit(c);
      if (hump || acronym_end || digits) flush();
    }
    cur += IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  }
  flush();
  return words;
}

bool IsAwsAccessKeyIdName(std::string_view key) {
  std::vector<std::string> w = KeyWords(key);
  // ...access key id / access key (with aws) / accesskeyid
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    if (w[i] == "access" && w[i + 1] == "key") {
      bool id = i + 2 < w.size() && w[i + 2] == "id";
      bool aws = std::find(w.begin(), w.end(), "aws") != w.end();
      if (id || aws) return true;
    }
  }
  return std::find(w.begin(), w.end(), "accesskeyid") != w.end();
}

bool IsAwsSecretAccessKeyName(std::string_view key) {
  std::vector<std::string> w = KeyWords(key);
  bool aws = std::find(w.begin(), w.end(), "aws") != w.end();
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    if (w[i] == "secret" && w[i + 1] == "access" && i + 2 < w.size() && w[i + 2] == "key")
      return true;
    if (w[i] == "secret" && w[i + 1] == "key" && aws) return true;
  }
  return std::find(w.begin(), w.end(), "secretaccesskey") != w.end();
}

bool IsReferenceValue(std::string_view value) {
  std::string_view v = Unquote(value);
  if (IsPlaceholderValue(v)) return true;
  if (v.size() > 1 && v.front() == '$') {
    bool identifier = true;
    for (char c : v.substr(1)) identifier = identifier && (IsAlnum(c) || c == '_');
    if (identifier) return true;  // $VAR
  }
  std::string lower = core::ToLower(v);
  for (std::string_view p : {"/", "./", "../", "~/", "file:", "vault:", "ref+",
                             "arn:", "secretsmanager:", "ssm:", "projects/"}) {
    if (StartsWith(lower, p)) return true;
  }
  return false;
}

bool IsLiteralCredential(std::string_view key, std::string_view value) {
  if (!IsSensitiveName(key) || IsReferenceValue(value)) return false;
  if (IsNumber(Unquote(value))) {
    for (const std::string& w : KeyWords(key)) {
      if (In(w, kPasswordWords)) return true;
    }
    return false;
  }
  return true;
}

bool IsAwsAccessKeyId(std::string_view value) {
  std::string_view v = Unquote(value);
  auto id = FindAwsAccessKeyId(v);
  return v.size() == 20 && id && *id == v;
}

std::string RedactKeyId(std::string_view key_id) {
  std::string out(key_id.size(), '*');
  if (key_id.size() <= 8) return out;
  out.replace(0, 4, key_id.substr(0, 4));
  out.replace(out.size() - 4, 4, key_id.substr(key_id.size() - 4));
  return out;
}

std::optional<std::string> FindPemPrivateKey(std::string_view text) {
  constexpr std::string_view kBegin = "-----BEGIN ";
  size_t pos = 0;
  while ((pos = text.find(kBegin, pos)) != std::string_view::npos) {
    size_t label_start = pos + kBegin.size();
    size_t label_end = text.find("-----", label_start);
    if (label_end == std::string_view::npos) return std::nullopt;
    std::string_view label = text.substr(label_start, label_end - label_start);
    pos = label_end + 5;
    if (label.find('\n') != std::string_view::npos ||
        label.find("PRIVATE KEY") == std::string_view::npos) {
      continue;
    }
    size_t end = text.find("-----END", pos);
    std::string_view body =
        text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    size_t material = 0;
    for (char c : body) material += IsBase64Char(c) ? 1 : 0;
    if (material >= 32) return std::string(label);
  }
  return std::nullopt;
}

std::optional<std::string> FindUrlWithPassword(std::string_view text) {
  size_t pos = 0;
  while ((pos = text.find("://", pos)) != std::string_view::npos) {
    size_t scheme_start = pos;
    while (scheme_start > 0) {
      char c = text[scheme_start - 1];
      if (!(IsAlnum(c) || c == '+' || c == '.' || c == '-')) break;
      --scheme_start;
    }
    std::string_view scheme = text.substr(scheme_start, pos - scheme_start);
    size_t auth_start = pos + 3;
    size_t auth_end = text.find_first_of("/?# \t\r\n\"'", auth_start);
    if (auth_end == std::string_view::npos) auth_end = text.size();
    std::string_view authority = text.substr(auth_start, auth_end - auth_start);
    pos = auth_start;
    if (scheme.empty() || !IsAlpha(scheme.front())) continue;
    std::optional<UserInfo> info = SplitUserInfo(authority);
    if (!info.has_value() || info->password.empty() || IsReferenceValue(info->password)) continue;
    return std::string(scheme) + "://" + std::string(info->user) + ":****@" +
           std::string(info->host);
  }
  return std::nullopt;
}

namespace {

bool IsKeyChar(char c) {
  return IsAlnum(c) || c == '_' || c == '.' || c == '-' || c == '[' || c == ']';
}

bool ValidKey(std::string_view key) {
  if (key.empty() || key.size() > 128) return false;
  return std::all_of(key.begin(), key.end(), IsKeyChar);
}

std::string_view CleanValue(std::string_view v) {
  v = core::Trim(v);
  while (!v.empty() && (v.back() == ',' || v.back() == ';')) v.remove_suffix(1);
  return Unquote(v);
}

}  // namespace

std::vector<Assignment> FindAssignments(std::string_view text) {
  std::vector<Assignment> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = core::Trim(text.substr(start, end - start));
    start = end + 1;
    if (line.empty() || line.front() == '#' || line.front() == ';' || StartsWith(line, "//") ||
        StartsWith(line, "<!--")) {
      continue;
    }
    for (std::string_view p : {"export ", "set "}) {
      if (StartsWith(line, p)) line = core::Trim(line.substr(p.size()));
    }
    // The whole line: `key = value`, `key: value`, `"key": "value",`.
    size_t sep = line.find_first_of("=:");
    if (sep != std::string_view::npos) {
      std::string_view key = Unquote(line.substr(0, sep));
      if (ValidKey(key))
        out.push_back({std::string(key), std::string(CleanValue(line.substr(sep + 1)))});
    }
    // Tokens: `--db-password=x`, `-Ddb.password=x`, `Password=x;` in connection strings, `a=b&c=d`.
    size_t t = 0;
    while (t < line.size()) {
      size_t t_end = line.find_first_of(" \t;&,?", t);
      if (t_end == std::string_view::npos) t_end = line.size();
      std::string_view token = line.substr(t, t_end - t);
      t = t_end + 1;
      size_t eq = token.find('=');
      if (eq == std::string_view::npos || eq == 0) continue;
      std::string_view key = token.substr(0, eq);
      if (StartsWith(key, "-D")) {
        key.remove_prefix(2);
      } else {
        while (!key.empty() && key.front() == '-') key.remove_prefix(1);
      }
      key = Unquote(key);
      if (!ValidKey(key)) continue;
      out.push_back({std::string(key), std::string(CleanValue(token.substr(eq + 1)))});
    }
  }
  return out;
}

std::optional<std::string> DecodeBase64(std::string_view text) {
  auto value = [](char c) -> int {
    if (IsUpper(c)) return c - 'A';
    if (IsLower(c)) return c - 'a' + 26;
    if (IsDigit(c)) return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    if (c != '\r' && c != '\n') clean += c;
  }
  if (clean.size() % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(clean.size() / 4 * 3);
  for (size_t i = 0; i < clean.size(); i += 4) {
    int v[4];
    int pad = 0;
    for (int k = 0; k < 4; ++k) {
      char c = clean[i + k];
      if (c == '=') {
        // Padding only at the end of the last quantum, and at most two.
        if (i + 4 != clean.size() || k < 2) return std::nullopt;
        ++pad;
        v[k] = 0;
        continue;
      }
      if (pad > 0) return std::nullopt;
      v[k] = value(c);
      if (v[k] < 0) return std::nullopt;
    }
    unsigned triple = (static_cast<unsigned>(v[0]) << 18) | (static_cast<unsigned>(v[1]) << 12) |
                      (static_cast<unsigned>(v[2]) << 6) | static_cast<unsigned>(v[3]);
    out += static_cast<char>((triple >> 16) & 0xff);
    if (pad < 2) out += static_cast<char>((triple >> 8) & 0xff);
    if (pad < 1) out += static_cast<char>(triple & 0xff);
  }
  return out;
}

}  // namespace centinela::checks
