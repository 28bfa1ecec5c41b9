#pragma once

// Shared helpers of the k8s tests: load YAML/JSON text through the real loader and build a
// Snapshot.

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"

namespace centinela::k8s::testing {

/// A loaded input: the corpus that owns the trees, the diagnostics of loading and building, the
/// snapshot.
struct Loaded {
  doc::Corpus corpus;
  core::DiagnosticSink sink;
  Snapshot snapshot;

  /// Every diagnostic as `file:line:col: level: message`, in sorted order.
  std::vector<std::string> Diagnostics() const {
    std::vector<std::string> out;
    for (const core::Diagnostic& d : sink.Sorted()) out.push_back(core::FormatDiagnostic(d, false));
    return out;
  }
  /// The root node of document `i`.
  const doc::Node* Root(size_t i = 0) const { return corpus.documents()[i].root; }
};

/// Parses `text` (named `name`) and builds its snapshot.
inline std::unique_ptr<Loaded> Load(std::string text, std::string name = "test.yaml") {
  auto loaded = std::make_unique<Loaded>();
  loaded->corpus.AddText(std::move(name), std::move(text), loaded->sink);
  loaded->snapshot = Snapshot::Build(loaded->corpus.documents(), loaded->sink);
  return loaded;
}

/// Parses `text` without building a snapshot; for tests of functions that take nodes.
inline std::unique_ptr<Loaded> Parse(std::string text, std::string name = "test.yaml") {
  auto loaded = std::make_unique<Loaded>();
  loaded->corpus.AddText(std::move(name), std::move(text), loaded->sink);
  return loaded;
}

}  // namespace centinela::k8s::testing
