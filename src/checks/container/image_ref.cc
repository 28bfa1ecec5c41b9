#include "checks/container/image_ref.h"

#include <string>

#include "checks/container/common.h"
#include "pss/predicates.h"

namespace centinela::checks {

namespace {

bool IsLowerHex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool IsAlgorithmChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool IsEncodedChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '=' ||
         c == '_' || c == '-';
}

}  // namespace

bool IsValidDigest(std::string_view digest) {
  size_t colon = digest.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view algorithm = digest.substr(0, colon);
  std::string_view encoded = digest.substr(colon + 1);
  if (algorithm == "sha256") return encoded.size() == 64 && IsLowerHex(encoded);
  if (algorithm == "sha512") return encoded.size() == 128 && IsLowerHex(encoded);
  // algorithm-component ([a-z0-9]+) joined by one of + . _ -
  bool previous_separator = true;
  for (char c : algorithm) {
    bool separator = c == '+' || c == '.' || c == '_' || c == '-';
    if (separator ? previous_separator : !IsAlgorithmChar(c)) return false;
    previous_separator = separator;
  }
  if (previous_separator) return false;
  if (encoded.size() < 32) return false;
  for (char c : encoded) {
    if (!IsEncodedChar(c)) return false;
  }
  return true;
}

ImageRef ParseImageRef(std::string_view image) {
  ImageRef ref;
  std::string_view name = image;
  size_t at = image.find('@');
  if (at != std::string_view::npos) {
    name = image.substr(0, at);
    ref.digest = image.substr(at + 1);
    ref.has_digest = true;
    ref.digest_valid = IsValidDigest(ref.digest);
  }
  size_t slash = name.rfind('/');
  size_t colon = name.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    ref.repository = name.substr(0, colon);
    ref.tag = name.substr(colon + 1);
  } else {
    ref.repository = name;
  }
  return ref;
}

void EmitUnpinnedImages(const ObjectContext& ctx, Emitter& out,
                        std::string_view (*problem)(const ImageRef& ref)) {
  if (ctx.pod == nullptr) return;
  for (const k8s::ContainerView& c : ctx.pod->containers) {
    const doc::Node* image = pss::FindValue(c.node, {"image"});
    if (image == nullptr || !image->IsScalar() || image->text().empty()) continue;
    std::string_view text = image->text();
    ImageRef ref = ParseImageRef(text);
    if (ref.digest_valid) continue;
    std::string_view what = problem(ref);
    if (what.empty()) continue;
    out.Emit(ctx.object, image, pss::Locate(c.node, c.path, {"image"}).path,
             ContainerLabel(c) + " uses image " + Quoted(text) + std::string(what));
  }
}

}  // namespace centinela::checks
