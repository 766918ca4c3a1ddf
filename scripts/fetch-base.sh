#!/bin/sh
# Fetch the pinned base (Debian's linux-source-7.3) into the cache and turn it
# into a one-commit git repository tagged "base".  Prints the repository path.
#
# The .deb comes from trixie-backports through a private apt state under the
# cache, so the machine's own apt sources stay untouched.  If the pinned
# version is gone from the mirror, the newest linux-source-7.3 is taken and a
# warning says so.
set -eu
. "$(dirname "$0")/lib.sh"
. "$TOP/config/base.env"

APT=$CACHE/apt
DL=$CACHE/download
mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$DL" "$CACHE/base"

mirror() {
	uri=
	if [ -r /etc/apt/sources.list.d/debian.sources ]; then
		uri=$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' \
			/etc/apt/sources.list.d/debian.sources | grep -v security | head -n1)
	fi
	if [ -z "$uri" ] && [ -r /etc/apt/sources.list ]; then
		uri=$(awk '$1 == "deb" && $2 !~ /^\[/ && $2 !~ /security/ { print $2; exit }' \
			/etc/apt/sources.list)
	fi
	echo "${uri:-http://deb.debian.org/debian}"
}

aptopts() {
	echo "-o Dir::Etc::sourcelist=$APT/sources.list -o Dir::Etc::sourceparts=/nonexistent" \
	     "-o Dir::State::Lists=$APT/lists -o Dir::Cache=$APT/cache" \
	     "-o Dir::State::status=$APT/status -o Debug::NoLocking=1 -o APT::Sandbox::User=root"
}

# A base repository already in the cache for a version we can use: done.
pinned_repo=$CACHE/base/$BASE_PACKAGE-$BASE_VERSION.git
if [ -d "$pinned_repo" ] && [ -z "${DEVSEC_REFRESH:-}" ]; then
	echo "$pinned_repo"
	exit 0
fi

echo "deb $(mirror) $BASE_SUITE $BASE_COMPONENT" >"$APT/sources.list"
: >"$APT/status"
# shellcheck disable=SC2046
apt-get $(aptopts) -q update >"$APT/update.log" 2>&1 ||
	die "cannot fetch the $BASE_SUITE index from $(mirror) (see $APT/update.log)"

version=$BASE_VERSION
sha=$BASE_SHA256
# shellcheck disable=SC2046
avail=$(apt-cache $(aptopts) madison "$BASE_PACKAGE" 2>/dev/null | awk '{print $3}')
[ -n "$avail" ] || die "$BASE_PACKAGE is not in $BASE_SUITE at $(mirror)"
if ! echo "$avail" | grep -qxF "$BASE_VERSION"; then
	version=$(echo "$avail" | head -n1)
	# shellcheck disable=SC2046
	sha=$(apt-cache $(aptopts) show "$BASE_PACKAGE=$version" |
		sed -n 's/^SHA256: //p' | head -n1)
	warn "****************************************************************"
	warn "pinned $BASE_PACKAGE $BASE_VERSION is gone from $BASE_SUITE;"
	warn "using the newest one, $version, checked against the index sha256."
	warn "Update config/base.env to pin it."
	warn "****************************************************************"
fi

repo=$CACHE/base/$BASE_PACKAGE-$version.git
if [ -d "$repo" ]; then
	echo "$repo"
	exit 0
fi

deb=$DL/${BASE_PACKAGE}_$(echo "$version" | sed 's/:/%3a/')_all.deb
if [ ! -f "$deb" ] || ! echo "$sha  $deb" | sha256sum -c --status; then
	rm -f "$deb"
	msg "downloading $BASE_PACKAGE $version (~170 MB)"
	# shellcheck disable=SC2046
	(cd "$DL" && apt-get $(aptopts) -q download "$BASE_PACKAGE=$version") >&2 ||
		die "cannot download $BASE_PACKAGE=$version from $(mirror)"
fi
echo "$sha  $deb" | sha256sum -c --status ||
	die "checksum mismatch for $deb (expected $sha)"
msg "verified $(basename "$deb") sha256 $sha"

work=$(mktemp -d "$CACHE/base/tmp.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
msg "extracting the kernel source"
dpkg-deb --fsys-tarfile "$deb" |
	tar -x -C "$work" --wildcards './usr/src/linux-source-*.tar.xz'
tarball=$(ls "$work"/usr/src/linux-source-*.tar.xz)
mkdir "$work/src"
tar -x -C "$work/src" -f "$tarball" --strip-components=1
rm -rf "$work/usr"

msg "creating the base commit"
make_base_repo "$work/src" "$repo" \
	"Debian $BASE_PACKAGE $version (Linux $(kernel_version "$work/src") with Debian's patches)" \
	"Debian $BASE_PACKAGE $version" \
	"Unmodified /usr/src/$(basename "$tarball") from $(basename "$deb")." -f
echo "$repo"
