#!/bin/sh
# elf-kind.sh FILE — what file(1) would say of FILE, as far as CPackDeb reads
# it to pick the programs it hands to dpkg-shlibdeps ("ELF ... dynamically
# linked", "shared object"). Used by packaging/Deb.cmake only where file(1)
# is missing (the build root has binutils' readelf but not file).
f=$1
if ! LC_ALL=C readelf -h "$f" >/dev/null 2>&1; then
    echo "$f: data"
    exit 0
fi
kind=executable
LC_ALL=C readelf -h "$f" | grep -q 'Type:.*DYN' && ! LC_ALL=C readelf -l "$f" | grep -q 'Requesting program interpreter' && kind="shared object"
linked="statically linked"
LC_ALL=C readelf -d "$f" 2>/dev/null | grep -q '(NEEDED)' && linked="dynamically linked"
echo "$f: ELF $kind, $linked"
