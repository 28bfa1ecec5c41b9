#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "report/writers.h"

namespace centinela::report {

namespace {

// Elements per batch: large enough that a thread start per batch is noise, small enough that the
// batches in flight (one per thread) stay a few megabytes.
constexpr size_t kBatch = 4096;

}  // namespace

void WriteArrayElements(JsonWriter& w, size_t depth, size_t count,
                        const std::function<void(size_t, JsonWriter&)>& render) {
  const size_t threads =
      std::clamp<size_t>(count / kBatch, 1, std::max(1U, std::thread::hardware_concurrency()));
  if (threads == 1) {
    for (size_t i = 0; i < count; ++i) render(i, w);
    return;
  }
  // Rounds of `threads` consecutive batches: this thread writes the first batch of a round straight
  // into `w` while the others render theirs into memory; those are appended once the round is done.
  // Fragments always follow an element already written (the first batch is written by `w` itself).
  std::vector<std::string> parts(threads);
  for (size_t round = 0; round < count; round += threads * kBatch) {
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (size_t t = 1; t < threads; ++t) {
      const size_t begin = std::min(count, round + t * kBatch);
      const size_t end = std::min(count, begin + kBatch);
      if (begin == end) break;
      pool.emplace_back([&render, &parts, depth, t, begin, end] {
        JsonWriter fragment(depth, std::move(parts[t]));
        for (size_t i = begin; i < end; ++i) render(i, fragment);
        parts[t] = fragment.TakeText();
      });
    }
    for (size_t i = round; i < std::min(count, round + kBatch); ++i) render(i, w);
    for (std::thread& thread : pool) thread.join();
    for (size_t t = 1; t <= pool.size(); ++t) {
      const size_t begin = round + t * kBatch;
      w.Raw(parts[t], std::min(count, begin + kBatch) - begin);
      parts[t].clear();
    }
  }
}

}  // namespace centinela::report
