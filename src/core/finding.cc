#include "core/finding.h"

#include <tuple>

namespace centinela::core {

bool FindingLess(const Finding& a, const Finding& b) {
  return std::tie(a.file, a.line, a.column, a.check, a.path, a.object.name) <
         std::tie(b.file, b.line, b.column, b.check, b.path, b.object.name);
}

}  // namespace centinela::core
