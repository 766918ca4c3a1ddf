#!/bin/sh
# The series applies with "git am" on the pinned base and, when LINUX_SRC is
# set, on that base too (build/linux's base).  Uses a scratch tree under
# build/; build/linux is not touched.
set -eu
. "$(dirname "$0")/lib.sh"

apply_on() { # REPO
	scratch=$BUILD/apply-check
	rm -rf "$scratch"
	git clone -q --shared --no-checkout "$1" "$scratch"
	git -C "$scratch" fetch -q origin "+refs/tags/base:refs/tags/base"
	git -C "$scratch" checkout -q --detach base
	n=0
	for p in $(series_patches); do
		n=$((n + 1))
		if ! GIT_COMMITTER_NAME=$SERIES_NAME GIT_COMMITTER_EMAIL=$SERIES_EMAIL \
		     git -C "$scratch" am -q "$TOP/patches/$p"; then
			rm -rf "$scratch"
			die "patch $n ($p) does not apply on $(git --git-dir="$1" config devsec.base)"
		fi
	done
	msg "$n patches apply on $(git --git-dir="$1" config devsec.base)"
	rm -rf "$scratch"
}

apply_on "$(LINUX_SRC= "$TOP/scripts/fetch-base.sh")"
if [ -n "${LINUX_SRC:-}" ]; then
	apply_on "$TREE/.git"
fi
