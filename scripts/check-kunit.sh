#!/bin/sh
# KUnit under QEMU (x86_64): the guest kernel (scripts/guest-kernel.sh, with
# every .kunitconfig the series adds plus the upstream drivers/base/test
# suites) booted by kunit.py exec; every test must pass and at least one
# must have run.  KUNIT_TIMEOUT: seconds the run may take (default 600).
set -eu
. "$(dirname "$0")/lib.sh"

"$TOP/scripts/guest-kernel.sh"
log=$BUILD/kunit.log
msg "kunit.py exec --arch=x86_64"
set +e
(cd "$TREE" && without_kvm python3 tools/testing/kunit/kunit.py exec --arch=x86_64 \
	--build_dir="$GUEST_OBJ" --timeout="${KUNIT_TIMEOUT:-600}") >"$log" 2>&1
rc=$?
set -e
# The parsed results, without the boot chatter.
sed -n '/^\[[0-9:]*\] =* .* ([0-9]* subtests*) =*$/,$p' "$log" | sed 's/^\[[0-9:]*\] //'
total=$(sed -n 's/.*Testing complete\. Ran \([0-9]*\) tests.*/\1/p' "$log" | tail -n1)
if [ "$rc" != 0 ] || [ -z "$total" ] || [ "$total" = 0 ]; then
	tail -n 40 "$log"
	die "KUnit failed (kunit.py status $rc, ${total:-no} tests ran); log: $log"
fi
# The tests passing is not enough: the kernel must not have complained.
reports=$(kernel_reports "$GUEST_OBJ/test.log")
if [ -n "$reports" ]; then
	echo "$reports" | head -n 40 >&2
	die "the kernel reported problems while the tests ran; log: $GUEST_OBJ/test.log"
fi
msg "$total KUnit tests passed; log: $log"
