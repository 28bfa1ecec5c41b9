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
  /// Builds the snapshot from parsed documents. `kind: List` and any `*List` kind with `items` are expanded
  /// into their items. Documents without apiVersion or kind are skipped with a note; an object whose
  /// apiVersion, kind, metadata or metadata.name has the wrong type is reported as an error and skipped.
  static Snapshot Build(std::span<const doc::Document> documents, core::DiagnosticSink& sink);

  Snapshot();
  ~Snapshot();
  Snapshot(Snapshot&&) noexcept;
  Snapshot& operator=(Snapshot&&) noexcept;

  /// All objects in input order.
  std::span<const Object> objects() const;
  /// Objects of one kind, in input order.
  std::span<const Object* const> OfKind(std::string_view kind) const;
  /// Objects whose EffectiveNamespace() is `ns` (namespaced objects only), in input order.
  std::span<const Object* const> InNamespace(std::string_view ns) const;
  /// The first object with that kind, effective namespace ("" for cluster-scoped) and name.
  const Object* Find(std::string_view kind, std::string_view ns, std::string_view name) const;
  /// Every namespace named by a Namespace object or used by a namespaced object, sorted.
  std::vector<std::string_view> Namespaces() const;

  /// Pod views of all workloads, in input order.
  std::span<const PodView> pod_views() const;
  /// The pod view of `object`, or nullptr when it has none.
  const PodView* PodViewOf(const Object& object) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace centinela::k8s
