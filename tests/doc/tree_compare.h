#pragma once

#include <string>

#include "doc/node.h"

namespace centinela::testing {

/// Empty when `a` and `b` are the same tree down to positions, scalar text and quoting; otherwise a
/// description of the first difference. Stricter than doc::Equal, for comparing two loaders.
inline std::string TreeDiff(const doc::Node& a, const doc::Node& b, const std::string& path = "$") {
  auto where = [&](const doc::Node& n) {
    return std::to_string(n.line()) + ":" + std::to_string(n.column());
  };
  if (a.kind() != b.kind()) {
    return path + ": kind " + std::string(doc::ToString(a.kind())) + " vs " +
           std::string(doc::ToString(b.kind()));
  }
  if (a.line() != b.line() || a.column() != b.column())
    return path + ": position " + where(a) + " vs " + where(b);
  if (a.IsScalar()) {
    if (a.text() != b.text())
      return path + ": text \"" + std::string(a.text()) + "\" vs \"" + std::string(b.text()) + "\"";
    if (a.quoted() != b.quoted()) return path + ": quoting differs";
    return "";
  }
  if (a.size() != b.size())
    return path + ": size " + std::to_string(a.size()) + " vs " + std::to_string(b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    std::string d;
    if (a.IsSequence()) {
      d = TreeDiff(*a.items()[i], *b.items()[i], path + "[" + std::to_string(i) + "]");
    } else {
      d = TreeDiff(*a.entries()[i].key, *b.entries()[i].key,
                   path + ".<key " + std::to_string(i) + ">");
      if (d.empty()) {
        d = TreeDiff(*a.entries()[i].value, *b.entries()[i].value,
                     path + "." + std::string(a.entries()[i].key->text()));
      }
    }
    if (!d.empty()) return d;
  }
  return "";
}

}  // namespace centinela::testing
