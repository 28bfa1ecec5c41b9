#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace centinela::checks {

/// An IPv4 or IPv6 network, e.g. from Service.spec.loadBalancerSourceRanges.
struct Cidr {
  bool v6 = false;
  std::array<uint8_t, 16> address{};  ///< Big-endian; IPv4 uses the first 4 bytes.
  int prefix = 0;                     ///< 0..32 (IPv4) or 0..128 (IPv6).

  /// Canonical text of the network ("10.0.0.0/8"; IPv6 in full hexadecimal groups).
  std::string ToString() const;
};

/// Parses "a.b.c.d/n" or an IPv6 network ("::/0", "2001:db8::/32", "::ffff:10.0.0.0/104"). A bare
/// address is a host route (/32 or /128). Leading and trailing blanks are ignored. nullopt when
/// malformed (including IPv4 octets with leading zeros, which Kubernetes rejects).
std::optional<Cidr> ParseCidr(std::string_view text);

/// True when the union of the IPv4 ranges covers the whole IPv4 space, or the union of the IPv6
/// ranges covers the whole IPv6 space ("0.0.0.0/0", but also "0.0.0.0/1" + "128.0.0.0/1").
bool CoversEveryAddress(const std::vector<Cidr>& ranges);

}  // namespace centinela::checks
