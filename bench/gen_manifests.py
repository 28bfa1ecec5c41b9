#!/usr/bin/env python3
"""Generates N realistic, varied Kubernetes objects for benchmarks (deterministic for a given seed).

    bench/gen_manifests.py N [--format yaml|json] [--kinds mixed|deployments] [--seed S] [-o FILE]

--kinds mixed (default): applications across ~50 namespaces, mostly Deployments, with StatefulSets,
DaemonSets, CronJobs and the objects around them (Services, ConfigMaps, ServiceAccounts, Roles and
RoleBindings, NetworkPolicies, Ingresses) and one Namespace object per namespace.
--kinds deployments: N Deployments only (the "20,000-Deployment stream" of the benchmark targets).

Security settings, resources, probes, env, images and labels vary the way they do in real clusters, so
every check has work to do and a realistic share of objects produces findings. Objects average about
950 bytes of YAML: 20,000 objects make a ~19 MB stream.

YAML is a multi-document stream (`---` separated, kubectl's block style, some Helm `# Source:` comments);
JSON is one `kind: List` as written by `kubectl get -o json` (4-space indentation).
No third-party module is needed.
"""

import argparse
import json
import random
import re
import sys

TEAMS = [
    "payments", "checkout", "search", "catalog", "identity", "billing", "shipping", "analytics",
    "media", "notifications", "platform", "data", "ml", "growth", "support", "ledger", "risk",
]
ENVS = ["prod", "staging", "dev"]
WORDS = [
    "api", "worker", "gateway", "frontend", "backend", "cache", "indexer", "scheduler", "router",
    "auth", "store", "sync", "export", "import", "renderer", "thumbnailer", "mailer", "reporter",
    "collector", "proxy", "web", "admin", "queue", "consumer", "producer", "resolver", "pictures",
]
REGISTRIES = [
    "123456789012.dkr.ecr.us-east-1.amazonaws.com", "ghcr.io/example", "registry.example.com",
    "quay.io/example", "docker.io/library",
]
PUBLIC_IMAGES = ["nginx", "redis", "postgres", "busybox", "envoyproxy/envoy", "fluent/fluent-bit"]
SIDECARS = [("envoy", "envoyproxy/envoy:v1.27.2"), ("fluent-bit", "fluent/fluent-bit:2.2.0"),
            ("cloudsql-proxy", "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.8.0"),
            ("oauth2-proxy", "quay.io/oauth2-proxy/oauth2-proxy:v7.5.1")]
HEX = "0123456789abcdef"
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


