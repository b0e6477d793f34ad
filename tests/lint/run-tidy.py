#!/usr/bin/env python3
"""The clang-tidy pass over Assay's own sources (.clang-tidy at the top).

    run-tidy.py [--build DIR] [--changed | --mark-clean] [FILES...]

With no FILES: every project .cpp in DIR/compile_commands.json (the folders
in PROJECT_DIRS; generated moc/rcc sources never). A header among FILES
stands for the sources that include it, directly or through other headers.

--changed checks only the sources that differ from the last tree found
tidy-clean, recorded in .clang-tidy-clean as the sha256 of every source and
header (no git needed: the build root has none), and the sources that
include a header that differs; everything when .clang-tidy or this script
differ, or when no clean tree is recorded. --mark-clean checks the whole
tree and, when it finds nothing, records it in .clang-tidy-clean.

Each finding is printed once (a header's findings come from every source that
includes it), then a count per check. The exit status is 1 on any finding,
2 when clang-tidy could not run or parse a file.
"""
import argparse
import collections
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

PROJECT_DIRS = ("domain", "models", "sync", "server", "ui", "app", "tests", "bench")
SOURCE_EXTS = (".cpp",)
HEADER_EXTS = (".h",)
# Changing these changes what every file is checked against.
CONFIG_FILES = (".clang-tidy", "tests/lint/run-tidy.py")
MARKER = ".clang-tidy-clean"

DIAG = re.compile(r"^(?P<loc>/[^:]+:\d+:\d+): (?P<kind>warning|error): (?P<msg>.*?)(?: \[(?P<check>[\w.,-]+)\])?$")


def say(msg):
    print(f"run-tidy: {msg}", file=sys.stderr, flush=True)


def project_sources(src, build):
    db = os.path.join(build, "compile_commands.json")
    if not os.path.exists(db):
        say(f"no {db}: configure first (./dev build assay_lint_prerequisites)")
        sys.exit(2)
    with open(db) as f:
        entries = json.load(f)
    out = []
    for e in entries:
        path = os.path.normpath(os.path.join(e.get("directory", ""), e["file"]))
        rel = os.path.relpath(path, src)
        if rel.startswith("..") or not rel.endswith(SOURCE_EXTS):
            continue
        if rel.split(os.sep, 1)[0] in PROJECT_DIRS:
            out.append(rel)
    return sorted(set(out))


INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def includers(src, headers, sources):
    """Sources that include any of headers, directly or through project headers."""
    files = list(sources)
    for d in PROJECT_DIRS:
        for root, _, names in os.walk(os.path.join(src, d)):
            files += [os.path.relpath(os.path.join(root, n), src) for n in names if n.endswith(HEADER_EXTS)]
    includes = {}
    for f in set(files):
        try:
            with open(os.path.join(src, f), errors="replace") as fh:
                includes[f] = INCLUDE.findall(fh.read())
        except OSError:
            includes[f] = []

    def names(h):
        # "Cache.h" from models/, "models/Cache.h" from anywhere (-I top).
        return {h, os.path.basename(h)}

    wanted = set(headers)
    grew = True
    while grew:
        grew = False
        keys = set().union(*(names(h) for h in wanted)) if wanted else set()
        for f, incs in includes.items():
            if f.endswith(HEADER_EXTS) and f not in wanted and any(i in keys for i in incs):
                wanted.add(f)
                grew = True
    keys = set().union(*(names(h) for h in wanted)) if wanted else set()
    return [s for s in sources if any(i in keys for i in includes.get(s, []))]


def select(src, all_sources, paths):
    chosen, headers = set(), set()
    for p in paths:
        rel = os.path.relpath(os.path.abspath(p), src)
        if rel in all_sources:
            chosen.add(rel)
        elif rel.endswith(HEADER_EXTS):
            headers.add(rel)
    if headers:
        chosen.update(includers(src, headers, all_sources))
    return sorted(chosen)


def tracked_files(src):
    """The files whose content decides what the pass finds."""
    out = [f for f in CONFIG_FILES if os.path.exists(os.path.join(src, f))]
    for d in PROJECT_DIRS:
        for root, _, names in os.walk(os.path.join(src, d)):
            out += [os.path.relpath(os.path.join(root, n), src) for n in names if n.endswith(SOURCE_EXTS + HEADER_EXTS)]
    return sorted(out)


