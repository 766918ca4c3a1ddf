#!/bin/sh
# The series applies with "git am" on the pinned base and, when LINUX_SRC is
# set, on that base too (build/linux's base).  On the pinned base it also
# makes the trip a posting makes: "git send-email" (to a stand-in for
# sendmail: nothing leaves the machine) adds the Message-Ids and threading a
# mailing list archive gets, and "b4 am" must turn that thread back into an
# mbox of the same patches (patch-ids) in the same order.  Uses a scratch
# tree under build/; build/linux is not touched.
set -eu
. "$(dirname "$0")/lib.sh"

# mail_round_trip SCRATCH: SCRATCH has the series applied
mail_round_trip() {
	mail=$BUILD/apply-mail
	rm -rf "$mail"
	mkdir -p "$mail/b4"
	# an mboxrd, as mailing list archives serve them
	cat >"$mail/sendmail" <<-'EOF'
	#!/bin/sh
	{ echo "From devsec Thu Jan  1 00:00:00 2026"
	  sed 's/^>*From />&/'
	  echo; } >>"${0%/*}/sent.mbox"
	EOF
	chmod +x "$mail/sendmail"
	# shellcheck disable=SC2046
	git -C "$1" send-email --smtp-server="$mail/sendmail" \
		--from="$SERIES_IDENTITY" --to="devsec-check@example.org" \
		--suppress-cc=all --confirm=never --quiet --no-validate \
		"$TOP/patches/0000-cover-letter.patch" \
		$(series_patches | sed "s|^|$TOP/patches/|") >"$mail/send.log" 2>&1 ||
		{ cat "$mail/send.log"; die "git send-email failed"; }
	[ "$(grep -c '^From devsec ' "$mail/sent.mbox" 2>/dev/null)" = \
	  "$(($(series_patches | wc -l) + 1))" ] ||
		{ cat "$mail/send.log"; die "git send-email did not send every patch"; }
	(cd "$1" && b4 -n --offline-mode am -m - -o "$mail/b4") \
		<"$mail/sent.mbox" >"$mail/b4.log" 2>&1 ||
		{ cat "$mail/b4.log"; die "b4 am failed on the sent series"; }
	# the same changes, in the same order, as patches/ (whose "git am" is
	# checked above)
	cat "$mail"/b4/*.mbx | git patch-id --stable | awk '{ print $1 }' >"$mail/b4.ids"
	patches_ids >"$mail/patches.ids"
	cmp -s "$mail/b4.ids" "$mail/patches.ids" ||
		{ cat "$mail/b4.log"; die "b4's mbox has other patches than patches/"; }
	msg "sent with git send-email, b4 am: the same $(wc -l <"$mail/b4.ids") patches"
	rm -rf "$mail"
}

apply_on() { # REPO [mail]
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
	[ -z "${2:-}" ] || mail_round_trip "$scratch"
	rm -rf "$scratch"
}

apply_on "$(LINUX_SRC= "$TOP/scripts/fetch-base.sh")" mail
if [ -n "${LINUX_SRC:-}" ]; then
	apply_on "$TREE/.git"
fi
