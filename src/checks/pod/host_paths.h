#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace centinela::checks {

/// A hostPath path in canonical form: repeated and trailing slashes removed, `.` dropped, `..`
/// resolved (never above `/`). "/var/run/../run//docker.sock/" -> "/run/docker.sock". Relative
/// paths stay relative. Windows paths (with a drive letter or starting with `\\`) are lower-cased
/// with `\` separators.
std::string NormalizeHostPath(std::string_view path);

/// Why mounting the normalized host path hands over the node, or nullopt when it is not one of
/// those paths. Critical: `/`, `/etc`, `/dev`, `/var/run`, `/run` themselves; the container runtime
/// sockets and directories (Docker, containerd, CRI-O, cri-dockerd, dockershim, k3s; under /var/run
/// and /run); anything under /proc, /sys, /root, /var/lib/kubelet, /var/lib/docker,
/// /var/lib/containerd, /var/lib/containers, /var/lib/etcd, /etc/kubernetes and a few host
/// credential files; any ancestor of these (`/var`, `/var/lib`, ...); the Windows root drive and
/// runtime named pipes.
std::optional<std::string> CriticalHostPathReason(std::string_view normalized);

}  // namespace centinela::checks
