#include "doc/json_loader.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include "doc/node_builder.h"
#include "doc/scalar.h"

namespace centinela::doc {
namespace {

namespace od = simdjson::ondemand;

// Corpus keeps 64 readable bytes after every JSON text it loads (see corpus.cc).
static_assert(simdjson::SIMDJSON_PADDING <= 64);
using core::DiagLevel;

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && IsJsonSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string DepthMessage(uint32_t max_depth) {
  return "nesting deeper than the limit of " + std::to_string(max_depth) + " levels";
}

std::string Hex2(unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string{kHex[c >> 4], kHex[c & 0xF]};
}

std::string ByteMessage(unsigned char c) {
  if (c >= 0x20 && c < 0x7F)
    return std::string("unexpected character '") + static_cast<char>(c) + "'";
  return "unexpected byte 0x" + Hex2(c);
}

// The code unit of a `\uXXXX` escape starting at text[i] (the backslash), or nullopt.
std::optional<unsigned> HexEscape(std::string_view text, size_t i) {
  if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u') return std::nullopt;
  unsigned value = 0;
  for (size_t k = 2; k < 6; ++k) {
    char c = text[i + k];
    unsigned digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<unsigned>(c - '0');
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
      digit = static_cast<unsigned>((c | 0x20) - 'a' + 10);
    } else {
      return std::nullopt;
    }
    value = value * 16 + digit;
  }
  return value;
}

// Length of the valid UTF-8 sequence at text[i], or 0.
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  size_t end = std::min(text.size(), i + 4);
  std::optional<TextProblem> p = CheckText(text.substr(i, end - i), /*yaml_chars=*/false);
  auto c = static_cast<unsigned char>(text[i]);
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (p && p->offset < len) return 0;
  return i + len <= text.size() ? len : 0;
}

// Builds one JSON value with simdjson On-Demand. Failures are either a simdjson error (the caller
// locates it precisely with ScanJson) or a problem of ours (duplicate key, depth, scalar size) with
// a position.
class Walker {
 public:
  Walker(const core::SourceFile& source, const core::Limits& limits, NodeBuilder& builder,
         const char* buf, LineCursor& cursor)
      : source_(source), limits_(limits), builder_(builder), buf_(buf), cursor_(cursor) {}

  const Node* Build(od::value& v, uint32_t depth);

  bool simdjson_failed() const { return simdjson_failed_; }
  simdjson::error_code simdjson_error() const { return error_; }
  const std::optional<LoadProblem>& problem() const { return problem_; }

 private:
  const Node* SimdjsonFail(simdjson::error_code e) {
    simdjson_failed_ = true;
    error_ = e;
    return nullptr;
  }
  const Node* Fail(core::SourceFile::LineCol at, std::string message) {
    problem_ = LoadProblem{at.line, at.column, std::move(message)};
    return nullptr;
  }
  size_t Offset(const char* p) const { return static_cast<size_t>(p - buf_); }
  // The same bytes in the source text (which outlives the tree), rather than in the padded copy.
  std::string_view InSource(const char* p, size_t len) const {
    return std::string_view(source_.text().data() + Offset(p), len);
  }
  std::string_view Stored(std::string_view text) {
    return std::string_view(builder_.arena().CopyString(text), text.size());
  }
  const Node* String(od::value& v, std::string_view token, core::SourceFile::LineCol at);

  const core::SourceFile& source_;
  const core::Limits& limits_;
  NodeBuilder& builder_;
  const char* buf_;
  LineCursor& cursor_;
  std::vector<const Node*> stack_;
  bool simdjson_failed_ = false;
  simdjson::error_code error_ = simdjson::SUCCESS;
  std::optional<LoadProblem> problem_;
};

