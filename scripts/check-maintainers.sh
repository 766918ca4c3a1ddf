#!/bin/sh
# MAINTAINERS and the series: scripts/get_maintainer.pl --self-test=patterns
# finds no pattern of the series' entries that matches nothing, every file
# the series adds has a maintainer (not only THE REST), and each patch gets
# at least one maintainer and one list, which are printed: the To/Cc of
# "git send-email".
set -eu
. "$(dirname "$0")/lib.sh"

gm() { (cd "$TREE" && scripts/get_maintainer.pl --nogit --nogit-fallback \
	--norolestats "$@"); }
fail=0

# F:/X: patterns the series adds
added=$(git -C "$TREE" diff base HEAD -- MAINTAINERS | sed -n 's/^+[FX]:[[:space:]]*//p')
selftest=$(gm --self-test=patterns 2>&1 || true)
for p in $added; do
	if echo "$selftest" | grep -F -- "$p" | grep -q .; then
		echo "$selftest" | grep -F -- "$p"
		fail=1
	fi
done
msg "self-test=patterns: $(echo "$added" | grep -c .) patterns the series adds checked"

# one get_maintainer.pl per CPU: each is single threaded
file_maintained() { # FILE
	people=$(gm --nol -f "$1" 2>/dev/null || true)
	# THE REST's maintainer is named only when nobody else is
	if [ -z "$people" ] || echo "$people" | grep -q 'torvalds@'; then
		msg "no maintainer for $1"
		return 1
	fi
}
each_parallel file_maintained $(git -C "$TREE" diff --name-only --diff-filter=AR base HEAD)
[ "$par_failed" = 0 ] || fail=1

# A patch whose files have no MAINTAINERS entry (kernel/resource.c) names
# its maintainer in a Cc: trailer, which git send-email adds to the mail.
patch_recipients() { # PATCH
	people=$(gm --nol "$TOP/patches/$1" 2>/dev/null | tr '\n' ' ')
	lists=$(gm --nom "$TOP/patches/$1" 2>/dev/null | tr '\n' ' ')
	[ -n "$people" ] || people=$(sed -n '/^---$/q; s/^Cc: \(.*@.*\)/\1 (Cc: trailer)/p' \
		"$TOP/patches/$1" | tr '\n' ' ')
	printf '%s\n  to: %s\n  cc: %s\n' "$1" "${people:-NOBODY}" "${lists:-NO LIST}"
	[ -n "$people" ] && [ -n "$lists" ]
}
each_parallel patch_recipients $(series_patches)
[ "$par_failed" = 0 ] || fail=1
[ "$fail" = 0 ]
