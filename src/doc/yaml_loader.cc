#include "doc/yaml_loader.h"

#include <libfyaml.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstring>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "doc/node_builder.h"
#include "doc/scalar.h"
#include "doc/utf8.h"
#include "doc/yaml_fast.h"
#include "doc/yaml_scalar.h"

namespace centinela::doc {
namespace {

using core::DiagLevel;

constexpr std::string_view kYamlTagPrefix = "tag:yaml.org,2002:";

bool IsMarkerLine(std::string_view line, std::string_view marker) {
  if (line.size() < 3 || line.substr(0, 3) != marker) return false;
  return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r';
}

bool IsBlankOrComment(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
  return i == line.size() || line[i] == '#';
}

// Exact masks (0x80 in each byte that matches) for a word whose bytes may be anything.
constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHigh = 0x8080808080808080ULL;
inline uint64_t ZeroBytes(uint64_t x) { return ~(((x & ~kHigh) + ~kHigh) | x) & kHigh; }
inline uint64_t BytesEqual(uint64_t word, char c) {
  return ZeroBytes(word ^ (kOnes * static_cast<unsigned char>(c)));
}

// The start of the first line after a '\n' at or after `pos` whose first byte is '-' or '.', or n.
size_t SkipToLineStartingWithDashOrDot(std::string_view text, size_t pos, size_t n) {
  const char* s = text.data();
  size_t i = pos;
  if constexpr (std::endian::native == std::endian::little) {
    // A '\n' at byte j of the word at i, and '-' or '.' at byte j of the word at i + 1.
    for (; i + 9 <= n; i += 8) {
      uint64_t word = 0, after = 0;
      std::memcpy(&word, s + i, 8);
      std::memcpy(&after, s + i + 1, 8);
      uint64_t hits = BytesEqual(word, '\n') & (BytesEqual(after, '-') | BytesEqual(after, '.'));
      if (hits != 0) return i + static_cast<size_t>(std::countr_zero(hits) / 8) + 1;
    }
  }
  for (; i + 1 < n; ++i) {
    if (s[i] == '\n' && (s[i + 1] == '-' || s[i + 1] == '.')) return i + 1;
  }
  return n;
}

// Number of '\n' in text[from, to).
uint32_t CountNewlines(std::string_view text, size_t from, size_t to) {
  const char* s = text.data();
  size_t count = 0;
  size_t i = from;
  for (; i + 8 <= to; i += 8) {
    uint64_t word = 0;
    std::memcpy(&word, s + i, 8);
    count += static_cast<size_t>(std::popcount(BytesEqual(word, '\n')));
  }
  for (; i < to; ++i) count += s[i] == '\n' ? 1 : 0;
  return static_cast<uint32_t>(count);
}

bool IsDigitChar(char c) { return c >= '0' && c <= '9'; }

std::string_view TokenText(fy_token* token) {
  if (token == nullptr) return {};
  size_t len = 0;
  const char* text = fy_token_get_text(token, &len);
  if (text == nullptr) return {};
  return {text, len};
}

std::string QuoteForMessage(std::string_view text) {
  if (text.size() > 60) return "\"" + std::string(text.substr(0, 57)) + "...\"";
  return "\"" + std::string(text) + "\"";
}

// Ignores libfyaml's printed diagnostics; errors are collected and read back with
// fy_diag_errors_iterate.
void DiscardDiagOutput(fy_diag* /*diag*/, void* /*user*/, const char* /*buf*/, size_t /*len*/) {}

// Parses chunks of one source into trees. One per thread; owns a libfyaml parser reused across
// chunks and recreated after an error.
class ChunkParser {
 public:
  ChunkParser(const core::SourceFile& source, const core::Limits& limits, Arena& arena,
              bool fast_path)
      : source_(source), limits_(limits), builder_(arena), fast_path_(fast_path) {}
  ~ChunkParser() { DestroyParser(); }
  ChunkParser(const ChunkParser&) = delete;
  ChunkParser& operator=(const ChunkParser&) = delete;

  void Parse(const YamlChunk& chunk, std::vector<LoadedDoc>& docs,
             std::vector<core::Diagnostic>& diags);

