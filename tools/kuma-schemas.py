#!/usr/bin/env python3
"""Extracts the schema facts of Kuma's resource types into src/resources/kuma-schemas.json.

Input: Kuma v2.14.3's OpenAPI description (`kuma-openapi.yaml`, the `...Item` schemas of the
new-style types) and the structural schemas of the three Kubernetes-only CRDs. Output: for
each new-style type, its whole `...Item` schema (the meta properties `type`, `mesh`, `name`,
`labels`, the times, then `spec` and `status`: Kuma validates and defaults the whole body
against it); for each Kubernetes-only CRD, its whole `openAPIV3Schema`. Descriptions (Kuma's prose) and `readOnly` markers are dropped:
what stays is structure (types, properties, required, enums, patterns, bounds, defaults).

    python3 tools/kuma-schemas.py ../shared/spec/kuma-openapi.yaml \
        ../shared/spec/crd-k8s-only-schemas.yaml > src/resources/kuma-schemas.json
"""
import json
import sys

import yaml

DROPPED = {"description", "readOnly"}


def strip(node, in_properties=False):
    """`node` without descriptions; the keys of a `properties` map are field names, kept."""
    if isinstance(node, dict):
        return {
            key: strip(value, in_properties=(key == "properties" and not in_properties))
            for key, value in node.items()
            if in_properties or key not in DROPPED
        }
    if isinstance(node, list):
        return [strip(value) for value in node]
    return node


# Go struct field order of the new-style specs and statuses (Kuma's
# `pkg/plugins/policies/*/api/v1alpha1/*.go`, `pkg/core/resources/apis/*/api/v1alpha1/*.go`,
# `api/common/v1alpha1/*.go`): encoding/json writes fields in this order, the OpenAPI
# description sorts them. Each object of a type's schema takes the order whose keys are
# the smallest superset of its properties (the type's own orders first, then COMMON);
# properties no order names follow, sorted. The order is stored as `x-kuma-order`.
COMMON = [
    "kind name tags mesh proxyTypes namespace labels sectionName",
    "kind name tags mesh proxyTypes namespace labels sectionName weight port",
    "spiffeID sni",
    "type value",
    "type status reason message",
]
ORDERS = {
    "MeshTrafficPermission": ["targetRef from rules", "targetRef default", "default",
                              "deny allowWithShadowDeny allow", "action"],
    "MeshTimeout": ["targetRef to from rules", "targetRef default", "matches default",
                    "connectionTimeout idleTimeout http",
                    "requestTimeout streamIdleTimeout maxStreamDuration maxConnectionDuration requestHeadersTimeout"],
    "MeshRetry": ["targetRef to", "targetRef default", "tcp http grpc", "maxConnectAttempt",
                  "numRetries perTryTimeout backOff rateLimitedBackOff retryOn retriableResponseHeaders "
                  "retriableRequestHeaders hostSelection hostSelectionMaxAttempts",
                  "baseInterval maxInterval", "resetHeaders maxInterval", "name format",
                  "predicate tags updateFrequency"],
    "MeshCircuitBreaker": ["targetRef to from rules", "targetRef default", "default",
                           "connectionLimits outlierDetection",
                           "maxConnections maxConnectionPools maxPendingRequests maxRetries maxRequests",
                           "disabled interval baseEjectionTime maxEjectionPercent splitExternalAndLocalErrors "
                           "detectors healthyPanicThreshold",
                           "totalFailures gatewayFailures localOriginFailures successRate failurePercentage",
                           "minimumHosts requestVolume standardDeviationFactor",
                           "minimumHosts requestVolume threshold"],
    "MeshHealthCheck": ["targetRef to", "targetRef default",
                        "interval timeout unhealthyThreshold healthyThreshold initialJitter intervalJitter "
                        "intervalJitterPercent healthyPanicThreshold failTrafficOnPanic eventLogPath "
                        "alwaysLogHealthCheckFailures noTrafficInterval tcp http grpc reuseConnection",
                        "disabled send receive", "disabled path requestHeadersToAdd expectedStatuses",
                        "set add", "disabled serviceName authority"],
    "MeshHTTPRoute": ["targetRef to", "hostnames targetRef rules", "matches default", "filters backendRefs",
                      "path method queryParams headers", "value type", "type name value",
                      "type requestHeaderModifier responseHeaderModifier requestRedirect urlRewrite requestMirror",
                      "set add remove", "scheme hostname path port statusCode",
                      "hostname path hostToBackendHostname", "type replaceFullPath replacePrefixMatch",
                      "percentage backendRef"],
    "MeshTCPRoute": ["targetRef to", "targetRef rules", "default", "backendRefs"],
    "MeshLoadBalancingStrategy": ["targetRef to", "targetRef default",
                                  "localityAwareness loadBalancer hashPolicies",
                                  "disabled localZone crossZone", "affinityTags", "key weight",
                                  "failover failoverThreshold", "from to", "zones", "type zones", "percentage",
                                  "type roundRobin leastRequest ringHash random maglev",
                                  "choiceCount activeRequestBias",
                                  "hashFunction minRingSize maxRingSize hashPolicies", "tableSize hashPolicies",
                                  "type terminal header cookie connection queryParameter filterState",
                                  "name ttl path"],
    "MeshRateLimit": ["targetRef from to rules", "targetRef default", "matches default", "local", "http tcp",
                      "disabled requestRate onRateLimit", "num interval", "status headers", "set add",
                      "disabled connectionRate"],
    "MeshFaultInjection": ["targetRef from to rules", "targetRef default", "matches default", "http",
                           "abort delay responseBandwidth", "httpStatus percentage", "value percentage",
                           "limit percentage"],
    "MeshAccessLog": ["targetRef to from rules", "targetRef default", "matches default", "backends",
                      "type tcp file openTelemetry", "format address", "format path",
                      "attributes body endpoint backendRef", "type plain json omitEmptyValues", "key value"],
    "MeshTrace": ["targetRef default", "backends sampling tags", "type zipkin datadog openTelemetry",
                  "url traceId128bit apiVersion sharedSpanContext", "url splitService", "endpoint backendRef",
                  "overall client random", "name literal header", "name default"],
    "MeshMetric": ["targetRef default", "sidecar applications backends", "profiles includeUnused",
                   "appendProfiles exclude include", "name path address port", "type prometheus openTelemetry",
                   "clientId port path tls", "endpoint backendRef refreshInterval"],
    "MeshProxyPatch": ["targetRef default", "appendModifications",
                       "cluster listener networkFilter httpFilter virtualHost", "match operation value jsonPatches"],
    "MeshPassthrough": ["targetRef default", "passthroughMode appendMatch", "type value port protocol"],
    "MeshTLS": ["targetRef from rules", "targetRef default", "default", "tlsVersion tlsCiphers mode", "min max"],
    "MeshService": ["state selector ports identities", "dataplaneTags dataplaneRef dataplaneLabels", "name",
                    "matchLabels", "name port targetPort appProtocol",
                    "addresses vips tls hostnameGenerators dataplaneProxies", "ip", "status",
                    "connected healthy total"],
    "MeshExternalService": ["match extension endpoints tls", "type port protocol", "type config",
                            "address port priority", "enabled version allowRenegotiation verification",
                            "mode serverName subjectAltNames caCert clientCert clientKey", "min max",
                            "vip addresses hostnameGenerators", "ip"],
    "MeshMultiZoneService": ["selector ports", "meshService", "matchLabels", "name port appProtocol",
                             "addresses vips meshServices hostnameGenerators conditions",
                             "name namespace zone mesh"],
    "HostnameGenerator": ["selector template extension", "meshService meshExternalService meshMultiZoneService",
                          "type config"],
    "MeshIdentity": ["selector spiffeID provider", "dataplane", "trustDomain path",
                     "type bundled spire extension",
                     "meshTrustCreation insecureAllowSelfSigned autogenerate ca certificateParameters",
                     "enabled", "certificate privateKey", "expiry", "agent", "timeout", "name config",
                     "type file envVar insecureInline secretRef", "path", "name", "value", "kind name"],
    "MeshTrust": ["origin trustDomain caBundles", "kri", "type pem", "value"],
    "MeshOpenTelemetryBackend": ["endpoint protocol env", "address port path",
                                 "mode precedence allowSignalOverrides"],
    "MeshZoneAddress": ["address port"],
    "Workload": ["dataplaneProxies", "connected healthy total"],
}


