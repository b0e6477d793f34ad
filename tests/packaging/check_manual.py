#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the user manual against the files and programs it describes.

    check_manual.py MANUAL ASSAY ASSAY_MARKETPLACE

- every picture and every local link of MANUAL points at a file that exists
  (relative to MANUAL's folder; a #fragment is ignored);
- every `--option` MANUAL names, in code, is in the --help of the program it
  is named for: `assay` (the window's options and every command's) or
  `assay-marketplace`. An option belongs to the program named last before it
  in the same code span or code line; without one, to the section's program
  (`assay-marketplace` under a heading that names it, else `assay`). So an
  option renamed or removed in a program, and left in the manual, fails here.
"""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import fail, help_text  # noqa: E402

ASSAY_COMMANDS = [[], ["view"], ["sync"], ["decide"], ["assign"], ["export"], ["export", "--report", "x"], ["login"],
                  ["logout"]]

IMAGE_OR_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
CODE_SPAN = re.compile(r"`([^`]+)`")
# Program names and long options, in the order they are written.
TOKEN = re.compile(r"(?<![\w./-])(assay-marketplace|assay)(?![\w-])|(?<![\w-])(--[a-z][a-z0-9-]*)")


def help_options(program, args):
    return set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", help_text(program, args)))


def code_pieces(text):
    """(line number, section heading, code text) for every code span and
    every line of a fenced code block."""
    heading = ""
    fenced = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            yield number, heading, line
            continue
        if line.startswith("#"):
            heading = line
        for span in CODE_SPAN.findall(line):
            yield number, heading, span


def main():
    if len(sys.argv) != 4:
        fail("usage: check_manual.py MANUAL ASSAY ASSAY_MARKETPLACE")
    manual, assay, marketplace = sys.argv[1:]
    with open(manual, encoding="utf-8") as f:
        text = f.read()
    base = os.path.dirname(os.path.abspath(manual))

    # Links and pictures: outside code, each local target exists.
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    prose = CODE_SPAN.sub("", prose)
    targets = IMAGE_OR_LINK.findall(prose)
    pictures = [t for t in re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", prose)]
    if not pictures:
        fail(f"{manual} shows no picture: is this the manual?")
    missing = []
    for target in targets:
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue  # a web address, or a heading of this page
        path = os.path.normpath(os.path.join(base, target.split("#", 1)[0]))
        if not os.path.exists(path):
            missing.append(target)
    if missing:
        fail(f"{manual} links to files that do not exist: {', '.join(missing)}")

    # Options: each in the --help of the program it is named for.
    known = {"assay": set(), "assay-marketplace": help_options(marketplace, [])}
    for command in ASSAY_COMMANDS:
        known["assay"] |= help_options(assay, command)
    unknown = []
    counted = 0
    for number, heading, code in code_pieces(text):
        program = "assay-marketplace" if "assay-marketplace" in heading else "assay"
        for name, option in TOKEN.findall(code):
            if name:
                program = name
                continue
            counted += 1
            if option not in known[program]:
                unknown.append(f"line {number}: {option} (for {program})")
    if counted < 20:
        fail(f"only {counted} options found in {manual}: the check reads it wrong")
    if unknown:
        fail(f"{manual} names options its program's --help does not list:\n  " + "\n  ".join(unknown))
    print(f"{manual}: {len(targets)} links and pictures exist; {counted} options named are in the programs' --help")


if __name__ == "__main__":
    main()
