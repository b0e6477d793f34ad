#!/usr/bin/env python3
"""Installs one component of a build into a temporary root and checks it.

    check_install.py BUILD_DIR COMPONENT APP_ID VERSION EXPECTED...

`cmake --install BUILD_DIR --component COMPONENT` runs with a prefix no
system has (/opt/assay-install-test) under DESTDIR=a temporary folder, so
every file the rules install lands in that folder; then:
  - the files installed are exactly EXPECTED (paths under the prefix): none
    missing, none more, none outside the prefix;
  - each hicolor PNG is a PNG of its folder's size;
  - installed programs run from there and print VERSION for --version;
  - the desktop entries and the metainfo name the application id APP_ID,
    their programs are installed ones, and appstreamcli validates the tree.
The temporary folder is removed whatever happens.
"""

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import desktop_values, fail  # noqa: E402

PREFIX = "/opt/assay-install-test"


def installed_files(root):
    found = set()
    for folder, _, files in os.walk(root):
        for name in files:
            found.add(os.path.relpath(os.path.join(folder, name), root))
    return found


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        fail(f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


def main():
    build, component, app_id, version, *expected = sys.argv[1:]
    if not expected:
        fail("no expected files given")
    if os.path.exists(PREFIX):
        fail(f"{PREFIX} exists on this system; the test needs a prefix no system has")
    with tempfile.TemporaryDirectory(prefix="assay-install-") as tmp:
        env = dict(os.environ, DESTDIR=tmp)
        run = subprocess.run(["cmake", "--install", build, "--component", component, "--prefix", PREFIX],
                             env=env, capture_output=True, text=True)
        print(run.stdout, end="")
        if run.returncode != 0:
            fail(f"cmake --install failed:\n{run.stderr}")
        if os.path.exists(PREFIX):
            fail(f"the install wrote to {PREFIX} itself, past DESTDIR")

        found = installed_files(tmp)
        root = os.path.join(tmp, PREFIX.lstrip("/"))
        outside = sorted(p for p in found if not ("/" + p).startswith(PREFIX + "/"))
        if outside:
            fail(f"installed outside the prefix {PREFIX}: {outside}")
        found = {os.path.relpath(os.path.join(tmp, p), root) for p in found}
        missing = sorted(set(expected) - found)
        extra = sorted(found - set(expected))
        if missing or extra:
            fail(f"component {component}: missing {missing}, not expected {extra}")

        for path in expected:
            full = os.path.join(root, path)
            sizes = re.match(r"share/icons/hicolor/(\d+)x(\d+)/apps/", path)
            if sizes:
                want = (int(sizes[1]), int(sizes[2]))
                if png_size(full) != want:
                    fail(f"{path} is {png_size(full)}, not {want}")
            if path.startswith("bin/"):
                if not os.access(full, os.X_OK):
                    fail(f"{path} is not executable")
                out = subprocess.run([full, "--version"], capture_output=True, text=True, timeout=120,
                                     env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
                want = f"{os.path.basename(path)} {version}"
                if out.returncode != 0 or out.stdout.strip() != want:
                    fail(f"installed {path} --version: {out.stdout.strip()!r} (exit {out.returncode}), want {want!r}")
            if path.startswith("share/applications/"):
                name = os.path.basename(path)
                if not name.startswith(app_id + "."):
                    fail(f"{name} is not named after the application id {app_id}")
                entry = desktop_values(full)
                if entry.get("Icon") != app_id:
                    fail(f"{name}: Icon={entry.get('Icon')}, not {app_id}")
                program = entry.get("Exec", "").split()[0]
                if "bin/" + program not in found:
                    fail(f"{name}: Exec runs {program!r}, which this component does not install")
            if path.startswith("share/metainfo/"):
                text = open(full, encoding="utf-8").read()
                if f"<id>{app_id}</id>" not in text:
                    fail(f"{path}: the id is not {app_id}")
                if f'<launchable type="desktop-id">{app_id}.desktop</launchable>' not in text:
                    fail(f"{path}: the launchable is not {app_id}.desktop")
                if f'<release version="{version}"' not in text:
                    fail(f"{path}: no release {version}")
                tool = shutil.which("appstreamcli")
                if tool:
                    check = subprocess.run([tool, "validate-tree", "--no-net", root], capture_output=True, text=True)
                    if check.returncode != 0:
                        fail(f"appstreamcli validate-tree:\n{check.stdout}{check.stderr}")
        print(f"component {component}: {len(expected)} files, all in place under {PREFIX}")


if __name__ == "__main__":
    main()
