#!/bin/sh
# scripts/checkpatch.pl --strict on every patch of the series: no error, no
# warning, no check, except the types config/checkpatch-exceptions allows
# for that patch (each with a reason).
set -eu
. "$(dirname "$0")/lib.sh"

# checkpatch runs scripts/spdxcheck.py with the first python3 in PATH; it
# needs python-ply and GitPython, which Debian provides (python3-ply,
# python3-git) for its own /usr/bin/python3.
fail=0 n=0
for p in $(series_patches); do
	n=$((n + 1))
	ignore=$(awk -v p="$p" '$1 == p { printf "%s%s", sep, $2; sep = "," }' \
		"$TOP/config/checkpatch-exceptions")
	if ! out=$(cd "$TREE" && PATH=/usr/bin:$PATH ./scripts/checkpatch.pl --strict --quiet --no-summary \
			--show-types ${ignore:+--ignore "$ignore"} "$TOP/patches/$p" 2>&1) ||
	   [ -n "$out" ]; then
		printf '%s:\n%s\n' "$p" "$out"
		fail=$((fail + 1))
	fi
done
msg "$n patches checked, $fail with findings"
[ "$fail" = 0 ]
