#include "checks/permissions/role_arn.h"

#include <vector>

namespace centinela::checks {

namespace {

constexpr std::string_view kPartitions[] = {"aws",       "aws-cn",    "aws-us-gov", "aws-iso",
                                            "aws-iso-b", "aws-iso-e", "aws-iso-f",  "aws-eusc"};

bool IsRoleNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '=' || c == ',' || c == '.' || c == '@' || c == '_' || c == '-';
}

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

}  // namespace

std::optional<std::string> RoleArnProblem(std::string_view arn) {
  if (arn.empty()) return std::string("it is empty");
  if (arn.front() == ' ' || arn.back() == ' ' || arn.front() == '\t' || arn.back() == '\t' ||
      arn.find('\n') != std::string_view::npos) {
    return std::string("it has blanks around it");
  }
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    size_t colon = arn.find(':', start);
    if (colon == std::string_view::npos) break;
    parts.push_back(arn.substr(start, colon - start));
    start = colon + 1;
  }
  parts.push_back(arn.substr(start));
  if (parts.size() != 6 || parts[0] != "arn") {
    return std::string(
        "it is not an ARN (expected arn:aws:iam::<12-digit account id>:role/<name>)");
  }
  bool partition_known = false;
  for (std::string_view p : kPartitions) partition_known = partition_known || parts[1] == p;
  if (!partition_known) return "the partition " + Quote(parts[1]) + " is not an AWS partition";
  if (parts[2] != "iam") {
    std::string problem = "the service is " + Quote(parts[2]) + ", not \"iam\"";
    if (parts[2] == "sts")
      problem += " (an assumed-role session ARN cannot be assumed; use the role's ARN)";
    return problem;
  }
  if (!parts[3].empty()) return "IAM ARNs have no region, but it names " + Quote(parts[3]);
  std::string_view account = parts[4];
  bool digits = !account.empty();
  for (char c : account) digits = digits && c >= '0' && c <= '9';
  if (!digits || account.size() != 12) {
    return "the account id " + Quote(account) + " is not 12 digits";
  }
  std::string_view resource = parts[5];
  if (resource.substr(0, 5) != "role/") {
    return "the resource " + Quote(resource) + " is not a role (expected role/<name>)";
  }
  std::string_view rest = resource.substr(5);
  size_t slash = rest.rfind('/');
  std::string_view name = slash == std::string_view::npos ? rest : rest.substr(slash + 1);
  std::string_view path =
      slash == std::string_view::npos ? std::string_view() : rest.substr(0, slash);
  if (name.empty()) return std::string("the role name is empty");
  if (name.size() > 64) return "the role name " + Quote(name) + " is longer than 64 characters";
  for (char c : name) {
    if (!IsRoleNameChar(c)) {
      return "the role name " + Quote(name) + " has a character outside [A-Za-z0-9+=,.@_-]: '" +
             std::string(1, c) + "'";
    }
  }
  if (path.size() + 2 > 512) return std::string("the role path is longer than 512 characters");
  for (char c : path) {
    if (c < 0x21 || c > 0x7e)
      return "the role path " + Quote(path) + " has a character that is not printable ASCII";
  }
  return std::nullopt;
}

}  // namespace centinela::checks
