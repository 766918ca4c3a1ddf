#!/bin/sh
# make mails: the series as mails to send, in build/mails/, with every
# patch's From:, Signed-off-by: and the series' MAINTAINERS entries in the
# identity of config/identity (or SERIES_IDENTITY).  Refuses the placeholder
# identity that the repository keeps for CI: mails are signed off by a
# person.  Send them with git send-email (see README.md, "Sending it").
set -eu
. "$(dirname "$0")/lib.sh"

case $SERIES_EMAIL in
*@example.org | *@example.com | *@example.net | *@invalid | *.invalid | "")
	die "config/identity is the placeholder ($SERIES_IDENTITY): put your name and address there, or set SERIES_IDENTITY" ;;
esac
case $SERIES_EMAIL in
*@*.*) ;;
*) die "SERIES_IDENTITY: '$SERIES_IDENTITY' is not 'Name <address>'" ;;
esac

out=$BUILD/mails
EXPORT_MAILS=$out "$TOP/scripts/export.sh"
for p in "$out"/*.patch; do
	grep -q "^From: $SERIES_IDENTITY\$" "$p" || die "${p##*/}: From: is not $SERIES_IDENTITY"
	case ${p##*/} in 0000-*) continue ;; esac
	grep -q "^Signed-off-by: $SERIES_IDENTITY\$" "$p" ||
		die "${p##*/}: no Signed-off-by: $SERIES_IDENTITY"
done
msg "$(ls "$out" | wc -l) mails in $out, from $SERIES_IDENTITY"
