// Unit tests of the network family: CIDR parsing and coverage, NetworkPolicy summaries, and the
// exact findings (message, path, severity) of the network checks.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checks/network/cidr.h"
#include "checks/network/network_policy.h"
#include "checks/registry.h"
#include "checks/runner.h"
#include "checks_test_util.h"
#include "core/diagnostic.h"
#include "doc/corpus.h"
#include "k8s/snapshot.h"

namespace centinela::checks {
namespace {

std::string Text(const std::optional<Cidr>& c) { return c ? c->ToString() : "invalid"; }

TEST(Cidr, ParsesIpv4AndIpv6Networks) {
  EXPECT_EQ(Text(ParseCidr("10.0.0.0/8")), "10.0.0.0/8");
  EXPECT_EQ(Text(ParseCidr(" 0.0.0.0/0 ")), "0.0.0.0/0");
  EXPECT_EQ(Text(ParseCidr("192.168.1.7")), "192.168.1.7/32");
  EXPECT_EQ(Text(ParseCidr("::/0")), "0:0:0:0:0:0:0:0/0");
  EXPECT_EQ(Text(ParseCidr("2001:DB8::/32")), "2001:db8:0:0:0:0:0:0/32");
  EXPECT_EQ(Text(ParseCidr("fe80::1")), "fe80:0:0:0:0:0:0:1/128");
  EXPECT_EQ(Text(ParseCidr("1:2:3:4:5:6:7::/64")), "1:2:3:4:5:6:7:0/64");
  EXPECT_EQ(Text(ParseCidr("::ffff:10.0.0.1/128")), "0:0:0:0:0:ffff:a00:1/128");
  EXPECT_EQ(Text(ParseCidr("1:2:3:4:5:6:7:8/128")), "1:2:3:4:5:6:7:8/128");
}

TEST(Cidr, RejectsMalformedNetworks) {
  for (const char* bad : {"",
                          "/8",
                          "10.0.0.0/",
                          "10.0.0.0/33",
                          "10.0.0/8",
                          "10.0.0.256/8",
                          "010.0.0.0/8",
                          "10.0.0.0/08",
                          "10.0.0.0/8x",
                          "1.2.3.4.5",
                          "::/129",
                          "1::2::3",
                          ":1::/64",
                          "1:/64",
                          "12345::/16",
                          "g::/16",
                          "1:2:3:4:5:6:7:8:9",
                          "1:2:3:4:5:6:7:8::",
                          "not-a-cidr",
                          "::ffff:10.0.0/96"}) {
    EXPECT_FALSE(ParseCidr(bad).has_value()) << bad;
  }
}

std::vector<Cidr> Ranges(std::initializer_list<const char*> texts) {
  std::vector<Cidr> out;
  for (const char* t : texts) out.push_back(*ParseCidr(t));
  return out;
}

TEST(Cidr, CoverageOfTheWholeAddressSpace) {
  EXPECT_TRUE(CoversEveryAddress(Ranges({"0.0.0.0/0"})));
  EXPECT_TRUE(CoversEveryAddress(Ranges({"128.0.0.0/1", "0.0.0.0/1"})));
  EXPECT_TRUE(CoversEveryAddress(Ranges({"0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/1", "10.0.0.0/8"})));
  EXPECT_TRUE(CoversEveryAddress(Ranges({"10.0.0.0/8", "::/1", "8000::/1"})));
  EXPECT_TRUE(CoversEveryAddress(Ranges({"1.2.3.4/0"})));  // host bits ignored
  EXPECT_FALSE(CoversEveryAddress(Ranges({"0.0.0.0/1"})));
  EXPECT_FALSE(CoversEveryAddress(Ranges({"0.0.0.0/2", "128.0.0.0/1"})));  // 64.0.0.0/2 missing
  EXPECT_FALSE(
      CoversEveryAddress(Ranges({"0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/3", "224.0.0.0/4"})));
  EXPECT_FALSE(CoversEveryAddress(Ranges({"::/1"})));
  EXPECT_FALSE(
      CoversEveryAddress(Ranges({"0.0.0.0/1", "8000::/1"})));  // halves of different families
  EXPECT_FALSE(CoversEveryAddress({}));
}

TEST(NetworkPolicy, PolicyTypesDefaultAsTheApiServerDoes) {
  doc::Corpus corpus;
  core::DiagnosticSink sink;
  corpus.AddText("p.yaml", R"(apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: a, namespace: x}
spec: {podSelector: {}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: b, namespace: x}
spec:
  podSelector: {matchLabels: {app: web}}
  egress: [{to: [{podSelector: {}}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: c, namespace: x}
spec:
  policyTypes: [Egress]
  ingress: [{}]
  egress: [{}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: d, namespace: other}
spec:
  podSelector: {matchExpressions: [{key: a, operator: Bogus}]}
  ingress: [{from: [], ports: []}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: e, namespace: third}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: f, namespace: third}
spec: [not, a, mapping]
)",
                 sink);
  k8s::Snapshot snapshot = k8s::Snapshot::Build(corpus.documents(), sink);
  std::vector<PolicySummary> x = PoliciesInNamespace(snapshot, "x");
  ASSERT_EQ(x.size(), 3U);
  EXPECT_TRUE(x[0].pod_selector.MatchesEverything());
  EXPECT_TRUE(x[0].ingress);
  EXPECT_FALSE(x[0].egress);
  EXPECT_FALSE(x[0].allows_all_ingress);
  EXPECT_FALSE(x[1].pod_selector.MatchesEverything());
  EXPECT_TRUE(x[1].ingress);
  EXPECT_TRUE(x[1].egress);
  EXPECT_FALSE(x[1].allows_all_egress);
  EXPECT_TRUE(x[2].pod_selector.MatchesEverything());  // podSelector absent
  EXPECT_FALSE(x[2].ingress);                          // listed types win over rules
  EXPECT_TRUE(x[2].egress);
  EXPECT_FALSE(x[2].allows_all_ingress);
  EXPECT_TRUE(x[2].allows_all_egress);
  std::vector<PolicySummary> y = PoliciesInNamespace(snapshot, "other");
  ASSERT_EQ(y.size(), 1U);
  EXPECT_TRUE(y[0].pod_selector.MatchesNothing());  // unparsable selector covers nobody
  EXPECT_TRUE(y[0].allows_all_ingress);             // empty peers and ports
  std::vector<PolicySummary> third = PoliciesInNamespace(snapshot, "third");
  ASSERT_EQ(third.size(), 2U);
  EXPECT_TRUE(third[0].pod_selector.MatchesEverything());  // no spec: the API server's defaults
  EXPECT_TRUE(third[0].ingress);
  EXPECT_FALSE(third[0].egress);
  EXPECT_TRUE(third[1].pod_selector.MatchesNothing());  // malformed spec protects nothing
  EXPECT_FALSE(third[1].ingress);
  EXPECT_EQ(PoliciesByNamespace(snapshot).size(), 3U);
  EXPECT_TRUE(PoliciesInNamespace(snapshot, "z").empty());
}

TEST(ServicePublicLoadBalancer, ReportsTheTypeFieldWithTheReason) {
  auto f = RunCheck("service-public-load-balancer", R"(apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: dev
spec:
  type: LoadBalancer
)");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].line, 7U);
  EXPECT_EQ(f[0].path, "spec.type");
  EXPECT_EQ(f[0].severity, core::Severity::kHigh);
  EXPECT_EQ(f[0].control, core::Control::kNetwork);
  EXPECT_EQ(f[0].layer, core::Layer::kCloud);
  EXPECT_EQ(
      f[0].message,
      "spec.type=LoadBalancer with no spec.loadBalancerSourceRanges and no internal load-balancer "
      "annotation: the load balancer accepts connections from any address on the internet");
  EXPECT_EQ(f[0].object.name, "web");
}

TEST(ServicePublicLoadBalancer, OpenRangeIsReportedAtTheRangeInAList) {
  auto f = RunCheck("service-public-load-balancer", R"(apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: a}
  spec:
    type: LoadBalancer
    loadBalancerSourceRanges: [10.0.0.0/8, "::/0"]
)");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].path, "items[0].spec.loadBalancerSourceRanges[1]");
  EXPECT_EQ(f[0].message,
            "spec.loadBalancerSourceRanges[1]=::/0 admits every address: the load balancer is open "
            "to the internet");
}

TEST(ServiceNodePort, PinnedNodePortOfALoadBalancerIsLow) {
  auto f = RunCheck("service-node-port", R"(apiVersion: v1
kind: Service
metadata: {name: a}
spec:
  type: LoadBalancer
  ports:
  - port: 443
    nodePort: 30443
---
apiVersion: v1
kind: Service
metadata: {name: b}
spec:
  type: NodePort
  ports:
  - {port: 80, protocol: TCP}
)");
  ASSERT_EQ(f.size(), 2U);
  EXPECT_EQ(f[0].severity, core::Severity::kLow);
  EXPECT_EQ(f[0].path, "spec.ports[0].nodePort");
  EXPECT_EQ(f[0].message,
            "spec.ports[0].nodePort=30443 pins 443/TCP of a LoadBalancer Service to a fixed port "
            "on every node");
  EXPECT_EQ(f[1].severity, core::Severity::kMedium);
  EXPECT_EQ(f[1].message,
            "spec.type=NodePort opens 80/TCP on an allocated node port on every node");
}

TEST(NetNamespaceNoDefaultDeny, OneFindingPerNamespaceNamingTheMissingDirection) {
  auto f = RunCheck("net-namespace-no-default-deny", R"(apiVersion: v1
kind: Pod
metadata: {name: a, namespace: shop}
spec:
  containers: [{name: a, image: a}]
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: shop}
spec:
  containers: [{name: b, image: b}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-egress, namespace: shop}
spec: {podSelector: {}, policyTypes: [Egress]}
)");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].object.name, "a");
  EXPECT_EQ(f[0].line, 3U);
  EXPECT_EQ(f[0].path, "metadata.namespace");
  EXPECT_EQ(f[0].message,
            "namespace \"shop\" has workloads but no default-deny NetworkPolicy for ingress");
}

TEST(NetPodNotIsolated, NamesTheWorkloadAndItsLabels) {
  auto f = RunCheck("net-pod-not-isolated", R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: dev}
spec:
  template:
    metadata:
      labels: {app: web, tier: front}
    spec:
      containers: [{name: web, image: web}]
)");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].path, "spec.template.metadata.labels");
  EXPECT_EQ(f[0].line, 7U);
  EXPECT_EQ(f[0].message,
            "pods of Deployment \"web\" (labels app=web,tier=front) are selected by no "
            "NetworkPolicy in namespace "
            "\"dev\": all ingress and egress traffic is allowed");
}

TEST(IngressWithoutTls, MessagesSayWhatIsMissing) {
  auto f = RunCheck("ingress-without-tls", R"(apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: a}
spec:
  tls: [{hosts: [a.example.com]}]
  rules:
  - host: a.example.com
  - host: b.example.com
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: b
  annotations: {alb.ingress.kubernetes.io/listen-ports: '[{"HTTP": 8080}]'}
spec:
  ingressClassName: alb
)");
  ASSERT_EQ(f.size(), 2U);
  EXPECT_EQ(f[0].path, "spec.rules[1].host");
  EXPECT_EQ(f[0].message,
            "spec.rules[1].host \"b.example.com\" is not listed in spec.tls[].hosts: traffic is "
            "plain HTTP");
  EXPECT_EQ(f[1].path, "metadata.annotations[\"alb.ingress.kubernetes.io/listen-ports\"]");
  EXPECT_EQ(f[1].message,
            "alb.ingress.kubernetes.io/listen-ports=[{\"HTTP\": 8080}] has no HTTPS listener: the "
            "ALB serves plain HTTP");
}

}  // namespace
}  // namespace centinela::checks
