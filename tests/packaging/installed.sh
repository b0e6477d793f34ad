#!/bin/bash
# The clean-root install test (label packaging-install), inside a throw-away
# copy of the pristine Debian 13 runtime root that ./dev install_test makes:
#   installed.sh VERSION
# with the .deb files in /debs and tests/data in /data (read-only), its own
# /tmp, and the host's mirror in the root's apt sources. It installs both
# packages with apt (only their Depends: --no-install-recommends proves those
# are enough): assay alone first, which runs and whose --demo must name the
# missing assay-marketplace package, then the server's, with which it syncs;
# then it purges both and checks that nothing of theirs is left. Any failed
# step ends it non-zero, saying which.
set -euo pipefail
version=$1
step() { printf 'packaging-install: [%3d s] %s\n' "$SECONDS" "$*" >&2; }
fail() { printf 'packaging-install: FAIL: %s\n' "$*" >&2; exit 1; }

# apt fetches as the _apt user, into /tmp among other places.
chmod 1777 /tmp
apt-get update -qq --error-on=any || fail "apt-get update failed (is the mirror reachable?)"
# --force-unsafe-io: no fsync per file in a root that is thrown away after.
apt_install() {
    step "apt-get install $*"
    apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-unsafe-io "$@" >/tmp/apt.log 2>&1 ||
        { tail -n 30 /tmp/apt.log >&2; fail "apt-get install $* failed"; }
}

# assay alone first: a reviewer's machine, without the reference server.
apt_install /debs/assay_*.deb
dpkg -L assay >/tmp/assay.files || fail "dpkg does not know assay after installing it"
command -v assay >/dev/null || fail "assay is not on PATH"

step "assay --version"
out=$(assay --version) || fail "assay --version exited $?"
[ "$out" = "assay $version" ] || fail "assay --version said '$out', not 'assay $version'"

# As root, Chromium (HTML evidence) starts only without its sandbox.
export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1
step "assay view /data/highlight/sample.py --screenshot"
timeout 120 assay view /data/highlight/sample.py --screenshot /tmp/view.png 2>/tmp/view.log ||
    { cat /tmp/view.log >&2; fail "assay view exited non-zero"; }
[ "$(head -c 8 /tmp/view.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "assay view wrote no PNG"
[ "$(stat -c %s /tmp/view.png)" -gt 1000 ] || fail "assay view's PNG is nearly empty"

# HTML evidence runs Chromium's QtWebEngineProcess, which no library links:
# without the package that carries it, QtWebEngine ends the program.
step "assay view /data/hostile/benign-report.html --screenshot"
timeout 120 assay view /data/hostile/benign-report.html --screenshot /tmp/html.png 2>/tmp/html.log ||
    { cat /tmp/html.log >&2; fail "assay view of HTML evidence exited non-zero"; }
[ "$(head -c 8 /tmp/html.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "assay view of HTML evidence wrote no PNG"

# The cache (SQLite, through Qt's QSQLITE driver plugin) of a new profile.
step "assay export --profile (a new, empty cache)"
assay export --profile /tmp/empty >/tmp/export.json 2>/tmp/export.log ||
    { cat /tmp/export.log >&2; fail "assay export on a new profile exited non-zero"; }
grep -q '"submissions"' /tmp/export.json || fail "assay export wrote no cache export"

# Without the server's package, the demo says which package it needs.
step "assay --demo without assay-marketplace"
rc=0
timeout 60 assay --demo 2>/tmp/demo.log || rc=$?
[ "$rc" -ne 0 ] && [ "$rc" -lt 124 ] || { cat /tmp/demo.log >&2; fail "assay --demo without the server exited $rc"; }
grep -q "install the package assay-marketplace" /tmp/demo.log ||
    { cat /tmp/demo.log >&2; fail "assay --demo without the server does not name the package to install"; }

apt_install /debs/assay-marketplace_*.deb
dpkg -L assay-marketplace >/tmp/assay-marketplace.files || fail "dpkg does not know assay-marketplace after installing it"
[ "$(dirname "$(command -v assay)")" = "$(dirname "$(command -v assay-marketplace)")" ] ||
    fail "assay and assay-marketplace are not in the same bindir"
out=$(assay-marketplace --version) || fail "assay-marketplace --version exited $?"
[ "$out" = "assay-marketplace $version" ] || fail "assay-marketplace --version said '$out'"

step "assay sync against assay-marketplace"
mkdir -p /tmp/server /tmp/profile
# --exit-with-parent: the server ends with this script, however it ends.
coproc SERVER { exec assay-marketplace --listen 127.0.0.1:0 --db /tmp/server/store.db --seed 20 \
    --print-tokens --exit-with-parent 2>/tmp/server.log; }
url="" token=""
while IFS= read -r -t 120 line <&"${SERVER[0]}"; do
    case "$line" in
        "listening on "*) url=${line#listening on } ;;
        "token "*" reviewer "*) token=${line##* }; break ;;
    esac
done
[ -n "$url" ] || { cat /tmp/server.log >&2; fail "assay-marketplace did not say where it listens"; }
[ -n "$token" ] || fail "assay-marketplace printed no reviewer's token"
summary=$(ASSAY_TOKEN=$token timeout 300 assay sync --server "$url" --profile /tmp/profile 2>/tmp/sync.log) ||
    { tail -n 20 /tmp/sync.log >&2; fail "assay sync exited non-zero"; }
step "assay sync: $summary"
[ -s /tmp/profile/cache.sqlite ] ||
    fail "assay sync left no cache in the profile"
kill "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true

step "apt-get purge assay assay-marketplace"
apt-get purge -y -qq assay assay-marketplace >/tmp/purge.log 2>&1 ||
    { cat /tmp/purge.log >&2; fail "apt-get purge failed"; }
for p in assay assay-marketplace; do
    if dpkg -s "$p" >/dev/null 2>&1; then fail "dpkg still lists $p after purging it"; fi
    left=0
    while IFS= read -r f; do
        # Folders such as /usr/share/icons are shared with other packages.
        if [ -e "$f" ] && [ ! -d "$f" ]; then printf '  left behind: %s\n' "$f" >&2; left=1; fi
    done <"/tmp/$p.files"
    [ "$left" = 0 ] || fail "files of $p are left after purging it"
done
shopt -s nullglob
leftovers=(/usr/bin/assay* /usr/share/applications/io.github.assay.* /usr/share/metainfo/io.github.assay.*
    /usr/share/icons/hicolor/*/apps/io.github.assay.* /usr/share/man/man1/assay* /usr/share/doc/assay*)
[ ${#leftovers[@]} -eq 0 ] || fail "left after the purge: ${leftovers[*]}"
# The archive of downloaded .deb files outlives this copy: drop those the
# mirror no longer has, so that it does not grow with every point release.
apt-get autoclean -qq >/dev/null 2>&1 || step "apt-get autoclean failed (the archive cache is only a cache)"
step "installed, ran and purged without a trace"
