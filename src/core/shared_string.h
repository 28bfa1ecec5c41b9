#pragma once

#include <atomic>
#include <compare>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace centinela::core {

/// An immutable string whose copies share one buffer: copying it costs a reference count increment,
/// never a copy of the text, and it is the size of a pointer. For text that many values repeat,
/// such as the file and object names of the hundreds of thousands of findings of a large scan.
/// Reads like a std::string_view (it converts to one) and owns its text like a std::string: it
/// stays valid whatever happens to the text it was made from. Assigning a new value (or appending)
/// makes a new buffer; a buffer is never modified once made. Different SharedStrings may be used on
/// different threads even when they share a buffer; one SharedString is as thread-safe as a
/// std::string.
class SharedString {
 public:
  SharedString() = default;
  // Implicit, like std::string: a SharedString is used wherever a string field was.
  SharedString(std::string_view text);  // NOLINT(google-explicit-constructor)
  SharedString(const char* text)        // NOLINT(google-explicit-constructor)
      : SharedString(std::string_view(text)) {}
  SharedString(const std::string& text)  // NOLINT(google-explicit-constructor)
      : SharedString(std::string_view(text)) {}

  SharedString(const SharedString& other) noexcept : rep_(other.rep_) {
    if (rep_ != nullptr) rep_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  SharedString(SharedString&& other) noexcept : rep_(std::exchange(other.rep_, nullptr)) {}
  SharedString& operator=(const SharedString& other) noexcept {
    SharedString copy(other);
    std::swap(rep_, copy.rep_);
    return *this;
  }
  SharedString& operator=(SharedString&& other) noexcept {
    SharedString moved(std::move(other));
    std::swap(rep_, moved.rep_);
    return *this;
  }
  ~SharedString() { Release(); }

  /// Replaces the value with the value followed by `suffix` (in a new buffer).
  SharedString& operator+=(std::string_view suffix);

  std::string_view view() const {
    return rep_ != nullptr ? std::string_view(Text(rep_), rep_->size) : std::string_view();
  }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  std::string str() const { return std::string(view()); }

  const char* data() const { return view().data(); }
  size_t size() const { return rep_ != nullptr ? rep_->size : 0; }
  bool empty() const { return rep_ == nullptr; }
  std::string_view::const_iterator begin() const { return view().begin(); }
  std::string_view::const_iterator end() const { return view().end(); }
  size_t find(std::string_view needle, size_t pos = 0) const { return view().find(needle, pos); }
  size_t rfind(std::string_view needle, size_t pos = std::string_view::npos) const {
    return view().rfind(needle, pos);
  }
  bool starts_with(std::string_view prefix) const { return view().starts_with(prefix); }
  bool ends_with(std::string_view suffix) const { return view().ends_with(suffix); }

  /// Compares the text with anything a std::string_view can be made from (a SharedString, a
  /// std::string, a literal).
  template <typename T>
  requires std::is_convertible_v<const T&, std::string_view>
  friend bool operator==(const SharedString& a, const T& b) {
    return a.view() == std::string_view(b);
  }
  template <typename T>
  requires std::is_convertible_v<const T&, std::string_view>
  friend std::strong_ordering operator<=>(const SharedString& a, const T& b) {
    return a.view() <=> std::string_view(b);
  }

 private:
  // The header of a buffer; the text follows it. Only non-empty texts have a buffer.
  struct Rep {
    std::atomic<size_t> refs;
    size_t size;
  };

  static const char* Text(const Rep* rep) { return reinterpret_cast<const char*>(rep + 1); }
  void Release() noexcept;

  Rep* rep_ = nullptr;
};

std::ostream& operator<<(std::ostream& out, const SharedString& text);

}  // namespace centinela::core
