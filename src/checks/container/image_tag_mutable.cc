#include "checks/container/container.h"
#include "checks/container/image_ref.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    .id = "container-image-tag-mutable",
    .title = "Container image has no tag or uses latest",
    .severity = core::Severity::kMedium,
    .control = core::Control::kOrchestrator,
    .layer = core::Layer::kContainer,
    .description =
        "Reports containers (regular, init and ephemeral) whose image has no tag (the runtime "
        "pulls "
        "latest) or the tag latest, unless it is pinned by a valid digest. The tag is what follows "
        "the last "
        "colon after the last slash, so registry:5000/app has no tag. Such images change under the "
        "same "
        "name: what runs is not what was scanned and reviewed, and nodes may run different "
        "versions.",
    .remediation =
        "Reference the image by an immutable version tag and, better, by digest "
        "(image: registry/app:1.4.2@sha256:<digest>).",
};

class ContainerImageTagMutable final : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    EmitUnpinnedImages(ctx, out, [](const ImageRef& ref) -> std::string_view {
      if (ref.tag.empty()) return " without a tag (it pulls latest)";
      if (ref.tag == "latest") return " with the mutable tag latest";
      return {};
    });
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerImageTagMutable() {
  return std::make_unique<ContainerImageTagMutable>();
}

}  // namespace centinela::checks
