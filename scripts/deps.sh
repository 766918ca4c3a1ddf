#!/bin/sh
# Install the Debian packages the harness needs, if any is missing.
set -eu

pkgs="make gcc libc6-dev git perl python3 flex bison bc cpio xz-utils kmod file
      libelf-dev libssl-dev ccache sparse busybox-static python3-ply python3-git
      qemu-system-x86 qemu-system-data python3-sphinx python3-yaml python3-jsonschema
      gcc-aarch64-linux-gnu git-email libmailtools-perl b4 rsync"

missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -n "$missing" ] || exit 0

sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
echo "deps.sh: installing$missing"
$sudo apt-get update -q
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