const Node* Walker::String(od::value& v, std::string_view token, core::SourceFile::LineCol at) {
  if (token.size() < 2 || token.front() != '"' || token.back() != '"')
    return SimdjsonFail(simdjson::STRING_ERROR);
  std::string_view content = token.substr(1, token.size() - 2);
  if (content.size() > limits_.max_scalar_bytes) {
    return Fail(at, "scalar longer than the limit of " + std::to_string(limits_.max_scalar_bytes) +
                        " bytes");
  }
  std::string_view text;
  bool escaped = false;
  for (char c : content) {
    if (c == '\\') {
      escaped = true;  // simdjson checks the rest while unescaping
      break;
    }
    if (static_cast<unsigned char>(c) < 0x20) return SimdjsonFail(simdjson::UNESCAPED_CHARS);
  }
  if (!escaped) {
    // Consume the value even though its text is taken from the source: On-Demand skips an
    // unconsumed string followed by ':' as if it were a key, which would let `{"a":"b":}}` through.
    od::raw_json_string raw;
    if (auto e = v.get_raw_json_string().get(raw)) return SimdjsonFail(e);
    text = InSource(content.data(), content.size());
  } else {
    std::string_view unescaped;
    if (auto e = v.get_string().get(unescaped)) return SimdjsonFail(e);
    text = Stored(unescaped);
  }
  return builder_.Scalar(NodeKind::kString, text, /*quoted=*/true, /*merge_key=*/false, at.line,
                         at.column);
}

const Node* Walker::Build(od::value& v, uint32_t depth) {
  od::json_type type;
  if (auto e = v.type().get(type)) return SimdjsonFail(e);
  std::string_view raw = v.raw_json_token();
  core::SourceFile::LineCol at = cursor_.Locate(Offset(raw.data()));
  switch (type) {
    case od::json_type::object: {
      if (depth >= limits_.max_depth) return Fail(at, DepthMessage(limits_.max_depth));
      od::object object;
      if (auto e = v.get_object().get(object)) return SimdjsonFail(e);
      size_t base = stack_.size();
      for (auto field_result : object) {
        od::field field;
        if (auto e = std::move(field_result).get(field)) return SimdjsonFail(e);
        const char* key_raw = field.key().raw();  // just after the opening quote
        core::SourceFile::LineCol key_at = cursor_.Locate(Offset(key_raw) - 1);
        // Without escapes the key is the same bytes as in the source: point there instead of
        // unescaping a copy.
        // Keys are short: one pass finds the closing quote, an escape or a control character.
        const char* end = buf_ + source_.text().size();
        const char* p = key_raw;
        bool escaped = false;
        while (p < end && *p != '"') {
          if (*p == '\\') {
            escaped = true;
            break;
          }
          if (static_cast<unsigned char>(*p) < 0x20) return SimdjsonFail(simdjson::UNESCAPED_CHARS);
          ++p;
        }
        std::string_view key;
        if (escaped) {
          if (auto e = field.unescaped_key().get(key)) return SimdjsonFail(e);
        } else if (p == end) {
          return SimdjsonFail(simdjson::STRING_ERROR);
        } else {
          key = std::string_view(key_raw, static_cast<size_t>(p - key_raw));
        }
        if (key.size() > limits_.max_scalar_bytes) {
          return Fail(key_at, "scalar longer than the limit of " +
                                  std::to_string(limits_.max_scalar_bytes) + " bytes");
        }
        std::string_view key_text = escaped ? Stored(key) : InSource(key_raw, key.size());
        stack_.push_back(
            builder_.Scalar(NodeKind::kString, key_text, true, false, key_at.line, key_at.column));
        od::value child = field.value();
        const Node* node = Build(child, depth + 1);
        if (node == nullptr) return nullptr;
        stack_.push_back(node);
      }
      LoadProblem problem;
      std::span<const Node* const> kv(stack_.data() + base, stack_.size() - base);
      const Node* node = builder_.Mapping(kv, at.line, at.column, &problem, nullptr);
      stack_.resize(base);
      if (node == nullptr) return Fail({problem.line, problem.column}, std::move(problem.message));
      return node;
    }
    case od::json_type::array: {
      if (depth >= limits_.max_depth) return Fail(at, DepthMessage(limits_.max_depth));
      od::array array;
      if (auto e = v.get_array().get(array)) return SimdjsonFail(e);
      size_t base = stack_.size();
      for (auto item_result : array) {
        od::value item;
        if (auto e = std::move(item_result).get(item)) return SimdjsonFail(e);
        const Node* node = Build(item, depth + 1);
        if (node == nullptr) return nullptr;
        stack_.push_back(node);
      }
      std::span<const Node* const> items(stack_.data() + base, stack_.size() - base);
      const Node* node = builder_.Sequence(items, at.line, at.column);
      stack_.resize(base);
      return node;
    }
    case od::json_type::string: return String(v, TrimRight(raw), at);
    case od::json_type::number: {
      std::string_view token = TrimRight(raw);
      if (!IsJsonNumber(token)) return SimdjsonFail(simdjson::NUMBER_ERROR);
      NodeKind kind = IsJsonInt(token) ? NodeKind::kInt : NodeKind::kFloat;
      return builder_.Scalar(kind, InSource(token.data(), token.size()), false, false, at.line,
                             at.column);
    }
    case od::json_type::boolean: {
      std::string_view token = TrimRight(raw);
      if (token != "true" && token != "false") return SimdjsonFail(simdjson::T_ATOM_ERROR);
      return builder_.Scalar(NodeKind::kBool, InSource(token.data(), token.size()), false, false,
                             at.line, at.column);
    }
    case od::json_type::null: {
      std::string_view token = TrimRight(raw);
      if (token != "null") return SimdjsonFail(simdjson::N_ATOM_ERROR);
      return builder_.Scalar(NodeKind::kNull, InSource(token.data(), token.size()), false, false,
                             at.line, at.column);
    }
  }
  return SimdjsonFail(simdjson::INCORRECT_TYPE);
}

