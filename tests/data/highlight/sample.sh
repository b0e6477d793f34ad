#!/bin/sh
# A small shell sample for the highlighting reference.
set -eu

ROOT=${1:-/tmp/assay}
COUNT=0

greet() {
    local name="$1"
    echo "hello, ${name}"
}

for f in "$ROOT"/*.log; do
    if [ -s "$f" ]; then
        COUNT=$((COUNT + 1))
        greet "$(basename "$f")"
    fi
done

case "$COUNT" in
    0) echo 'none' ;;
    *) echo "$COUNT files" >&2 ;;
esac
exit 0
