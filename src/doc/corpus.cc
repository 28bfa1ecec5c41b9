#include "doc/corpus.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <system_error>

#include "doc/arena.h"
#include "doc/json_loader.h"
#include "doc/loader.h"
#include "doc/yaml_loader.h"

namespace centinela::doc {
namespace {

using core::DiagLevel;

// simdjson reads up to this many bytes past the end of its input; every text we keep is followed by
// them.
constexpr size_t kPadding = 64;
constexpr size_t kReadBlock = size_t{1} << 16;

std::string ErrnoMessage(int error) {
  std::string message = std::error_code(error, std::generic_category()).message();
  if (!message.empty())
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  return message;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool HasManifestExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

class FileCloser {
 public:
  explicit FileCloser(int fd) : fd_(fd) {}
  ~FileCloser() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileCloser(const FileCloser&) = delete;
  FileCloser& operator=(const FileCloser&) = delete;

 private:
  int fd_;
};

}  // namespace

struct Corpus::Impl {
  core::Limits limits;
  std::vector<std::unique_ptr<core::SourceFile>> sources;
  std::vector<std::unique_ptr<Arena>> arenas;
  std::vector<Document> documents;
  size_t bytes_read = 0;

  bool ReadRegular(const std::string& path, int fd, size_t size, core::DiagnosticSink& sink);
  bool ReadStream(const std::string& name, int fd, core::DiagnosticSink& sink);
  bool ReadFile(const std::string& path, core::DiagnosticSink& sink);
  bool ReadDirectory(const std::string& path, core::DiagnosticSink& sink);
  void Load(std::string name, std::string text, core::DiagnosticSink& sink);
};

bool Corpus::Impl::ReadRegular(const std::string& path, int fd, size_t size,
                               core::DiagnosticSink& sink) {
  if (size > limits.max_file_bytes) {
    sink.Report(DiagLevel::kError, nullptr, path, 0, 0,
                "file too large: " + std::to_string(size) + " bytes (the limit is " +
                    std::to_string(limits.max_file_bytes) + " bytes)");
    return false;
  }
  std::string text;
  text.reserve(size + kPadding);
  AdviseHugePages(text.data(), text.capacity());
  text.resize(size + kPadding, ' ');
  size_t got = 0;
  while (got < size) {
    ssize_t n = ::read(fd, text.data() + got, size - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      sink.Report(DiagLevel::kError, nullptr, path, 0, 0, ErrnoMessage(errno));
      return false;
    }
    if (n == 0) break;  // the file shrank since fstat
    got += static_cast<size_t>(n);
  }
  text.resize(got);
  Load(path, std::move(text), sink);
  return true;
}

bool Corpus::Impl::ReadStream(const std::string& name, int fd, core::DiagnosticSink& sink) {
  std::string text;
  size_t got = 0;
  while (true) {
    if (text.size() < got + kReadBlock + kPadding)
      text.resize(std::max(text.size() * 2, got + kReadBlock + kPadding));
    ssize_t n = ::read(fd, text.data() + got, kReadBlock);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      sink.Report(DiagLevel::kError, nullptr, name, 0, 0, ErrnoMessage(errno));
      return false;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
    if (got > limits.max_file_bytes) {
      sink.Report(DiagLevel::kError, nullptr, name, 0, 0,
                  "input too large: more than " + std::to_string(limits.max_file_bytes) +
                      " bytes (the limit); not read");
      return false;
    }
  }
  text.resize(got);
  Load(name, std::move(text), sink);
  return true;
}

bool Corpus::Impl::ReadFile(const std::string& path, core::DiagnosticSink& sink) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    sink.Report(DiagLevel::kError, nullptr, path, 0, 0, ErrnoMessage(errno));
    return false;
  }
  FileCloser closer(fd);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    sink.Report(DiagLevel::kError, nullptr, path, 0, 0, ErrnoMessage(errno));
    return false;
  }
  if (S_ISDIR(st.st_mode)) return ReadDirectory(path, sink);
  if (S_ISREG(st.st_mode) && st.st_size > 0)
    return ReadRegular(path, fd, static_cast<size_t>(st.st_size), sink);
  return ReadStream(path, fd, sink);  // pipes, character devices, /proc files that report size 0
}

