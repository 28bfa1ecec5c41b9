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

void Emitter::Emit(const k8s::Object& object, const doc::Node* at, std::string path,
                   std::string message, std::optional<core::Severity> severity) {
  const doc::Node* where = at != nullptr ? at : object.node;
  core::Finding f;
  f.check = info_.id;
  f.title = info_.title;
  f.severity = severity.value_or(info_.severity);
  f.control = info_.control;
  f.layer = info_.layer;
  f.object = object.Ref();
  f.file = std::string(object.file());
  f.line = where->line();
  f.column = where->column();
  f.path = std::move(path);
  f.message = std::move(message);
  f.remediation = info_.remediation;
  if (IgnoredByAnnotation(object, info_.id)) {
    f.suppressed = true;
    f.suppression = "annotation " + std::string(kIgnoreAnnotation);
    std::string_view reason = object.Annotation(kIgnoreReasonAnnotation);
    if (!reason.empty()) f.suppression += ": " + std::string(reason);
  }
  out_.push_back(std::move(f));
}

}  // namespace centinela::checks
