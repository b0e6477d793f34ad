#!/bin/sh
# Runs a test with a real Secret Service keychain: a private D-Bus session
# (dbus-run-session) with gnome-keyring on it, its "login" keyring unlocked
# with a throwaway password. HOME is the test's own folder (set by ctest), so
# the keyring files land there and are started afresh every run.
set -eu
[ -n "${HOME:-}" ] || { echo "with-keychain.sh: HOME is not set" >&2; exit 1; }
rm -rf "$HOME/.local/share/keyrings"
mkdir -p "$HOME"
XDG_RUNTIME_DIR=$(mktemp -d)
export XDG_RUNTIME_DIR
trap 'rm -rf "$XDG_RUNTIME_DIR"' EXIT
export ASSAY_EXPECT_KEYCHAIN=1
dbus-run-session -- sh -c '
    printf "test-only" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' sh "$@"