 private:
  struct Frame {
    bool mapping = false;
    uint32_t line = 0;
    uint32_t column = 0;
    size_t base = 0;        // index of the first child in children_
    uint64_t expanded = 1;  // nodes this container expands to, itself included
    std::string anchor;
  };
  struct Anchor {
    const Node* node = nullptr;  // null while the anchored container is still open
    uint64_t expanded = 0;
  };

  bool EnsureParser();
  void DestroyParser();
  bool Handle(fy_event* ev);
  bool HandleScalar(fy_event* ev);
  bool DecodeScalar(fy_scalar_style style, size_t offset, std::string_view* text);
  bool HandleAlias(fy_event* ev);
  bool HandleStart(fy_event* ev, bool mapping);
  bool HandleEnd();
  void Add(const Node* node, uint64_t expanded);
  core::SourceFile::LineCol Position(fy_event* ev);
  core::SourceFile::LineCol PositionAt(size_t offset) { return last_pos_ = cursor_.Locate(offset); }
  size_t StartOffset(fy_event* ev) const;
  bool Fail(core::SourceFile::LineCol at, std::string message);
  void StartDocument();
  void SyntaxError();

  const core::SourceFile& source_;
  const core::Limits& limits_;
  NodeBuilder builder_;
  bool fast_path_;
  fy_diag* diag_ = nullptr;
  fy_parser* parser_ = nullptr;

  // Per chunk.
  const YamlChunk* chunk_ = nullptr;
  LineCursor cursor_{source_, 0, 1};
  std::vector<LoadedDoc>* docs_ = nullptr;
  std::vector<core::Diagnostic>* diags_ = nullptr;
  core::SourceFile::LineCol last_pos_{0, 0};
  bool failed_ = false;

