#!/bin/sh
# Build the base kernel, without the series, for "make bench" to compare
# against: a worktree of the tree's base commit in build/lbase, built
# in build/obj-base by kunit.py like the guest kernel (scripts/guest-kernel.sh)
# from config/guest.config without the options the series adds.
set -eu
. "$(dirname "$0")/lib.sh"

[ -d "$TREE/.git" ] || die "no $TREE; run 'make tree' first"
# the worktree of "make size"
src=$BUILD/lbase
obj=$BUILD/obj-base
if [ ! -e "$src/.git" ]; then
	git -C "$TREE" worktree prune
	git -C "$TREE" worktree add -q --detach "$src" base
fi
mkdir -p "$obj"
grep -v -e CONFIDENTIAL_DEVICES -e _KUNIT_TEST -e SAMPLE_DEVSEC \
	"$TOP/config/guest.config" >"$obj/base.config"
log=$BUILD/base-kernel.log
msg "kunit.py build --arch=x86_64 in $src"
if ! (cd "$src" && python3 tools/testing/kunit/kunit.py build --arch=x86_64 \
		--kunitconfig="$obj/base.config" --build_dir="$obj" --jobs="$JOBS" \
		--make_options CC="$KCC") >"$log" 2>&1; then
	tail -n 40 "$log"
	die "the base kernel did not configure or build; log: $log"
fi
msg "base kernel: $obj/arch/x86/boot/bzImage"
