#!/bin/sh
# sparse (C=2) on the directories the series' C code lives in, at the base
# and at the tip: fails on any warning the base does not already have
# (compared without line numbers, so moved code is not "new").  x86_64
# only: other architectures' directories are left out.
set -eu
. "$(dirname "$0")/lib.sh"
command -v sparse >/dev/null || die "needs sparse (Debian: sparse)"

dirs=$(series_dirs)
if [ -z "$dirs" ]; then
	msg "the series has no C code yet: nothing to check"
	exit 0
fi

run_sparse() { # COMMIT OUTPUT
	bisect_checkout "$1"
	"$TOP/scripts/kconfig.sh" "$BISECT" "$BISECT_OBJ" >/dev/null
	here=
	for d in $dirs; do
		[ "$(dir_arch "$d")" = x86_64 ] || continue
		[ -f "$BISECT/$d/Makefile" ] || [ -f "$BISECT/$d/Kbuild" ] && here="$here $d"
	done
	[ -n "$here" ] || { : >"$2"; return; }
	make -C "$BISECT" O="$BISECT_OBJ" ARCH=x86_64 CC="$KCC" C=2 -j"$JOBS" \
		$here >"$2.log" 2>&1 || { tail -n 30 "$2.log"; die "build with sparse failed"; }
	grep -E ': (warning|error):' "$2.log" |
		sed -E 's|^(\.\./bisect/)?||; s|^([^:]*):[0-9]+:[0-9]+:|\1:|' | sort -u >"$2"
}

run_sparse base "$BUILD/sparse.base"
run_sparse HEAD "$BUILD/sparse.series"
new=$(comm -13 "$BUILD/sparse.base" "$BUILD/sparse.series")
if [ -n "$new" ]; then
	msg "new sparse warnings:"
	echo "$new"
	exit 1
fi
msg "no new sparse warnings in:" $dirs
