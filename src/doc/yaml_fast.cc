#include "doc/yaml_fast.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "doc/loader.h"
#include "doc/scalar.h"

namespace centinela::doc {
namespace {

// Characters that end a run of ordinary characters in a plain key or scalar: space, '#', ':'.
constexpr std::array<bool, 256> kPlainStop = [] {
  std::array<bool, 256> t{};
  t[static_cast<unsigned char>(' ')] = true;
  t[static_cast<unsigned char>('#')] = true;
  t[static_cast<unsigned char>(':')] = true;
  return t;
}();

// Characters that cannot start a plain scalar (YAML c-indicators); `-`, `?` and `:` are handled
// apart.
bool IsIndicator(char c) {
  switch (c) {
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
    case '&':
    case '*':
    case '!':
    case '|':
    case '>':
    case '\'':
    case '"':
    case '%':
    case '@':
    case '`': return true;
    default: return false;
  }
}

class FastParser {
 public:
  FastParser(const core::SourceFile& source, size_t begin, size_t end, uint32_t line,
             const core::Limits& limits, NodeBuilder& builder)
      : text_(source.text()),
        end_(end),
        limits_(limits),
        builder_(builder),
        next_(begin),
        next_line_(line) {}

  const Node* Parse();

 private:
  // Moves to the next line holding content (not blank, not only a comment). False at the end of the
  // document.
  bool NextContentLine();
  uint32_t Column(size_t offset) const { return static_cast<uint32_t>(offset - line_start_ + 1); }
  size_t Indent() const { return pos_ - line_start_; }
  bool AtSequenceItem() const {
    return text_[pos_] == '-' && (pos_ + 1 == line_end_ || text_[pos_ + 1] == ' ');
  }
  // After a value on the current line: only spaces and a comment may follow. Then moves to the next
  // line.
  bool FinishLine(size_t p);

  const Node* Item(uint32_t depth);
  const Node* Mapping(uint32_t depth);
  const Node* Sequence(uint32_t depth);
  const Node* Scalar(size_t p, size_t* after);
  // A literal block scalar (`|` or `|-`) starting at p, the value of a key of a mapping indented by
  // `indent`. Consumes its lines and moves to the next content line. nullptr when unsupported.
  const Node* LiteralScalar(size_t p, size_t indent);
  // Where the key starting at pos_ ends (its ':'), or npos when the line is not a `key: ...` entry.
  size_t FindKeyColon() const;

  std::string_view text_;
  size_t end_;
  const core::Limits& limits_;
  NodeBuilder& builder_;
  std::vector<const Node*> stack_;
  std::string scratch_;

