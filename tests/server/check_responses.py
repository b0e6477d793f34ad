#!/usr/bin/env python3
"""Every response assay-marketplace gives matches api/openapi.yaml.

Usage: check_responses.py OPENAPI_YAML ASSAY_MARKETPLACE

Starts the seeded server on a free loopback port, calls every route of the
router's own table (`--list-routes`) with real requests, good ones and the
documented refusals, and validates each JSON body with jsonschema's
Draft202012Validator (OpenAPI 3.1's dialect) against the schema the spec
declares for that route and status; `$ref`s resolve into the spec itself.
Required response headers are checked against their schemas too. A status
the spec does not declare for the route is a failure, and so is a declared
one this script never provoked (apart from 429/500/503, which only a faulty
server gives: those are provoked with --faults 1 on GET /me).

No shape is written down here: the spec is the only copy.
"""
import json
import os
import select
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
import http.client

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SPEC_URI = "urn:assay:openapi"
FAULT_ONLY = {"429", "500", "503"}


class Checker:
    def __init__(self, doc, routes):
        self.doc = doc
        self.routes = routes  # [(METHOD, template)]
        self.registry = Registry().with_resource(SPEC_URI, DRAFT202012.create_resource(doc))
        self.failures = []
        self.seen = {}  # (METHOD, template) -> set of statuses
        self.validated = 0

    def resolve(self, node):
        while isinstance(node, dict) and "$ref" in node:
            node = self.pointer(node["$ref"])
        return node

    def pointer(self, ref):
        node = self.doc
        for part in ref.lstrip("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    @staticmethod
    def escape(part):
        return part.replace("~", "~0").replace("/", "~1")

    def response_spec(self, method, template, status):
        """(the response object, the JSON pointer to it) the spec declares."""
        op = self.doc["paths"][template].get(method.lower(), {})
        responses = op.get("responses", {})
        if str(status) in responses:
            base = "/paths/%s/%s/responses/%s" % (self.escape(template), method.lower(), status)
            node = responses[str(status)]
            if "$ref" in node:
                base = node["$ref"].lstrip("#")
                node = self.resolve(node)
            return node, base
        # Documented once for every path, not per operation.
        if status == 405:
            return self.doc["components"]["responses"]["MethodNotAllowed"], "/components/responses/MethodNotAllowed"
        return None, None

    def schema_validator(self, pointer):
        return Draft202012Validator({"$ref": SPEC_URI + "#" + pointer}, registry=self.registry,
                                    format_checker=Draft202012Validator.FORMAT_CHECKER)

    def check(self, what, method, template, response):
        status, headers, body = response
        self.seen.setdefault((method, template), set()).add(str(status))
        spec, base = self.response_spec(method, template, status)
        if spec is None:
            self.failures.append("%s: %s %s answered %d, which the spec does not declare" % (what, method, template, status))
            return
        for name, header in (spec.get("headers") or {}).items():
            header = self.resolve(header)
            value = headers.get(name.lower())
            if value is None:
                if header.get("required"):
                    self.failures.append("%s: %d without its required %s header" % (what, status, name))
                continue
            schema = header.get("schema", {})
            if schema.get("type") == "integer":
                try:
                    value = int(value)
                except ValueError:
                    pass
            for error in Draft202012Validator(schema).iter_errors(value):
                self.failures.append("%s: header %s: %s" % (what, name, error.message))
        content = spec.get("content")
        if not content:
            if body:
                self.failures.append("%s: %d has a body, the spec declares none" % (what, status))
            return
        if "application/json" not in content:
            return  # evidence bytes: checked by tst_apiserver against their digest
        ctype = headers.get("content-type", "")
        if not ctype.startswith("application/json"):
            self.failures.append("%s: %d with Content-Type %r, not JSON" % (what, status, ctype))
            return
        try:
            value = json.loads(body)
        except ValueError as e:
            self.failures.append("%s: %d body is not JSON: %s" % (what, status, e))
            return
        pointer = "%s/content/application~1json/schema" % base
        errors = sorted(self.schema_validator(pointer).iter_errors(value), key=lambda e: list(e.absolute_path))
        for error in errors[:5]:
            self.failures.append("%s: %d body at /%s: %s" % (
                what, status, "/".join(str(p) for p in error.absolute_path), error.message[:300]))
        self.validated += 1

    def coverage(self):
        for method, template in self.routes:
            op = self.doc["paths"].get(template, {}).get(method.lower())
            if op is None:
                self.failures.append("%s %s is served but not documented" % (method, template))
                continue
            documented = set(op["responses"])
            seen = self.seen.get((method, template), set())
            missing = sorted(documented - seen - (FAULT_ONLY if (method, template) != ("GET", "/me") else set()))
            if missing:
                self.failures.append("%s %s: never provoked %s" % (method, template, ", ".join(missing)))
            print("%-6s %-30s %s" % (method, template, " ".join(sorted(seen))))


class Server:
    def __init__(self, program, args, workdir):
        env = dict(os.environ, TMPDIR=workdir, QT_QPA_PLATFORM="offscreen")
        self.proc = subprocess.Popen([program, "--listen", "127.0.0.1:0", "--quiet", "--print-tokens"] + args,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        out = b""
        deadline = time.monotonic() + 120
        # The listening line and the token lines are written and flushed at once.
        while not (b"listening on" in out and out.endswith(b"\n")):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("assay-marketplace did not start: %r" % out)
            ready, _, _ = select.select([self.proc.stdout], [], [], 1)
            if ready:
                out += os.read(self.proc.stdout.fileno(), 65536)
        lines = out.decode().splitlines()
        url = urllib.parse.urlsplit(lines[0].split(" ", 2)[2])
        self.host, self.port = url.hostname, url.port
        self.tokens = {}  # user -> (roles, token)
        for line in lines[1:]:
            _, user, roles, token = line.split(" ")
            self.tokens[user] = (roles.split(","), token)

    def token(self, user):
        return self.tokens[user][1]

    def users_with(self, role):
        return sorted(u for u, (roles, _) in self.tokens.items() if role in roles)

    def call(self, method, path, token=None, body=None, headers=None, json_body=None, key=True):
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        if json_body is not None:
            body = json.dumps(json_body).encode()
            h.setdefault("Content-Type", "application/json")
            if key is True:
                h["Idempotency-Key"] = str(uuid.uuid4())
            elif key:
                h["Idempotency-Key"] = key
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=h)
            r = conn.getresponse()
            data = r.read()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, data
        finally:
            conn.close()

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def exercise(c, s):
    """Good requests and refusals on every route; `c.check` validates each."""
    V1 = "/api/v1"
    lead = s.users_with("lead")[0]
    plain_reviewers = [u for u in s.users_with("reviewer") if u not in s.users_with("lead")]
    security = [u for u in s.users_with("security") if u not in s.users_with("reviewer")][0]
    t = s.token

    def check(what, method, template, path, **kw):
        r = s.call(method, V1 + path, **kw)
        c.check(what, method, template, r)
        return r

    check("me", "GET", "/me", "/me", token=t(lead))
    check("me without a token", "GET", "/me", "/me")
    check("me, unknown token", "GET", "/me", "/me", token="t-nobody")
    check("me, wrong method", "DELETE", "/me", "/me", token=t(lead))
    check("users", "GET", "/users", "/users", token=t(plain_reviewers[0]))
    check("users without a token", "GET", "/users", "/users")

    # The feed, every page, and through it every submission's details.
    summaries, cursor = [], ""
    while True:
        status, _, body = check("feed page", "GET", "/submissions",
                                "/submissions?limit=5&since=" + urllib.parse.quote(cursor), token=t(lead))
        if status != 200:
            raise RuntimeError("the feed answered %d" % status)
        page = json.loads(body)
        summaries += page["items"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    check("feed, limit 0", "GET", "/submissions", "/submissions?limit=0", token=t(lead))
    check("feed, forged cursor", "GET", "/submissions", "/submissions?since=bm90LWlzc3VlZA", token=t(lead))
    check("feed without a token", "GET", "/submissions", "/submissions")

    details = {}
    for summary in summaries:
        _, _, body = check("details of " + summary["id"], "GET", "/submissions/{id}", "/submissions/" + summary["id"],
                           token=t(lead))
        details[summary["id"]] = json.loads(body)
    # The new members are validated only where they occur: make sure the
    # seeded data has them.
    present = {
        "a recorded verdict with notes": any(v["notes"] for d in details.values() for v in d["verdicts"]),
        "a rejection's verdict": any(v["decision"] == "reject" for d in details.values() for v in d["verdicts"]),
        "a partner's reply": any(cm["from"] == "partner" for d in details.values() for cm in d["comments"]),
        "a resubmission": any(d["kind"] == "resubmission" for d in details.values()),
    }
    for what, found in present.items():
        if not found:
            c.failures.append("the seeded data has no %s to check" % what)
    check("details, unknown id", "GET", "/submissions/{id}", "/submissions/s_99999", token=t(lead))
    check("details without a token", "GET", "/submissions/{id}", "/submissions/" + summaries[0]["id"])

    versions = {s_["questionnaire_version"] for s_ in summaries}
    questionnaires = {}
    for v in sorted(versions):
        _, _, body = check("questionnaire " + v, "GET", "/questionnaires/{version}", "/questionnaires/" + v,
                           token=t(lead))
        questionnaires[v] = json.loads(body)
        if not any(i.get("reason_codes") for cat in questionnaires[v]["categories"] for i in cat["checklist"]):
            c.failures.append("questionnaire %s serves no reason_codes" % v)
    check("questionnaire, unknown version", "GET", "/questionnaires/{version}", "/questionnaires/1999.9", token=t(lead))
    check("questionnaire without a token", "GET", "/questionnaires/{version}", "/questionnaires/2026.1")

    evidence = next(e for d in details.values() for e in d["evidence"] if e["size"] > 20)
    ev = "/evidence/" + evidence["id"]
    check("evidence", "GET", "/evidence/{id}", ev, token=t(lead))
    check("evidence range", "GET", "/evidence/{id}", ev, token=t(lead), headers={"Range": "bytes=10-"})
    check("evidence, If-None-Match", "GET", "/evidence/{id}", ev, token=t(lead),
          headers={"If-None-Match": '"%s"' % evidence["sha256"]})
    check("evidence, range past the end", "GET", "/evidence/{id}", ev, token=t(lead),
          headers={"Range": "bytes=%d-" % evidence["size"]})
    check("evidence, unknown id", "GET", "/evidence/{id}", "/evidence/e_nope", token=t(lead))
    check("evidence without a token", "GET", "/evidence/{id}", ev)

    check("reviewers", "GET", "/reviewers", "/reviewers", token=t(lead))
    check("reviewers, not a lead", "GET", "/reviewers", "/reviewers", token=t(plain_reviewers[0]))
    check("reviewers without a token", "GET", "/reviewers", "/reviewers")

    # --- writes -----------------------------------------------------------
    open_ = [x for x in summaries if x["stage"] == "review" and x["assignee"] in plain_reviewers]
    done = [x for x in summaries if x["stage"] == "done"]
    if len(open_) < 2 or not done:
        raise RuntimeError("the seeded data has no two assigned submissions at stage review and a decided one")
    target, other = open_[0], open_[1]
    assignee = target["assignee"]
    outsider = next(u for u in plain_reviewers if u != assignee)
    q = questionnaires[target["questionnaire_version"]]
    ticks = {i["key"]: True for cat in q["categories"] for i in cat["checklist"] if i["required"]}
    category = q["categories"][0]
    approve = {"decision": "approve", "base_version": target["version"], "summary": "Meets the rubric.",
               "checklist": ticks, "reasons": []}
    reject = {"decision": "reject", "base_version": target["version"], "checklist": {},
              "reasons": [{"category": category["key"], "code": category["rejection_reasons"][0]["code"]}]}
    verdict = "/submissions/%s/verdict" % target["id"]
    T = "/submissions/{id}/verdict"
    check("verdict without a token", "POST", T, verdict, json_body=approve)
    check("verdict without a key", "POST", T, verdict, token=t(assignee), json_body=approve, key=None)
    check("verdict, malformed JSON", "POST", T, verdict, token=t(assignee), body=b'{"decision": ',
          headers={"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())})
    check("verdict over 1 MiB", "POST", T, verdict, token=t(assignee),
          body=b'{"summary": "' + b"a" * (1024 * 1024) + b'"}',
          headers={"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())})
    check("verdict as text/plain", "POST", T, verdict, token=t(assignee), body=json.dumps(approve).encode(),
          headers={"Content-Type": "text/plain", "Idempotency-Key": str(uuid.uuid4())})
    check("verdict, unknown submission", "POST", T, "/submissions/s_99999/verdict", token=t(assignee), json_body=approve)
    check("verdict, mass assignment", "POST", T, verdict, token=t(assignee), json_body=dict(approve, status="approved"))
    check("verdict, wrong type", "POST", T, verdict, token=t(assignee), json_body=dict(approve, base_version="1"))
    check("verdict, unticked", "POST", T, verdict, token=t(assignee), json_body=dict(approve, checklist={}))
    check("verdict, stale version", "POST", T, verdict, token=t(assignee),
          json_body=dict(approve, base_version=target["version"] + 7))
    key = str(uuid.uuid4())
    check("verdict by an outsider", "POST", T, verdict, token=t(outsider), json_body=reject, key=key)
    check("verdict, key reused", "POST", T, verdict, token=t(outsider), json_body=approve, key=key)
    check("verdict, wrong method", "GET", T, verdict, token=t(assignee))
    check("verdict, note on no item", "POST", T, verdict, token=t(assignee),
          json_body=dict(approve, notes={"csrf.c99": "?"}))
    check("verdict, note too long", "POST", T, verdict, token=t(assignee),
          json_body=dict(approve, notes={category["key"]: "n" * 4001}))
    check("return at review", "POST", T, verdict, token=t(assignee),
          json_body=dict(approve, decision="return", checklist={}))
    notes = {category["key"]: "Checked the attached policy.", category["checklist"][0]["key"]: "In the evidence."}
    check("approve at review", "POST", T, verdict, token=t(assignee), json_body=dict(approve, notes=notes))
    returned = {"decision": "return", "base_version": target["version"] + 1, "checklist": {},
                "summary": "The CORS answer contradicts the evidence.", "reasons": [],
                "notes": {category["key"]: "See the config."}}
    check("return without a summary", "POST", T, verdict, token=t(security), json_body=dict(returned, summary=""))
    check("return at security", "POST", T, verdict, token=t(security), json_body=returned)
    check("approve at review again", "POST", T, verdict, token=t(assignee),
          json_body=dict(approve, base_version=target["version"] + 2))
    check("approve at security", "POST", T, verdict, token=t(security),
          json_body=dict(approve, base_version=target["version"] + 3))
    check("verdict on a decided one", "POST", T, verdict, token=t(security),
          json_body=dict(approve, base_version=target["version"] + 4))

    T = "/submissions/{id}/assignee"
    assign = "/submissions/%s/assignee" % other["id"]
    body = {"assignee": outsider, "base_version": other["version"]}
    check("assign without a token", "PUT", T, assign, json_body=body)
    check("assign without a key", "PUT", T, assign, token=t(lead), json_body=body, key=None)
    check("assign over 1 MiB", "PUT", T, assign, token=t(lead), body=b" " * (1024 * 1024 + 1),
          headers={"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())})
    check("assign as text/plain", "PUT", T, assign, token=t(lead), body=json.dumps(body).encode(),
          headers={"Content-Type": "text/plain", "Idempotency-Key": str(uuid.uuid4())})
    check("assign, unknown submission", "PUT", T, "/submissions/s_99999/assignee", token=t(lead), json_body=body)
    check("assign, unknown field", "PUT", T, assign, token=t(lead), json_body=dict(body, stage="done"))
    check("assign, unknown user", "PUT", T, assign, token=t(lead), json_body=dict(body, assignee="u_nobody"))
    check("assign by a reviewer", "PUT", T, assign, token=t(outsider), json_body=body)
    check("assign, stale version", "PUT", T, assign, token=t(lead), json_body=dict(body, base_version=other["version"] + 7))
    check("assign", "PUT", T, assign, token=t(lead), json_body=body)
    check("assign a decided one", "PUT", T, "/submissions/%s/assignee" % done[0]["id"], token=t(lead),
          json_body={"assignee": outsider, "base_version": done[0]["version"]})

    T = "/submissions/{id}/comments"
    comments = "/submissions/%s/comments" % other["id"]
    body = {"body": "Please attach the CSRF middleware.", "visibility": "partner"}
    check("comment without a token", "POST", T, comments, json_body=body)
    check("comment without a key", "POST", T, comments, token=t(outsider), json_body=body, key=None)
    check("comment over 1 MiB", "POST", T, comments, token=t(outsider), body=b" " * (1024 * 1024 + 1),
          headers={"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())})
    check("comment without Content-Type", "POST", T, comments, token=t(outsider), body=json.dumps(body).encode(),
          headers={"Idempotency-Key": str(uuid.uuid4())})
    check("comment, unknown submission", "POST", T, "/submissions/s_99999/comments", token=t(outsider), json_body=body)
    check("comment, empty", "POST", T, comments, token=t(outsider), json_body=dict(body, body=""))
    check("comment, unknown field", "POST", T, comments, token=t(outsider), json_body=dict(body, author=lead))
    check("comment", "POST", T, comments, token=t(outsider), json_body=body)
    check("comment on a decided one", "POST", T, "/submissions/%s/comments" % done[0]["id"], token=t(lead),
          json_body=dict(body, visibility="internal"))

    # What the writes changed reads back in the documented shapes too: the
    # four verdicts just made, oldest first.
    _, _, body = check("details after the writes", "GET", "/submissions/{id}", "/submissions/" + target["id"],
                       token=t(lead))
    recorded = [(v["stage"], v["decision"]) for v in json.loads(body)["verdicts"]]
    if recorded[-4:] != [("review", "approve"), ("security", "return"), ("review", "approve"), ("security", "approve")]:
        c.failures.append("the verdicts of %s read back as %r" % (target["id"], recorded))
    check("details after the writes", "GET", "/submissions/{id}", "/submissions/" + other["id"], token=t(lead))
    check("feed after the writes", "GET", "/submissions", "/submissions?since=" + urllib.parse.quote(cursor),
          token=t(lead))


def exercise_faults(c, s):
    """429, 500 and 503 bodies of a faulty server (P = 1, kinds by seed)."""
    lead = s.users_with("lead")[0]
    for _ in range(60):
        try:
            r = s.call("GET", "/api/v1/me", token=s.token(lead))
        except (http.client.HTTPException, OSError):
            continue  # a cut connection: no response to check
        if r[0] in (429, 500, 503):
            c.check("faulty me", "GET", "/me", r)
        if {"429", "500", "503"} <= c.seen.get(("GET", "/me"), set()):
            return


def main():
    spec_path, program = sys.argv[1], sys.argv[2]
    with open(spec_path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    out = subprocess.run([program, "--list-routes"], check=True, capture_output=True, text=True,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen")).stdout
    routes = [tuple(line.split(" ")[:2]) for line in out.splitlines()]
    c = Checker(doc, routes)
    with tempfile.TemporaryDirectory(prefix="assay-check-responses-") as work:
        s = Server(program, ["--db", os.path.join(work, "m.sqlite"), "--seed", "30"], work)
        try:
            exercise(c, s)
        finally:
            s.stop()
        faulty = Server(program, ["--db", os.path.join(work, "f.sqlite"), "--faults", "1", "--seed-random", "3"], work)
        try:
            exercise_faults(c, faulty)
        finally:
            faulty.stop()
    c.coverage()
    for f in c.failures:
        print("FAIL:", f)
    print("%d JSON bodies validated against api/openapi.yaml, %d failures" % (c.validated, len(c.failures)))
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