def order_keys(properties, orders):
    """The struct order of an object with these properties."""
    props = set(properties)
    best = None
    for order in orders:
        keys = order.split()
        if props <= set(keys) and (best is None or len(keys) < len(best)):
            best = keys
    if best is None:
        overlap = lambda keys: len(props & set(keys))
        best = max((order.split() for order in orders), key=overlap, default=[])
    named = [key for key in best if key in props]
    return named + sorted(props - set(named))


def annotate(node, orders):
    """Adds `x-kuma-order` to every object schema under `node`."""
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict):
            for child in properties.values():
                annotate(child, orders)
            node["x-kuma-order"] = order_keys(properties.keys(), orders)
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                annotate(node[key], orders)
        for branch in node.get("anyOf", []):
            annotate(branch, orders)


def main(openapi_path, k8s_only_path):
    schemas = yaml.safe_load(open(openapi_path))["components"]["schemas"]
    types = {}
    for name, item in sorted(schemas.items()):
        properties = item.get("properties", {})
        if not name.endswith("Item") or "spec" not in properties:
            continue
        kind = properties["type"]["enum"][0]
        types[kind] = strip(item)
        orders = ORDERS.get(kind, []) + COMMON
        for part in ("spec", "status"):
            if part in types[kind]["properties"]:
                annotate(types[kind]["properties"][part], orders)
    k8s_only = {
        kind: strip(crd["openAPIV3Schema"])
        for kind, crd in sorted(yaml.safe_load(open(k8s_only_path)).items())
    }
    json.dump({"types": types, "kubernetesOnly": k8s_only}, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
