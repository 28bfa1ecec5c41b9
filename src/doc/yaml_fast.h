#pragma once

#include <cstddef>
#include <cstdint>

#include "core/limits.h"
#include "core/source.h"
#include "doc/node_builder.h"
#include "doc/utf8.h"

namespace centinela::doc {

/// A fast parser for the plain block YAML that kubectl, Helm and kustomize write: block mappings
/// and sequences indented with spaces, single-line plain and quoted scalars, literal block scalars
/// (`|`, `|-`) as mapping values, `{}` and `[]`, comments. It gives the same tree and positions as
/// the libfyaml path. It gives up (returns nullptr, reports nothing and leaves no nodes behind) on
/// anything else: flow collections with content, folded and other block scalars, anchors, aliases,
/// tags, merge keys, escapes in double-quoted scalars, multi-line flow scalars, tabs, CR,
/// directives, empty values, errors of any kind, and documents over a limit; the caller then parses
/// the document with libfyaml.
///
/// `begin`/`end` delimit one document of `source` (see SplitYamlStream); `line` is the line of
/// `begin`. `stats`: what CheckText found in that range, when the caller has already checked it (it
/// must have found no problem); nullptr to let this function check the text itself.
const Node* ParseSimpleYaml(const core::SourceFile& source, size_t begin, size_t end, uint32_t line,
                            const core::Limits& limits, NodeBuilder& builder,
                            const TextStats* stats = nullptr);

}  // namespace centinela::doc