  size_t next_;  // start of the line after the current one
  uint32_t next_line_;
  bool eof_ = false;
  // Something the fast path does not handle was seen outside the node being parsed.
  bool give_up_ = false;
  size_t line_start_ = 0;
  size_t line_end_ = 0;
  size_t pos_ = 0;  // the current position: content start, or where a compact nested node begins
  uint32_t line_ = 0;
};

bool FastParser::NextContentLine() {
  while (next_ < end_) {
    size_t start = next_;
    uint32_t number = next_line_++;
    size_t p = start;
    while (p < end_ && text_[p] == ' ') ++p;
    if (p < end_ && text_[p] == '\n') {  // a blank line
      next_ = p + 1;
      continue;
    }
    size_t stop = FindNewline(text_, p, end_);
    next_ = stop < end_ ? stop + 1 : end_;
    if (p == stop || text_[p] == '#') continue;
    if (p == start && stop - start >= 3 && text_.compare(start, 3, "...") == 0 &&
        (stop - start == 3 || text_[start + 3] == ' ')) {
      // A document end marker: only a comment may follow it (the splitter ends the chunk on this
      // line).
      size_t q = start + 3;
      while (q < stop && text_[q] == ' ') ++q;
      if (q < stop && text_[q] != '#') give_up_ = true;
      next_ = end_;
      break;
    }
    line_start_ = start;
    line_end_ = stop;
    pos_ = p;
    line_ = number;
    return true;
  }
  eof_ = true;
  return false;
}

bool FastParser::FinishLine(size_t p) {
  while (p < line_end_ && text_[p] == ' ') ++p;
  if (p < line_end_ && !(text_[p] == '#' && text_[p - 1] == ' ')) return false;
  NextContentLine();
  return true;
}

size_t FastParser::FindKeyColon() const {
  size_t p = pos_;
  char c = text_[p];
  if (c == '"' || c == '\'') {
    const void* close = std::memchr(text_.data() + p + 1, c, line_end_ - p - 1);
    if (close == nullptr) return std::string_view::npos;
    size_t q = static_cast<size_t>(static_cast<const char*>(close) - text_.data()) + 1;
    if (q < line_end_ && text_[q] == ':' && (q + 1 == line_end_ || text_[q + 1] == ' ')) return q;
    return std::string_view::npos;
  }
  for (; p < line_end_; ++p) {
    if (!kPlainStop[static_cast<unsigned char>(text_[p])]) continue;
    if (text_[p] == ':' && (p + 1 == line_end_ || text_[p + 1] == ' ')) return p;
    if (text_[p] == '#' && p > pos_ && text_[p - 1] == ' ') return std::string_view::npos;
  }
  return std::string_view::npos;
}

// A single-line scalar starting at p; sets *after to the offset following it. nullptr when
// unsupported.
const Node* FastParser::Scalar(size_t p, size_t* after) {
  char c = text_[p];
  uint32_t column = Column(p);
  if (c == '"') {
    size_t q = p + 1;
    while (q < line_end_ && text_[q] != '"') {
      if (text_[q] == '\\') return nullptr;
      ++q;
    }
    if (q >= line_end_ || q - p - 1 > limits_.max_scalar_bytes) return nullptr;
    *after = q + 1;
    return builder_.Scalar(NodeKind::kString, text_.substr(p + 1, q - p - 1), true, false, line_,
                           column);
  }
  if (c == '\'') {
    size_t q = p + 1;
    bool escaped = false;
    while (true) {
      while (q < line_end_ && text_[q] != '\'') ++q;
      if (q >= line_end_) return nullptr;
      if (q + 1 < line_end_ && text_[q + 1] == '\'') {
        escaped = true;
        q += 2;
        continue;
      }
      break;
    }
    if (q - p - 1 > limits_.max_scalar_bytes) return nullptr;
    *after = q + 1;
    std::string_view raw = text_.substr(p + 1, q - p - 1);
    if (!escaped) return builder_.Scalar(NodeKind::kString, raw, true, false, line_, column);
    std::string value;
    for (size_t i = 0; i < raw.size(); ++i) {
      value += raw[i];
      if (raw[i] == '\'') ++i;
    }
    std::string_view stored(builder_.arena().CopyString(value), value.size());
    return builder_.Scalar(NodeKind::kString, stored, true, false, line_, column);
  }
  if (c == '{' || c == '[') {
    if (p + 1 >= line_end_ || text_[p + 1] != (c == '{' ? '}' : ']')) return nullptr;
    *after = p + 2;
    if (c == '{') return builder_.Mapping({}, line_, column, nullptr, nullptr);
    return builder_.Sequence({}, line_, column);
  }
  if (IsIndicator(c) || c == '?' || c == ':' ||
      (c == '-' && (p + 1 == line_end_ || text_[p + 1] == ' '))) {
    return nullptr;
  }
  size_t q = p;
  size_t last = p;  // end of the last non-space character
  for (; q < line_end_; ++q) {
    char d = text_[q];
    if (!kPlainStop[static_cast<unsigned char>(d)]) {
      last = q + 1;
      continue;
    }
    if (d == ' ') continue;
    if (d == '#' && text_[q - 1] == ' ') break;
    if (d == ':' && (q + 1 == line_end_ || text_[q + 1] == ' ')) return nullptr;
    last = q + 1;
  }
  if (last - p > limits_.max_scalar_bytes) return nullptr;
  *after = last;
  std::string_view value = text_.substr(p, last - p);
  return builder_.Scalar(ResolvePlainScalar(value), value, false, false, line_, column);
}

const Node* FastParser::LiteralScalar(size_t p, size_t indent) {
  uint32_t line = line_;
  uint32_t column = Column(p);
  // The header: `|` or `|-`, then only spaces and a comment. Indentation indicators and `|+`: give
  // up.
  size_t q = p + 1;
  bool strip = q < line_end_ && text_[q] == '-';
  if (strip) ++q;
  if (q < line_end_ && text_[q] != ' ') return nullptr;
  while (q < line_end_ && text_[q] == ' ') ++q;
  if (q < line_end_ && text_[q] != '#') return nullptr;

  scratch_.clear();
  size_t content_indent = 0;  // 0 until the first content line sets it
  size_t blank_lines = 0;     // whitespace-only lines not yet added
  size_t widest_leading_blank = 0;
  bool first = true;
  bool last_had_break = false;
  while (next_ < end_) {
    size_t start = next_;
    size_t stop = FindNewline(text_, start, end_);
    size_t sp = start;
    while (sp < stop && text_[sp] == ' ') ++sp;
    size_t spaces = sp - start;
    if (sp == stop) {
      // A whitespace-only line: an empty line of the scalar, unless its spaces would be content.
      if (content_indent == 0) {
        widest_leading_blank = std::max(widest_leading_blank, spaces);
      } else if (spaces > content_indent) {
        return nullptr;
      }
      ++blank_lines;
    } else {
      if (content_indent == 0) {
        if (spaces <= indent) break;  // no content at all: an empty scalar, left to libfyaml
        content_indent = spaces;
        if (widest_leading_blank > content_indent) return nullptr;
      } else if (spaces < content_indent) {
        break;  // the scalar ends before a less indented line
      }
      // Line breaks: one per leading empty line; between content lines, one plus one per empty
      // line.
      scratch_.append(blank_lines + (first ? 0 : 1), '\n');
      first = false;
      scratch_.append(text_.data() + start + content_indent, stop - start - content_indent);
      blank_lines = 0;
      last_had_break = stop < end_;
    }
    next_ = stop < end_ ? stop + 1 : end_;
    ++next_line_;
  }
  if (content_indent == 0 || !last_had_break) return nullptr;
  if (!strip) scratch_ += '\n';
  if (scratch_.size() > limits_.max_scalar_bytes) return nullptr;
  std::string_view stored(builder_.arena().CopyString(scratch_), scratch_.size());
  const Node* node =
      builder_.Scalar(NodeKind::kString, stored, /*quoted=*/true, false, line, column);
  NextContentLine();
  return node;
}

const Node* FastParser::Item(uint32_t depth) {
  if (AtSequenceItem()) return Sequence(depth);
  if (FindKeyColon() != std::string_view::npos) return Mapping(depth);
  size_t after = 0;
  const Node* node = Scalar(pos_, &after);
  if (node == nullptr || !FinishLine(after)) return nullptr;
  return node;
}

const Node* FastParser::Mapping(uint32_t depth) {
  if (depth >= limits_.max_depth) return nullptr;
  size_t indent = Indent();
  uint32_t line = line_;
  uint32_t column = Column(pos_);
  size_t base = stack_.size();
  while (true) {
    size_t colon = FindKeyColon();
    if (colon == std::string_view::npos) return nullptr;
    const Node* key = nullptr;
    if (text_[pos_] == '"' || text_[pos_] == '\'') {
      size_t after = 0;
      key = Scalar(pos_, &after);
      if (key == nullptr || after != colon) return nullptr;
    } else {
      if (IsIndicator(text_[pos_]) || text_[pos_] == '-' || text_[pos_] == '?' ||
          text_[pos_] == ':' || text_[colon - 1] == ' ') {
        return nullptr;
      }
      std::string_view k = text_.substr(pos_, colon - pos_);
      if (k == "<<" || k.size() > limits_.max_scalar_bytes) return nullptr;
      key = builder_.Scalar(ResolvePlainScalar(k), k, false, false, line_, Column(pos_));
    }
    size_t p = colon + 1;
    while (p < line_end_ && text_[p] == ' ') ++p;
    const Node* value = nullptr;
    if (p == line_end_ || text_[p] == '#') {
      // The value is a block on the following lines: more indented, or an indentless sequence.
      if (!NextContentLine()) return nullptr;
      size_t child = Indent();
      if (child > indent) {
        value = Item(depth + 1);
        // A scalar alone on the next line is a multi-line value written differently by libfyaml:
        // give up.
        if (value != nullptr && value->IsScalar()) return nullptr;
      } else if (child == indent && AtSequenceItem()) {
        value = Sequence(depth + 1);
      }
    } else if (text_[p] == '|') {
      value = LiteralScalar(p, indent);
    } else {
      size_t after = 0;
      value = Scalar(p, &after);
      if (value != nullptr && !FinishLine(after)) return nullptr;
    }
    if (value == nullptr) return nullptr;
    stack_.push_back(key);
    stack_.push_back(value);
    if (eof_ || Indent() < indent) break;
    if (Indent() > indent || AtSequenceItem()) return nullptr;
  }
  LoadProblem problem;
  std::span<const Node* const> kv(stack_.data() + base, stack_.size() - base);
  const Node* node = builder_.Mapping(kv, line, column, &problem, nullptr);
  stack_.resize(base);
  return node;
}

const Node* FastParser::Sequence(uint32_t depth) {
  if (depth >= limits_.max_depth) return nullptr;
  size_t indent = Indent();
  uint32_t line = line_;
  uint32_t column = Column(pos_);
  size_t base = stack_.size();
  while (true) {
    size_t p = pos_ + 1;
    while (p < line_end_ && text_[p] == ' ') ++p;
    const Node* item = nullptr;
    if (p == line_end_ || text_[p] == '#') {
      if (!NextContentLine() || Indent() <= indent) return nullptr;
      item = Item(depth + 1);
      if (item != nullptr && item->IsScalar()) return nullptr;
    } else {
      pos_ = p;  // a compact nested node: its indentation is its column
      item = Item(depth + 1);
    }
    if (item == nullptr) return nullptr;
    stack_.push_back(item);
    if (eof_ || Indent() < indent) break;
    if (Indent() > indent) return nullptr;
    if (!AtSequenceItem()) break;  // the next key of the mapping holding an indentless sequence
  }
  std::span<const Node* const> items(stack_.data() + base, stack_.size() - base);
  const Node* node = builder_.Sequence(items, line, column);
  stack_.resize(base);
  return node;
}

const Node* FastParser::Parse() {
  if (!NextContentLine()) return nullptr;  // empty documents go the ordinary way
  if (text_[pos_] == '%') return nullptr;
  if (Indent() == 0 && line_end_ - pos_ >= 3 && text_.compare(pos_, 3, "---") == 0) {
    size_t p = pos_ + 3;
    if (p < line_end_ && text_[p] != ' ') return nullptr;
    while (p < line_end_ && text_[p] == ' ') ++p;
    if (p < line_end_ && text_[p] != '#') return nullptr;  // content on the `---` line
    if (!NextContentLine()) return nullptr;
  }
  if (Indent() == 0 && text_.compare(pos_, 3, "---") == 0) return nullptr;
  const Node* root = nullptr;
  if (AtSequenceItem()) {
    root = Sequence(0);
  } else if (FindKeyColon() != std::string_view::npos) {
    root = Mapping(0);
  }
  if (root == nullptr || !eof_ || give_up_) return nullptr;
  return root;
}

}  // namespace

const Node* ParseSimpleYaml(const core::SourceFile& source, size_t begin, size_t end, uint32_t line,
                            const core::Limits& limits, NodeBuilder& builder,
                            const TextStats* stats) {
  TextStats own;
  if (stats == nullptr) {
    if (CheckText(source.text().substr(begin, end - begin), /*yaml_chars=*/true, &own))
      return nullptr;
    stats = &own;
  }
  // Tabs and CR, byte order marks, and NEL, LS and PS (line breaks in YAML 1.1): leave them to
  // libfyaml.
  if (stats->tab_or_cr || stats->unusual_breaks) return nullptr;
  Arena::Mark mark = builder.arena().GetMark();
  FastParser parser(source, begin, end, line, limits, builder);
  const Node* root = parser.Parse();
  if (root == nullptr) builder.arena().Rewind(mark);
  return root;
}

}  // namespace centinela::doc
