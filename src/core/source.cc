#include "core/source.h"

#include <algorithm>
#include <utility>

namespace centinela::core {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  // Two passes (count, then fill) so the index takes exactly 4 bytes a line.
  const size_t lines = 1 + static_cast<size_t>(std::count(text_.begin(), text_.end(), '\n'));
  line_starts_.reserve(lines);
  line_starts_.push_back(0);
  for (size_t i = text_.find('\n'); i != std::string::npos; i = text_.find('\n', i + 1)) {
    line_starts_.push_back(static_cast<uint32_t>(i + 1));
  }
}

SourceFile::LineCol SourceFile::Locate(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<uint32_t>(offset));
  size_t index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  return {static_cast<uint32_t>(index + 1),
          static_cast<uint32_t>(offset - line_starts_[index] + 1)};
}

std::string_view SourceFile::Line(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  size_t begin = line_starts_[line - 1];
  size_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
  std::string_view view(text_);
  view = view.substr(begin, end - begin);
  while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) view.remove_suffix(1);
  return view;
}

}  // namespace centinela::core
