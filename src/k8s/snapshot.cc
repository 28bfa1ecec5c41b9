#include "k8s/snapshot.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <exception>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

#include "k8s/detail.h"
#include "k8s/kinds.h"

namespace centinela::k8s {

namespace {

using detail::Problem;

bool IsListKind(std::string_view kind) {
  return kind.size() >= 4 && kind.substr(kind.size() - 4) == "List";
}

// The value of each of `keys` in `map`, in one pass over its entries (nullptr when absent or null).
template <size_t N>
std::array<const doc::Node*, N> Collect(const doc::Node& map,
                                        const std::array<std::string_view, N>& keys) {
  std::array<const doc::Node*, N> out{};
  for (const doc::Entry& e : map.entries()) {
    // Keys first: loading the value node of every entry costs a cache miss each.
    std::string_view key = e.key->text();  // empty for a non-scalar key
    if (key.empty()) continue;
    for (size_t i = 0; i < N; ++i) {
      if (keys[i].size() == key.size() && keys[i].front() == key.front() && keys[i] == key) {
        if (!e.value->IsNull()) out[i] = e.value;
        break;
      }
    }
  }
  return out;
}

constexpr std::array<std::string_view, 4> kObjectKeys = {"apiVersion", "kind", "metadata", "items"};
constexpr std::array<std::string_view, 5> kMetadataKeys = {"name", "generateName", "namespace",
                                                           "labels", "annotations"};

// Turns documents into Objects, expanding Lists, and reports what it skips.
class Reader {
 public:
  Reader(std::vector<Object>& objects, core::DiagnosticSink& sink)
      : objects_(objects), sink_(sink) {}

  void ReadDocument(const doc::Document& document) {
    document_ = &document;
    const doc::Node* root = document.root;
    if (root->IsNull()) return;  // an empty document (a stray `---`, a file of comments)
    if (!root->IsMapping()) {
      // A JSON array or a plain scalar: not a manifest (like a document without apiVersion/kind).
      Report(core::DiagLevel::kNote, *root,
             "document is " + std::string(detail::WithArticle(root->kind())) +
                 ", not a Kubernetes object; skipped");
      return;
    }
    ReadObject(*root, std::string(), {}, {});
  }

 private:
  void Report(core::DiagLevel level, const doc::Node& at, std::string message) {
    sink_.Report(level, document_->source, document_->source->path(), at.line(), at.column(),
                 std::move(message));
  }

  void ReportProblems() {
    for (Problem& p : problems_) Report(core::DiagLevel::kError, *p.at, std::move(p.message));
    problems_.clear();
  }

  // Records a problem when `node` is set and not a string; returns its text otherwise ("" when
  // unset).
  std::optional<std::string_view> String(const doc::Node* node, const detail::LazyPath& path,
                                         std::string_view key) {
    if (node == nullptr) return std::string_view();
    if (!node->IsString()) {
      problems_.push_back(Problem{
          node,
          detail::TypeError(path.Key(key).str(), doc::NodeKind::kString, *node) + "; skipped"});
      return std::nullopt;
    }
    return node->text();
  }

