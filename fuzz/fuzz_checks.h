#pragma once

// Invariants the fuzz targets check on every input; tests/doc/regression_test.cc runs the same
// checks on the inputs saved under tests/regressions/. Each function returns "" or a description of
// the broken invariant.

#include <simdjson.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "../tests/doc/tree_compare.h"
#include "core/diagnostic.h"
#include "core/limits.h"
#include "core/source.h"
#include "doc/corpus.h"
#include "doc/json_loader.h"
#include "doc/node.h"
#include "doc/yaml_loader.h"

namespace centinela::fuzzing {

/// Limits small enough for fuzzing throughput, with the same code paths.
inline core::Limits FuzzLimits() {
  core::Limits limits;
  limits.max_alias_expansion = 100'000;
  limits.max_depth = 64;
  return limits;
}

/// Visits every node once (aliases share subtrees) and checks what the Node API promises.
inline std::string CheckTree(const doc::Node& root, const core::SourceFile& source) {
  std::vector<const doc::Node*> todo{&root};
  std::unordered_set<const doc::Node*> seen;
  while (!todo.empty()) {
    const doc::Node* n = todo.back();
    todo.pop_back();
    if (!seen.insert(n).second) continue;
    if (n->line() == 0 || n->column() == 0 || n->line() > source.line_count())
      return "node without a position";
    if (!doc::Equal(*n, *n)) return "a node is not Equal to itself";
    switch (n->kind()) {
      case doc::NodeKind::kBool:
        if (!n->AsBool()) return "boolean without a value: " + std::string(n->text());
        break;
      case doc::NodeKind::kInt:
        if (!n->AsInt()) return "integer without a value: " + std::string(n->text());
        break;
      case doc::NodeKind::kFloat:
        if (!n->AsDouble()) return "number without a value: " + std::string(n->text());
        break;
      case doc::NodeKind::kString:
        if (!n->AsString()) return "string without a value";
        break;
      case doc::NodeKind::kNull: break;
      case doc::NodeKind::kSequence:
        for (const doc::Node* item : n->items()) todo.push_back(item);
        break;
      case doc::NodeKind::kMapping:
        for (const doc::Entry& e : n->entries()) {
          if (!e.key->IsScalar()) return "a mapping key is not a scalar";
          todo.push_back(e.key);
          todo.push_back(e.value);
        }
        break;
    }
  }
  return "";
}

inline std::string CheckCorpus(std::string_view data, const std::string& name) {
  core::DiagnosticSink sink;
  doc::Corpus corpus(FuzzLimits());
  corpus.AddText(name, std::string(data), sink);
  for (const doc::Document& d : corpus.documents()) {
    if (d.root == nullptr || d.source == nullptr) return "document without a root or source";
    std::string problem = CheckTree(*d.root, *d.source);
    if (!problem.empty()) return problem;
  }
  for (const core::Diagnostic& d : sink.Sorted()) {
    if (d.message.empty()) return "empty diagnostic message";
    (void)core::FormatDiagnostic(d, true);
  }
  return "";
}

/// The stream splitter written the obvious way, one line at a time: what SplitYamlStream must
/// return.
inline std::vector<doc::YamlChunk> ReferenceSplit(std::string_view text) {
  auto is_marker = [](std::string_view line, std::string_view marker) {
    if (line.size() < 3 || line.substr(0, 3) != marker) return false;
    return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r';
  };
  auto blank_or_comment = [](std::string_view line) {
    size_t i = line.find_first_not_of(" \t\r");
    return i == std::string_view::npos || line[i] == '#';
  };
  std::vector<doc::YamlChunk> chunks;
  doc::YamlChunk cur;
  bool content = false, directive = false;
  auto close = [&](size_t end, size_t next, uint32_t next_line) {
    cur.end = end;
    if (content || directive) chunks.push_back(cur);
    cur = doc::YamlChunk{next, next, next_line};
    content = directive = false;
  };
  size_t pos = 0;
  uint32_t line = 1;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string_view l = text.substr(pos, end - pos);
    if (pos == 0 && l.substr(0, 3) == "\xEF\xBB\xBF") l.remove_prefix(3);
    if (is_marker(l, "---")) {
      if (content) close(pos, pos, line);
      content = true;
    } else if (is_marker(l, "...")) {
      close(next, next, line + 1);
    } else if (!content && !l.empty() && l[0] == '%') {
      directive = true;
    } else if (!content && blank_or_comment(l)) {
    } else {
      content = true;
    }
    pos = next;
    ++line;
  }
  close(text.size(), text.size(), line);
  return chunks;
}

inline bool SameChunks(const std::vector<doc::YamlChunk>& a, const std::vector<doc::YamlChunk>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].line != b[i].line) return false;
  }
  return true;
}

/// SplitYamlStream agrees with ReferenceSplit, also when the stream is first cut into parts.
inline std::string CheckSplit(std::string_view text) {
  std::vector<doc::YamlChunk> want = ReferenceSplit(text);
  if (!SameChunks(doc::SplitYamlStream(text), want))
    return "SplitYamlStream differs from the reference";
  core::SourceFile source("split.yaml", std::string(text));
  for (size_t parts : {2, 3, 7}) {
    std::vector<size_t> cuts = doc::CutYamlStream(text, parts);
    std::vector<doc::YamlChunk> got;
    for (size_t i = 0; i < cuts.size(); ++i) {
      if (i > 0 && cuts[i] <= cuts[i - 1]) return "CutYamlStream: cuts not increasing";
      size_t end = i + 1 < cuts.size() ? cuts[i + 1] : text.size();
      uint32_t line = source.Locate(cuts[i]).line;
      std::vector<doc::YamlChunk> part = doc::SplitYamlStream(text, cuts[i], end, line);
      got.insert(got.end(), part.begin(), part.end());
    }
    if (!SameChunks(got, want))
      return "splitting after CutYamlStream(" + std::to_string(parts) + ") differs";
  }
  return "";
}

