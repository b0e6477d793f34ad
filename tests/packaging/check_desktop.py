#!/usr/bin/env python3
"""Checks Assay's desktop entries.

    check_desktop.py MAIN.desktop VIEW.desktop

desktop-file-validate finds no error and no warning in either (its hints,
such as that Security could be paired with System, are printed, not failed);
the view entry (assay view %f) is hidden from menus and, like the main entry,
claims no MIME type: evidence is partner content of every kind, and only a
broad claim would cover it.
"""

import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import desktop_values, fail  # noqa: E402


def main():
    main_entry, view_entry = sys.argv[1:]
    tool = shutil.which("desktop-file-validate")
    if not tool:
        fail("desktop-file-validate is not installed (desktop-file-utils)")
    for path in (main_entry, view_entry):
        out = subprocess.run([tool, path], capture_output=True, text=True)
        report = out.stdout + out.stderr
        print(report, end="")
        if out.returncode != 0 or ": error:" in report or ": warning:" in report:
            fail(f"desktop-file-validate finds fault with {path}")
        if "MimeType" in desktop_values(path):
            fail(f"{path} claims MIME types: {desktop_values(path)['MimeType']}")
    view = desktop_values(view_entry)
    if view.get("NoDisplay") != "true":
        fail(f"{view_entry} is not NoDisplay=true")
    if view.get("Exec") != "assay view %f":
        fail(f"{view_entry} runs {view.get('Exec')!r}, not 'assay view %f'")
    if desktop_values(main_entry).get("NoDisplay", "false") != "false":
        fail(f"{main_entry} is hidden from menus")
    print("desktop entries: valid, no MIME types claimed")


if __name__ == "__main__":
    main()
