#include "doc/arena.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <new>
#include <utility>

namespace centinela::doc {
namespace {

constexpr size_t kHugePage = size_t{2} << 20;
// Blocks of this size or more are mapped directly (2 MiB aligned, so huge pages can back them).
constexpr size_t kMapThreshold = kHugePage;
constexpr size_t kMaxBlock = size_t{64} << 20;

size_t RoundUp(size_t n, size_t to) { return (n + to - 1) / to * to; }

// `size` bytes (a multiple of kHugePage) aligned to kHugePage, or nullptr.
std::byte* MapAligned(size_t size) {
  size_t span = size + kHugePage;
  void* base = ::mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (base == MAP_FAILED) return nullptr;
  auto begin = reinterpret_cast<uintptr_t>(base);
  uintptr_t aligned = (begin + kHugePage - 1) & ~(kHugePage - 1);
  if (aligned > begin) ::munmap(base, aligned - begin);
  uintptr_t tail = aligned + size;
  uintptr_t end = begin + span;
  if (end > tail) ::munmap(reinterpret_cast<void*>(tail), end - tail);
#ifdef MADV_HUGEPAGE
  ::madvise(reinterpret_cast<void*>(aligned), size,
            MADV_HUGEPAGE);  // advisory: failure is harmless
#endif
  return reinterpret_cast<std::byte*>(aligned);
}

}  // namespace

void AdviseHugePages(void* data, size_t bytes) {
#ifdef MADV_HUGEPAGE
  auto begin = reinterpret_cast<uintptr_t>(data);
  uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  uintptr_t last = (begin + bytes) & ~(kHugePage - 1);
  if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

Arena::Block::Block(size_t size) {
  if (size >= kMapThreshold) {
    size = RoundUp(size, kHugePage);
    data_ = MapAligned(size);
    mapped_ = data_ != nullptr;
  }
  if (data_ == nullptr) {
    data_ = static_cast<std::byte*>(std::malloc(size));
    if (data_ == nullptr) throw std::bad_alloc();
  }
  size_ = size;
}

Arena::Block::~Block() { Release(); }

Arena::Block::Block(Block&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(other.size_), mapped_(other.mapped_) {}

Arena::Block& Arena::Block::operator=(Block&& other) noexcept {
  if (this != &other) {
    Release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = other.size_;
    mapped_ = other.mapped_;
  }
  return *this;
}

void Arena::Block::Release() {
  if (data_ == nullptr) return;
  if (mapped_) {
    ::munmap(data_, size_);
  } else {
    std::free(data_);
  }
  data_ = nullptr;
}

void* Arena::AllocateSlow(size_t bytes, size_t align) {
  constexpr size_t kOwnBlock = size_t{256} << 10;
  size_t need = bytes + align;
  if (need > kOwnBlock) {
    // Large requests get their own block so the current one keeps serving small allocations.
    blocks_.emplace_back(need);
    std::byte* base = blocks_.back().data();
    size_t pad = (align - (reinterpret_cast<uintptr_t>(base) & (align - 1))) & (align - 1);
    return base + pad;
  }
  size_t size = std::max(next_block_, need);
  next_block_ = std::min(next_block_ * 2, kMaxBlock);
  blocks_.emplace_back(size);
  cur_ = blocks_.back().data();
  left_ = blocks_.back().size();
  return Allocate(bytes, align);
}

void Arena::Rewind(const Mark& mark) {
  if (blocks_.size() > mark.blocks)
    blocks_.erase(blocks_.begin() + static_cast<ptrdiff_t>(mark.blocks), blocks_.end());
  cur_ = mark.cur;
  left_ = mark.left;
}

size_t Arena::reserved_bytes() const {
  size_t total = 0;
  for (const Block& b : blocks_) total += b.size();
  return total;
}

}  // namespace centinela::doc