  // `prefix` is "" for a document root or "items[N]." (nested: "items[1].items[0]."). Items of a
  // typed `FooList` that carry neither apiVersion nor kind (as the API server returns them) take
  // `list_api_version` and `item_kind`.
  void ReadObject(const doc::Node& node, const std::string& prefix,
                  std::string_view list_api_version, std::string_view item_kind) {
    std::string_view path = prefix;
    if (!path.empty()) path.remove_suffix(1);

    const auto [api_node, kind_node, metadata, items] = Collect(node, kObjectKeys);
    std::optional<std::string_view> api_version =
        String(api_node, detail::LazyPath(path), "apiVersion");
    std::optional<std::string_view> kind = String(kind_node, detail::LazyPath(path), "kind");
    if (!api_version || !kind) return ReportProblems();

    if (*kind == "List" || (IsListKind(*kind) && items != nullptr && items->IsSequence())) {
      if (items != nullptr && !items->IsSequence()) {
        Report(
            core::DiagLevel::kError, *items,
            detail::TypeError(detail::ChildPath(path, "items"), doc::NodeKind::kSequence, *items));
        return;
      }
      std::string_view child_kind =
          *kind == "List" ? std::string_view() : kind->substr(0, kind->size() - 4);
      std::span<const doc::Node* const> list =
          items != nullptr ? items->items() : std::span<const doc::Node* const>();
      for (size_t i = 0; i < list.size(); ++i) {
        std::string item_prefix = prefix + "items[" + std::to_string(i) + "].";
        if (list[i]->IsMapping()) {
          ReadObject(*list[i], item_prefix, *api_version, child_kind);
        } else {
          Report(core::DiagLevel::kError, *list[i],
                 detail::TypeError(detail::IndexPath(detail::ChildPath(path, "items"), i),
                                   doc::NodeKind::kMapping, *list[i]));
        }
      }
      return;
    }

    if (api_version->empty() && kind->empty() && !item_kind.empty() && !list_api_version.empty()) {
      api_version = list_api_version;
      kind = item_kind;
    }
    if (api_version->empty() || kind->empty()) {
      Report(core::DiagLevel::kNote, node,
             prefix.empty() ? std::string("document has no apiVersion/kind; skipped")
                            : std::string(path) + ": item has no apiVersion/kind; skipped");
      return;
    }

    if (metadata != nullptr && !metadata->IsMapping()) {
      Report(core::DiagLevel::kError, *metadata,
             detail::TypeError(detail::ChildPath(path, "metadata"), doc::NodeKind::kMapping,
                               *metadata) +
                 "; skipped");
      return;
    }
    std::array<const doc::Node*, kMetadataKeys.size()> meta{};
    if (metadata != nullptr) meta = Collect(*metadata, kMetadataKeys);
    const detail::LazyPath meta_path = detail::LazyPath(path).Key("metadata");
    std::optional<std::string_view> name = String(meta[0], meta_path, "name");
    std::optional<std::string_view> generate_name = String(meta[1], meta_path, "generateName");
    std::optional<std::string_view> ns = String(meta[2], meta_path, "namespace");
    if (!name || !generate_name || !ns) return ReportProblems();

    Object& object = objects_.emplace_back();
    object.document = document_;
    object.node = &node;
    object.api_version = *api_version;
    object.kind = *kind;
    object.name = name->empty() ? *generate_name : *name;
    object.namespace_ = *ns;
    object.namespaced = IsNamespacedKind(*kind);
    object.metadata = metadata;
    object.field_prefix = prefix;
    if (meta[3] != nullptr) {
      object.labels = detail::ReadStringMap(meta[3], meta_path.Key("labels"), &problems_);
    }
    if (meta[4] != nullptr) {
      object.annotations = detail::ReadStringMap(meta[4], meta_path.Key("annotations"), &problems_);
    }
    ReportProblems();
  }

  std::vector<Object>& objects_;
  core::DiagnosticSink& sink_;
  const doc::Document* document_ = nullptr;
  std::vector<Problem> problems_;
};

// Finds objects by (kind, effective namespace, name): open addressing over object indexes, built
// once.
class NameIndex {
 public:
  void Build(std::span<const Object> objects) {
    size_t capacity = 16;
    while (capacity < objects.size() * 2) capacity *= 2;
    slots_.assign(capacity, -1);
    for (size_t i = 0; i < objects.size(); ++i) {
      const Object& o = objects[i];
      std::string_view ns = o.EffectiveNamespace();
      for (size_t slot = Hash(o.kind, ns, o.name) & (capacity - 1);;
           slot = (slot + 1) & (capacity - 1)) {
        if (slots_[slot] < 0) {
          slots_[slot] = static_cast<int32_t>(i);
          break;
        }
        if (Same(objects[static_cast<size_t>(slots_[slot])], o.kind, ns, o.name))
          break;  // the first one wins
      }
    }
  }

  const Object* Find(std::span<const Object> objects, std::string_view kind, std::string_view ns,
                     std::string_view name) const {
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t slot = Hash(kind, ns, name) & mask;; slot = (slot + 1) & mask) {
      if (slots_[slot] < 0) return nullptr;
      const Object& o = objects[static_cast<size_t>(slots_[slot])];
      if (Same(o, kind, ns, name)) return &o;
    }
  }

