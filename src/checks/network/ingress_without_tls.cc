#include <string>
#include <string_view>
#include <vector>

#include "checks/common/common.h"
#include "checks/network/network.h"
#include "core/strings.h"

namespace centinela::checks {

namespace {

constexpr CheckInfo kInfo{
    "ingress-without-tls",
    "Ingress serves plain HTTP",
    core::Severity::kMedium,
    core::Control::kNetwork,
    core::Layer::kCluster,
    "An Ingress host that no spec.tls entry covers is served over plain HTTP: credentials, session "
    "cookies and "
    "data cross the network unencrypted and can be read or altered in transit. For the AWS Load "
    "Balancer "
    "Controller (class alb), TLS is decided by its annotations instead: the ALB must listen on "
    "HTTPS "
    "(alb.ingress.kubernetes.io/listen-ports, or a certificate-arn with the default listeners) and "
    "any HTTP "
    "listener must redirect (alb.ingress.kubernetes.io/ssl-redirect).",
    "List every rule host under spec.tls[].hosts with a certificate secret (or for the AWS Load "
    "Balancer "
    "Controller set alb.ingress.kubernetes.io/certificate-arn, listen-ports with HTTPS and "
    "ssl-redirect).",
};

constexpr std::string_view kAlbController = "ingress.k8s.aws/alb";
constexpr std::string_view kAlbListenPorts = "alb.ingress.kubernetes.io/listen-ports";
constexpr std::string_view kAlbCertificate = "alb.ingress.kubernetes.io/certificate-arn";
constexpr std::string_view kAlbSslRedirect = "alb.ingress.kubernetes.io/ssl-redirect";

bool IsAlbIngress(const k8s::Object& ingress, const doc::Node* spec,
                  const k8s::Snapshot& snapshot) {
  if (ingress.Annotation("kubernetes.io/ingress.class") == "alb") return true;
  std::string_view class_name = ScalarText(spec->Get("ingressClassName"));
  if (class_name.empty()) return false;
  if (class_name == "alb") return true;
  const k8s::Object* ingress_class = snapshot.Find("IngressClass", "", class_name);
  if (ingress_class == nullptr) return false;
  const doc::Node* controller = ingress_class->node->GetPath({"spec", "controller"});
  return ScalarText(controller) == kAlbController;
}

// A TLS host covers a rule host when equal (ignoring case), or when it is a wildcard
// "*.example.com" and the rule host has exactly one more label.
bool HostCovered(std::string_view tls_host, std::string_view host) {
  if (core::EqualsIgnoreCase(tls_host, host)) return true;
  if (tls_host.size() < 3 || tls_host.substr(0, 2) != "*.") return false;
  std::string_view suffix = tls_host.substr(1);  // ".example.com"
  if (host.size() <= suffix.size()) return false;
  std::string_view head = host.substr(0, host.size() - suffix.size());
  return core::EqualsIgnoreCase(host.substr(host.size() - suffix.size()), suffix) &&
         head.find('.') == std::string_view::npos && head != "*";
}

class IngressWithoutTls : public Check {
 public:
  const CheckInfo& info() const override { return kInfo; }