struct ParseResult {
  const Node* root = nullptr;
  bool trailing = false;  // more content follows the value
  std::optional<LoadProblem> problem;
  simdjson::error_code error = simdjson::SUCCESS;
};

// Parses the value starting at `begin` (simdjson sees `len` bytes from there).
ParseResult ParseValue(const core::SourceFile& source, const core::Limits& limits,
                       NodeBuilder& builder, od::parser& parser, const char* buf, size_t cap,
                       size_t begin, size_t len) {
  ParseResult r;
  core::SourceFile::LineCol start = source.Locate(begin);
  LineCursor cursor(source, begin - (start.column - 1), start.line);
  od::document doc;
  if (auto e = parser.iterate(buf + begin, len, cap - begin).get(doc)) {
    r.error = e;
    return r;
  }
  od::value root;
  if (auto e = doc.get_value().get(root)) {
    r.error = e;
    return r;
  }
  Walker walker(source, limits, builder, buf, cursor);
  r.root = walker.Build(root, 0);
  if (r.root == nullptr) {
    r.problem = walker.problem();
    r.error = walker.simdjson_failed() ? walker.simdjson_error() : simdjson::SUCCESS;
    return r;
  }
  const char* location = nullptr;
  if (doc.current_location().get(location) == simdjson::SUCCESS && location != nullptr) {
    r.trailing = static_cast<size_t>(location - buf) < begin + len;
  }
  return r;
}

}  // namespace

bool LooksLikeJson(std::string_view text) {
  size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < text.size() && IsJsonSpace(text[i])) ++i;
  return i < text.size() && (text[i] == '{' || text[i] == '[');
}

