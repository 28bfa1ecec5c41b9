#include "checks/container/container.h"
#include "checks/container/image_ref.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-image-not-digest-pinned",
    .title = "Container image is not pinned by digest",
    .severity = core::Severity::kLow,
    .control = core::Control::kOrchestrator,
    .layer = core::Layer::kContainer,
    .description =
        "Reports containers (regular, init and ephemeral) whose image is not referenced by a valid "
        "digest "
        "(@sha256:<64 hex digits>). Even version tags can be moved by whoever can push to the "
        "repository; "
        "only a digest guarantees that the image that runs is the one that was scanned and signed.",
    .remediation =
        "Append the image digest to the reference (image: registry/app:1.4.2@sha256:<digest>), for "
        "example "
        "with `crane digest` or your CI, and let automation update it.",
};

class ContainerImageNotDigestPinned final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    EmitUnpinnedImages(ctx, out, [](const ImageRef& ref) -> std::string_view {
      return ref.has_digest ? " whose digest is malformed" : ", which is not pinned by digest";
    });
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerImageNotDigestPinned() {
  return std::make_unique<ContainerImageNotDigestPinned>();
}

}  // namespace centinela::checks
