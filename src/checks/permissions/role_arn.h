#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace centinela::checks {

/// Checks that `arn` is an IAM role ARN as IRSA needs it: `arn:<partition>:iam::<12-digit
/// account>:role/<name>` or `.../role/<path>/<name>`, with a known partition (aws, aws-cn,
/// aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc), no region, a role name of 1-64
/// characters from [A-Za-z0-9+=,.@_-] and a path of printable ASCII. Returns what is wrong, in
/// words, or nullopt when the ARN is valid.
std::optional<std::string> RoleArnProblem(std::string_view arn);

}  // namespace centinela::checks