JsonScan ScanJson(std::string_view text, uint32_t max_depth) {
  JsonScan scan;
  enum class State { kValue, kValueOrEnd, kKeyOrEnd, kKey, kColon, kCommaOrEnd };
  std::vector<char> stack;
  size_t n = text.size();
  size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  auto fail = [&](size_t at, std::string message) {
    scan.error = TextProblem{at, std::move(message)};
    return scan;
  };
  while (true) {
    while (i < n && IsJsonSpace(text[i])) ++i;
    if (i >= n) return scan;
    size_t value_start = i;
    State state = State::kValue;
    stack.clear();
    while (true) {
      while (i < n && IsJsonSpace(text[i])) ++i;
      if (i >= n) return fail(n, "JSON syntax error: unexpected end of input");
      char c = text[i];
      bool value_done = false;
      switch (state) {
        case State::kKeyOrEnd:
          if (c == '}') {
            stack.pop_back();
            ++i;
            value_done = true;
            break;
          }
          [[fallthrough]];
        case State::kKey:
          if (c != '"') return fail(i, "JSON syntax error: expected a string key");
          [[fallthrough]];
        case State::kValueOrEnd:
          if (state == State::kValueOrEnd && c == ']') {
            stack.pop_back();
            ++i;
            value_done = true;
            break;
          }
          [[fallthrough]];
        case State::kValue: {
          if (c == '{' || c == '[') {
            if (stack.size() >= max_depth) return fail(i, DepthMessage(max_depth));
            stack.push_back(c);
            ++i;
            state = c == '{' ? State::kKeyOrEnd : State::kValueOrEnd;
            continue;
          }
          if (c == '"') {
            size_t start = i++;
            while (true) {
              if (i >= n) return fail(start, "JSON syntax error: unterminated string");
              auto b = static_cast<unsigned char>(text[i]);
              if (b == '"') {
                ++i;
                break;
              }
              if (b == '\\') {
                if (i + 1 >= n) return fail(start, "JSON syntax error: unterminated string");
                char e = text[i + 1];
                if (e == 'u') {
                  std::optional<unsigned> unit = HexEscape(text, i);
                  if (!unit) return fail(i, "JSON syntax error: invalid \\u escape");
                  if (*unit >= 0xD800 && *unit <= 0xDFFF) {
                    // A surrogate must be a high one followed by an escaped low one (simdjson
                    // rejects the rest).
                    std::optional<unsigned> low =
                        *unit <= 0xDBFF ? HexEscape(text, i + 6) : std::nullopt;
                    if (!low || *low < 0xDC00 || *low > 0xDFFF) {
                      return fail(i, "JSON syntax error: unpaired surrogate in a \\u escape");
                    }
                    i += 6;
                  }
                  i += 6;
                } else if (std::strchr("\"\\/bfnrt", e) != nullptr && e != '\0') {
                  i += 2;
                } else {
                  return fail(i, "JSON syntax error: invalid escape sequence");
                }
                continue;
              }
              if (b < 0x20)
                return fail(i, "JSON syntax error: unescaped control character in a string");
              if (b >= 0x80) {
                size_t len = Utf8SequenceLength(text, i);
                if (len == 0) return fail(i, "invalid UTF-8 byte 0x" + Hex2(b));
                i += len;
                continue;
              }
              ++i;
            }
            if (state == State::kKey || state == State::kKeyOrEnd) {
              state = State::kColon;
              continue;
            }
            value_done = true;
            break;
          }
          if (c == '-' || (c >= '0' && c <= '9')) {
            size_t start = i;
            while (i < n &&
                   (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '-' ||
                    text[i] == '+' || text[i] == '.' || text[i] == 'e' || text[i] == 'E')) {
              ++i;
            }
            if (!IsJsonNumber(text.substr(start, i - start)))
              return fail(start, "JSON syntax error: invalid number");
            value_done = true;
            break;
          }
          if (c == 't' || c == 'f' || c == 'n') {
            size_t start = i;
            while (i < n && text[i] >= 'a' && text[i] <= 'z') ++i;
            std::string_view word = text.substr(start, i - start);
            if (word != "true" && word != "false" && word != "null") {
              return fail(start, "JSON syntax error: invalid literal \"" +
                                     std::string(word.substr(0, 20)) + "\"");
            }
            value_done = true;
            break;
          }
          if (static_cast<unsigned char>(c) >= 0x80) {
            size_t len = Utf8SequenceLength(text, i);
            if (len == 0)
              return fail(i, "invalid UTF-8 byte 0x" + Hex2(static_cast<unsigned char>(c)));
            return fail(i, "JSON syntax error: unexpected character '" +
                               std::string(text.substr(i, len)) + "'");
          }
          return fail(i, "JSON syntax error: " + ByteMessage(static_cast<unsigned char>(c)));
        }
        case State::kColon:
          if (c != ':') return fail(i, "JSON syntax error: expected ':' after an object key");
          ++i;
          state = State::kValue;
          continue;
        case State::kCommaOrEnd: {
          char top = stack.back();
          if (c == ',') {
            ++i;
            state = top == '{' ? State::kKey : State::kValue;
            continue;
          }
          if ((c == '}' && top == '{') || (c == ']' && top == '[')) {
            stack.pop_back();
            ++i;
            value_done = true;
            break;
          }
          return fail(i, top == '{'
                             ? "JSON syntax error: expected ',' or '}' after an object member"
                             : "JSON syntax error: expected ',' or ']' after an array element");
        }
      }
      if (value_done) {
        if (stack.empty()) break;
        state = State::kCommaOrEnd;
      }
    }
    scan.values.emplace_back(value_start, i);
  }
}