 private:
  static size_t Hash(std::string_view kind, std::string_view ns, std::string_view name) {
    std::hash<std::string_view> hash;
    size_t h = hash(name);
    h ^= hash(ns) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= hash(kind) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
  }
  static bool Same(const Object& o, std::string_view kind, std::string_view ns,
                   std::string_view name) {
    return o.name == name && o.kind == kind && o.EffectiveNamespace() == ns;
  }

  std::vector<int32_t> slots_;
};

}  // namespace

struct Snapshot::Impl {
  std::vector<Object> objects;
  std::vector<PodView> pod_views;
  std::vector<int32_t> pod_view_of;  // per object: index into pod_views, or -1
  std::unordered_map<std::string_view, std::vector<const Object*>> by_kind;
  std::unordered_map<std::string_view, std::vector<const Object*>> by_namespace;
  NameIndex by_name;
  std::vector<std::string_view> namespaces;
};

Snapshot::Snapshot() : impl_(std::make_unique<Impl>()) {}
Snapshot::~Snapshot() = default;
Snapshot::Snapshot(Snapshot&&) noexcept = default;
Snapshot& Snapshot::operator=(Snapshot&&) noexcept = default;

namespace {

// At least this many documents (or objects) are read (or viewed) on several threads.
constexpr size_t kParallelMinDocuments = 2048;
constexpr unsigned kMaxThreads = 8;

size_t PartCount(size_t items) {
  if (items < kParallelMinDocuments) return 1;
  unsigned cores = std::thread::hardware_concurrency();
  return std::clamp<unsigned>(cores, 1, kMaxThreads);
}

// Calls fn(part, begin, end) for `parts` contiguous ranges of [0, count), each part on its own
// thread (the calling thread takes the last). Parts whose thread cannot be started run on the
// calling thread. An exception thrown by fn (std::bad_alloc) is rethrown here, after every thread
// has finished, so that it reaches the caller instead of terminating the process.
template <typename Fn>
void ForEachPart(size_t count, size_t parts, const Fn& fn) {
  auto begin = [&](size_t p) { return count * p / parts; };
  std::vector<std::exception_ptr> errors(parts);
  auto run = [&](size_t p) {
    try {
      fn(p, begin(p), begin(p + 1));
    } catch (...) {
      errors[p] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  size_t started = 0;
  try {
    threads.reserve(parts);
    for (; started + 1 < parts; ++started) threads.emplace_back(run, started);
  } catch (const std::exception&) {
    // No more threads (std::system_error) or no memory for them: the calling thread does the rest.
  }
  for (size_t p = started; p < parts; ++p) run(p);
  for (std::thread& t : threads) t.join();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace

Snapshot Snapshot::Build(std::span<const doc::Document> documents, core::DiagnosticSink& sink) {
  Snapshot snapshot;
  Impl& impl = *snapshot.impl_;
  const size_t parts = PartCount(documents.size());

  // Objects, in input order. Each part reads a contiguous range of documents.
  std::vector<std::vector<Object>> read(parts);
  ForEachPart(documents.size(), parts, [&](size_t part, size_t begin, size_t end) {
    std::vector<Object>& out = read[part];
    out.reserve(end - begin);
    Reader reader(out, sink);
    for (size_t i = begin; i < end; ++i) reader.ReadDocument(documents[i]);
  });
  if (parts == 1) {
    impl.objects = std::move(read[0]);
  } else {
    size_t total = 0;
    for (const std::vector<Object>& part : read) total += part.size();
    impl.objects.reserve(total);
    for (std::vector<Object>& part : read) {
      std::move(part.begin(), part.end(), std::back_inserter(impl.objects));
    }
  }
  // `objects` is complete: pointers into it stay valid from here on.
  const std::span<const Object> objects = impl.objects;

  // Pod views, in input order; each part views a contiguous range of objects (counted anew: one
  // document, a List, may hold thousands of objects).
  struct Views {
    std::vector<PodView> views;
    std::vector<size_t> owners;  // index in `objects` of each view's owner
  };
  const size_t view_parts = PartCount(objects.size());
  std::vector<Views> viewed(view_parts);
  ForEachPart(objects.size(), view_parts, [&](size_t part, size_t begin, size_t end) {
    Views& out = viewed[part];
    std::vector<Problem> problems;
    for (size_t i = begin; i < end; ++i) {
      const Object& object = objects[i];
      if (!IsWorkloadKind(object.kind)) continue;
      std::optional<PodView> view = detail::BuildPodView(object, &problems);
      for (Problem& p : problems) {
        sink.Report(core::DiagLevel::kError, object.document->source, object.file(), p.at->line(),
                    p.at->column(), std::move(p.message));
      }
      problems.clear();
      if (view) {
        out.views.push_back(std::move(*view));
        out.owners.push_back(i);
      }
    }
  });
  impl.pod_view_of.assign(objects.size(), -1);
  if (view_parts == 1) {
    impl.pod_views = std::move(viewed[0].views);
    for (size_t v = 0; v < viewed[0].owners.size(); ++v) {
      impl.pod_view_of[viewed[0].owners[v]] = static_cast<int32_t>(v);
    }
  } else {
    size_t total = 0;
    for (const Views& part : viewed) total += part.views.size();
    impl.pod_views.reserve(total);
    for (Views& part : viewed) {
      for (size_t v = 0; v < part.views.size(); ++v) {
        impl.pod_view_of[part.owners[v]] = static_cast<int32_t>(impl.pod_views.size());
        impl.pod_views.push_back(std::move(part.views[v]));
      }
    }
  }

  // Indexes.
  impl.by_name.Build(objects);
  // Consecutive objects usually share a kind and a namespace: remember the last lists used.
  std::string_view last_kind;
  std::string_view last_ns;
  std::vector<const Object*>* kind_list = nullptr;
  std::vector<const Object*>* ns_list = nullptr;
  for (const Object& object : objects) {
    if (kind_list == nullptr || object.kind != last_kind) {
      kind_list = &impl.by_kind[object.kind];
      last_kind = object.kind;
    }
    kind_list->push_back(&object);
    if (object.namespaced) {
      std::string_view ns = object.EffectiveNamespace();
      if (ns_list == nullptr || ns != last_ns) {
        ns_list = &impl.by_namespace[ns];
        last_ns = ns;
      }
      ns_list->push_back(&object);
    } else if (object.kind == "Namespace" && !object.name.empty()) {
      impl.namespaces.push_back(object.name);
    }
  }
  for (const auto& entry : impl.by_namespace) impl.namespaces.push_back(entry.first);
  std::sort(impl.namespaces.begin(), impl.namespaces.end());
  impl.namespaces.erase(std::unique(impl.namespaces.begin(), impl.namespaces.end()),
                        impl.namespaces.end());
  return snapshot;
}

std::span<const Object> Snapshot::objects() const {
  if (!impl_) return {};
  return impl_->objects;
}

std::span<const Object* const> Snapshot::OfKind(std::string_view kind) const {
  if (!impl_) return {};
  auto it = impl_->by_kind.find(kind);
  if (it == impl_->by_kind.end()) return {};
  return it->second;
}

std::span<const Object* const> Snapshot::InNamespace(std::string_view ns) const {
  if (!impl_) return {};
  auto it = impl_->by_namespace.find(ns);
  if (it == impl_->by_namespace.end()) return {};
  return it->second;
}

const Object* Snapshot::Find(std::string_view kind, std::string_view ns,
                             std::string_view name) const {
  if (!impl_) return nullptr;
  return impl_->by_name.Find(impl_->objects, kind, ns, name);
}

std::vector<std::string_view> Snapshot::Namespaces() const {
  if (!impl_) return {};
  return impl_->namespaces;
}

std::span<const PodView> Snapshot::pod_views() const {
  if (!impl_) return {};
  return impl_->pod_views;
}

const PodView* Snapshot::PodViewOf(const Object& object) const {
  if (!impl_ || impl_->objects.empty()) return nullptr;
  const Object* begin = impl_->objects.data();
  const Object* end = begin + impl_->objects.size();
  std::less<> less;
  if (less(&object, begin) || !less(&object, end)) return nullptr;  // not one of ours
  int32_t index = impl_->pod_view_of[static_cast<size_t>(&object - begin)];
  return index < 0 ? nullptr : &impl_->pod_views[static_cast<size_t>(index)];
}

}  // namespace centinela::k8s