  // Per document.
  bool in_document_ = false;
  uint32_t doc_line_ = 0;
  const Node* root_ = nullptr;
  bool root_empty_ = false;
  uint64_t alias_expanded_ = 0;
  std::vector<Frame> frames_;
  std::vector<const Node*> children_;
  std::unordered_map<std::string, Anchor> anchors_;
  std::vector<LoadProblem> warnings_;
  std::string scratch_;  // the value of the quoted or block scalar being handled
};

bool ChunkParser::EnsureParser() {
  if (parser_ != nullptr) return true;
  fy_diag_cfg dcfg;
  fy_diag_cfg_default(&dcfg);
  dcfg.fp = nullptr;
  dcfg.output_fn = DiscardDiagOutput;
  dcfg.colorize = false;
  diag_ = fy_diag_create(&dcfg);
  if (diag_ == nullptr) return false;
  fy_diag_set_collect_errors(diag_, true);
  fy_parse_cfg cfg{};
  // Our own depth limit applies (the event parser is not recursive); YAML 1.2 syntax, never JSON
  // mode.
  cfg.flags =
      static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE |
                                      FYPCF_DISABLE_DEPTH_LIMIT | FYPCF_ALLOW_DUPLICATE_KEYS);
  cfg.diag = diag_;
  parser_ = fy_parser_create(&cfg);
  if (parser_ == nullptr) {
    DestroyParser();
    return false;
  }
  return true;
}

void ChunkParser::DestroyParser() {
  // libfyaml 0.7.12 frees collected errors only when collection is switched off, not on destroy.
  if (diag_ != nullptr) fy_diag_set_collect_errors(diag_, false);
  if (parser_ != nullptr) fy_parser_destroy(parser_);
  parser_ = nullptr;
  if (diag_ != nullptr) fy_diag_unref(diag_);
  diag_ = nullptr;
}

size_t ChunkParser::StartOffset(fy_event* ev) const {
  const fy_mark* mark = fy_event_start_mark(ev);
  if (mark == nullptr) return std::string_view::npos;
  return std::min(chunk_->begin + mark->input_pos, chunk_->end);
}

core::SourceFile::LineCol ChunkParser::Position(fy_event* ev) {
  size_t offset = StartOffset(ev);
  return offset == std::string_view::npos ? last_pos_ : PositionAt(offset);
}

// The offset of the `|` or `>` that introduces a block scalar whose content libfyaml locates at
// `content`: on the content's line before it, or on the closest non-blank line above. `content`
// when not found.
size_t BlockScalarIndicator(std::string_view text, size_t begin, size_t content) {
  auto find_in = [&](size_t line_start, size_t line_end) -> size_t {
    std::string_view line = text.substr(line_start, line_end - line_start);
    for (size_t p = 0; p < line.size(); ++p) {
      if ((line[p] != '|' && line[p] != '>') ||
          (p > 0 && line[p - 1] != ' ' && line[p - 1] != '\t'))
        continue;
      size_t q = p + 1;
      while (q < line.size() && q < p + 3 &&
             (IsDigitChar(line[q]) || line[q] == '+' || line[q] == '-'))
        ++q;
      while (q < line.size() && (line[q] == ' ' || line[q] == '\t' || line[q] == '\r')) ++q;
      if (q == line.size() ||
          (line[q] == '#' && q > p + 1 && (line[q - 1] == ' ' || line[q - 1] == '\t'))) {
        return line_start + p;
      }
    }
    return std::string_view::npos;
  };
  size_t line_start = content;
  while (line_start > begin && text[line_start - 1] != '\n') --line_start;
  if (size_t found = find_in(line_start, content); found != std::string_view::npos) return found;
  while (line_start > begin) {
    size_t end = line_start - 1;  // the '\n' ending the previous line
    size_t start = end;
    while (start > begin && text[start - 1] != '\n') --start;
    if (!IsBlankOrComment(text.substr(start, end - start))) {
      size_t found = find_in(start, end);
      return found != std::string_view::npos ? found : content;
    }
    line_start = start;
  }
  return content;
}

bool ChunkParser::Fail(core::SourceFile::LineCol at, std::string message) {
  diags_->push_back(
      MakeDiagnostic(DiagLevel::kError, source_, at.line, at.column, std::move(message)));
  failed_ = true;
  return false;
}

void ChunkParser::StartDocument() {
  in_document_ = true;
  doc_line_ = 0;
  root_ = nullptr;
  root_empty_ = false;
  alias_expanded_ = 0;
  frames_.clear();
  children_.clear();
  anchors_.clear();
  warnings_.clear();
}

void ChunkParser::Add(const Node* node, uint64_t expanded) {
  if (frames_.empty()) {
    root_ = node;
    if (doc_line_ == 0) doc_line_ = node->line();
    return;
  }
  children_.push_back(node);
  uint64_t& total = frames_.back().expanded;
  total = std::min<uint64_t>(total + expanded, uint64_t{1} << 62);
}

// Quoted and block scalars are decoded from the source, not taken from libfyaml (see
// yaml_scalar.h).
bool ChunkParser::DecodeScalar(fy_scalar_style style, size_t offset, std::string_view* text) {
  std::string_view whole = source_.text().substr(0, chunk_->end);
  bool quoted = style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED;
  bool block = style == FYSS_LITERAL || style == FYSS_FOLDED;
  char want = style == FYSS_SINGLE_QUOTED   ? '\''
              : style == FYSS_DOUBLE_QUOTED ? '"'
              : style == FYSS_LITERAL       ? '|'
                                            : '>';
  if ((!quoted && !block) || offset == std::string_view::npos || offset >= whole.size() ||
      whole[offset] != want) {
    return Fail(last_pos_, "internal error: cannot locate a scalar in the source");
  }
  // The parent indentation for block scalars: the column of the innermost block collection.
  int parent_indent = frames_.empty() ? -1 : static_cast<int>(frames_.back().column) - 1;
  TextProblem problem;
  bool ok = quoted ? DecodeQuotedScalar(whole, offset, &scratch_, &problem)
                   : DecodeBlockScalar(whole, offset, parent_indent, &scratch_, &problem);
  if (!ok) return Fail(PositionAt(problem.offset), "YAML syntax error: " + problem.message);
  *text = scratch_;
  return true;
}

bool ChunkParser::HandleScalar(fy_event* ev) {
  fy_token* value = ev->scalar.value;
  fy_scalar_style style = fy_token_scalar_style(value);
  // Report a scalar where it begins: libfyaml marks the content, after a quote or a block header.
  size_t offset = StartOffset(ev);
  std::string_view whole = source_.text();
  if (offset != std::string_view::npos && offset > chunk_->begin) {
    if ((style == FYSS_DOUBLE_QUOTED && whole[offset - 1] == '"') ||
        (style == FYSS_SINGLE_QUOTED && whole[offset - 1] == '\'')) {
      --offset;
    } else if (style == FYSS_LITERAL || style == FYSS_FOLDED) {
      offset = BlockScalarIndicator(whole, chunk_->begin, offset);
    }
  }
  core::SourceFile::LineCol at = offset == std::string_view::npos ? last_pos_ : PositionAt(offset);
  std::string_view text;
  if (style == FYSS_PLAIN) {
    text = TokenText(value);
  } else if (!DecodeScalar(style, offset, &text)) {
    return false;
  }
  if (text.size() > limits_.max_scalar_bytes) {
    return Fail(at, "scalar longer than the limit of " + std::to_string(limits_.max_scalar_bytes) +
                        " bytes");
  }
  bool plain = style == FYSS_PLAIN;
  bool key_position = !frames_.empty() && frames_.back().mapping &&
                      (children_.size() - frames_.back().base) % 2 == 0;
  bool merge_key = false;
  NodeKind kind = NodeKind::kString;
  std::string_view tag = TokenText(ev->scalar.tag);
  if (!tag.empty()) {
    std::string_view suffix;
    if (tag.substr(0, kYamlTagPrefix.size()) == kYamlTagPrefix)
      suffix = tag.substr(kYamlTagPrefix.size());
    NodeKind resolved = ResolvePlainScalar(text);
    if (suffix == "int" || suffix == "bool") {
      NodeKind want = suffix == "int" ? NodeKind::kInt : NodeKind::kBool;
      if (resolved != want)
        return Fail(at, "cannot decode " + QuoteForMessage(text) + " as !!" + std::string(suffix));
      kind = want;
    } else if (suffix == "float") {
      if (resolved != NodeKind::kFloat && resolved != NodeKind::kInt) {
        return Fail(at, "cannot decode " + QuoteForMessage(text) + " as !!float");
      }
      kind = NodeKind::kFloat;
    } else if (suffix == "null") {
      kind = resolved == NodeKind::kNull ? NodeKind::kNull : NodeKind::kString;
    } else if (suffix == "merge") {
      merge_key = key_position && text == "<<";
    }
    // Any other tag (!!str, !!binary, !!timestamp, custom and non-specific tags) reads as a string.
  } else if (plain) {
    kind = ResolvePlainScalar(text);
    merge_key = key_position && text == "<<";
  }
  // Keep pointers into the source (immutable, owned by the Corpus) when the value is written as is
  // there; copy values that had to be built.
  const char* stored = text.data();
  if (!plain && offset != std::string_view::npos &&
      (style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) &&
      offset + 1 + text.size() < whole.size() &&
      whole.compare(offset + 1, text.size(), text) == 0 &&
      whole[offset + 1 + text.size()] == whole[offset]) {
    stored = whole.data() + offset + 1;
  } else if (!text.empty() && !(text.data() >= whole.data() &&
                                text.data() + text.size() <= whole.data() + whole.size())) {
    stored = builder_.arena().CopyString(text);
  }
  const Node* node =
      builder_.Scalar(kind, std::string_view(text.empty() ? "" : stored, text.size()), !plain,
                      merge_key, at.line, at.column);
  if (frames_.empty() && plain && text.empty() && tag.empty() && ev->scalar.anchor == nullptr)
    root_empty_ = true;
  std::string_view anchor = TokenText(ev->scalar.anchor);
  if (!anchor.empty()) anchors_[std::string(anchor)] = Anchor{node, 1};
  Add(node, 1);
  return true;
}

bool ChunkParser::HandleAlias(fy_event* ev) {
  size_t offset = StartOffset(ev);
  if (offset != std::string_view::npos && offset > chunk_->begin &&
      source_.text()[offset - 1] == '*')
    --offset;
  core::SourceFile::LineCol at = offset == std::string_view::npos ? last_pos_ : PositionAt(offset);
  std::string name(TokenText(ev->alias.anchor));
  auto it = anchors_.find(name);
  if (it == anchors_.end()) return Fail(at, "unknown anchor \"" + name + "\"");
  if (it->second.node == nullptr)
    return Fail(at, "alias \"" + name + "\" refers to a node that contains it");
  alias_expanded_ += it->second.expanded;
  if (alias_expanded_ > limits_.max_alias_expansion) {
    return Fail(at, "aliases expand to more than the limit of " +
                        std::to_string(limits_.max_alias_expansion) + " nodes");
  }
  Add(it->second.node, it->second.expanded);
  return true;
}

bool ChunkParser::HandleStart(fy_event* ev, bool mapping) {
  core::SourceFile::LineCol at = Position(ev);
  if (frames_.size() >= limits_.max_depth) {
    return Fail(
        at, "nesting deeper than the limit of " + std::to_string(limits_.max_depth) + " levels");
  }
  Frame frame;
  frame.mapping = mapping;
  frame.line = at.line;
  frame.column = at.column;
  frame.base = children_.size();
  std::string_view anchor =
      TokenText(mapping ? ev->mapping_start.anchor : ev->sequence_start.anchor);
  if (!anchor.empty()) {
    frame.anchor = std::string(anchor);
    anchors_[frame.anchor] = Anchor{};
  }
  if (frames_.empty() && doc_line_ == 0) doc_line_ = at.line;
  frames_.push_back(std::move(frame));
  return true;
}

bool ChunkParser::HandleEnd() {
  if (frames_.empty()) return Fail(last_pos_, "YAML syntax error: unbalanced collection end");
  Frame frame = std::move(frames_.back());
  frames_.pop_back();
  std::span<const Node* const> kids(children_.data() + frame.base, children_.size() - frame.base);
  const Node* node = nullptr;
  if (frame.mapping) {
    LoadProblem problem;
    node = builder_.Mapping(kids, frame.line, frame.column, &problem, &warnings_);
    if (node == nullptr) return Fail({problem.line, problem.column}, std::move(problem.message));
  } else {
    node = builder_.Sequence(kids, frame.line, frame.column);
  }
  children_.resize(frame.base);
  if (!frame.anchor.empty()) anchors_[frame.anchor] = Anchor{node, frame.expanded};
  Add(node, frame.expanded);
  return true;
}

bool ChunkParser::Handle(fy_event* ev) {
  switch (ev->type) {
    case FYET_NONE:
    case FYET_STREAM_START:
    case FYET_STREAM_END: return true;
    case FYET_DOCUMENT_START: StartDocument(); return true;
    case FYET_DOCUMENT_END:
      if (root_ != nullptr && !root_empty_) {
        docs_->push_back(LoadedDoc{root_, doc_line_});
        for (LoadProblem& w : warnings_) {
          diags_->push_back(
              MakeDiagnostic(DiagLevel::kWarning, source_, w.line, w.column, std::move(w.message)));
        }
      }
      in_document_ = false;
      return true;
    case FYET_SCALAR: return HandleScalar(ev);
    case FYET_ALIAS: return HandleAlias(ev);
    case FYET_SEQUENCE_START: return HandleStart(ev, false);
    case FYET_MAPPING_START: return HandleStart(ev, true);
    case FYET_SEQUENCE_END:
    case FYET_MAPPING_END: return HandleEnd();
  }
  return true;
}

void ChunkParser::SyntaxError() {
  std::string message = "YAML syntax error";
  core::SourceFile::LineCol at = last_pos_;
  // The first error of this chunk (warnings such as an unsupported directive are collected too).
  fy_diag_error* err = nullptr;
  void* iter = nullptr;
  while (fy_diag_error* e = fy_diag_errors_iterate(diag_, &iter)) {
    if (err == nullptr || (err->type < FYET_ERROR && e->type >= FYET_ERROR)) err = e;
    if (err->type >= FYET_ERROR) break;
  }
  if (err != nullptr) {
    if (err->msg != nullptr && err->msg[0] != '\0') message += std::string(": ") + err->msg;
    if (err->line > 0) {
      at.line = chunk_->line + static_cast<uint32_t>(err->line) - 1;
      at.column = static_cast<uint32_t>(std::max(err->column, 1));
      // libfyaml counts columns in characters; report bytes like everything else.
      std::string_view text = source_.Line(at.line);
      uint32_t chars = 0;
      size_t i = 0;
      for (; i < text.size() && chars + 1 < at.column; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
        if (chars + 1 == at.column) {
          ++i;
          while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
          break;
        }
      }
      if (at.column > 1) at.column = static_cast<uint32_t>(std::min(i, text.size())) + 1;
    }
  }
  // An error at the end of the chunk (an unclosed collection, say) is shown after the document's
  // last character rather than on the next document's `---`.
  std::string_view whole = source_.text();
  size_t last = chunk_->end;
  while (last > chunk_->begin && std::isspace(static_cast<unsigned char>(whole[last - 1]))) --last;
  core::SourceFile::LineCol end = source_.Locate(last);
  if (last > chunk_->begin &&
      (at.line > end.line || (at.line == end.line && at.column > end.column)))
    at = end;
  Fail(at, std::move(message));
}

void ChunkParser::Parse(const YamlChunk& chunk, std::vector<LoadedDoc>& docs,
                        std::vector<core::Diagnostic>& diags) {
  chunk_ = &chunk;
  docs_ = &docs;
  diags_ = &diags;
  failed_ = false;
  in_document_ = false;
  doc_line_ = 0;
  cursor_ = LineCursor(source_, chunk.begin, chunk.line);
  last_pos_ = {chunk.line, 1};
  std::string_view text = source_.text().substr(chunk.begin, chunk.end - chunk.begin);

  TextStats stats;
  if (std::optional<TextProblem> problem = CheckText(text, /*yaml_chars=*/true, &stats)) {
    Fail(cursor_.Locate(chunk.begin + problem->offset), std::move(problem->message));
    docs.push_back(LoadedDoc{nullptr, chunk.line});
    return;
  }
  if (fast_path_) {
    if (const Node* root = ParseSimpleYaml(source_, chunk.begin, chunk.end, chunk.line, limits_,
                                           builder_, &stats)) {
      docs.push_back(LoadedDoc{root, root->line()});
      return;
    }
  }
  if (!EnsureParser()) {
    Fail(last_pos_, "internal error: cannot create the YAML parser");
    docs.push_back(LoadedDoc{nullptr, chunk.line});
    return;
  }
  fy_parser_reset(parser_);
  // Forget what the previous chunk collected (switching collection off frees it).
  fy_diag_set_collect_errors(diag_, false);
  fy_diag_set_collect_errors(diag_, true);
  if (fy_parser_set_string(parser_, text.data(), text.size()) != 0) {
    Fail(last_pos_, "internal error: cannot start the YAML parser");
    DestroyParser();
    docs.push_back(LoadedDoc{nullptr, chunk.line});
    return;
  }
  while (!failed_) {
    fy_event* ev = fy_parser_parse(parser_);
    if (ev == nullptr) break;
    bool ok = Handle(ev);
    fy_parser_event_free(parser_, ev);
    if (!ok) break;
  }
  if (!failed_ && fy_parser_get_stream_error(parser_)) SyntaxError();
  if (failed_) {
    docs.push_back(LoadedDoc{nullptr, doc_line_ != 0 ? doc_line_ : chunk.line});
    DestroyParser();  // a fresh parser for the next chunk: no state survives an error
  }
}

struct WorkerOutput {
  std::vector<LoadedDoc> docs;
  std::vector<core::Diagnostic> diags;
};

void ParseChunks(const core::SourceFile& source, const core::Limits& limits,
                 std::span<const YamlChunk> chunks, bool fast_path, Arena& arena,
                 WorkerOutput& out) {
  ChunkParser parser(source, limits, arena, fast_path);
  for (const YamlChunk& chunk : chunks) parser.Parse(chunk, out.docs, out.diags);
}

}  // namespace

