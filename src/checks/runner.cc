#include "checks/runner.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <thread>

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

void CheckRange(const k8s::Snapshot& snapshot, const std::vector<const Check*>& checks,
                size_t begin, size_t end, std::vector<core::Finding>& out) {
  auto objects = snapshot.objects();
  for (size_t i = begin; i < end; ++i) {
    const k8s::Object& object = objects[i];
    ObjectContext ctx{object, snapshot.PodViewOf(object), snapshot};
    for (const Check* check : checks) {
      Emitter emitter(check->info(), out);
      check->CheckObject(ctx, emitter);
    }
  }
}

}  // namespace

std::vector<core::Finding> RunChecks(const k8s::Snapshot& snapshot, const Registry& registry,
                                     const ScanOptions& options) {
  const std::vector<const Check*> checks = SelectChecks(registry, options);
  const size_t count = snapshot.objects().size();
  std::vector<core::Finding> findings;

  unsigned threads =
      options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  if (count < kMinObjectsForThreads) threads = 1;
  if (threads <= 1) {
    CheckRange(snapshot, checks, 0, count, findings);
  } else {
    // Objects are handed out in fixed blocks; each block's findings are kept in block order so that
    // the result does not depend on scheduling (the final sort makes it total anyway).
    const size_t blocks = (count + kObjectsPerTask - 1) / kObjectsPerTask;
    std::vector<std::vector<core::Finding>> per_block(blocks);
    std::atomic<size_t> next{0};
    auto worker = [&] {
      for (size_t b = next.fetch_add(1); b < blocks; b = next.fetch_add(1)) {
        CheckRange(snapshot, checks, b * kObjectsPerTask,
                   std::min(count, (b + 1) * kObjectsPerTask), per_block[b]);
      }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    size_t total = 0;
    for (const auto& v : per_block) total += v.size();
    findings.reserve(total);
    for (auto& v : per_block) {
      std::move(v.begin(), v.end(), std::back_inserter(findings));
      std::vector<core::Finding>().swap(v);  // free each block as soon as it is merged
    }
  }

  for (const Check* check : checks) {
    Emitter emitter(check->info(), findings);
    check->CheckSnapshot(snapshot, emitter);
  }

  if (options.min_severity != core::Severity::kInfo) {
    std::erase_if(findings,
                  [&](const core::Finding& f) { return f.severity < options.min_severity; });
  }
  // Sort indices, then move each finding once: a Finding holds a dozen strings, and moving them
  // through every step of the sort cost more than the checks themselves on large inputs. The
  // comparison is on a packed (file rank, line, column) key first; the strings are compared only on
  // ties.
  std::vector<std::string_view> files;
  for (const core::Finding& f : findings) {
    if (files.empty() || files.back() != f.file) files.push_back(f.file);
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  std::vector<uint64_t> keys(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    const core::Finding& f = findings[i];
    const uint64_t rank =
        static_cast<uint64_t>(std::lower_bound(files.begin(), files.end(), f.file) - files.begin());
    // With more than 65,535 files every key is 0 and the strings decide.
    keys[i] = files.size() > 0xFFFF
                  ? 0
                  : (rank << 48) | (uint64_t{f.line} << 16) | std::min<uint64_t>(f.column, 0xFFFF);
  }
  std::vector<uint32_t> order(findings.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (keys[a] != keys[b]) return keys[a] < keys[b];
    return core::FindingLess(findings[a], findings[b]);
  });
  // Apply the permutation in place, cycle by cycle, so no second vector of findings is allocated.
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
  return findings;
}

}  // namespace centinela::checks
