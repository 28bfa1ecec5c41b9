#pragma once

#include <memory>

#include "checks/check.h"
#include "pss/admission.h"
#include "pss/policy.h"

/// Pod Security: what the API server's PodSecurity admission would reject (enforce), warn about
/// (warn) or record in the audit log (audit), namespace by namespace, from the
/// pod-security.kubernetes.io labels of the Namespace objects of the input and, when given, the
/// admission configuration (defaults and exemptions).
namespace centinela::checks {

/// One check per Pod Security control (id = descriptor.finding_id, e.g. "pss-privileged"). `config`
/// is shared by the family; null means the API server's built-in configuration (privileged
/// defaults, no exemptions), under which only namespaces with labels are evaluated.
std::unique_ptr<Check> MakePssControlCheck(const pss::CheckDescriptor& descriptor,
                                           std::shared_ptr<const pss::AdmissionConfig> config);

/// pss-namespace-label-invalid: Pod Security labels the API server rejects or ignores.
std::unique_ptr<Check> MakePssNamespaceLabelInvalid(
    std::shared_ptr<const pss::AdmissionConfig> config);

}  // namespace centinela::checks