  void CheckObject(const ObjectContext& ctx, Emitter& out) const override {
    const k8s::Object& ing = ctx.object;
    if (ing.kind != "Ingress") return;
    std::string_view group = ing.group();
    if (group != "networking.k8s.io" && group != "extensions") return;
    const doc::Node* spec = ing.node->Get("spec");
    if (spec == nullptr || !spec->IsMapping()) return;
    const doc::FieldPath spec_path = RootPath(ing).Key("spec");
    if (IsAlbIngress(ing, spec, ctx.snapshot)) {
      CheckAlb(ing, spec, spec_path, out);
      return;
    }

    std::vector<std::string_view> tls_hosts;
    bool tls_default = false;  // an entry without hosts: the controller's default certificate
    bool has_tls = false;
    if (const doc::Node* tls = spec->Get("tls"); tls != nullptr && tls->IsSequence()) {
      for (const doc::Node* entry : tls->items()) {
        if (!entry->IsMapping()) continue;
        has_tls = true;
        const doc::Node* hosts = entry->Get("hosts");
        if (hosts == nullptr || !hosts->IsSequence() || hosts->size() == 0) {
          tls_default = true;
          continue;
        }
        for (const doc::Node* h : hosts->items()) tls_hosts.push_back(ScalarText(h));
      }
    }
    const std::string why =
        has_tls ? "is not listed in spec.tls[].hosts" : "has no TLS (spec.tls is not set)";

    const doc::Node* rules = spec->Get("rules");
    size_t rule_count = 0;
    if (rules != nullptr && rules->IsSequence()) {
      for (size_t i = 0; i < rules->size(); ++i) {
        const doc::Node* rule = rules->items()[i];
        if (!rule->IsMapping()) continue;
        ++rule_count;
        const doc::Node* host_node = rule->Get("host");
        std::string_view host = ScalarText(host_node);
        const doc::FieldPath rule_path = spec_path.Key("rules").Index(i);
        if (host.empty()) {
          if (tls_default) continue;
          out.Emit(ing, rule, rule_path.str(),
                   "spec.rules[" + std::to_string(i) +
                       "] has no host (it serves any host name) and " +
                       (has_tls ? std::string("no spec.tls entry without hosts covers it")
                                : std::string("the Ingress has no TLS (spec.tls is not set)")) +
                       ": traffic is plain HTTP");
          continue;
        }
        bool covered = false;
        for (std::string_view t : tls_hosts) covered = covered || HostCovered(t, host);
        if (covered) continue;
        out.Emit(ing, host_node, rule_path.Key("host").str(),
                 "spec.rules[" + std::to_string(i) + "].host \"" + std::string(host) + "\" " + why +
                     ": traffic is plain HTTP");
      }
    }
    if (rule_count == 0 && !tls_default) {
      const doc::Entry* backend = FindEntry(spec, "defaultBackend");
      if (backend == nullptr) backend = FindEntry(spec, "backend");
      if (backend != nullptr) {
        out.Emit(ing, backend->key, spec_path.Key(backend->key->text()).str(),
                 "spec." + std::string(backend->key->text()) + " serves every host and " +
                     (has_tls ? std::string("no spec.tls entry without hosts covers it")
                              : std::string("the Ingress has no TLS (spec.tls is not set)")) +
                     ": traffic is plain HTTP");
      }
    }
  }

 private:
  static void CheckAlb(const k8s::Object& ing, const doc::Node* spec,
                       const doc::FieldPath& spec_path, Emitter& out) {
    auto listen = k8s::Lookup(ing.annotations, kAlbListenPorts);
    bool has_certificate = !core::Trim(ing.Annotation(kAlbCertificate)).empty();
    bool redirect = !core::Trim(ing.Annotation(kAlbSslRedirect)).empty();
    if (listen) {
      // The value is JSON such as [{"HTTP": 80}, {"HTTPS": 443}]; only the protocol names matter
      // here.
      bool http = listen->find("\"HTTP\"") != std::string_view::npos;
      bool https = listen->find("\"HTTPS\"") != std::string_view::npos;
      const doc::Node* at = AnnotationNode(ing, kAlbListenPorts);
      std::string path = AnnotationPath(ing, kAlbListenPorts).str();
      if (!https) {
        out.Emit(ing, at, std::move(path),
                 std::string(kAlbListenPorts) + "=" + std::string(*listen) +
                     " has no HTTPS listener: the ALB serves plain HTTP");
      } else if (http && !redirect) {
        out.Emit(ing, at, std::move(path),
                 std::string(kAlbListenPorts) + "=" + std::string(*listen) +
                     " keeps an HTTP listener without " + std::string(kAlbSslRedirect) +
                     ": the ALB also serves plain HTTP");
      }
      return;
    }
    if (has_certificate) return;  // default listeners: HTTPS:443 only
    const doc::Node* at = spec;
    std::string path = spec_path.str();
    if (const doc::Node* class_name = spec->Get("ingressClassName")) {
      at = class_name;
      path = spec_path.Key("ingressClassName").str();
    } else if (const doc::Node* annotation = AnnotationNode(ing, "kubernetes.io/ingress.class")) {
      at = annotation;
      path = AnnotationPath(ing, "kubernetes.io/ingress.class").str();
    }
    out.Emit(ing, at, std::move(path),
             "ALB Ingress with neither " + std::string(kAlbListenPorts) + " nor " +
                 std::string(kAlbCertificate) +
                 ": the ALB listens on HTTP:80 only and serves plain HTTP");
  }
};

}  // namespace

std::unique_ptr<Check> MakeIngressWithoutTls() { return std::make_unique<IngressWithoutTls>(); }

}  // namespace centinela::checks