std::vector<YamlChunk> SplitYamlStream(std::string_view text) {
  return SplitYamlStream(text, 0, text.size(), 1);
}

std::vector<YamlChunk> SplitYamlStream(std::string_view text, size_t begin, size_t end,
                                       uint32_t line) {
  std::vector<YamlChunk> chunks;
  size_t n = std::min(end, text.size());
  size_t pos = begin;
  YamlChunk cur{begin, begin, line};
  bool has_content = false;
  bool has_directive = false;
  auto close = [&](size_t chunk_end, size_t next_begin, uint32_t next_line) {
    cur.end = chunk_end;
    if (has_content || has_directive) chunks.push_back(cur);
    cur = YamlChunk{next_begin, next_begin, next_line};
    has_content = false;
    has_directive = false;
  };
  while (pos < n) {
    if (has_content && pos > begin) {
      // Inside a document only markers matter: jump to the next line starting with '-' or '.'.
      size_t skipped = SkipToLineStartingWithDashOrDot(text, pos - 1, n);
      line += CountNewlines(text, pos, skipped);
      pos = skipped;
      if (pos >= n) break;
    }
    size_t line_end = FindNewline(text, pos, n);
    size_t next = line_end < n ? line_end + 1 : n;
    size_t start = pos;
    if (start == 0 && text.substr(0, 3) == "\xEF\xBB\xBF") start = std::min<size_t>(3, line_end);
    std::string_view l = text.substr(start, line_end - start);
    if (IsMarkerLine(l, "---")) {
      if (has_content) close(pos, pos, line);
      has_content = true;
    } else if (IsMarkerLine(l, "...")) {
      close(next, next, line + 1);
    } else if (has_content) {
      // Inside a document only markers matter.
    } else if (!l.empty() && l[0] == '%') {
      has_directive = true;
    } else if (!IsBlankOrComment(l)) {
      has_content = true;  // comments before a document stay with it
    }
    pos = next;
    ++line;
  }
  close(n, n, line);
  return chunks;
}

