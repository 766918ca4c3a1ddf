#!/bin/sh
# The series' documentation: "make htmldocs" of the Sphinx directories
# whose pages the series changes (SPHINXDIRS), and the ABI files it changes
# through tools/docs/get_abi.py; fails on any warning about a file the
# series touches.
set -eu
. "$(dirname "$0")/lib.sh"
command -v sphinx-build >/dev/null || die "needs Sphinx (Debian: python3-sphinx)"

touched=$(git -C "$TREE" diff --name-only --diff-filter=AMR base HEAD)

# Each changed page's nearest directory with an index.rst
sphinxdirs=$(echo "$touched" | sed -n 's|^Documentation/\(.*\)\.rst$|\1|p' | while read -r p; do
	d=$(dirname "$p")
	while [ "$d" != . ] && [ ! -f "$TREE/Documentation/$d/index.rst" ]; do
		d=$(dirname "$d")
	done
	[ "$d" != . ] && echo "$d"
done | sort -u | tr '\n' ' ')

# Warnings that name a file the series touches
ours() {
	while IFS= read -r l; do
		for f in $touched; do
			case $l in *"$f"*) echo "$l"; break ;; esac
		done
	done
}

fail=0
if [ -n "$sphinxdirs" ]; then
	obj=$BUILD/obj-docs
	log=$BUILD/htmldocs.log
	msg "make htmldocs SPHINXDIRS=\"$sphinxdirs\""
	if ! make -C "$TREE" O="$obj" SPHINXDIRS="$sphinxdirs" htmldocs >"$log" 2>&1; then
		tail -n 30 "$log"
		die "htmldocs failed; log: $log"
	fi
	w=$(grep -iE 'warning|error' "$log" | ours || true)
	if [ -n "$w" ]; then
		echo "$w"
		fail=1
	fi
	msg "htmldocs: $(echo "$w" | grep -c . || true) warnings in the series' files; log: $log"
fi

if echo "$touched" | grep -q '^Documentation/ABI/'; then
	w=$(cd "$TREE" && python3 tools/docs/get_abi.py --dir Documentation/ABI validate 2>&1 |
		ours || true)
	if [ -n "$w" ]; then
		echo "$w"
		fail=1
	fi
	msg "get_abi.py validate: $(echo "$w" | grep -c . || true) warnings in the series' ABI files"
fi
[ "$fail" = 0 ]