bool Corpus::Impl::ReadDirectory(const std::string& path, core::DiagnosticSink& sink) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (HasManifestExtension(it->path()) && it->is_regular_file(type_ec))
      files.push_back(it->path().string());
  }
  if (ec) {
    sink.Report(DiagLevel::kError, nullptr, path, 0, 0, ErrnoMessage(ec.value()));
  }
  std::sort(files.begin(), files.end());
  if (files.empty() && !ec) {
    sink.Report(DiagLevel::kWarning, nullptr, path, 0, 0,
                "no .yaml, .yml or .json files in this directory");
  }
  bool any = false;
  for (const std::string& file : files) any = ReadFile(file, sink) || any;
  return any;
}

void Corpus::Impl::Load(std::string name, std::string text, core::DiagnosticSink& sink) {
  size_t size = text.size();
  bytes_read += size;
  if (size > limits.max_file_bytes) {
    sink.Report(DiagLevel::kError, nullptr, name, 0, 0,
                "input too large: " + std::to_string(size) + " bytes (the limit is " +
                    std::to_string(limits.max_file_bytes) + " bytes)");
    sources.push_back(std::make_unique<core::SourceFile>(std::move(name), std::string()));
    return;
  }
  bool json = LooksLikeJson(text);
  if (json) {
    // Make room for simdjson's padding without changing the text: the bytes after the end stay
    // allocated.
    text.resize(size + kPadding, ' ');
    text.resize(size);
  }
  const char* data = text.data();
  bool json_name = EndsWith(name, ".json");
  sources.push_back(std::make_unique<core::SourceFile>(std::move(name), std::move(text)));
  const core::SourceFile& source = *sources.back();
  bool padded = source.text().data() == data;  // the same allocation, so the padding is still there

  LoadOutput out;
  if (json) {
    LoadJson(source, limits, padded, out);
    bool failed =
        std::any_of(out.diagnostics.begin(), out.diagnostics.end(),
                    [](const core::Diagnostic& d) { return d.level == DiagLevel::kError; });
    if (failed && !json_name) {
      // YAML flow style also starts with `{` or `[`: keep the YAML reading if it succeeds.
      LoadOutput yaml;
      LoadYaml(source, limits, yaml);
      bool yaml_failed =
          std::any_of(yaml.diagnostics.begin(), yaml.diagnostics.end(),
                      [](const core::Diagnostic& d) { return d.level == DiagLevel::kError; });
      if (!yaml_failed) out = std::move(yaml);
    }
  } else {
    LoadYaml(source, limits, out);
  }

  size_t limit = limits.max_documents_per_stream;
  for (core::Diagnostic& d : out.diagnostics) sink.Report(std::move(d));
  uint32_t index = 0;
  for (const LoadedDoc& d : out.docs) {
    if (index == limit) {
      sink.Report(
          DiagLevel::kError, &source, source.path(), d.line, 0,
          "more than " + std::to_string(limit) + " documents in one stream; the rest is skipped");
      break;
    }
    if (d.root != nullptr) documents.push_back(Document{&source, d.root, index, d.line});
    ++index;
  }
  for (auto& a : out.arenas) arenas.push_back(std::move(a));
}

Corpus::Corpus(core::Limits limits) : impl_(std::make_unique<Impl>()) { impl_->limits = limits; }
Corpus::~Corpus() = default;
Corpus::Corpus(Corpus&&) noexcept = default;
Corpus& Corpus::operator=(Corpus&&) noexcept = default;

bool Corpus::AddPath(const std::string& path, core::DiagnosticSink& sink) {
  if (path == "-") return impl_->ReadStream("<stdin>", STDIN_FILENO, sink);
  return impl_->ReadFile(path, sink);
}

void Corpus::AddText(std::string name, std::string text, core::DiagnosticSink& sink) {
  impl_->Load(std::move(name), std::move(text), sink);
}

std::span<const Document> Corpus::documents() const { return impl_->documents; }

std::vector<const core::SourceFile*> Corpus::sources() const {
  std::vector<const core::SourceFile*> out;
  out.reserve(impl_->sources.size());
  for (const auto& s : impl_->sources) out.push_back(s.get());
  return out;
}

size_t Corpus::bytes_read() const { return impl_->bytes_read; }

const core::Limits& Corpus::limits() const { return impl_->limits; }

}  // namespace centinela::doc