std::vector<size_t> CutYamlStream(std::string_view text, size_t parts) {
  std::vector<size_t> cuts{0};
  size_t n = text.size();
  size_t pos = 0;
  for (size_t k = 1; k < parts; ++k) {
    pos = std::max(pos, n / parts * k);
    // The start of the next line.
    pos = FindNewline(text, pos, n);
    while (pos < n) {
      size_t line_start = pos + 1;
      size_t line_end = FindNewline(text, line_start, n);
      std::string_view l = text.substr(line_start, line_end - line_start);
      if (line_start < n && IsMarkerLine(l, "---")) {
        size_t prev_start = pos;
        while (prev_start > 0 && text[prev_start - 1] != '\n') --prev_start;
        std::string_view prev = text.substr(prev_start, pos - prev_start);
        if (prev_start > 0 && !IsBlankOrComment(prev) && prev[0] != '%') {
          cuts.push_back(line_start);
          pos = line_start;
          break;
        }
      }
      pos = line_end;
    }
    if (pos >= n) break;
  }
  return cuts;
}

namespace {

struct Part {
  size_t begin = 0;
  size_t end = 0;
  WorkerOutput out;
};

void ParsePart(const core::SourceFile& source, const core::Limits& limits, bool fast_path,
               Arena& arena, Part& part) {
  uint32_t line = part.begin == 0 ? 1 : source.Locate(part.begin).line;
  std::vector<YamlChunk> chunks = SplitYamlStream(source.text(), part.begin, part.end, line);
  ParseChunks(source, limits, chunks, fast_path, arena, part.out);
}

}  // namespace

