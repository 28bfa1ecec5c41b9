#include "checks/pod/host_paths.h"

#include <array>
#include <vector>

#include "core/strings.h"

namespace centinela::checks {

namespace {

struct CriticalPath {
  std::string_view path;
  bool subtree;  // everything below is critical too
  std::string_view what;
};

constexpr std::array<CriticalPath, 45> kCriticalPaths = {{
    {"/", false, "the node's root filesystem"},
    {"/etc", false, "the node's configuration"},
    {"/etc/kubernetes", true, "the node's Kubernetes credentials and static pod manifests"},
    {"/etc/shadow", true, "the node's password hashes"},
    {"/etc/sudoers", true, "the node's sudo rules"},
    {"/etc/sudoers.d", true, "the node's sudo rules"},
    {"/etc/ssh", true, "the node's SSH keys and configuration"},
    {"/etc/crontab", true, "the node's cron jobs"},
    {"/etc/cron.d", true, "the node's cron jobs"},
    {"/etc/systemd", true, "the node's services"},
    {"/etc/docker", true, "the container runtime's configuration"},
    {"/etc/containerd", true, "the container runtime's configuration"},
    {"/etc/crio", true, "the container runtime's configuration"},
    {"/proc", true, "the node's kernel and process interfaces"},
    {"/sys", true, "the node's kernel interfaces (cgroups, devices, kernel parameters)"},
    {"/dev", false, "the node's devices"},
    {"/dev/mem", true, "the node's physical memory"},
    {"/dev/kmem", true, "the node's kernel memory"},
    {"/dev/port", true, "the node's I/O ports"},
    {"/root", true, "the node's root home directory"},
    {"/var/lib/kubelet", true, "the kubelet's credentials and every pod's volumes and secrets"},
    {"/var/lib/docker", true, "Docker's images and container filesystems"},
    {"/var/lib/containerd", true, "containerd's images and container filesystems"},
    {"/var/lib/containers", true, "CRI-O's images and container filesystems"},
    {"/var/lib/etcd", true, "etcd's data, every Secret of the cluster"},
    {"/var/run", false, "the node's runtime sockets"},
    {"/run", false, "the node's runtime sockets"},
    {"/var/run/docker.sock", true, "the Docker socket (a container runtime socket)"},
    {"/run/docker.sock", true, "the Docker socket (a container runtime socket)"},
    {"/var/run/docker", true, "Docker's runtime directory (a container runtime socket)"},
    {"/run/docker", true, "Docker's runtime directory (a container runtime socket)"},
    {"/var/run/containerd", true, "containerd's runtime directory (a container runtime socket)"},
    {"/run/containerd", true, "containerd's runtime directory (a container runtime socket)"},
    {"/var/run/crio", true, "CRI-O's runtime directory (a container runtime socket)"},
    {"/run/crio", true, "CRI-O's runtime directory (a container runtime socket)"},
    {"/var/run/cri-dockerd.sock", true, "the cri-dockerd socket (a container runtime socket)"},
    {"/run/cri-dockerd.sock", true, "the cri-dockerd socket (a container runtime socket)"},
    {"/var/run/dockershim.sock", true, "the dockershim socket (a container runtime socket)"},
    {"/run/dockershim.sock", true, "the dockershim socket (a container runtime socket)"},
    {"/run/k3s/containerd", true, "k3s' containerd directory (a container runtime socket)"},
    {"/var/run/k3s/containerd", true, "k3s' containerd directory (a container runtime socket)"},
    {"/run/podman", true, "Podman's socket (a container runtime socket)"},
    {"/var/run/podman", true, "Podman's socket (a container runtime socket)"},
    {"/run/containers", true, "the container runtime's state"},
    {"/var/run/containers", true, "the container runtime's state"},
}};

struct CriticalPipe {
  std::string_view path;
  std::string_view what;
};

constexpr std::array<CriticalPipe, 3> kCriticalPipes = {{
    {R"(\\.\pipe\docker_engine)", "the Docker named pipe (a container runtime socket)"},
    {R"(\\.\pipe\containerd-containerd)", "containerd's named pipe (a container runtime socket)"},
    {R"(\\.\pipe\cri-dockerd)", "the cri-dockerd named pipe (a container runtime socket)"},
}};

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsWindowsPath(std::string_view path) {
  return path.starts_with("\\\\") || path.starts_with("//./") || path.starts_with("//?/") ||
         (path.size() >= 2 && IsAsciiLetter(path[0]) && path[1] == ':');
}

// `ancestor` is a proper ancestor directory of `path` (both normalized and absolute).
bool IsAncestor(std::string_view ancestor, std::string_view path) {
  if (ancestor == "/") return path.size() > 1;
  return path.size() > ancestor.size() && path.starts_with(ancestor) &&
         path[ancestor.size()] == '/';
}

}  // namespace

std::string NormalizeHostPath(std::string_view path) {
  if (IsWindowsPath(path)) {
    std::string out = core::ToLower(path);
    for (char& c : out) {
      if (c == '/') c = '\\';
    }
    while (out.size() > 3 && out.back() == '\\') out.pop_back();
    return out;
  }
  const bool absolute = path.starts_with('/');
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    start = end + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!absolute) {
        parts.push_back(part);
      }
      continue;
    }
    parts.push_back(part);
  }
  std::string out = absolute ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += '/';
    out += parts[i];
  }
  if (out.empty()) out = ".";
  return out;
}

std::optional<std::string> CriticalHostPathReason(std::string_view normalized) {
  if (IsWindowsPath(normalized)) {
    for (const CriticalPipe& p : kCriticalPipes) {
      if (normalized == p.path) return std::string(p.what);
    }
    if (normalized.size() <= 3 && normalized.size() >= 2 && normalized[1] == ':') {
      return std::string("the node's system drive");
    }
    return std::nullopt;
  }
  if (!normalized.starts_with('/')) return std::nullopt;
  for (const CriticalPath& p : kCriticalPaths) {
    if (normalized == p.path || (p.subtree && IsAncestor(p.path, normalized))) {
      return std::string(p.what);
    }
  }
  for (const CriticalPath& p : kCriticalPaths) {
    if (IsAncestor(normalized, p.path)) {
      return "a directory that contains " + std::string(p.path) + ", " + std::string(p.what);
    }
  }
  return std::nullopt;
}

}  // namespace centinela::checks
