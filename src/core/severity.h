#pragma once

#include <optional>
#include <string_view>

namespace centinela::core {

/// How bad a finding is. Ordered: a higher value is worse.
enum class Severity { kInfo = 0, kLow, kMedium, kHigh, kCritical };

/// The four controls of the security model (seed 000): every finding is filed under one.
enum class Control { kPermissions = 0, kNetwork, kData, kOrchestrator };

/// The four layers of the cloud-native security model (seed 001).
enum class Layer { kCloud = 0, kCluster, kContainer, kCode };

/// Lower-case names as they appear in output and on the command line ("high", "network",
/// "cluster").
std::string_view ToString(Severity s);
std::string_view ToString(Control c);
std::string_view ToString(Layer l);
/// Title-case names for tables ("High", "Network").
std::string_view DisplayName(Severity s);
std::string_view DisplayName(Control c);
std::string_view DisplayName(Layer l);

/// Case-insensitive parse of the names above; nullopt when unknown.
std::optional<Severity> ParseSeverity(std::string_view text);
std::optional<Control> ParseControl(std::string_view text);
std::optional<Layer> ParseLayer(std::string_view text);

inline constexpr Severity kAllSeverities[] = {Severity::kCritical, Severity::kHigh,
                                              Severity::kMedium, Severity::kLow, Severity::kInfo};
inline constexpr Control kAllControls[] = {Control::kPermissions, Control::kNetwork, Control::kData,
                                           Control::kOrchestrator};
inline constexpr Layer kAllLayers[] = {Layer::kCloud, Layer::kCluster, Layer::kContainer,
                                       Layer::kCode};

}  // namespace centinela::core
