#include "checks/container/common.h"
#include "checks/container/container.h"
#include "checks/container/image_ref.h"
#include "pss/predicates.h"

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
    if (ctx.pod == nullptr) return;
    for (const k8s::ContainerView& c : ctx.pod->containers) {
      const doc::Node* image = pss::FindValue(c.node, {"image"});
      if (image == nullptr || !image->IsScalar() || image->text().empty()) continue;
      std::string_view text = image->text();
      ImageRef ref = ParseImageRef(text);
      if (ref.digest_valid) continue;
      std::string message;
      if (ref.tag.empty()) {
        message =
            ContainerLabel(c) + " uses image " + Quoted(text) + " without a tag (it pulls latest)";
      } else if (ref.tag == "latest") {
        message =
            ContainerLabel(c) + " uses image " + Quoted(text) + " with the mutable tag latest";
      } else {
        continue;
      }
      out.Emit(ctx.object, image, pss::Locate(c.node, c.path, {"image"}).path, std::move(message));
    }
  }
};

}  // namespace

std::unique_ptr<Check> MakeContainerImageTagMutable() {
  return std::make_unique<ContainerImageTagMutable>();
}

}  // namespace centinela::checks
