#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/common/common.h"
#include "checks/network/cidr.h"
#include "checks/network/network.h"
#include "checks/network/service.h"
#include "core/strings.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "service-public-load-balancer",
    "LoadBalancer Service open to the internet",
    core::Severity::kHigh,
    core::Control::kNetwork,
    core::Layer::kCloud,
    "A Service of type LoadBalancer makes the cloud provider create a load balancer. Unless it is "
    "internal or "
    "restricted with spec.loadBalancerSourceRanges, it accepts connections from any address on the "
    "internet, "
    "which exposes the workload to scanning and exploitation.",
    "Restrict spec.loadBalancerSourceRanges to the client networks that need access, or make the "
    "load balancer "
    "internal (e.g. service.beta.kubernetes.io/aws-load-balancer-scheme: internal with the AWS "
    "Load Balancer "
    "Controller); publish HTTP applications through an Ingress with TLS and a WAF instead.",
};

constexpr std::string_view kSourceRangesAnnotation =
    "service.beta.kubernetes.io/load-balancer-source-ranges";
constexpr std::string_view kAwsScheme = "service.beta.kubernetes.io/aws-load-balancer-scheme";
constexpr std::string_view kAwsInternal = "service.beta.kubernetes.io/aws-load-balancer-internal";
constexpr std::string_view kAwsType = "service.beta.kubernetes.io/aws-load-balancer-type";
constexpr std::string_view kAwsLbcClass = "service.k8s.aws/nlb";

// Annotations of other providers that make a load balancer internal, with the value that does so
// (compared ignoring case).
struct InternalAnnotation {
  std::string_view key;
  std::string_view value;
};
constexpr InternalAnnotation kInternalAnnotations[] = {
    {"networking.gke.io/load-balancer-type", "internal"},
    {"cloud.google.com/load-balancer-type", "internal"},
    {"service.beta.kubernetes.io/azure-load-balancer-internal", "true"},
    {"service.beta.kubernetes.io/oci-load-balancer-internal", "true"},
    {"oci-network-load-balancer.oraclecloud.com/internal", "true"},
    {"service.beta.kubernetes.io/openstack-internal-load-balancer", "true"},
    {"service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type", "intranet"},
    {"service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type", "private"},
};

// Go's strconv.ParseBool false values: the AWS Load Balancer Controller reads the annotation with
// it.
bool IsGoFalse(std::string_view v) {
  return v == "0" || v == "f" || v == "F" || v == "false" || v == "False" || v == "FALSE";
}

enum class Scheme { kInternal, kPublic, kSchemeIgnored };

// Decides whether the provider creates an internal load balancer.
Scheme ClassifyScheme(const k8s::Object& svc, const doc::Node* spec) {
  for (const InternalAnnotation& a : kInternalAnnotations) {
    auto value = k8s::Lookup(svc.annotations, a.key);
    if (value && core::EqualsIgnoreCase(core::Trim(*value), a.value)) return Scheme::kInternal;
  }
  std::string_view type = core::Trim(svc.Annotation(kAwsType));
  bool lbc = type == "external" || type == "nlb-ip" ||
             ScalarText(spec->Get("loadBalancerClass")) == kAwsLbcClass;
  auto scheme = k8s::Lookup(svc.annotations, kAwsScheme);
  auto internal = k8s::Lookup(svc.annotations, kAwsInternal);
  if (lbc) {
    // AWS Load Balancer Controller: the scheme annotation wins, then the deprecated boolean;
    // default internal.
    if (scheme)
      return core::EqualsIgnoreCase(core::Trim(*scheme), "internal") ? Scheme::kInternal
                                                                     : Scheme::kPublic;
    if (internal) return IsGoFalse(core::Trim(*internal)) ? Scheme::kPublic : Scheme::kInternal;
    return Scheme::kInternal;
  }
  // The legacy AWS cloud provider: any value but "false" makes it internal; the scheme annotation
  // is unknown.
  if (internal) {
    std::string_view v = core::Trim(*internal);
    if (!v.empty() && !IsGoFalse(v)) return Scheme::kInternal;
  }
  if (scheme && core::EqualsIgnoreCase(core::Trim(*scheme), "internal"))
    return Scheme::kSchemeIgnored;
  return Scheme::kPublic;
}

