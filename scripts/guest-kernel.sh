#!/bin/sh
# Configure and build the guest kernel in build/obj-guest with the kernel's
# own tools/testing/kunit/kunit.py: the x86_64 QEMU configuration, every
# .kunitconfig the series adds, the upstream drivers/base/test suites and
# config/guest.config.  One kernel serves both "make check"'s KUnit run
# (kunit.py exec) and the devsec guest of "make demo" (KUnit tests are
# built in but run only when kunit.py boots the kernel with kunit.enable=1).
set -eu
. "$(dirname "$0")/lib.sh"

[ -e "$TREE/.git" ] || die "no $TREE; run 'make tree' first"
log=$BUILD/guest-kernel.log
msg "kunit.py build --arch=x86_64 $(guest_kunitconfigs | tr '\n' ' ')"
if ! (cd "$TREE" && python3 tools/testing/kunit/kunit.py build --arch=x86_64 \
		$(guest_kunitconfigs | sed 's/^/--kunitconfig=/') \
		--build_dir="$GUEST_OBJ" --jobs="$JOBS" \
		--make_options CC="$KCC") >"$log" 2>&1; then
	tail -n 40 "$log"
	die "the guest kernel did not configure or build; log: $log"
fi
msg "guest kernel: $GUEST_OBJ/arch/x86/boot/bzImage"
