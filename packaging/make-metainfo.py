#!/usr/bin/env python3
"""Makes Assay's AppStream metainfo from its template and CHANGELOG.md.

The changelog is the one place a release is written down; the metainfo's
<releases> are drawn from it here, at build time. A release is a heading
    ## [VERSION] - YYYY-MM-DD
(an "## [Unreleased]" heading is skipped), then "### Kind" headings and
"- " items, an item continued on indented lines. The newest release must be
project(VERSION): a version raised without a changelog entry fails the build,
with a message saying so.
"""

import argparse
import re
import sys
from xml.sax.saxutils import escape

RELEASE = re.compile(r"^## \[?(?P<version>[0-9][0-9A-Za-z.+~-]*)\]?\s+[-\u2013\u2014]\s+(?P<date>\d{4}-\d{2}-\d{2})\s*$")
UNRELEASED = re.compile(r"^## \[?Unreleased\]?\s*$", re.IGNORECASE)


def plain(text):
    """Markdown's inline marks dropped: AppStream descriptions take text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [link](url) -> link
    text = text.replace("**", "").replace("`", "")
    return " ".join(text.split())


def releases(changelog):
    """[(version, date, [(kind or None, [item...])...])...], newest first."""
    found = []
    current = None
    for number, line in enumerate(changelog.splitlines(), 1):
        if line.startswith("## "):
            match = RELEASE.match(line)
            if match:
                current = (match["version"], match["date"], [])
                found.append(current)
            elif UNRELEASED.match(line):
                current = None
            else:
                raise ValueError(f"CHANGELOG.md:{number}: a release heading is '## [VERSION] - YYYY-MM-DD': {line!r}")
        elif current is None:
            continue
        elif line.startswith("### "):
            current[2].append((plain(line[4:]), []))
        elif line.startswith("- "):
            if not current[2]:
                current[2].append((None, []))
            current[2][-1][1].append(line[2:])
        elif line.startswith("  ") and line.strip() and current[2] and current[2][-1][1]:
            current[2][-1][1][-1] += " " + line.strip()
    return found


def release_xml(version, date, sections):
    lines = [f'    <release version="{escape(version)}" date="{date}">', "      <description>"]
    for kind, items in sections:
        if not items:
            continue
        if kind:
            lines.append(f"        <p>{escape(kind)}:</p>")
        lines.append("        <ul>")
        lines += [f"          <li>{escape(plain(item))}</li>" for item in items]
        lines.append("        </ul>")
    lines += ["      </description>", "    </release>"]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--template", required=True)
    parser.add_argument("--changelog", required=True)
    parser.add_argument("--version", required=True, help="project(VERSION)")
    parser.add_argument("--docs-url", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    with open(args.changelog, encoding="utf-8") as f:
        try:
            found = releases(f.read())
        except ValueError as error:
            sys.exit(f"make-metainfo: {error}")
    if not found:
        sys.exit(f"make-metainfo: {args.changelog} names no release ('## [VERSION] - YYYY-MM-DD')")
    if found[0][0] != args.version:
        sys.exit(f"make-metainfo: the newest release in {args.changelog} is {found[0][0]}, "
                 f"but project(VERSION) is {args.version}: add a '## [{args.version}] - DATE' entry")
    docs_url = args.docs_url.rstrip("/")
    if not re.match(r"^https://[^\s<>\"']+$", docs_url):
        sys.exit(f"make-metainfo: ASSAY_DOCS_URL must be an https URL, not {args.docs_url!r}")

    with open(args.template, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("@DOCS_URL@", escape(docs_url))
    text = text.replace("@RELEASES@", "\n".join(release_xml(*release) for release in found))
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
