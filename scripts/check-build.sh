#!/bin/sh
# Bisectability: every commit of the series builds on its own, with W=1, on
# x86_64 tinyconfig + config/guest.config (everything the series adds): at
# each commit the directories it touches (all the series' directories if it
# changes headers only), and at the last commit that changes a kernel source
# every directory the series touches.  Commits that change no kernel source,
# header or kbuild file (documentation, tools/) are not built.  Fails on a
# build error or on a W=1 warning in a file the series touches.  Directories
# under arch/arm64/ are built for arm64 (aarch64-linux-gnu-gcc, arm64
# tinyconfig + config/arm64.config), other arch/ directories but x86's not
# at all.
set -eu
. "$(dirname "$0")/lib.sh"

# Does commit $1 change a kernel source, header or kbuild file?
builds() {
	git -C "$TREE" diff --name-only "$1^" "$1" |
		grep -v -e '^Documentation/' -e '^tools/' -e '^scripts/' |
		grep -qE '\.[chS]$|(^|/)(Kconfig|Makefile|Kbuild)[^/]*$'
}

# Has no Kconfig file changed since ARCH's build directory was configured
# (at commit $configured_ARCH)?  Then its .config still holds: configuring
# takes longer than most of these builds.
config_holds() { # ARCH COMMIT
	eval "prev=\${configured_$1:-}"
	[ -n "$prev" ] && git -C "$TREE" diff --quiet "$prev" "$2" -- '*Kconfig*'
}

dirs=$(series_dirs)
touched=$(git -C "$TREE" diff --name-only base HEAD)
last=
for c in $(git -C "$TREE" rev-list base..HEAD); do
	builds "$c" && { last=$c; break; }
done
n=0 fail=0
for c in $(git -C "$TREE" rev-list --reverse base..HEAD); do
	n=$((n + 1))
	subject=$(git -C "$TREE" log -1 --format=%s "$c")
	if ! builds "$c"; then
		msg "patch $n ($subject): no kernel source change, nothing to build"
		continue
	fi
	bisect_checkout "$c"
	mine=$(series_dirs "$c^" "$c")
	[ -n "$mine" ] && [ "$c" != "$last" ] || mine=$dirs
	log=$BUILD/check-build.$n.log
	: >"$log"
	built= failed=
	for arch in x86_64 arm64; do
		here=
		for d in $mine; do
			[ "$(dir_arch "$d")" = "$arch" ] || continue
			[ -f "$BISECT/$d/Makefile" ] || [ -f "$BISECT/$d/Kbuild" ] && here="$here $d"
		done
		[ -n "$here" ] || continue
		obj=$BISECT_OBJ
		[ "$arch" = x86_64 ] || obj=$BISECT_OBJ-$arch
		cross=$(cross_compile "$arch")
		if ! config_holds "$arch" "$c"; then
			KCONFIG_ARCH=$arch "$TOP/scripts/kconfig.sh" "$BISECT" "$obj" >/dev/null
			eval "configured_$arch=$c"
		fi
		make -s -C "$BISECT" O="$obj" ARCH="$arch" CROSS_COMPILE="$cross" \
			CC="${KCC%gcc}${cross}gcc" W=1 -j"$JOBS" $here >>"$log" 2>&1 ||
			failed="$failed $arch"
		built="$built$here"
	done
	if [ -n "$failed" ]; then
		msg "patch $n ($subject): build FAILED ($failed)"
		tail -n 30 "$log"
		fail=$((fail + 1))
		continue
	fi
	here=$built
	warnings=$(grep -E '(warning|error):' "$log" | while IFS= read -r l; do
		f=${l%%:*}
		f=${f#"$BISECT/"}
		f=${f#../bisect/}
		echo "$touched" | grep -qxF "$f" && echo "$l"
	done || true)
	if [ -n "$warnings" ]; then
		msg "patch $n ($subject): W=1 warnings in files the series touches:"
		echo "$warnings"
		fail=$((fail + 1))
	else
		msg "patch $n ($subject): builds (${here:- nothing to build})"
	fi
done
msg "$n commits built, $fail failed"
[ "$fail" = 0 ]