def digest(src, rel):
    with open(os.path.join(src, rel), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def changed_since(src, marker, all_sources):
    """Sources that differ from the last tidy-clean tree recorded in marker.

    The marker lists the sha256 of every source and header of that tree
    (sha256sum's format), so no git is needed: CI's build root has none,
    and a shallow clone or a tarball works the same.
    """
    clean = {}
    try:
        with open(os.path.join(src, marker)) as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    h, rel = line.split(None, 1)
                    clean[rel.strip()] = h
    except (OSError, ValueError):
        say(f"no tidy-clean tree recorded in {marker}: checking the whole tree")
        return all_sources
    changed = [f for f in tracked_files(src) if clean.get(f) != digest(src, f)]
    if set(changed) & set(CONFIG_FILES):
        say("the tidy configuration changed since the clean tree: checking the whole tree")
        return all_sources
    files = select(src, all_sources, [os.path.join(src, c) for c in changed])
    say(f"{len(files)} of {len(all_sources)} sources changed since the tidy-clean tree ({marker})")
    return files


def mark_clean(src, marker):
    with open(os.path.join(src, marker), "w") as f:
        f.write("# The last tree ./dev lint found clean: sha256 of each file clang-tidy reads.\n"
                "# Written by ./dev lint --mark-clean; the ctest 'clang_tidy' checks only what differs.\n")
        for rel in tracked_files(src):
            f.write(f"{digest(src, rel)}  {rel}\n")


def run(src, build, files, jobs):
    tidy = shutil.which("clang-tidy")
    if not tidy:
        say("clang-tidy is not installed (Debian: clang-tidy)")
        sys.exit(2)
    runner = shutil.which("run-clang-tidy")
    absfiles = [os.path.join(src, f) for f in files]
    if runner:
        cmd = [runner, "-p", build, "-j", str(jobs), "-quiet", "-clang-tidy-binary", tidy]
        cmd += ["^(" + "|".join(re.escape(f) for f in absfiles) + ")$"]
    else:
        cmd = [tidy, "-p", build, "--quiet", *absfiles]
    proc = subprocess.Popen(cmd, cwd=src, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    findings = collections.OrderedDict()  # first line -> the lines that explain it
    failed = []
    current = None
    for line in proc.stdout:
        line = line.rstrip("\n")
        m = DIAG.match(line)
        if m:
            if m.group("kind") == "error" and not m.group("check"):
                failed.append(line)
            current = findings.setdefault(line, [])
            if current:  # seen from another source: skip its repeat
                current = None
            continue
        progress = re.match(r"^(\[ *\d+/\d+\](?:\[[\d.]+s\])?) .* (/\S+)$", line)
        if progress:
            sys.stderr.write(f"{progress.group(1)} {os.path.relpath(progress.group(2), src)}\n")
            current = None
            continue
        if (re.match(r"^\d+ (warnings?|errors?) generated\.$", line) or line.startswith("Suppressed ")
                or line.startswith("Use -header-filter") or line.startswith("Running clang-tidy")
                or line.startswith("clang-tidy") or "error while processing" in line.lower()
                or line.startswith("Enabled checks") or not line.strip() and current is None):
            if "error while processing" in line.lower():
                failed.append(line)
            continue
        if current is not None:
            current.append(line)
    if proc.wait() != 0 and not findings and not failed:
        failed.append(f"run-tidy: {os.path.basename(cmd[0])} failed (exit status {proc.returncode}) without a finding")
    return findings, failed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", default=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    ap.add_argument("--build", default=None, help="build folder with compile_commands.json (default: SOURCE/build/dev)")
    ap.add_argument("--changed", action="store_true", help=f"only what differs from the tree in {MARKER}")
    ap.add_argument("--mark-clean", action="store_true")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    src = os.path.realpath(a.source)
    build = os.path.realpath(a.build or os.path.join(src, "build", "dev"))

    all_sources = project_sources(src, build)
    if a.files:
        files = select(src, all_sources, a.files)
        if not files:
            say("none of the given files is a project source in the compile commands")
            return 2
    elif a.changed and not a.mark_clean:
        files = changed_since(src, MARKER, all_sources)
    else:
        files = all_sources
    if not files:
        say("nothing to check")
        return 0

    findings, failed = run(src, build, files, a.jobs)
    checks = collections.Counter()
    for first, rest in findings.items():
        print(first.replace(src + "/", ""))
        for r in rest:
            print(r)
        m = DIAG.match(first)
        checks[m.group("check") or "clang-error"] += 1
    for f in failed:
        print(f)
    print(f"run-tidy: {len(files)} sources, {len(findings)} findings", file=sys.stderr)
    for check, n in checks.most_common():
        print(f"  {n:4d} {check}", file=sys.stderr)
    if failed:
        return 2
    if findings:
        return 1
    if a.mark_clean and not a.files:
        mark_clean(src, MARKER)
        say(f"whole tree tidy-clean: wrote {MARKER} (commit it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
