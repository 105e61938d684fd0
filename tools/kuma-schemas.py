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


def main(openapi_path, k8s_only_path):
    schemas = yaml.safe_load(open(openapi_path))["components"]["schemas"]
    types = {}
    for name, item in sorted(schemas.items()):
        properties = item.get("properties", {})
        if not name.endswith("Item") or "spec" not in properties:
            continue
        kind = properties["type"]["enum"][0]
        types[kind] = strip(item)
    k8s_only = {
        kind: strip(crd["openAPIV3Schema"])
        for kind, crd in sorted(yaml.safe_load(open(k8s_only_path)).items())
    }
    json.dump({"types": types, "kubernetesOnly": k8s_only}, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
