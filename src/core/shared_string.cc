#include "core/shared_string.h"

#include <cstring>
#include <memory>
#include <ostream>

namespace centinela::core {

namespace {

// Buffers are arrays of headers, the text taking the room of the headers after the first.
template <typename Rep>
size_t RepsFor(size_t text_size) {
  return 1 + (text_size + sizeof(Rep) - 1) / sizeof(Rep);
}

}  // namespace

SharedString::SharedString(std::string_view text) {
  if (text.empty()) return;
  Rep* rep = std::allocator<Rep>().allocate(RepsFor<Rep>(text.size()));
  std::construct_at(rep);
  rep->refs.store(1, std::memory_order_relaxed);
  rep->size = text.size();
  std::memcpy(reinterpret_cast<char*>(rep + 1), text.data(), text.size());
  rep_ = rep;
}

SharedString& SharedString::operator+=(std::string_view suffix) {
  if (suffix.empty()) return *this;
  std::string text(view());
  text += suffix;
  *this = SharedString(text);
  return *this;
}

void SharedString::Release() noexcept {
  if (rep_ == nullptr) return;
  if (rep_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    const size_t reps = RepsFor<Rep>(rep_->size);
    std::destroy_at(rep_);
    std::allocator<Rep>().deallocate(rep_, reps);
  }
  rep_ = nullptr;
}

std::ostream& operator<<(std::ostream& out, const SharedString& text) { return out << text.view(); }

}  // namespace centinela::core
