#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/limits.h"
#include "doc/corpus.h"

namespace centinela::testing {

/// A corpus loaded from one text, with its diagnostics formatted as `file:line:col: level:
/// message`.
struct Loaded {
  explicit Loaded(const std::string& text, const std::string& name = "in.yaml",
                  core::Limits limits = {})
      : corpus(limits) {
    corpus.AddText(name, text, sink);
    for (const core::Diagnostic& d : sink.Sorted())
      diags.push_back(core::FormatDiagnostic(d, false));
  }
  const doc::Node& root(size_t i = 0) const { return *corpus.documents()[i].root; }
  size_t count() const { return corpus.documents().size(); }

  core::DiagnosticSink sink;
  doc::Corpus corpus;
  std::vector<std::string> diags;
};

}  // namespace centinela::testing
