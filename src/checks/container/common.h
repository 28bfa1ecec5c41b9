#pragma once

// Helpers shared by the container and pod check families.

#include <string>
#include <string_view>
#include <vector>

#include "doc/node.h"
#include "k8s/object.h"
#include "k8s/pod.h"
#include "pss/predicates.h"

namespace centinela::checks {

/// The path of the object's own mapping in its document: "" for a document root, "items[3]" for a
/// List item (pod view paths already start with it).
std::string_view ObjectRootPath(const k8s::Object& object);

/// How messages name a container: `container "app"`, `init container "setup"`, `ephemeral container
/// "dbg"`.
std::string ContainerLabel(const k8s::ContainerView& container);

/// How messages name several containers: ContainerLabel for one, `containers "a", "b"` for more.
std::string ContainersLabel(const std::vector<const k8s::ContainerView*>& containers);

/// `"text"`.
std::string Quoted(std::string_view text);

/// True when the workload's pods are meant to run until deleted: every kind except Job and CronJob,
/// and Pods / PodTemplates whose spec.restartPolicy is Never or OnFailure.
bool IsLongRunning(const k8s::Object& object, const k8s::PodView& pod);

/// The key node of `key` in `mapping` (its line is the line of `key:`); nullptr when absent.
const doc::Node* KeyNode(const doc::Node* mapping, std::string_view key);

/// Containers that inherit one pod-level setting, so that the setting is reported once, naming them
/// all. Groups keep the order in which they were first seen.
class InheritedGroups {
 public:
  struct Group {
    pss::Field field;
    int cause = 0;  ///< Distinguishes findings about the same node (a check's own enum, as int).
    std::vector<const k8s::ContainerView*> containers;
  };

  void Add(const pss::Field& field, int cause, const k8s::ContainerView& container);
  const std::vector<Group>& groups() const { return groups_; }

 private:
  std::vector<Group> groups_;
};

}  // namespace centinela::checks
