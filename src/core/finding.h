#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/severity.h"
#include "core/shared_string.h"

namespace centinela::core {

/// Identifies a Kubernetes (or AWS) object in output. The findings about one object share the text
/// of its ObjectRef (SharedString) rather than each holding a copy.
struct ObjectRef {
  SharedString api_version;
  SharedString kind;
  SharedString namespace_;  ///< Empty for cluster-scoped objects and when the manifest has none.
  SharedString name;
};

/// One security finding. Produced by checks, consumed by report/ and admission/.
///
/// A large scan holds hundreds of thousands of findings, so a finding repeats as little as it can:
/// `check`, `title` and `remediation` view the static metadata of the check that produced it (a
/// constexpr CheckInfo, alive for the whole program; never point them at a temporary string); the
/// object, the file, the field path and the reason for a suppression are SharedStrings, which the
/// findings about the same object and field share. A finding owns all of its text otherwise: it
/// stays valid after the documents it was found in are gone.
struct Finding {
  std::string_view check;  ///< Stable check id, e.g. "container-privileged".
  std::string_view title;
  std::string_view remediation;
  Severity severity = Severity::kMedium;
  Control control = Control::kOrchestrator;
  Layer layer = Layer::kCluster;
  bool suppressed = false;
  uint32_t line = 0;
  uint32_t column = 0;
  ObjectRef object;
  SharedString file;
  SharedString
      path;  ///< Field path, e.g. "spec.template.spec.containers[0].securityContext.privileged".
  std::string message;
  SharedString suppression;  ///< Why it was suppressed: "annotation", "config: <rule>", plus any
                             ///< reason given.
};

/// Orders findings for stable output: file, line, column, check id, path, object name.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace centinela::core