class Gen:
    def __init__(self, seed, kinds):
        self.r = random.Random(seed)
        self.kinds = kinds
        self.namespaces = []
        for team in TEAMS:
            for env in ENVS:
                self.namespaces.append(f"{team}-{env}")
        self.r.shuffle(self.namespaces)
        self.namespaces = sorted(self.namespaces[:49]) + ["default"]
        # Half of the namespaces get a default-deny NetworkPolicy.
        self.default_deny = {ns for ns in self.namespaces if self.r.random() < 0.5}
        self.app_index = 0
        self.last_selector = {}

    # Helpers -------------------------------------------------------------------------------------------

    def p(self, probability):
        return self.r.random() < probability

    def hexstr(self, n):
        return "".join(self.r.choice(HEX) for _ in range(n))

    def b64(self, n):
        return "".join(self.r.choice(B64) for _ in range(n))

    def namespace(self):
        # "default" is rare: a workload there is itself a finding.
        if self.p(0.02):
            return "default"
        return self.r.choice(self.namespaces[:-1])

    def version(self):
        return f"{self.r.randint(0, 4)}.{self.r.randint(0, 30)}.{self.r.randint(0, 12)}"

    def image(self, name):
        roll = self.r.random()
        if roll < 0.04:
            return f"{self.r.choice(PUBLIC_IMAGES)}:latest"
        if roll < 0.06:
            return self.r.choice(PUBLIC_IMAGES)  # no tag
        registry = self.r.choice(REGISTRIES)
        if roll < 0.18:
            return f"{registry}/{name}@sha256:{self.hexstr(64)}"
        return f"{registry}/{name}:{self.version()}"

    def labels(self, app, team, version, rich):
        """Workload labels; the first one is the selector label."""
        if not rich:
            labels = {"app": app}
            if self.p(0.2):
                labels["team"] = team
            return labels
        labels = {"app.kubernetes.io/name": app, "app.kubernetes.io/instance": app}
        if version:
            labels["app.kubernetes.io/version"] = version
        return labels

    # Pod template ---------------------------------------------------------------------------------------

    def env(self, app):
        env = []
        for _ in range(self.r.randint(1, 3)):
            roll = self.r.random()
            if roll < 0.45:
                env.append({"name": self.r.choice(["LOG_LEVEL", "PORT", "REGION", "FEATURE_FLAGS",
                                                  "GOMAXPROCS", "JAVA_OPTS", "TZ"]),
                            "value": self.r.choice(["info", "8080", "us-east-1", "fast-path", "2",
                                                    "-Xmx512m", "UTC"])})
            elif roll < 0.7:
                env.append({"name": "DB_PASSWORD",
                            "valueFrom": {"secretKeyRef": {"name": f"{app}-db", "key": "password"}}})
            elif roll < 0.85:
                env.append({"name": "POD_NAME",
                            "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}})
            else:
                env.append({"name": "CONFIG_URL",
                            "valueFrom": {"configMapKeyRef": {"name": f"{app}-config", "key": "url"}}})
        if self.p(0.03):
            env.append({"name": self.r.choice(["DB_PASSWORD", "API_TOKEN", "STRIPE_SECRET_KEY"]),
                        "value": "s3cr3t-" + self.b64(12)})
        if self.p(0.005):
            env.append({"name": "AWS_ACCESS_KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE"})
            env.append({"name": "AWS_SECRET_ACCESS_KEY",
                        "value": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"})
        # Unique names, in order.
        seen, out = set(), []
        for e in env:
            if e["name"] not in seen:
                seen.add(e["name"])
                out.append(e)
        return out

    def resources(self):
        roll = self.r.random()
        cpu = self.r.choice(["50m", "100m", "250m", "500m", "1"])
        mem = self.r.choice(["64Mi", "128Mi", "256Mi", "512Mi", "1Gi"])
        if roll < 0.5:
            return {"limits": {"cpu": self.r.choice(["500m", "1", "2"]), "memory": mem},
                    "requests": {"cpu": cpu, "memory": mem}}
        if roll < 0.8:
            return {"requests": {"cpu": cpu, "memory": mem}}
        return None

    def probe(self, port):
        if self.p(0.6):
            probe = {"httpGet": {"path": self.r.choice(["/healthz", "/ready", "/livez"]), "port": port}}
            if self.p(0.3):
                probe["periodSeconds"] = self.r.choice([5, 10, 15])
            return probe
        return {"tcpSocket": {"port": port}}

    def container_security(self):
        roll = self.r.random()
        if roll < 0.45:
            return None
        sc = {}
        if self.p(0.015):
            sc["privileged"] = True
        sc["allowPrivilegeEscalation"] = self.p(0.05)
        if self.p(0.5):
            sc["readOnlyRootFilesystem"] = True
        if self.p(0.45):
            sc["capabilities"] = {"drop": ["ALL"]}
            if self.p(0.1):
                sc["capabilities"]["add"] = ["NET_BIND_SERVICE"]
        elif self.p(0.05):
            sc["capabilities"] = {"add": [self.r.choice(["NET_ADMIN", "SYS_ADMIN", "NET_RAW",
                                                         "SYS_PTRACE"])]}
        if self.p(0.02):
            sc["runAsUser"] = 0
        if self.p(0.02):
            sc["seccompProfile"] = {"type": "Unconfined"}
        return sc

    def container(self, app, main):
        name = app if main else self.r.choice(["migrate", "init-config", "wait-for-db"])
        c = {"name": name, "image": self.image(app.rsplit("-", 1)[0])}
        if self.p(0.3):
            c["imagePullPolicy"] = self.r.choice(["IfNotPresent", "Always"])
        if not main:
            c["command"] = ["/bin/sh", "-c", self.r.choice(["./migrate up", "until nc -z db 5432; do sleep 1; done"])]
            return c
        if self.p(0.15):
            c["args"] = [f"--port={self.r.choice([8080, 9000])}", "--log-format=json"]
        port = self.r.choice([80, 3000, 8000, 8080, 9090])
        if self.p(0.7):
            p = {"containerPort": port}
            if self.p(0.25):
                p = {"name": "http", "containerPort": port, "protocol": "TCP"}
            if self.p(0.01):
                p["hostPort"] = port
            c["ports"] = [p]
        if self.p(0.35):
            c["env"] = self.env(app)
        if self.p(0.1):
            c["envFrom"] = [{"configMapRef": {"name": f"{app}-config"}}]
        res = self.resources()
        if res:
            c["resources"] = res
        roll = self.r.random()
        if roll < 0.35:
            c["livenessProbe"] = self.probe(port)
            c["readinessProbe"] = self.probe(port)
        elif roll < 0.55:
            c["readinessProbe"] = self.probe(port)
        sc = self.container_security()
        if sc:
            c["securityContext"] = sc
        return c

    def pod_spec(self, app, sa, kind):
        if kind == "Deployment" and self.p(0.2):
            # A bare manifest, as written by `kubectl create deployment` or a quick tutorial.
            c = {"name": app, "image": self.image(app.rsplit("-", 1)[0])}
            if self.p(0.5):
                c["ports"] = [{"containerPort": self.r.choice([80, 8080])}]
            return {"containers": [c]}
        spec = {}
        if sa:
            spec["serviceAccountName"] = sa
        elif self.p(0.3):
            spec["serviceAccountName"] = "default"
        if self.p(0.3):
            spec["automountServiceAccountToken"] = False
        if self.p(0.5):
            psc = {"runAsNonRoot": True}
            if self.p(0.5):
                psc["runAsUser"] = self.r.choice([1000, 10001, 65532])
            if self.p(0.3):
                psc["fsGroup"] = 2000
            if self.p(0.5):
                psc["seccompProfile"] = {"type": "RuntimeDefault"}
            if self.p(0.01):
                psc["sysctls"] = [{"name": "kernel.msgmax", "value": "65536"}]
            spec["securityContext"] = psc
        host_agent = kind == "DaemonSet"
        if self.p(0.3 if host_agent else 0.01):
            spec["hostNetwork"] = True
        if self.p(0.1 if host_agent else 0.004):
            spec["hostPID"] = True
        if self.p(0.002):
            spec["hostIPC"] = True
        if self.p(0.06):
            spec["initContainers"] = [self.container(app, main=False)]
        containers = [self.container(app, main=True)]
        if self.p(0.08):
            name, image = self.r.choice(SIDECARS)
            containers.append({"name": name, "image": image,
                               "resources": {"requests": {"cpu": "50m", "memory": "64Mi"}}})
        spec["containers"] = containers
        volumes, mounts = [], []
        if self.p(0.15):
            volumes.append({"name": "config", "configMap": {"name": f"{app}-config"}})
            mounts.append({"name": "config", "mountPath": "/etc/app", "readOnly": True})
        if self.p(0.1):
            volumes.append({"name": "tmp", "emptyDir": {}})
            mounts.append({"name": "tmp", "mountPath": "/tmp"})
        if self.p(0.5 if host_agent else 0.015):
            path = self.r.choice(["/var/log", "/var/run/docker.sock", "/run/containerd/containerd.sock",
                                  "/etc", "/var/lib/kubelet", "/data"])
            volumes.append({"name": "host", "hostPath": {"path": path}})
            mounts.append({"name": "host", "mountPath": "/host" + path})
        if volumes:
            spec["volumes"] = volumes
            containers[0]["volumeMounts"] = mounts
        if self.p(0.1):
            spec["nodeSelector"] = {"kubernetes.io/os": "linux"}
        if self.p(0.05):
            spec["tolerations"] = [{"key": "dedicated", "operator": "Equal", "value": app.split("-")[0],
                                    "effect": "NoSchedule"}]
        if self.p(0.06):
            spec["imagePullSecrets"] = [{"name": "registry-credentials"}]
        if kind in ("CronJob", "Job"):
            spec["restartPolicy"] = "OnFailure"
        return spec

    def template(self, app, team, labels, sa, kind):
        meta = {"labels": dict(labels)}
        if self.p(0.05):
            meta["annotations"] = {"checksum/config": self.hexstr(64)}
        elif self.p(0.1):
            meta["annotations"] = {"prometheus.io/scrape": "true", "prometheus.io/port": "9090"}
        return {"metadata": meta, "spec": self.pod_spec(app, sa, kind)}

    # Objects --------------------------------------------------------------------------------------------

    def meta(self, name, ns, labels, annotations=None):
        m = {"name": name}
        if ns is not None:
            m["namespace"] = ns
        if labels:
            m["labels"] = labels
        if annotations:
            m["annotations"] = annotations
        return m

    def workload(self, kind, app, ns, team, sa):
        labels = self.labels(app, team, self.version() if self.p(0.2) else None, self.p(0.25))
        selector = dict(list(labels.items())[:1])
        self.last_selector = selector
        annotations = None
        if kind == "Deployment" and self.p(0.1):
            annotations = {"deployment.kubernetes.io/revision": str(self.r.randint(1, 40))}
        if self.p(0.003):
            annotations = dict(annotations or {})
            annotations["centinela.dev/ignore"] = "container-run-as-root"
            annotations["centinela.dev/ignore-reason"] = "legacy image, tracked in JIRA-1234"
        api = {"Deployment": "apps/v1", "StatefulSet": "apps/v1", "DaemonSet": "apps/v1",
               "CronJob": "batch/v1"}[kind]
        if kind == "Deployment" and self.p(0.002):
            api = "extensions/v1beta1"
        if kind == "CronJob" and self.p(0.05):
            api = "batch/v1beta1"
        obj = {"apiVersion": api, "kind": kind, "metadata": self.meta(app, ns, labels, annotations)}
        if kind == "CronJob":
            obj["spec"] = {"schedule": f"{self.r.randint(0, 59)} {self.r.randint(0, 23)} * * *",
                           "concurrencyPolicy": "Forbid",
                           "jobTemplate": {"spec": {"backoffLimit": 2,
                                                    "template": self.template(app, team, labels, sa, kind)}}}
            return obj
        spec = {}
        if kind != "DaemonSet":
            spec["replicas"] = self.r.choice([1, 2, 2, 3, 3, 4, 6])
        if kind == "StatefulSet":
            spec["serviceName"] = app
        spec["selector"] = {"matchLabels": selector}
        if kind == "Deployment" and self.p(0.12):
            spec["strategy"] = {"type": "RollingUpdate",
                                "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 0}}
        if self.p(0.1):
            spec["revisionHistoryLimit"] = 5
        spec["template"] = self.template(app, team, labels, sa, kind)
        if kind == "StatefulSet":
            spec["volumeClaimTemplates"] = [{
                "metadata": {"name": "data"},
                "spec": {"accessModes": ["ReadWriteOnce"],
                         "resources": {"requests": {"storage": self.r.choice(["1Gi", "10Gi", "100Gi"])}}}}]
        obj["spec"] = spec
        return obj

    def service(self, app, ns, labels, selector):
        spec = {"selector": dict(selector),
                "ports": [{"name": "http", "port": 80, "targetPort": "http", "protocol": "TCP"}]}
        annotations = None
        roll = self.r.random()
        if roll < 0.08:
            spec["type"] = "NodePort"
            spec["ports"][0]["nodePort"] = self.r.randint(30000, 32767)
        elif roll < 0.18:
            spec["type"] = "LoadBalancer"
            sub = self.r.random()
            if sub < 0.4:
                annotations = {"service.beta.kubernetes.io/aws-load-balancer-scheme": "internal"}
            elif sub < 0.6:
                spec["loadBalancerSourceRanges"] = ["10.0.0.0/8"]
        else:
            spec["type"] = "ClusterIP"
        if self.p(0.01):
            spec["externalIPs"] = ["203.0.113.10"]
        return {"apiVersion": "v1", "kind": "Service", "metadata": self.meta(app, ns, labels, annotations),
                "spec": spec}

    def configmap(self, app, ns, labels):
        data = {"url": f"https://{app}.{ns}.svc.cluster.local",
                "log_level": self.r.choice(["info", "debug", "warn"])}
        if self.p(0.5):
            data["application.yaml"] = (
                f"server:\n  port: 8080\n  shutdown: graceful\nspring:\n  application:\n    name: {app}\n"
                f"management:\n  endpoints:\n    web:\n      exposure:\n        include: health,prometheus\n")
        if self.p(0.03):
            data["db_password"] = "p@ss-" + self.b64(10)
        if self.p(0.01):
            data["tls.key"] = ("-----BEGIN RSA PRIVATE KEY-----\n" + self.b64(64) + "\n" + self.b64(64) +
                               "\n-----END RSA PRIVATE KEY-----\n")
        return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": self.meta(f"{app}-config", ns, labels),
                "data": data}

    def service_account(self, sa, ns, labels, team):
        annotations = None
        roll = self.r.random()
        if roll < 0.35:
            annotations = {"eks.amazonaws.com/role-arn": f"arn:aws:iam::123456789012:role/{team}-{sa}"}
        elif roll < 0.37:
            annotations = {"eks.amazonaws.com/role-arn": f"{team}-{sa}-role"}
        elif roll < 0.38:
            annotations = {"iam.amazonaws.com/role": f"{team}-{sa}"}
        obj = {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": self.meta(sa, ns, labels, annotations)}
        if self.p(0.2):
            obj["automountServiceAccountToken"] = False
        return obj

    def role_and_binding(self, app, ns, labels, sa):
        rules = [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list", "watch"]}]
        if self.p(0.2):
            rules.append({"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]})
        if self.p(0.05):
            rules.append({"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]})
        role = {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                "metadata": self.meta(app, ns, labels), "rules": rules}
        subject = {"kind": "ServiceAccount", "name": sa or "default", "namespace": ns}
        if self.p(0.01):
            subject = {"kind": "Group", "name": "system:unauthenticated",
                       "apiGroup": "rbac.authorization.k8s.io"}
        binding = {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                   "metadata": self.meta(app, ns, labels),
                   "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": app},
                   "subjects": [subject]}
        return [role, binding]

    def network_policy(self, app, ns, labels, selector):
        return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                "metadata": self.meta(f"{app}-ingress", ns, labels),
                "spec": {"podSelector": {"matchLabels": dict(selector)},
                         "policyTypes": ["Ingress"],
                         "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {
                             "kubernetes.io/metadata.name": "ingress-nginx"}}}],
                             "ports": [{"port": 8080, "protocol": "TCP"}]}]}}

    def ingress(self, app, ns, labels):
        spec = {"ingressClassName": "nginx",
                "rules": [{"host": f"{app}.example.com", "http": {"paths": [{
                    "path": "/", "pathType": "Prefix",
                    "backend": {"service": {"name": app, "port": {"number": 80}}}}]}}]}
        if self.p(0.7):
            spec["tls"] = [{"hosts": [f"{app}.example.com"], "secretName": f"{app}-tls"}]
        return {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": self.meta(app, ns, labels),
                "spec": spec}

    def cluster_objects(self):
        objs = []
        for ns in self.namespaces:
            if ns == "default":
                continue
            objs.append({"apiVersion": "v1", "kind": "Namespace",
                         "metadata": {"name": ns, "labels": {"kubernetes.io/metadata.name": ns}}})
        for ns in sorted(self.default_deny):
            objs.append({"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                         "metadata": {"name": "default-deny", "namespace": ns},
                         "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}})
        objs.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                     "metadata": {"name": "ci-deployer-admin"},
                     "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                                 "name": "cluster-admin"},
                     "subjects": [{"kind": "ServiceAccount", "name": "deployer", "namespace": "platform-prod"}]})
        return objs

    def application(self):
        """One application: a workload and (in mixed mode) the objects around it."""
        self.app_index += 1
        team = self.r.choice(TEAMS)
        app = f"{team}-{self.r.choice(WORDS)}-{self.app_index}"
        ns = self.namespace()
        if self.kinds == "deployments":
            sa = f"{app}-sa" if self.p(0.5) else None
            return [self.workload("Deployment", app, ns, team, sa)]
        roll = self.r.random()
        kind = ("Deployment" if roll < 0.85 else "StatefulSet" if roll < 0.91
                else "DaemonSet" if roll < 0.94 else "CronJob")
        labels = {"app": app}
        objs = []
        sa = None
        if self.p(0.07):
            sa = f"{app}-sa"
            objs.append(self.service_account(sa, ns, labels, team))
        elif self.p(0.5):
            sa = f"{team}-shared"  # shared by several workloads
        objs.append(self.workload(kind, app, ns, team, sa))
        if kind in ("Deployment", "StatefulSet") and self.p(0.25):
            objs.append(self.service(app, ns, labels, self.last_selector))
            if self.p(0.1):
                objs.append(self.ingress(app, ns, labels))
        if self.p(0.05):
            objs.append(self.configmap(app, ns, labels))
        if self.p(0.03):
            objs.extend(self.role_and_binding(app, ns, labels, sa))
        if self.p(0.03):
            objs.append(self.network_policy(app, ns, labels, self.last_selector))
        return objs

    def objects(self, n):
        out = [] if self.kinds == "deployments" else self.cluster_objects()[:n]
        while len(out) < n:
            out.extend(self.application())
        return out[:n]


# Output ---------------------------------------------------------------------------------------------------

_PLAIN_UNSAFE = re.compile(r"""^[-?:](\s|$)|^[,\[\]{}#&*!|>'"%@`\s]|\s$|:\s|:$|\s#|^$""")
_YAML11_SPECIAL = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|"
    r"null|Null|NULL|~|[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?|"
    r"0[xX][0-9a-fA-F_]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[0-9]+:[0-9]+.*)$")


def yaml_scalar(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return json.dumps(v)
    s = str(v)
    if _PLAIN_UNSAFE.search(s) or _YAML11_SPECIAL.match(s) or not s.isprintable():
        return json.dumps(s)
    return s


def yaml_lines(obj, indent, out):
    pad = " " * indent
    if isinstance(obj, dict):
        for k, v in obj.items():
            key = yaml_scalar(k)
            if isinstance(v, dict) and v:
                out.append(f"{pad}{key}:")
                yaml_lines(v, indent + 2, out)
            elif isinstance(v, list) and v:
                out.append(f"{pad}{key}:")
                yaml_lines(v, indent, out)  # kubectl style: "- " at the key's indentation
            elif isinstance(v, str) and "\n" in v:
                chomp = "" if v.endswith("\n") else "-"
                out.append(f"{pad}{key}: |{chomp}")
                for line in v.rstrip("\n").split("\n"):
                    out.append(f"{pad}  {line}" if line else "")
            elif isinstance(v, dict):
                out.append(f"{pad}{key}: {{}}")
            elif isinstance(v, list):
                out.append(f"{pad}{key}: []")
            else:
                out.append(f"{pad}{key}: {yaml_scalar(v)}")
    elif isinstance(obj, list):
        for item in obj:
            if isinstance(item, (dict, list)) and item:
                sub = []
                yaml_lines(item, indent + 2, sub)
                out.append(f"{pad}- {sub[0][indent + 2:]}")
                out.extend(sub[1:])
            else:
                out.append(f"{pad}- {yaml_scalar(item) if not isinstance(item, (dict, list)) else json.dumps(item)}")
    else:
        out.append(pad + yaml_scalar(obj))


def write_yaml(objs, rng, f):
    for obj in objs:
        f.write("---\n")
        if rng.random() < 0.2:
            kind = obj["kind"].lower()
            f.write(f"# Source: {obj['metadata']['name'].split('-')[0]}/templates/{kind}.yaml\n")
        lines = []
        yaml_lines(obj, 0, lines)
        f.write("\n".join(lines))
        f.write("\n")


def write_json(objs, f):
    doc = {"apiVersion": "v1", "items": objs, "kind": "List", "metadata": {"resourceVersion": ""}}
    json.dump(doc, f, indent=4)
    f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="number of objects")
    ap.add_argument("--format", choices=["yaml", "json"], default="yaml")
    ap.add_argument("--kinds", choices=["mixed", "deployments"], default="mixed")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", default="-", help="output file ('-': stdout)")
    args = ap.parse_args()
    if args.n < 1:
        ap.error("N must be at least 1")
    gen = Gen(args.seed, args.kinds)
    objs = gen.objects(args.n)
    f = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="\n")
    try:
        if args.format == "yaml":
            write_yaml(objs, random.Random(args.seed + 1), f)
        else:
            write_json(objs, f)
    finally:
        if f is not sys.stdout:
            f.close()
    counts = {}
    for o in objs:
        counts[o["kind"]] = counts.get(o["kind"], 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
    print(f"gen_manifests: {len(objs)} objects ({summary})", file=sys.stderr)


if __name__ == "__main__":
    main()
