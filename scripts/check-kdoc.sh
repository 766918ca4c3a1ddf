#!/bin/sh
# scripts/kernel-doc -none -Wall on every C file and header the series
# touches: no warning that the base does not already have.
set -eu
. "$(dirname "$0")/lib.sh"

files=$(git -C "$TREE" diff --name-only --diff-filter=AMR base HEAD -- '*.c' '*.h')
n=0 fail=0
for f in $files; do
	n=$((n + 1))
	new=$(cd "$TREE" && scripts/kernel-doc -none -Wall "$f" 2>&1 |
		sed -E 's/:[0-9]+:/:/' | sort -u)
	old=$(cd "$TREE" && git show "base:$f" 2>/dev/null >"$BUILD/kdoc.tmp.${f##*.}" &&
		scripts/kernel-doc -none -Wall "$BUILD/kdoc.tmp.${f##*.}" 2>&1 |
		sed -E "s|$BUILD/kdoc.tmp.${f##*.}|$f|; s/:[0-9]+:/:/" | sort -u || true)
	added=$(printf '%s\n' "$new" | grep -vxF -e "$old" -e '' || true)
	[ -n "$old" ] || added=$new
	if [ -n "$added" ]; then
		echo "$added"
		fail=$((fail + 1))
	fi
done
rm -f "$BUILD"/kdoc.tmp.*
msg "$n files checked, $fail with new kernel-doc warnings"
[ "$fail" = 0 ]
