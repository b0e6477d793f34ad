#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Makes every picture of README.md and docs/manual.md with the app itself.

Run by `./dev screenshots` inside the build environment, under one X server
(xvfb-run), with the built programs' folder as the argument:

    xvfb-run -a -s '-screen 0 1600x1000x24' python3 docs/screenshots.py build/dev/bin

Each window picture is `assay --demo [--demo-user ROLE] --screenshot FILE
--show VIEW` (the demo marketplace as a child, a fresh profile, the default
layout); each evidence picture is `assay view FILE --screenshot OUT` on a
file the demo marketplace serves, fetched over its API. Which file is chosen
by its name and, where a picture is about findings, by what the finder says
of it — never by a hard-coded evidence id alone, so that a change of the
demo's seed makes this fail with a reason rather than picture another file.
Any picture that cannot be made stops the run with a non-zero exit.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

DOCS = os.path.dirname(os.path.abspath(__file__))
SHOT_TIMEOUT_S = 180  # the demo itself gives up waiting for its sync at 120 s
DEMO_SUBMISSIONS = "200"  # what `assay --demo` seeds (app/DemoMarketplace)


def fail(message):
    print(f"screenshots: error: {message}", file=sys.stderr)
    sys.exit(1)


def say(message):
    print(f"screenshots: {message}", file=sys.stderr, flush=True)


def run_shot(out, args, quiet=False):
    """Runs one assay that saves a PNG to `out`, fails loudly unless it did;
    returns what it printed."""
    rel = os.path.relpath(out, os.path.dirname(DOCS))
    if os.path.exists(out):
        os.remove(out)
    started = time.monotonic()
    try:
        proc = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              timeout=SHOT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        fail(f"{rel}: {' '.join(args)} did not finish in {SHOT_TIMEOUT_S} s")
    took = time.monotonic() - started
    if proc.returncode != 0 or not os.path.isfile(out) or os.path.getsize(out) == 0:
        sys.stderr.write(proc.stdout)
        fail(f"{rel}: {' '.join(args)} exited with {proc.returncode} and "
             f"{'wrote no picture' if not os.path.isfile(out) else 'wrote a picture anyway'}")
    if "screenshot saved" not in proc.stdout:
        sys.stderr.write(proc.stdout)
        fail(f"{rel}: assay did not say it saved the picture")
    if not quiet:
        say(f"{rel} ({took:.1f} s)")
    return proc.stdout


class Marketplace:
    """The reference server with the demo's data, to fetch evidence files from."""

    def __init__(self, bindir):
        seed_cache = os.path.join(os.path.expanduser("~"), ".cache", "assay-marketplace", "seeded")
        xdg = os.environ.get("XDG_CACHE_HOME")
        if xdg:
            seed_cache = os.path.join(xdg, "assay-marketplace", "seeded")
        self.proc = subprocess.Popen(
            [os.path.join(bindir, "assay-marketplace"), "--listen", "127.0.0.1:0", "--seed", DEMO_SUBMISSIONS,
             "--print-tokens", "--quiet", "--seed-cache", seed_cache,
             # The demo's story ends at the current hour (DemoMarketplace::seedAnchor).
             "--seed-anchor", time.strftime("%Y-%m-%dT%H:00:00Z", time.gmtime())],
            stdout=subprocess.PIPE, text=True)
        first = self.proc.stdout.readline().split()
        if len(first) != 3 or first[:2] != ["listening", "on"]:
            self.close()
            fail(f"assay-marketplace did not start (it said {' '.join(first)!r})")
        self.url = first[2]
        token_line = self.proc.stdout.readline().split()
        if len(token_line) != 4 or token_line[0] != "token":
            self.close()
            fail("assay-marketplace printed no token")
        self.token = token_line[3]

    def get(self, path):
        request = urllib.request.Request(self.url + "/api/v1" + path, headers={"Authorization": "Bearer " + self.token})
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.read()

    def submissions(self):
        """Every submission's detail, in id order."""
        ids, cursor = [], ""
        while True:
            page = json.loads(self.get("/submissions?limit=500" + (f"&since={cursor}" if cursor else "")))
            ids += [s["id"] for s in page["items"]]
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
        return [json.loads(self.get(f"/submissions/{i}")) for i in sorted(ids)]

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def shoot_evidence(market, details, assay, workdir, out, filename, wanted_findings=(), extra=()):
    """`assay view` on the first demo evidence file named `filename` whose
    findings name every kind in `wanted_findings`, saved under that name."""
    tried = []
    for d in details:
        for e in d["evidence"]:
            if e["filename"] != filename or len(tried) >= 8:
                continue
            path = os.path.join(workdir, e["id"], filename)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(market.get(f"/evidence/{e['id']}"))
            said = run_shot(out, [assay, "view", "--list-findings", *extra, "--screenshot", out, path], quiet=True)
            if all(kind in said for kind in wanted_findings):
                say(f"{os.path.relpath(out, os.path.dirname(DOCS))}: {filename} ({e['id']} of {d['id']})")
                return
            tried.append(e["id"])
    fail(f"no demo evidence named {filename}" + (f" with findings {', '.join(wanted_findings)} (tried {', '.join(tried)})"
                                                   if tried else ""))


