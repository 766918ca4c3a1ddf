#!/bin/sh
# The tests pass at every patch that touches them: for each commit of the
# series that changes a KUnit suite (its fakes or a .kunitconfig), the
# sample or tools/testing/devsec, the light guest kernel is built at that
# commit (build/series/, incremental from the previous one) and
# - KUnit runs (scripts/check-kunit.sh) where the commit changes a suite;
# - devsec.sh test runs (scripts/demo.sh) where it changes the sample or
#   tools/testing/devsec.
# Options of config/guest.config that a commit does not have yet are left
# out of its kernel.  SERIES_FROM=N starts at patch N, SERIES_ONLY="N M"
# runs those patches' tests only; SERIES_FORCE=1 runs KUnit and devsec.sh
# at each patch selected even where it changes neither (a patch that changes
# what they exercise only).  Ends with
# "N passed, N failed", one result per test run.
set -u
. "$(dirname "$0")/lib.sh"

SERIES=$BUILD/series
from=${SERIES_FROM:-1}
top=$TREE

# kunit_touched COMMIT: does COMMIT change what KUnit runs?  devsec_touched
# COMMIT: what devsec.sh runs (once there is a devsec.sh)?
kunit_touched() {
	git -C "$top" diff --name-only "$1^" "$1" | grep -qE \
		-e '^drivers/base/test/' -e '(^|/)\.kunitconfig$' \
		-e '^drivers/pci/tsm/(.*-test\.c|test-fake\.[ch])$'
}
devsec_touched() {
	git -C "$top" cat-file -e "$1:tools/testing/devsec/devsec.sh" 2>/dev/null &&
	git -C "$top" diff --name-only "$1^" "$1" | grep -qE \
		-e '^samples/devsec/' -e '^tools/testing/devsec/'
}

result() { # PASS|FAIL WHAT
	if [ "$1" = PASS ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failures="$failures $2"
	fi
	msg "$1: $2"
}

mkdir -p "$SERIES"
if [ ! -e "$SERIES/linux/.git" ]; then
	rm -rf "$SERIES/linux"
	git -C "$top" worktree prune
	git -C "$top" worktree add -q --detach "$SERIES/linux" HEAD
fi

passed=0 failed=0 failures= n=0
for c in $(git -C "$top" rev-list --reverse base..HEAD); do
	n=$((n + 1))
	[ "$n" -ge "$from" ] || continue
	case " ${SERIES_ONLY:-$n} " in *" $n "*) ;; *) continue ;; esac
	k= d=
	kunit_touched "$c" && k=1
	devsec_touched "$c" && d=1
	if [ -n "${SERIES_FORCE:-}" ]; then
		k=1
		git -C "$top" cat-file -e "$c:tools/testing/devsec/devsec.sh" 2>/dev/null && d=1
	fi
	[ -n "$k$d" ] || continue
	git -C "$SERIES/linux" checkout -q -f --detach "$c"
	guest_fragment "$c" >"$SERIES/guest.config"
	log=$SERIES/patch-$n.log
	msg "patch $n ($(git -C "$top" log -1 --format=%s "$c"))"
	export BUILD="$SERIES" GUEST_CONFIG="$SERIES/guest.config" DEVSEC_DEBUG=0
	if [ -n "$k" ]; then
		if "$TOP/scripts/check-kunit.sh" >"$log" 2>&1; then
			result PASS "KUnit@$n"
		else
			tail -n 20 "$log"
			result FAIL "KUnit@$n"
		fi
	fi
	if [ -n "$d" ]; then
		if DEMO_ARGS=test "$TOP/scripts/demo.sh" >>"$log" 2>&1; then
			result PASS "devsec.sh@$n"
		else
			grep -E '^not ok|passed, ' "$log" | tail -n 20
			result FAIL "devsec.sh@$n"
		fi
	fi
	BUILD=$TOP/build
done

msg "logs: $SERIES/patch-N.log${failures:+; failed:$failures}"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
