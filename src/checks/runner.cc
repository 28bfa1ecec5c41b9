#include "checks/runner.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace centinela::checks {

namespace {

constexpr size_t kObjectsPerTask = 256;
constexpr size_t kMinObjectsForThreads = 2 * kObjectsPerTask;

bool Contains(const std::vector<std::string>& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::vector<const Check*> SelectChecks(const Registry& registry, const ScanOptions& options) {
  std::vector<const Check*> selected;
  for (const Check* check : registry.All()) {
    std::string_view id = check->info().id;
    if (!options.only.empty() && !Contains(options.only, id)) continue;
    if (Contains(options.skip, id)) continue;
    selected.push_back(check);
  }
  return selected;
}

// The sort key of a finding: its position packed into 64 bits (file rank, line, column) and the
// rank of its check id, so that core::FindingLess, which compares strings, only decides between
// findings of the same check at the same place. `index` (its place before sorting) breaks the
// remaining ties, so that sorts are stable.
struct SortKey {
  uint64_t position = 0;
  uint32_t check = 0;
  uint32_t index = 0;
};

// The order of findings `fa` and `fb`, whose keys are `a` and `b`: core::FindingLess, decided by
// the keys where they differ.
bool KeyLess(const SortKey& a, const core::Finding& fa, const SortKey& b, const core::Finding& fb) {
  if (a.position != b.position) return a.position < b.position;
  if (a.check != b.check) return a.check < b.check;
  return core::FindingLess(fa, fb);
}

// Ranks files and check ids by text, so that a finding's key is made of integers. Each rank is
// looked up by the address of the text, which the findings of a scan share.
class KeyMaker {
 public:
  KeyMaker(std::vector<std::string_view> files, std::vector<std::string_view> checks)
      : files_(std::move(files)), checks_(std::move(checks)) {
    for (auto* list : {&files_, &checks_}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
    }
  }

  /// The files of the objects of `snapshot` and the ids of `checks`: all that RunChecks' findings
  /// name.
  static KeyMaker ForScan(const k8s::Snapshot& snapshot, const std::vector<const Check*>& checks) {
    std::vector<std::string_view> files;  // consecutive objects mostly share a file
    for (const k8s::Object& object : snapshot.objects()) {
      if (files.empty() || files.back() != object.file()) {
        files.push_back(object.file());  // NOLINT(performance-inefficient-vector-operation)
      }
    }
    std::vector<std::string_view> ids;
    ids.reserve(checks.size());
    for (const Check* check : checks) ids.push_back(check->info().id);
    return KeyMaker(std::move(files), std::move(ids));
  }

  /// The distinct files and check ids of `findings`.
  static KeyMaker ForFindings(const std::vector<core::Finding>& findings) {
    std::unordered_map<const char*, std::string_view> files;
    std::unordered_map<const char*, std::string_view> checks;
    for (const core::Finding& f : findings) {
      files.try_emplace(f.file.data(), f.file);
      checks.try_emplace(f.check.data(), f.check);
    }
    std::vector<std::string_view> file_list;
    file_list.reserve(files.size());
    for (const auto& [address, text] : files) file_list.push_back(text);
    std::vector<std::string_view> check_list;
    check_list.reserve(checks.size());
    for (const auto& [address, text] : checks) check_list.push_back(text);
    return KeyMaker(std::move(file_list), std::move(check_list));
  }

  /// The key of `f`, with `index`; nullopt when its file or check is not one of this maker's.
  /// Caches ranks by the address of the text, which is sound because keys are made only for
  /// findings that RunChecks keeps, whose text therefore stays where it is until it returns. One
  /// KeyMaker per thread.
  std::optional<SortKey> Key(const core::Finding& f, uint32_t index) {
    std::optional<uint64_t> file = Rank(files_, file_ranks_, f.file);
    std::optional<uint64_t> check = Rank(checks_, check_ranks_, f.check);
    if (!file || !check) return std::nullopt;
    SortKey key;
    key.index = index;
    // With more than 65,535 files the packed position is not exact: it is then 0 and
    // core::FindingLess decides. A column that does not fit in 16 bits is clamped, and its key
    // gets check 0, so that FindingLess also decides between findings whose columns were clamped.
    if (files_.size() > 0xFFFF) return key;
    const bool wide = f.column >= 0xFFFF;
    key.position =
        (*file << 48) | (uint64_t{f.line} << 16) | (wide ? uint64_t{0xFFFF} : uint64_t{f.column});
    key.check = wide ? 0 : static_cast<uint32_t>(*check);
    return key;
  }

  /// Keys of all of `findings` (index: place in the vector); nullopt when one has none.
  std::optional<std::vector<SortKey>> Keys(const std::vector<core::Finding>& findings) {
    std::vector<SortKey> keys;
    keys.reserve(findings.size());
    for (size_t i = 0; i < findings.size(); ++i) {
      std::optional<SortKey> key = Key(findings[i], static_cast<uint32_t>(i));
      if (!key) return std::nullopt;
      keys.push_back(*key);
    }
    return keys;
  }

 private:
  static std::optional<uint64_t> Rank(const std::vector<std::string_view>& sorted,
                                      std::unordered_map<const char*, uint64_t>& cache,
                                      std::string_view text) {
    auto it = cache.find(text.data());
    if (it != cache.end()) return it->second;
    auto found = std::lower_bound(sorted.begin(), sorted.end(), text);
    if (found == sorted.end() || *found != text) return std::nullopt;
    const auto rank = static_cast<uint64_t>(found - sorted.begin());
    if (cache.size() < 4096) cache.emplace(text.data(), rank);
    return rank;
  }

  std::vector<std::string_view> files_;
  std::vector<std::string_view> checks_;
  std::unordered_map<const char*, uint64_t> file_ranks_;
  std::unordered_map<const char*, uint64_t> check_ranks_;
};

// Sorts `findings` (whose keys are `keys`, indexes 0..n-1 in order) by core::FindingLess, ties kept
// in their current order; `keys` ends up sorted too. Sorts the compact keys, then moves each
// finding once, in place: cheap for the few thousand findings of a block, which stay in cache.
void SortWithKeys(std::vector<core::Finding>& findings, std::vector<SortKey>& keys) {
  std::sort(keys.begin(), keys.end(), [&findings](const SortKey& a, const SortKey& b) {
    if (KeyLess(a, findings[a.index], b, findings[b.index])) return true;
    if (KeyLess(b, findings[b.index], a, findings[a.index])) return false;
    return a.index < b.index;
  });
  std::vector<uint32_t> order(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    order[i] = keys[i].index;
    keys[i].index = static_cast<uint32_t>(i);
  }
  // Apply the permutation cycle by cycle, so that no second vector of findings is needed.
  for (uint32_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;
    core::Finding held = std::move(findings[start]);
    uint32_t at = start;
    while (order[at] != start) {
      const uint32_t from = order[at];
      findings[at] = std::move(findings[from]);
      order[at] = at;
      at = from;
    }
    findings[at] = std::move(held);
    order[at] = at;
  }
}

// Sorts `findings` by core::FindingLess, ties kept in their current order, whatever they name.
void SortAll(std::vector<core::Finding>& findings) {
  KeyMaker maker = KeyMaker::ForFindings(findings);
  std::optional<std::vector<SortKey>> keys = maker.Keys(findings);
  if (keys) SortWithKeys(findings, *keys);
}

// Gathers the findings of the blocks of objects, which threads complete in any order, into one
// vector in block order, so that the result does not depend on scheduling. A block's findings go
// straight into the result when every block before it is in, which is nearly always the case; the
// others wait in a vector of their own. The result is reserved once, from the first block, so that
// it is not copied as it grows: a large scan holds hundreds of megabytes of findings, and touching
// memory is a good part of its cost. The keys of the findings, when given, are kept beside them.
// Thread-safe.
class OrderedFindings {
 public:
  OrderedFindings(size_t blocks, size_t objects) : pending_(blocks), objects_(objects) {}

  /// Takes the findings of block `block` (of `objects` objects) out of `findings`, and their keys
  /// out of `keys` when `keys` is set (nullopt when a block could not be keyed).
  void Add(size_t block, size_t objects, std::vector<core::Finding>& findings,
           std::optional<std::vector<SortKey>>& keys) {
    std::lock_guard lock(mutex_);
    if (block != next_) {
      Pending& waiting = pending_[block];
      waiting.findings.reserve(findings.size());
      std::move(findings.begin(), findings.end(), std::back_inserter(waiting.findings));
      waiting.keys = std::move(keys);
      waiting.ready = true;
      findings.clear();
      return;
    }
    if (block == 0) Reserve(findings.size(), objects);
    Append(findings, keys);
    ++next_;
    while (next_ < pending_.size() && pending_[next_].ready) {
      Append(pending_[next_].findings, pending_[next_].keys);
      pending_[next_] = Pending{};
      ++next_;
    }
  }

  /// The findings of every block, in block order (once every block has been added), and their
  /// keys (nullopt when a block had none), each block's indexes counted from its first finding.
  std::vector<core::Finding> TakeFindings() { return std::move(out_); }
  std::optional<std::vector<SortKey>> TakeKeys() {
    if (!keyed_) return std::nullopt;
    return std::move(keys_);
  }
  /// Where each block's findings begin in TakeFindings().
  const std::vector<size_t>& block_starts() const { return starts_; }

 private:
  struct Pending {
    std::vector<core::Finding> findings;
    std::optional<std::vector<SortKey>> keys;
    bool ready = false;
  };

  // Room for the findings of every object at half as many again per object as the first block
  // has: memory reserved and never used is address space only.
  void Reserve(size_t findings, size_t objects) {
    if (objects == 0) return;
    const size_t room = findings * objects_ / objects * 3 / 2;
    out_.reserve(room);
    keys_.reserve(room);
  }

  void Append(std::vector<core::Finding>& findings, std::optional<std::vector<SortKey>>& keys) {
    starts_.push_back(out_.size());
    std::move(findings.begin(), findings.end(), std::back_inserter(out_));
    findings.clear();
    if (!keys) {
      keyed_ = false;
      std::vector<SortKey>().swap(keys_);
    } else if (keyed_) {
      keys_.insert(keys_.end(), keys->begin(), keys->end());
    }
  }

  std::mutex mutex_;
  std::vector<Pending> pending_;
  size_t next_ = 0;  ///< The next block to append.
  size_t objects_;
  std::vector<core::Finding> out_;
  std::vector<SortKey> keys_;
  bool keyed_ = true;
  std::vector<size_t> starts_;
};

// Puts the findings of `blocks` (each block sorted, with keys `block_keys`) and of `tail` (sorted,
// with keys `tail_keys`) in one sorted vector, ties in that order, when the blocks follow each
// other in order, as they do when the objects come in file and line order. Moves `tail` into
// `blocks` from the back, so that only the tail is held twice. Returns false, changing nothing,
// when the blocks are not in order.
bool MergeInOrder(std::vector<core::Finding>& blocks, const std::vector<SortKey>& block_keys,
                  const std::vector<size_t>& starts, std::vector<core::Finding>& tail,
                  const std::vector<SortKey>& tail_keys) {
  for (size_t start : starts) {
    if (start == 0 || start >= blocks.size()) continue;
    if (KeyLess(block_keys[start], blocks[start], block_keys[start - 1], blocks[start - 1])) {
      return false;
    }
  }
  const size_t na = blocks.size();
  blocks.resize(na + tail.size());
  size_t a = na;
  size_t b = tail.size();
  for (size_t out = blocks.size(); b > 0;) {
    // From the back: the tail's finding goes last unless a block's finding sorts after it.
    if (a > 0 && KeyLess(tail_keys[b - 1], tail[b - 1], block_keys[a - 1], blocks[a - 1])) {
      blocks[--out] = std::move(blocks[--a]);
    } else {
      blocks[--out] = std::move(tail[--b]);
    }
  }
  return true;
}

}  // namespace

std::vector<core::Finding> RunChecks(const k8s::Snapshot& snapshot, const Registry& registry,
                                     const ScanOptions& options) {
  const std::vector<const Check*> checks = SelectChecks(registry, options);
  const auto objects = snapshot.objects();
  const size_t count = objects.size();
  const size_t blocks = (count + kObjectsPerTask - 1) / kObjectsPerTask;
  const KeyMaker key_maker = KeyMaker::ForScan(snapshot, checks);
  const auto keep = [&options](const core::Finding& f) {
    return f.severity >= options.min_severity;
  };

  unsigned threads =
      options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  if (count < kMinObjectsForThreads) threads = 1;
  threads = std::clamp<unsigned>(threads, 1, static_cast<unsigned>(std::max<size_t>(blocks, 1)));

  // Each block's findings are sorted by the thread that found them, while they are in its cache;
  // the blocks are then put together in block order.
  OrderedFindings ordered(blocks, count);
  std::atomic<size_t> next{0};
  auto worker = [&](Emitter::Cache& cache) {
    KeyMaker keys = key_maker;
    std::vector<core::Finding> scratch;  // reused from block to block
    for (size_t b = next.fetch_add(1); b < blocks; b = next.fetch_add(1)) {
      const size_t end = std::min(count, (b + 1) * kObjectsPerTask);
      for (size_t i = b * kObjectsPerTask; i < end; ++i) {
        ObjectContext ctx{objects[i], snapshot.PodViewOf(objects[i]), snapshot};
        for (const Check* check : checks) {
          Emitter emitter(check->info(), scratch, cache);
          check->CheckObject(ctx, emitter);
        }
      }
      std::erase_if(scratch, [&keep](const core::Finding& f) { return !keep(f); });
      std::optional<std::vector<SortKey>> block_keys = keys.Keys(scratch);
      if (block_keys) SortWithKeys(scratch, *block_keys);
      ordered.Add(b, end - b * kObjectsPerTask, scratch, block_keys);
    }
  };
  std::vector<Emitter::Cache> caches(threads);
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, std::ref(caches[t]));
  // The checks that look across objects run here while the other threads start on the blocks;
  // their findings (the tail) are merged in afterwards.
  std::vector<core::Finding> tail;
  for (const Check* check : checks) {
    Emitter emitter(check->info(), tail, caches[0]);
    check->CheckSnapshot(snapshot, emitter);
  }
  std::erase_if(tail, [&keep](const core::Finding& f) { return !keep(f); });
  worker(caches[0]);
  for (auto& t : pool) t.join();

  std::vector<core::Finding> findings = ordered.TakeFindings();
  std::optional<std::vector<SortKey>> keys = ordered.TakeKeys();
  KeyMaker tail_maker = key_maker;
  std::optional<std::vector<SortKey>> tail_keys = tail_maker.Keys(tail);
  if (keys && tail_keys) {
    SortWithKeys(tail, *tail_keys);
    if (MergeInOrder(findings, *keys, ordered.block_starts(), tail, *tail_keys)) return findings;
  }
  // Objects out of file and line order, or findings naming what the keys do not know: one sort of
  // everything, blocks then tail, ties in that order.
  findings.reserve(findings.size() + tail.size());
  std::move(tail.begin(), tail.end(), std::back_inserter(findings));
  SortAll(findings);
  return findings;
}

}  // namespace centinela::checks
