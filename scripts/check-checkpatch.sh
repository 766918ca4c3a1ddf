#!/bin/sh
# scripts/checkpatch.pl --strict on every patch of the series: no error, no
# warning, no check, except the types config/checkpatch-exceptions allows
# for that patch (each with a reason).
set -eu
. "$(dirname "$0")/lib.sh"

# checkpatch runs scripts/spdxcheck.py with the first python3 in PATH; it
# needs python-ply and GitPython, which Debian provides (python3-ply,
# python3-git) for its own /usr/bin/python3.
check_one() { # PATCH: its findings, and non-zero if it has any
	ignore=$(awk -v p="$1" '$1 == p { printf "%s%s", sep, $2; sep = "," }' \
		"$TOP/config/checkpatch-exceptions")
	if ! out=$(cd "$TREE" && PATH=/usr/bin:$PATH ./scripts/checkpatch.pl --strict --quiet --no-summary \
			--show-types ${ignore:+--ignore "$ignore"} "$TOP/patches/$1" 2>&1) ||
	   [ -n "$out" ]; then
		printf '%s:\n%s\n' "$1" "$out"
		return 1
	fi
}

# one checkpatch.pl per CPU: each is single threaded
patches=$(series_patches)
each_parallel check_one $patches
msg "$(echo "$patches" | wc -w) patches checked, $par_failed with findings"
[ "$par_failed" = 0 ]
