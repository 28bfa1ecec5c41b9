#include <functional>

#include "checks/check.h"
#include "core/strings.h"

namespace centinela::checks {

namespace {

// True when the object's centinela.dev/ignore annotation names `id` (or "*" / "all").
bool IgnoredByAnnotation(const k8s::Object& object, std::string_view id) {
  std::string_view list = object.Annotation(kIgnoreAnnotation);
  if (list.empty()) return false;
  for (std::string_view item : core::SplitTrim(list, ',')) {
    if (item == id || item == "*" || item == "all") return true;
  }
  return false;
}

}  // namespace

const core::ObjectRef& Emitter::Cache::Ref(const k8s::Object& object) {
  if (object_ != &object) {
    object_ = &object;
    ref_ = object.Ref();
  }
  return ref_;
}

const core::SharedString& Emitter::Cache::File(const k8s::Object& object) {
  const core::SourceFile* source = object.document->source;
  if (source_ != source) {
    source_ = source;
    file_ = source->path();
  }
  return file_;
}

core::SharedString Emitter::Cache::Path(std::string_view path) {
  core::SharedString& slot = paths_[std::hash<std::string_view>()(path) % kPathSlots];
  if (slot != path) slot = path;
  return slot;
}

// `path` stays a std::string taken by value, as the checks have always passed it (moving theirs
// in), although its text is now shared through the cache rather than kept.
void Emitter::Emit(const k8s::Object& object, const doc::Node* at,
                   std::string path,  // NOLINT(performance-unnecessary-value-param)
                   std::string message, std::optional<core::Severity> severity) {
  const doc::Node* where = at != nullptr ? at : object.node;
  core::Finding& f = out_.emplace_back();
  f.check = info_.id;
  f.title = info_.title;
  f.remediation = info_.remediation;
  f.severity = severity.value_or(info_.severity);
  f.control = info_.control;
  f.layer = info_.layer;
  f.line = where->line();
  f.column = where->column();
  if (cache_ != nullptr) {
    f.object = cache_->Ref(object);
    f.file = cache_->File(object);
    f.path = cache_->Path(path);
  } else {
    f.object = object.Ref();
    f.file = object.file();
    f.path = path;
  }
  // Messages are built by concatenation, which leaves up to twice their size allocated; a large
  // scan keeps hundreds of thousands of them.
  if (message.capacity() > message.size() + message.size() / 4) message.shrink_to_fit();
  f.message = std::move(message);
  if (IgnoredByAnnotation(object, info_.id)) {
    f.suppressed = true;
    f.suppression = "annotation " + std::string(kIgnoreAnnotation);
    std::string_view reason = object.Annotation(kIgnoreReasonAnnotation);
    if (!reason.empty()) f.suppression += ": " + std::string(reason);
  }
}

}  // namespace centinela::checks
