#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "k8s/object.h"
#include "k8s/pod.h"

namespace centinela::k8s {

/// Every object of the input with indexes. Immutable once built; safe to read from several threads.
class Snapshot {
 public:
  /// Builds the snapshot from parsed documents, which must outlive it (objects point into their
  /// trees).
  ///
  /// `kind: List` and any `*List` kind whose `items` is a list are expanded into their items,
  /// recursively; an item's field_prefix is "items[N]." ("items[1].items[0]." when nested). Items
  /// of a typed list
  /// (`DeploymentList`) that carry neither apiVersion nor kind, as the API server returns them,
  /// take the list's apiVersion and the kind without "List". Empty documents are ignored silently.
  ///
  /// Reported to `sink` (`file:line:col: level: message`, at the offending node):
  ///  - note, skipped: a document (or List item) without apiVersion or kind, or that is not a
  ///  mapping:
  ///    "document has no apiVersion/kind; skipped", "items[2]: item has no apiVersion/kind;
  ///    skipped", "document is a list, not a Kubernetes object; skipped";
  ///  - error, skipped: apiVersion, kind, metadata.name,
  ///    metadata.generateName or metadata.namespace not a string; metadata not a mapping:
  ///    "metadata.name: expected a string, got integer; skipped";
  ///  - error, object kept: labels/annotations that are not a map of strings (bad entries left
  ///  out), and type
  ///    errors in a pod spec (pod template, containers, securityContext, host namespaces,
  ///    capabilities, ...): "spec.template.spec.containers: expected a list, got string". The pod
  ///    view then reads what it can.
  ///
  /// Large inputs are read on several threads; the result is the same as a sequential read.
  static Snapshot Build(std::span<const doc::Document> documents, core::DiagnosticSink& sink);

  Snapshot();
  ~Snapshot();
  Snapshot(Snapshot&& other) noexcept;
  Snapshot& operator=(Snapshot&& other) noexcept;

  /// All objects in input order.
  std::span<const Object> objects() const;
  /// Objects of one kind, in input order.
  std::span<const Object* const> OfKind(std::string_view kind) const;
  /// Objects whose EffectiveNamespace() is `ns` (namespaced objects only), in input order.
  std::span<const Object* const> InNamespace(std::string_view ns) const;
  /// The first object (in input order) with that kind, effective namespace ("" for cluster-scoped)
  /// and name.
  const Object* Find(std::string_view kind, std::string_view ns, std::string_view name) const;
  /// Every namespace named by a Namespace object or used by a namespaced object, sorted.
  std::vector<std::string_view> Namespaces() const;

  /// Pod views of all workloads, in input order.
  std::span<const PodView> pod_views() const;
  /// The pod view of `object` (one of objects()), or nullptr when it has none or is not of this
  /// snapshot.
  const PodView* PodViewOf(const Object& object) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace centinela::k8s
