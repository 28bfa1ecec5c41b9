#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/limits.h"
#include "core/source.h"
#include "doc/node.h"

namespace centinela::doc {

/// One parsed document of an input stream.
struct Document {
  const core::SourceFile* source = nullptr;  ///< Never null.
  const Node* root = nullptr;                ///< Never null.
  uint32_t index = 0;                        ///< 0-based position of the document in its stream.
  uint32_t line = 1;                         ///< Line where the document's content begins.
};

/// Owns every input read, the arenas holding the parsed trees, and the documents, in input order.
///
/// Loading never throws and never stops at the first problem: a document that cannot be parsed (syntax
/// error, duplicate key, invalid UTF-8, too deep, alias expansion over the limit, ...) is reported to the
/// sink as `file:line:col: error: ...` and skipped; every other document of the same stream is kept.
/// Inputs over `Limits::max_file_bytes` are reported and not read. Large inputs are parsed on several threads;
/// the resulting order is the same as a sequential parse.
///
/// Not thread-safe for concurrent Add* calls; the documents, once loaded, may be read from any thread.
class Corpus {
 public:
  explicit Corpus(core::Limits limits = {});
  ~Corpus();
  Corpus(Corpus&&) noexcept;
  Corpus& operator=(Corpus&&) noexcept;
  Corpus(const Corpus&) = delete;
  Corpus& operator=(const Corpus&) = delete;

  /// Reads a file, a directory (recursively, files ending in .yaml .yml .json, in sorted order) or "-" (stdin,
  /// named "<stdin>"). A missing or unreadable path is an error diagnostic. Returns false if nothing was read.
  bool AddPath(const std::string& path, core::DiagnosticSink& sink);

  /// Parses `text` as an input named `name`. JSON is recognised by content (the first non-blank byte is `{` or
  /// `[`) and parsed with simdjson; anything else is a YAML stream (several documents separated by `---`).
  void AddText(std::string name, std::string text, core::DiagnosticSink& sink);

  /// All documents, inputs in the order added, documents in stream order.
  std::span<const Document> documents() const;
  /// Every input read (including those whose documents all failed).
  std::vector<const core::SourceFile*> sources() const;
  size_t bytes_read() const;
  const core::Limits& limits() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace centinela::doc