void LoadJson(const core::SourceFile& source, const core::Limits& limits, bool padded,
              LoadOutput& out) {
  std::string_view text = source.text();
  simdjson::padded_string copy;
  const char* buf = text.data();
  size_t cap = text.size() + simdjson::SIMDJSON_PADDING;
  if (!padded) {
    copy = simdjson::padded_string(text);
    buf = copy.data();
  }
  auto arena = std::make_unique<Arena>();
  NodeBuilder builder(*arena);
  od::parser parser;
  auto report = [&](size_t offset, std::string message) {
    core::SourceFile::LineCol at = source.Locate(offset);
    out.diagnostics.push_back(
        MakeDiagnostic(DiagLevel::kError, source, at.line, at.column, std::move(message)));
    out.docs.push_back(LoadedDoc{nullptr, at.line});
  };
  auto report_problem = [&](const LoadProblem& p) {
    out.diagnostics.push_back(
        MakeDiagnostic(DiagLevel::kError, source, p.line, p.column, p.message));
    out.docs.push_back(LoadedDoc{nullptr, p.line});
  };
  auto report_syntax = [&](simdjson::error_code e, size_t begin, size_t end) {
    JsonScan scan = ScanJson(text.substr(0, end), limits.max_depth);
    if (scan.error) {
      report(scan.error->offset, std::move(scan.error->message));
    } else {
      report(begin, std::string("JSON syntax error: ") + simdjson::error_message(e));
    }
  };

  size_t begin = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") begin = 3;
  while (begin < text.size() && IsJsonSpace(text[begin])) ++begin;
  if (begin == text.size()) return;

  ParseResult first =
      ParseValue(source, limits, builder, parser, buf, cap, begin, text.size() - begin);
  if (first.root == nullptr) {
    if (first.problem) {
      report_problem(*first.problem);
    } else {
      report_syntax(first.error, begin, text.size());
    }
  } else if (!first.trailing) {
    out.docs.push_back(LoadedDoc{first.root, first.root->line()});
  } else {
    // Several concatenated values (a JSON stream): split them with the scanner and parse each.
    JsonScan scan = ScanJson(text, limits.max_depth);
    out.docs.push_back(LoadedDoc{first.root, first.root->line()});
    for (size_t k = 1; k < scan.values.size(); ++k) {
      auto [vb, ve] = scan.values[k];
      if (text[vb] != '{' && text[vb] != '[') {
        report(vb, "a JSON stream may contain only objects and arrays");
        continue;
      }
      ParseResult r = ParseValue(source, limits, builder, parser, buf, cap, vb, ve - vb);
      if (r.root != nullptr) {
        out.docs.push_back(LoadedDoc{r.root, r.root->line()});
      } else if (r.problem) {
        report_problem(*r.problem);
      } else {
        report(vb, std::string("JSON syntax error: ") + simdjson::error_message(r.error));
      }
    }
    if (scan.error) report(scan.error->offset, std::move(scan.error->message));
  }
  out.arenas.push_back(std::move(arena));
}

}  // namespace centinela::doc
