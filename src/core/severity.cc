#include "core/severity.h"

#include "core/strings.h"

namespace centinela::core {

std::string_view ToString(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kLow: return "low";
    case Severity::kMedium: return "medium";
    case Severity::kHigh: return "high";
    case Severity::kCritical: return "critical";
  }
  return "unknown";
}

std::string_view ToString(Control c) {
  switch (c) {
    case Control::kPermissions: return "permissions";
    case Control::kNetwork: return "network";
    case Control::kData: return "data";
    case Control::kOrchestrator: return "orchestrator";
  }
  return "unknown";
}

std::string_view ToString(Layer l) {
  switch (l) {
    case Layer::kCloud: return "cloud";
    case Layer::kCluster: return "cluster";
    case Layer::kContainer: return "container";
    case Layer::kCode: return "code";
  }
  return "unknown";
}

std::string_view DisplayName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "Info";
    case Severity::kLow: return "Low";
    case Severity::kMedium: return "Medium";
    case Severity::kHigh: return "High";
    case Severity::kCritical: return "Critical";
  }
  return "Unknown";
}

std::string_view DisplayName(Control c) {
  switch (c) {
    case Control::kPermissions: return "Permissions";
    case Control::kNetwork: return "Network";
    case Control::kData: return "Data";
    case Control::kOrchestrator: return "Orchestrator";
  }
  return "Unknown";
}

std::string_view DisplayName(Layer l) {
  switch (l) {
    case Layer::kCloud: return "Cloud";
    case Layer::kCluster: return "Cluster";
    case Layer::kContainer: return "Container";
    case Layer::kCode: return "Code";
  }
  return "Unknown";
}

std::optional<Severity> ParseSeverity(std::string_view text) {
  for (Severity s : kAllSeverities) {
    if (EqualsIgnoreCase(text, ToString(s))) return s;
  }
  return std::nullopt;
}

std::optional<Control> ParseControl(std::string_view text) {
  for (Control c : kAllControls) {
    if (EqualsIgnoreCase(text, ToString(c))) return c;
  }
  return std::nullopt;
}

std::optional<Layer> ParseLayer(std::string_view text) {
  for (Layer l : kAllLayers) {
    if (EqualsIgnoreCase(text, ToString(l))) return l;
  }
  return std::nullopt;
}

}  // namespace centinela::core