/// The same documents, trees, positions and diagnostics from two loads of one YAML source.
inline std::string CompareLoads(const doc::LoadOutput& a, const doc::LoadOutput& b) {
  if (a.docs.size() != b.docs.size()) return "document count differs";
  for (size_t i = 0; i < a.docs.size(); ++i) {
    if (a.docs[i].line != b.docs[i].line) return "document line differs";
    if ((a.docs[i].root == nullptr) != (b.docs[i].root == nullptr)) return "failure differs";
    if (a.docs[i].root != nullptr) {
      std::string diff = testing::TreeDiff(*a.docs[i].root, *b.docs[i].root);
      if (!diff.empty()) return diff;
    }
  }
  if (a.diagnostics.size() != b.diagnostics.size()) return "diagnostics differ";
  for (size_t i = 0; i < a.diagnostics.size(); ++i) {
    std::string x = core::FormatDiagnostic(a.diagnostics[i], false);
    std::string y = core::FormatDiagnostic(b.diagnostics[i], false);
    if (x != y) return "diagnostic differs: " + x + " vs " + y;
  }
  return "";
}

/// YAML: the corpus loads without breaking invariants, the fast path agrees with libfyaml exactly,
/// the stream is split as the reference splits it, and a load cut across threads equals a
/// sequential one.
inline std::string CheckYaml(std::string_view data) {
  std::string problem = CheckCorpus(data, "fuzz.yaml");
  if (!problem.empty()) return problem;
  problem = CheckSplit(data);
  if (!problem.empty()) return problem;
  core::SourceFile source("fuzz.yaml", std::string(data));
  doc::LoadOutput fast, slow, parallel;
  doc::LoadYamlWith(source, FuzzLimits(), fast, /*fast_path=*/true, /*threads=*/1);
  doc::LoadYamlWith(source, FuzzLimits(), slow, /*fast_path=*/false, /*threads=*/1);
  problem = CompareLoads(fast, slow);
  if (!problem.empty()) return "fast path: " + problem;
  doc::LoadYamlWith(source, FuzzLimits(), parallel, /*fast_path=*/true, /*threads=*/3);
  problem = CompareLoads(parallel, fast);
  if (!problem.empty()) return "threads: " + problem;
  return "";
}

/// JSON: the corpus loads without breaking invariants; the loader accepts exactly what the strict
/// scanner accepts (duplicate keys and limits aside), and for a single value the scanner agrees
/// with simdjson's DOM parser (which also rejects numbers a double cannot hold).
inline std::string CheckJson(std::string_view data) {
  std::string problem = CheckCorpus(data, "fuzz.json");
  if (!problem.empty()) return problem;
  core::Limits limits = FuzzLimits();
  core::SourceFile source("fuzz.json", std::string(data));
  if (!doc::LooksLikeJson(source.text())) return "";
  doc::LoadOutput out;
  doc::LoadJson(source, limits, /*padded=*/false, out);
  doc::JsonScan scan = doc::ScanJson(source.text(), limits.max_depth);
  bool loader_failed = false, only_semantic = true;
  for (const core::Diagnostic& d : out.diagnostics) {
    if (d.level != core::DiagLevel::kError) continue;
    loader_failed = true;
    if (d.message.rfind("duplicate key", 0) != 0 && d.message.rfind("scalar longer", 0) != 0 &&
        d.message.rfind("a JSON stream may contain", 0) != 0) {
      only_semantic = false;
    }
  }
  if (scan.error && !loader_failed)
    return "scanner rejects what the loader accepts: " + scan.error->message;
  if (!scan.error && loader_failed && !only_semantic)
    return "loader rejects what the scanner accepts";
  if (scan.values.size() == 1 || (scan.values.empty() && scan.error)) {
    simdjson::dom::parser parser(/*max_capacity=*/size_t{1} << 24);
    simdjson::dom::element element;
    // The loaders skip a UTF-8 byte order mark; simdjson's DOM parser does not.
    std::string_view body = source.text();
    if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
    simdjson::error_code e = parser.parse(body.data(), body.size()).get(element);
    bool dom_ok = e == simdjson::SUCCESS;
    bool scan_ok = !scan.error;
    bool excused = e == simdjson::NUMBER_ERROR || e == simdjson::NUMBER_OUT_OF_RANGE ||
                   e == simdjson::DEPTH_ERROR || e == simdjson::CAPACITY ||
                   (scan.error && scan.error->message.rfind("nesting deeper", 0) == 0);
    if (dom_ok != scan_ok && !excused) {
      return std::string("scanner and simdjson disagree: ") +
             (scan_ok ? "scanner accepts" : scan.error->message) + " / " +
             simdjson::error_message(e);
    }
  }
  return "";
}

}  // namespace centinela::fuzzing
