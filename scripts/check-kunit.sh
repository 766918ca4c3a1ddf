#!/bin/sh
# KUnit under QEMU (x86_64): one kernel with every .kunitconfig the series
# adds plus the upstream drivers/base/test suites, all tests must pass and
# at least one must have run.
set -eu
. "$(dirname "$0")/lib.sh"

configs=$( (echo drivers/base/test
	git -C "$TREE" diff --name-only --diff-filter=AMR base HEAD |
		sed -n 's|/\.kunitconfig$||p') | sort -u)
args=
for c in $configs; do
	args="$args --kunitconfig=$c"
done
log=$BUILD/kunit.log
msg "kunit.py run --arch=x86_64$args"
set +e
(cd "$TREE" && python3 tools/testing/kunit/kunit.py run --arch=x86_64 $args \
	--build_dir="$BUILD/obj-kunit" --jobs="$JOBS" --timeout=600 \
	--make_options CC="$KCC") >"$log" 2>&1
rc=$?
set -e
# The parsed results, without the build chatter.
sed -n '/^\[[0-9:]*\] =* .* ([0-9]* subtests*) =*$/,$p' "$log" | sed 's/^\[[0-9:]*\] //'
total=$(sed -n 's/.*Testing complete\. Ran \([0-9]*\) tests.*/\1/p' "$log" | tail -n1)
if [ "$rc" != 0 ] || [ -z "$total" ] || [ "$total" = 0 ]; then
	tail -n 40 "$log"
	die "KUnit failed (kunit.py status $rc, ${total:-no} tests ran); log: $log"
fi
msg "$total KUnit tests passed; log: $log"
