#!/usr/bin/env python3
"""api/openapi.yaml parses and names exactly the routes assay-marketplace serves.

The served routes come from `assay-marketplace --list-routes`, which prints the
router's own table (ApiServer::routeTable()): one `METHOD /path operationId`
line per route the server registers.

Usage: check_openapi.py OPENAPI_YAML ASSAY_MARKETPLACE
"""
import subprocess
import sys

import yaml

METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}


def resolve(doc, ref):
    node = doc
    for part in ref.lstrip("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def refs(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                yield v
            else:
                yield from refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs(v)


def main():
    spec_path, program = sys.argv[1], sys.argv[2]
    with open(spec_path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    failures = []
    if not str(doc.get("openapi", "")).startswith("3.1"):
        failures.append("openapi is not 3.1: %r" % doc.get("openapi"))
    documented = {(m.upper(), p) for p, item in doc["paths"].items() for m in item if m in METHODS}
    served = set()
    served_ids = {}
    out = subprocess.run([program, "--list-routes"], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        fields = line.split(" ")
        if len(fields) != 3:
            failures.append("--list-routes printed %r, not 'METHOD /path operationId'" % line)
            continue
        method, path, operation_id = fields
        if (method, path) in served:
            failures.append("served twice: %s %s" % (method, path))
        served.add((method, path))
        served_ids[(method, path)] = operation_id
    if not served:
        failures.append("--list-routes printed no routes")
    for (method, path), operation_id in sorted(served_ids.items()):
        op = doc["paths"].get(path, {}).get(method.lower())
        if op is not None and op.get("operationId") != operation_id:
            failures.append("%s %s: served as %s, documented as %s" % (method, path, operation_id, op.get("operationId")))
    for route in sorted(served - documented):
        failures.append("served but not in openapi.yaml: %s %s" % route)
    for route in sorted(documented - served):
        failures.append("in openapi.yaml but not served: %s %s" % route)
    for ref in refs(doc):
        try:
            resolve(doc, ref)
        except (KeyError, TypeError):
            failures.append("unresolved $ref: " + ref)
    for p, item in doc["paths"].items():
        for m, op in item.items():
            if m in METHODS and "operationId" not in op:
                failures.append("no operationId: %s %s" % (m.upper(), p))
    for f in failures:
        print("FAIL:", f)
    print("%d routes served, %d documented, %d $refs checked" % (len(served), len(documented), len(list(refs(doc)))))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