def main():
    if len(sys.argv) != 2:
        fail("usage: screenshots.py BINDIR (the folder with assay and assay-marketplace)")
    bindir = os.path.abspath(sys.argv[1])
    assay = os.path.join(bindir, "assay")
    for program in (assay, os.path.join(bindir, "assay-marketplace")):
        if not os.access(program, os.X_OK):
            fail(f"{program} is not built")
    if not os.environ.get("DISPLAY"):
        fail("no DISPLAY: run under xvfb-run (./dev screenshots does)")
    # A real X server, not Qt's offscreen platform: WebEngine and the window
    # manager-less layout are what a user sees.
    os.environ.pop("QT_QPA_PLATFORM", None)
    # Chromium (HTML evidence) refuses its sandbox as root, where the build
    # root runs; as ./dev run does, it is off for this run only.
    if os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    manual = os.path.join(DOCS, "manual")
    os.makedirs(manual, exist_ok=True)
    started = time.monotonic()

    with tempfile.TemporaryDirectory(prefix="assay-screenshots-") as work:
        # The windows, as the demo users see them.
        demo = [assay, "--demo"]
        run_shot(os.path.join(DOCS, "screenshot.png"), demo + ["--screenshot", os.path.join(DOCS, "screenshot.png")])
        run_shot(os.path.join(DOCS, "review.png"),
                 demo + ["--screenshot", os.path.join(DOCS, "review.png"), "--show", "review:s_00031"])
        run_shot(os.path.join(DOCS, "review-evidence.png"),
                 demo + ["--screenshot", os.path.join(DOCS, "review-evidence.png"), "--show", "evidence:e_152"])
        lead = demo + ["--demo-user", "lead"]
        run_shot(os.path.join(DOCS, "board.png"), lead + ["--screenshot", os.path.join(DOCS, "board.png"), "--show", "board"])
        run_shot(os.path.join(DOCS, "charts.png"),
                 lead + ["--screenshot", os.path.join(DOCS, "charts.png"), "--show", "charts"])

        market = Marketplace(bindir)
        try:
            details = market.submissions()
            # The security stage: a submission the review stage approved.
            at_security = next((d["id"] for d in details if d["stage"] == "security"), None)
            if not at_security:
                fail("the demo has no submission at the security stage")
            security = demo + ["--demo-user", "security"]
            out = os.path.join(manual, "security-review.png")
            run_shot(out, security + ["--screenshot", out, "--show", f"review:{at_security}"])

            # The evidence viewer alone (assay view), on the demo's files.
            views = [
                ("evidence-html.png", "dependency-scan-2026-10.html", (), []),
                ("evidence-pdf.png", "data-protection-policy.pdf", (), []),
                ("evidence-code.png", "field_crypto.py", ("private key", "payment card number"), []),
                ("evidence-log.png", "redirect-guard.log", ("bearer token", "JSON Web Token", "password in a URL"),
                 ["--redacted"]),
                (os.path.join("manual", "evidence-image.png"), "incident-dashboard.png", (), []),
            ]
            for picture, filename, wanted, extra in views:
                shoot_evidence(market, details, assay, work, os.path.join(DOCS, picture), filename, wanted, extra)
        finally:
            market.close()

        # An executable named as text: detected by its content, shown as hex.
        exe = os.path.join(work, "hex", "release-notes.txt")
        os.makedirs(os.path.dirname(exe))
        shutil.copyfile("/bin/true", exe)
        out = os.path.join(manual, "evidence-hex.png")
        run_shot(out, [assay, "view", "--screenshot", out, exe])

        # The sign-in dialog of a profile that has never been signed in.
        empty = os.path.join(work, "empty-profile")
        out = os.path.join(DOCS, "sign-in.png")
        run_shot(out, [assay, "--profile", empty, "--show", "sign-in", "--screenshot", out])

    say(f"done in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
