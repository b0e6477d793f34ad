"""What the packaging checks share: how they fail, how they read a desktop
entry, and how they ask a built program for its --help."""
import os
import subprocess
import sys


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def desktop_values(path):
    """A desktop entry's keys and values (comments skipped)."""
    values = {}
    for line in open(path, encoding="utf-8"):
        if "=" in line and not line.startswith("#"):
            key, value = line.rstrip("\n").split("=", 1)
            values[key] = value
    return values


def help_text(program, args):
    """What `program ARGS --help` prints (offscreen: no display needed)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([program, *args, "--help"], capture_output=True, text=True, timeout=120, env=env)
    if out.returncode != 0:
        fail(f"{program} {' '.join(args)} --help exited {out.returncode}: {out.stderr}")
    return out.stdout