class ServicePublicLoadBalancer : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    const k8s::Object& svc = ctx.object;
    const doc::Node* spec = ServiceSpec(svc);
    if (spec == nullptr) return;
    const doc::Node* type = spec->Get("type");
    if (ScalarText(type) != "LoadBalancer") return;
    Scheme scheme = ClassifyScheme(svc, spec);
    if (scheme == Scheme::kInternal) return;

    const doc::FieldPath spec_path = RootPath(svc).Key("spec");
    const doc::Entry* ranges_entry = FindEntry(spec, "loadBalancerSourceRanges");
    std::vector<Cidr> valid;
    size_t invalid = 0;
    if (ranges_entry != nullptr && ranges_entry->value->IsSequence() &&
        ranges_entry->value->size() > 0) {
      const doc::Node* list = ranges_entry->value;
      for (size_t i = 0; i < list->size(); ++i) {
        const doc::Node* item = list->items()[i];
        auto cidr = ParseCidr(ScalarText(item));
        if (!cidr) {
          ++invalid;
          continue;
        }
        if (cidr->prefix == 0) {
          out.Emit(svc, item, spec_path.Key("loadBalancerSourceRanges").Index(i).str(),
                   "spec.loadBalancerSourceRanges[" + std::to_string(i) +
                       "]=" + std::string(item->text()) +
                       " admits every address: the load balancer is open to the internet");
          return;
        }
        valid.push_back(*cidr);
      }
      if (!valid.empty()) {
        if (CoversEveryAddress(valid)) {
          out.Emit(svc, ranges_entry->key, spec_path.Key("loadBalancerSourceRanges").str(),
                   "spec.loadBalancerSourceRanges together admit every address: the load balancer "
                   "is open to the "
                   "internet");
        }
        return;
      }
    } else if (auto annotation = k8s::Lookup(svc.annotations, kSourceRangesAnnotation);
               annotation && !core::Trim(*annotation).empty()) {
      const doc::Node* at = AnnotationNode(svc, kSourceRangesAnnotation);
      for (std::string_view part : core::SplitTrim(*annotation, ',')) {
        auto cidr = ParseCidr(part);
        if (!cidr) {
          ++invalid;
          continue;
        }
        if (cidr->prefix == 0) {
          out.Emit(svc, at, AnnotationPath(svc, kSourceRangesAnnotation).str(),
                   std::string(kSourceRangesAnnotation) + " includes " + std::string(part) +
                       ", which admits every address: the load balancer is open to the internet");
          return;
        }
        valid.push_back(*cidr);
      }
      if (!valid.empty()) {
        if (CoversEveryAddress(valid)) {
          out.Emit(svc, at, AnnotationPath(svc, kSourceRangesAnnotation).str(),
                   std::string(kSourceRangesAnnotation) +
                       " ranges together admit every address: the load balancer is open to the "
                       "internet");
        }
        return;
      }
    }

    std::string message = "spec.type=LoadBalancer ";
    if (invalid > 0) {
      message += "whose source ranges hold no valid CIDR";
    } else {
      message += "with no spec.loadBalancerSourceRanges";
    }
    if (scheme == Scheme::kSchemeIgnored) {
      message += "; " + std::string(kAwsScheme) +
                 "=internal is read only by the AWS Load Balancer Controller, which does not "
                 "manage this Service "
                 "(set " +
                 std::string(kAwsType) +
                 ": external or spec.loadBalancerClass: service.k8s.aws/nlb)";
    } else if (auto explicit_scheme = k8s::Lookup(svc.annotations, kAwsScheme)) {
      message +=
          " and " + std::string(kAwsScheme) + "=" + std::string(core::Trim(*explicit_scheme));
    } else {
      message += " and no internal load-balancer annotation";
    }
    message += ": the load balancer accepts connections from any address on the internet";
    out.Emit(svc, type, spec_path.Key("type").str(), std::move(message));
  }
};

}  // namespace

std::unique_ptr<Check> MakeServicePublicLoadBalancer() {
  return std::make_unique<ServicePublicLoadBalancer>();
}

}  // namespace centinela::checks
