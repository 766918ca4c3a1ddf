#!/bin/sh
# scripts/kernel-doc -none -Wall on every C file and header the series
# touches: no warning that the base does not already have (for a moved
# file, the base's copy under its old name).
set -eu
. "$(dirname "$0")/lib.sh"

# warnings of FILE (contents on stdin), without line numbers
kdoc() {
	tmp=$BUILD/kdoc.tmp.${1##*.}
	cat >"$tmp"
	(cd "$TREE" && scripts/kernel-doc -none -Wall "$tmp" 2>&1) |
		sed -E "s|$tmp|$1|g; s/(\.[ch]):[0-9]+/\1/" | sort -u
	rm -f "$tmp"
}

n=0 fail=0
git -C "$TREE" diff --name-status -M --diff-filter=AMR base HEAD -- '*.c' '*.h' |
while read -r status old new; do
	new=${new:-$old}
	n=$((n + 1))
	after=$(git -C "$TREE" show "HEAD:$new" | kdoc "$new")
	before=
	[ "$status" = A ] || before=$(git -C "$TREE" show "base:$old" | kdoc "$new")
	added=$(printf '%s\n' "$after" | grep -vxF -e "$before" -e '' || true)
	if [ -n "$added" ]; then
		echo "$added"
		fail=$((fail + 1))
	fi
	echo "$n $fail" >"$BUILD/kdoc.count"
done
read -r n fail <"$BUILD/kdoc.count" 2>/dev/null || { n=0 fail=0; }
rm -f "$BUILD/kdoc.count"
msg "$n files checked, $fail with new kernel-doc warnings"
[ "$fail" = 0 ]
