#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/severity.h"
#include "core/shared_string.h"
#include "core/source.h"
#include "doc/node.h"
#include "k8s/object.h"
#include "k8s/pod.h"
#include "k8s/snapshot.h"

namespace centinela::checks {

/// The metadata of a check: data the registry can list (`centinela checks list -o json`) and
/// document.
struct CheckInfo {
  std::string_view id;  ///< Stable kebab-case id with a family prefix; part of the public contract.
  std::string_view title;  ///< Short sentence case title, e.g. "Container runs privileged".
  core::Severity
      severity;  ///< Default severity; a finding may raise or lower it (see Emitter::Emit).
  core::Control control;
  core::Layer layer;
  std::string_view
      description;  ///< What is checked and why it matters (one paragraph, plain text).
  std::string_view remediation;  ///< What to change, naming the field.
};

/// Collects the findings of one check. Fills check id, title, severity, control, layer, object,
/// file, line and remediation from the check's CheckInfo and the object; applies annotation
/// suppression. Not thread-safe; the runner gives each thread its own.
class Emitter {
 public:
  /// The text that findings share (see core::Finding): the ObjectRef and file name of the object
  /// reported last, and recent field paths (a few dozen distinct ones usually serve hundreds of
  /// thousands of findings). The runner keeps one per thread and hands it to every Emitter of that
  /// thread, for the objects of one snapshot (an object is recognised by its address). Not
  /// thread-safe.
  class Cache {
   public:
    const core::ObjectRef& Ref(const k8s::Object& object);
    const core::SharedString& File(const k8s::Object& object);
    core::SharedString Path(std::string_view path);

   private:
    /// Paths by hash, one per slot: a path seen again shares the text of the last one in its
    /// slot. Costs no more than a copy when paths do not repeat (as in a List, whose items' paths
    /// all differ).
    static constexpr size_t kPathSlots = 256;

    const k8s::Object* object_ = nullptr;
    core::ObjectRef ref_;
    const core::SourceFile* source_ = nullptr;
    core::SharedString file_;
    std::array<core::SharedString, kPathSlots> paths_;
  };

  Emitter(const CheckInfo& info, std::vector<core::Finding>& out) : info_(info), out_(out) {}
  /// An emitter whose findings share text through `cache`, which must outlive it.
  Emitter(const CheckInfo& info, std::vector<core::Finding>& out, Cache& cache)
      : info_(info), out_(out), cache_(&cache) {}

  /// Reports `object` at the position of `at` (the offending field, or the closest node present
  /// when the field is missing; the object itself when null). `path` is the field path, `message`
  /// names the field and value. `severity` overrides the check's default for this finding.
  void Emit(const k8s::Object& object, const doc::Node* at, std::string path, std::string message,
            std::optional<core::Severity> severity = std::nullopt);

 private:
  const CheckInfo& info_;
  std::vector<core::Finding>& out_;
  Cache* cache_ = nullptr;  ///< Null: every finding gets its own copies.
};

/// What a per-object check sees.
struct ObjectContext {
  const k8s::Object& object;
  const k8s::PodView* pod;  ///< The object's pod view when it is a workload; null otherwise.
  const k8s::Snapshot& snapshot;
};

/// A check. Implementations are stateless (const after construction) so they can run on several
/// threads.
class Check {
 public:
  virtual ~Check() = default;
  virtual const CheckInfo& info() const = 0;
  /// Called once for every object of the snapshot, possibly concurrently for different objects.
  virtual void CheckObject(const ObjectContext& /*ctx*/, Emitter& /*out*/) const {}
  /// Called once per scan, for checks that look across objects (namespaces, ServiceAccounts shared,
  /// ...).
  virtual void CheckSnapshot(const k8s::Snapshot& /*snapshot*/, Emitter& /*out*/) const {}
};

/// Annotation that suppresses findings on an object: "<id>[,<id>...]" (or "*" / "all" for every
/// check).
inline constexpr std::string_view kIgnoreAnnotation = "centinela.dev/ignore";
inline constexpr std::string_view kIgnoreReasonAnnotation = "centinela.dev/ignore-reason";

}  // namespace centinela::checks
