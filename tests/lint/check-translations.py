#!/usr/bin/env python3
"""Fails when translations/assay_en.ts is not what `update_translations`
(lupdate) and fill-english-plurals.py would make of the sources now.

The .ts is committed and kept by hand-run tools; without this check a new or
changed tr() text would reach main without its catalogue entry, and its
plural forms would show "(s)".

Usage: check-translations.py LUPDATE GENERATE_SCRIPT PROJECT_CMAKE TS_FILE
  LUPDATE         the lupdate executable
  GENERATE_SCRIPT Qt's GenerateLUpdateProject.cmake
  PROJECT_CMAKE   the build's .lupdate/<project>_lupdate_project.cmake
  TS_FILE         the committed catalogue
"""
import difflib
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    lupdate, generate, project_cmake, ts_file = sys.argv[1:]
    ts = pathlib.Path(ts_file)
    filler = ts.with_name("fill-english-plurals.py")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        project_json = tmp / "project.json"
        subprocess.run(["cmake", f"-DIN_FILE={project_cmake}", f"-DOUT_FILE={project_json}", "-P", generate],
                       check=True, cwd=tmp)
        fresh = tmp / ts.name
        shutil.copyfile(ts, fresh)
        # The same project, its catalogue the copy.
        project = json.loads(project_json.read_text(encoding="utf-8"))

        def retarget(node):
            if isinstance(node, dict):
                if node.get("translations"):
                    node["translations"] = [str(fresh)]
                for value in node.values():
                    retarget(value)
            elif isinstance(node, list):
                for value in node:
                    retarget(value)

        retarget(project)
        project_json.write_text(json.dumps(project), encoding="utf-8")
        subprocess.run([lupdate, "-silent", "-project", str(project_json), "-no-obsolete", "-locations", "none"],
                       check=True, cwd=tmp)
        subprocess.run([sys.executable, str(filler), str(fresh)], check=True, cwd=tmp)
        want = fresh.read_text(encoding="utf-8").splitlines(keepends=True)
        have = ts.read_text(encoding="utf-8").splitlines(keepends=True)
        if want == have:
            print(f"{ts.name} is current")
            return 0
        sys.stdout.writelines(difflib.unified_diff(have, want, str(ts), "what lupdate makes now", n=2))
        print(f"\n{ts} is not current: run `./dev build update_translations` and "
              f"`python3 translations/fill-english-plurals.py`, check the plural forms, and commit it.")
        return 1


if __name__ == "__main__":
    sys.exit(main())
