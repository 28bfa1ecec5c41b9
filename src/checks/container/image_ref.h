#pragma once

#include <string_view>

#include "checks/check.h"

namespace centinela::checks {

/// A container image reference split as the container runtimes read it:
/// `[registry[:port]/]path[:tag][@algorithm:hex]`. The tag is whatever follows the last `:` after
/// the last
/// `/`, so `registry:5000/app` has no tag. Views point into the parsed string.
struct ImageRef {
  std::string_view
      repository;        ///< Everything before the tag and digest, e.g. "registry:5000/team/app".
  std::string_view tag;  ///< Empty when there is none (runtimes then pull `latest`).
  std::string_view digest;    ///< "sha256:<hex>" as written; empty when not pinned.
  bool has_digest = false;    ///< An `@` is present.
  bool digest_valid = false;  ///< The digest is well formed (sha256: 64 hex, sha512: 128 hex, ...).
};

ImageRef ParseImageRef(std::string_view image);

/// `algorithm:encoded` per the OCI image spec: sha256 needs 64 lower-case hex digits, sha512 128;
/// other algorithms at least 32 characters of [A-Za-z0-9=_-].
bool IsValidDigest(std::string_view digest);

/// For every container (regular, init and ephemeral) whose image is a non-empty scalar not pinned
/// by a valid digest, calls `problem` with the parsed reference; when it returns non-empty text,
/// reports `<container> uses image "<image>"<text>` at the image.
void EmitUnpinnedImages(const ObjectContext& ctx, Emitter& out,
                        std::string_view (*problem)(const ImageRef& ref));

}  // namespace centinela::checks