void LoadYaml(const core::SourceFile& source, const core::Limits& limits, LoadOutput& out) {
  LoadYamlWith(source, limits, out, /*fast_path=*/true);
}

void LoadYamlWith(const core::SourceFile& source, const core::Limits& limits, LoadOutput& out,
                  bool fast_path, unsigned threads) {
  std::string_view text = source.text();
  if (text.empty()) return;
  // Large streams are cut at document boundaries into one part per thread; each thread splits its
  // part into documents and parses them into its own arena. The parts are merged back in order.
  std::vector<size_t> cuts =
      CutYamlStream(text, threads != 0 ? threads : LoaderThreads(text.size()));
  std::vector<Part> parts(cuts.size());
  std::vector<std::unique_ptr<Arena>> arenas;
  for (size_t i = 0; i < parts.size(); ++i) {
    parts[i].begin = cuts[i];
    parts[i].end = i + 1 < cuts.size() ? cuts[i + 1] : text.size();
    arenas.push_back(std::make_unique<Arena>());
  }
  std::vector<std::thread> pool;
  for (size_t i = 1; i < parts.size(); ++i) {
    try {
      pool.emplace_back(ParsePart, std::cref(source), std::cref(limits), fast_path,
                        std::ref(*arenas[i]), std::ref(parts[i]));
    } catch (const std::system_error&) {
      ParsePart(source, limits, fast_path, *arenas[i], parts[i]);  // no thread: do it here
    }
  }
  ParsePart(source, limits, fast_path, *arenas[0], parts[0]);
  for (std::thread& t : pool) t.join();

  for (Part& part : parts) {
    out.docs.insert(out.docs.end(), part.out.docs.begin(), part.out.docs.end());
    for (core::Diagnostic& d : part.out.diags) out.diagnostics.push_back(std::move(d));
  }
  for (auto& a : arenas) out.arenas.push_back(std::move(a));
}

}  // namespace centinela::doc
