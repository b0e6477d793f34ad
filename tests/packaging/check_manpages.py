#!/usr/bin/env python3
"""Checks a manual page against the program it documents.

    check_manpages.py PAGE PROGRAM [SUBCOMMAND...]

(a SUBCOMMAND may carry arguments, "export --report x", when they change
the options its --help lists)

- the page is man(7) as man renders it: a .TH line, NAME then SYNOPSIS, and
  only the macros of man(7) (a typo such as `.Tp` would print as text);
- every long option PROGRAM --help lists (and, per SUBCOMMAND, what
  `PROGRAM SUBCOMMAND --help` lists), save Qt's --help-all, is in the page,
  and every SUBCOMMAND is; so an option added to the program without its
  page fails here;
- where the system has groff, the page renders with no warning (groff -ww).
  This build root has no groff (nor man or mandoc): the check says it is
  skipped rather than fail or pass silently.
"""

import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import fail, help_text  # noqa: E402

MAN_MACROS = {"TH", "SH", "SS", "TP", "PP", "P", "LP", "IP", "HP", "RS", "RE", "B", "I", "BI", "IB", "BR",
              "RB", "IR", "RI", "SM", "SB", "br", "sp", "nf", "fi", "in", "ti", "ad", "na", "ne", "EX", "EE",
              "UR", "UE", "MT", "ME", "SY", "YS", "OP", "TQ", "\\\""}


def long_options(program, args):
    text = help_text(program, args)
    options = set(re.findall(r"^\s+(?:-\w, )?(--[a-z][a-z0-9-]*)", text, re.MULTILINE))
    if not options:
        fail(f"{program} {' '.join(args)} --help lists no options:\n{text}")
    return options - {"--help-all"}


def main():
    page, program, *subcommands = sys.argv[1:]
    text = open(page, encoding="utf-8").read()
    lines = text.splitlines()

    macros = [re.match(r"^\.(\S+)", line) for line in lines]
    unknown = sorted({m[1] for m in macros if m and m[1] not in MAN_MACROS and not m[1].startswith('\\"')})
    if unknown:
        fail(f"{page}: macros man(7) does not have: {unknown}")
    sections = [line.split(None, 1)[1].strip('"') for line in lines if line.startswith(".SH ")]
    if not any(line.startswith(".TH ") for line in lines) or sections[:2] != ["NAME", "SYNOPSIS"]:
        fail(f"{page}: wants a .TH line and NAME, SYNOPSIS first; has {sections}")

    # The page's text as a reader sees it: \- is a hyphen.
    plain = text.replace("\\-", "-")
    wanted = {(None, o) for o in long_options(program, [])}
    for sub in subcommands:
        # "export --report x": a command whose options change with an option.
        args = sub.split()
        if not re.search(rf"\b{re.escape(args[0])}\b", plain):
            fail(f"{page} does not describe the command {args[0]}")
        wanted |= {(sub, o) for o in long_options(program, args)}
    missing = sorted(f"{sub or ''} {o}".strip() for sub, o in wanted if not re.search(rf"{re.escape(o)}\b", plain))
    if missing:
        fail(f"{page} lacks what --help lists: {missing}")

    groff = shutil.which("groff")
    if groff:
        out = subprocess.run([groff, "-man", "-ww", "-z", page], capture_output=True, text=True)
        if out.returncode != 0 or out.stderr.strip():
            fail(f"groff warns about {page}:\n{out.stderr}")
        print(f"{page}: renders without warnings")
    else:
        print(f"{page}: groff is not on this system; the rendering check is skipped")
    print(f"{page}: all {len(wanted)} options that {os.path.basename(program)} and its commands list are described")


if __name__ == "__main__":
    main()
