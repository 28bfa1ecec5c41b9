#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/severity.h"

namespace centinela::core {

/// Identifies a Kubernetes (or AWS) object in output.
struct ObjectRef {
  std::string api_version;
  std::string kind;
  std::string namespace_;  ///< Empty for cluster-scoped objects and when the manifest has none.
  std::string name;
};

/// One security finding. Produced by checks, consumed by report/ and admission/.
///
/// `check`, `title` and `remediation` view the static metadata of the check that produced the
/// finding (a constexpr CheckInfo, alive for the whole program): a large scan holds hundreds of
/// thousands of findings, and copying that text into each one cost more memory than the documents
/// themselves. Never point them at a temporary string.
struct Finding {
  std::string_view check;  ///< Stable check id, e.g. "container-privileged".
  std::string_view title;
  Severity severity = Severity::kMedium;
  Control control = Control::kOrchestrator;
  Layer layer = Layer::kCluster;
  ObjectRef object;
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string
      path;  ///< Field path, e.g. "spec.template.spec.containers[0].securityContext.privileged".
  std::string message;
  std::string_view remediation;
  bool suppressed = false;
  std::string suppression;  ///< Why it was suppressed: "annotation", "config: <rule>", plus any
                            ///< reason given.
};

/// Orders findings for stable output: file, line, column, check id, path.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace centinela::core
