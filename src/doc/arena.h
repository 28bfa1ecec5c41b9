#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <type_traits>
#include <vector>

namespace centinela::doc {

/// A bump allocator for parsed trees. Memory is released only when the arena is destroyed (or
/// rewound); objects placed in it must be trivially destructible. Not thread-safe: each loader
/// thread owns its own arena.
///
/// Blocks grow geometrically; large blocks are mapped directly from the OS and, where the kernel
/// supports it, backed by transparent huge pages: the trees of a large input take tens of
/// megabytes, and faulting them in 4 KiB at a time costs as much as parsing.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  Arena(Arena&&) noexcept = default;
  Arena& operator=(Arena&&) noexcept = default;

  /// `bytes` of uninitialised memory aligned to `align` (a power of two no larger than
  /// alignof(max_align_t)).
  void* Allocate(size_t bytes, size_t align) {
    size_t pad = (align - (reinterpret_cast<uintptr_t>(cur_) & (align - 1))) & (align - 1);
    if (bytes + pad > left_) return AllocateSlow(bytes, align);
    std::byte* p = cur_ + pad;
    cur_ = p + bytes;
    left_ -= bytes + pad;
    return p;
  }

  /// Storage for `n` objects of trivially destructible type T, uninitialised.
  template <typename T>
  T* AllocateArray(size_t n) {
    static_assert(std::is_trivially_destructible_v<T>);
    return static_cast<T*>(Allocate(n * sizeof(T), alignof(T)));
  }

  /// A copy of `text` owned by the arena (not NUL-terminated).
  const char* CopyString(std::string_view text) {
    if (text.empty()) return "";
    char* p = static_cast<char*>(Allocate(text.size(), 1));
    std::memcpy(p, text.data(), text.size());
    return p;
  }

  /// A point to return to with Rewind(), releasing everything allocated after it.
  struct Mark {
    size_t blocks = 0;
    std::byte* cur = nullptr;
    size_t left = 0;
  };
  Mark GetMark() const { return Mark{blocks_.size(), cur_, left_}; }
  /// Frees everything allocated since `mark` was taken (it must come from this arena, and be the
  /// latest mark still in use).
  void Rewind(const Mark& mark);

  /// Bytes obtained from the OS or the heap so far (for tests and statistics).
  size_t reserved_bytes() const;

 private:
  // A block of memory from the heap or from mmap; releases it on destruction.
  class Block {
   public:
    explicit Block(size_t size);
    ~Block();
    Block(Block&& other) noexcept;
    Block& operator=(Block&& other) noexcept;
    Block(const Block&) = delete;
    Block& operator=(const Block&) = delete;
    std::byte* data() const { return data_; }
    size_t size() const { return size_; }

   private:
    void Release();
    std::byte* data_ = nullptr;
    size_t size_ = 0;
    bool mapped_ = false;
  };

  void* AllocateSlow(size_t bytes, size_t align);

  std::vector<Block> blocks_;
  std::byte* cur_ = nullptr;
  size_t left_ = 0;
  size_t next_block_ = size_t{16} << 10;
};

/// Asks the OS to back the whole 2 MiB pages inside [data, data + bytes) with transparent huge
/// pages, where it supports them: a large buffer about to be filled then faults in hundreds of
/// times fewer pages. Advisory.
void AdviseHugePages(void* data, size_t bytes);

}  // namespace centinela::doc
