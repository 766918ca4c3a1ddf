#!/bin/sh
# Create build/linux: the base as commit "base" (tagged), then "git am" of
# patches/series, one commit per patch, on branch "series".
#
# Base: the pinned Debian linux-source-7.3 (scripts/fetch-base.sh), or
# LINUX_SRC=<git tree>[#<commit-ish>] | <source tarball> | <source directory>.
#
# Refuses to replace a tree holding work that is not in patches/ (uncommitted
# changes, or commits base..HEAD that differ from patches/) unless FORCE=1.
set -eu
. "$(dirname "$0")/lib.sh"

# Resolve the base into a repository holding a commit tagged "base".
base_repo() {
	if [ -z "${LINUX_SRC:-}" ]; then
		"$TOP/scripts/fetch-base.sh"
		return
	fi
	src=${LINUX_SRC%%#*}
	ref=HEAD
	case $LINUX_SRC in *'#'*) ref=${LINUX_SRC#*#} ;; esac
	mkdir -p "$CACHE/base"
	if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
		commit=$(git -C "$src" rev-parse --verify -q "$ref^{commit}") ||
			die "LINUX_SRC: no commit '$ref' in $src"
		repo=$CACHE/base/git-$commit.git
		if [ ! -d "$repo" ]; then
			msg "importing $src $ref ($commit)"
			rm -rf "$repo.tmp"
			git init -q --bare "$repo.tmp"
			objs=$(cd "$src" && cd "$(git rev-parse --git-common-dir)" && pwd)/objects
			# Borrow the objects (like "git clone --shared"): the
			# source repository must stay where it is.
			echo "$objs" >"$repo.tmp/objects/info/alternates"
			git --git-dir="$repo.tmp" update-ref refs/tags/base "$commit"
			git --git-dir="$repo.tmp" config devsec.base \
				"$(git -C "$src" describe --always "$commit") from $src"
			mv "$repo.tmp" "$repo"
		fi
	elif [ -f "$src" ]; then
		sum=$(sha256sum "$src" | cut -c1-16)
		repo=$CACHE/base/tar-$sum.git
		if [ ! -d "$repo" ]; then
			msg "importing $src"
			work=$(mktemp -d "$CACHE/base/tmp.XXXXXX")
			trap 'rm -rf "$work"' EXIT INT TERM
			tar -x -C "$work" -f "$src" ||
				die "LINUX_SRC: cannot extract $src"
			top=$(find "$work" -mindepth 1 -maxdepth 2 -name Makefile -path '*/Makefile' |
				head -n1)
			[ -n "$top" ] || die "LINUX_SRC: no kernel source in $src"
			top=$(dirname "$top")
			make_base_repo "$top" "$repo" \
				"Linux $(kernel_version "$top") from $(basename "$src")" \
				"Linux $(kernel_version "$top")" \
				"Unmodified source from $(basename "$src")." -f
		fi
	elif [ -d "$src" ] && [ -f "$src/Makefile" ] && [ -d "$src/kernel" ]; then
		repo=$CACHE/base/dir-$(echo "$src" | sha256sum | cut -c1-16).git
		rm -rf "$repo"
		msg "importing the directory $src"
		make_base_repo "$src" "$repo" \
			"Linux $(kernel_version "$src") from the directory $src" \
			"Linux $(kernel_version "$src")" "Unmodified source from $src."
	else
		die "LINUX_SRC=$LINUX_SRC is neither a git tree, a tarball nor a kernel source directory"
	fi
	echo "$repo"
}

# Debian's linux-source tree ends its .gitignore with "/*" (its packaging
# ignores everything at the top level), which would hide every new file of a
# developer from git.  In build/linux only, drop that block from the working
# copy and tell git not to look at the change (skip-worktree): the base and
# the patches stay exactly Debian's.
unhide_new_files() {
	grep -qx '/\*' "$TREE/.gitignore" 2>/dev/null || return 0
	git -C "$TREE" update-index --skip-worktree .gitignore
	sed -e '/^# Debian packaging: ignore everything/,/^!\/debian\/$/d' \
	    -e '/^\/\*$/d' "$TREE/.gitignore" >"$TREE/.gitignore.new"
	mv "$TREE/.gitignore.new" "$TREE/.gitignore"
}

apply_series() {
	n=0
	for p in $(series_patches); do
		n=$((n + 1))
		[ -f "$TOP/patches/$p" ] || die "patches/series names $p, which does not exist"
		if ! out=$(tgit am -q --committer-date-is-author-date "$TOP/patches/$p" 2>&1); then
			printf '%s\n' "$out" >&2
			tgit am --abort >/dev/null 2>&1 || true
			die "patch $n ($p) does not apply; build/linux is left at the last good commit: $(git -C "$TREE" log -1 --format='%h %s')"
		fi
	done
	msg "applied $n patches on $(git -C "$TREE" config devsec.base)"
}

repo=$(base_repo)
base=$(git --git-dir="$repo" rev-parse base)

if [ -d "$TREE/.git" ]; then
	git -C "$TREE" rev-parse -q --verify base >/dev/null ||
		die "$TREE exists but has no 'base' tag: not a tree made by this harness"
	if [ -z "${FORCE:-}" ]; then
		if [ -n "$(git -C "$TREE" status --porcelain --untracked-files=no)" ]; then
			git -C "$TREE" status --short --untracked-files=no | head -n 20 >&2
			die "$TREE has uncommitted changes; commit and 'make export' them, or FORCE=1 to discard"
		fi
		if [ -d "$TREE/.git/rebase-apply" ] || [ -d "$TREE/.git/rebase-merge" ]; then
			die "$TREE has a rebase or am in progress; finish it, or FORCE=1 to discard"
		fi
		if [ "$(tree_ids)" != "$(patches_ids)" ]; then
			die "the commits base..HEAD in $TREE differ from patches/; 'make export' them first, or FORCE=1 to discard"
		fi
	fi
	if [ "$(git -C "$TREE" rev-parse base)" = "$base" ] &&
	   [ "$(tree_ids)" = "$(patches_ids)" ] &&
	   [ -z "$(git -C "$TREE" status --porcelain --untracked-files=no)" ]; then
		msg "$TREE is up to date ($(series_patches | wc -l) patches on $(git -C "$TREE" config devsec.base))"
		exit 0
	fi
	if [ "$(git -C "$TREE" rev-parse base)" = "$base" ]; then
		# Same base: reset in place, so only files the series touches get
		# new timestamps and incremental builds stay incremental.
		tgit am --abort >/dev/null 2>&1 || true
		tgit rebase --abort >/dev/null 2>&1 || true
		tgit update-index --no-skip-worktree .gitignore
		tgit checkout -q -f -B series base
		apply_series
		unhide_new_files
		exit 0
	fi
	msg "replacing $TREE (different base)"
	rm -rf "$TREE"
fi

mkdir -p "$BUILD"
rm -rf "$TREE.tmp"
msg "checking out the base into $TREE"
git clone -q --no-checkout "$repo" "$TREE.tmp"
git -C "$TREE.tmp" config devsec.base "$(git --git-dir="$repo" config devsec.base)"
git -C "$TREE.tmp" fetch -q origin "+refs/tags/base:refs/tags/base"
git -C "$TREE.tmp" checkout -q -B series base
mv "$TREE.tmp" "$TREE"
apply_series
unhide_new_files
