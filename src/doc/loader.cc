#include "doc/loader.h"

#include <algorithm>
#include <cstring>
#include <thread>

namespace centinela::doc {

core::Diagnostic MakeDiagnostic(core::DiagLevel level, const core::SourceFile& source,
                                uint32_t line, uint32_t column, std::string message) {
  core::Diagnostic d;
  d.level = level;
  d.location = core::SourceLocation{source.path(), line, column};
  d.message = std::move(message);
  if (line > 0) {
    std::string_view text = source.Line(line);
    if (text.size() > 200) text = text.substr(0, 200);
    d.source_line = std::string(text);
  }
  return d;
}

core::SourceFile::LineCol LineCursor::Locate(size_t offset) {
  offset = std::min(offset, text_.size());
  if (offset < line_start_) {
    core::SourceFile::LineCol lc = source_->Locate(offset);
    line_ = lc.line;
    line_start_ = offset - (lc.column - 1);
    pos_ = offset;
    return lc;
  }
  if (offset > pos_) {
    size_t p = pos_;
    while (true) {
      size_t nl = FindNewline(text_, p, offset);
      if (nl == offset) break;
      ++line_;
      p = nl + 1;
      line_start_ = p;
    }
    pos_ = offset;
  }
  return {line_, static_cast<uint32_t>(offset - line_start_ + 1)};
}

unsigned LoaderThreads(size_t bytes) {
  constexpr size_t kMinBytesPerThread = size_t{256} << 10;
  unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  size_t by_size = std::max<size_t>(1, bytes / kMinBytesPerThread);
  return static_cast<unsigned>(std::min<size_t>({hw, by_size, 16}));
}

}  // namespace centinela::doc
