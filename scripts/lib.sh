# Common settings for the harness scripts; sourced, never run.
# shellcheck shell=sh

TOP=$(cd "$(dirname "$0")/.." && pwd)

# Debian's python3, whose packages deps.sh installs (ply for checkpatch's
# SPDX check, Sphinx, PyYAML), even where another python3 comes first.
PATH=/usr/bin:$PATH
export PATH
BUILD=${BUILD:-$TOP/build}
TREE=$BUILD/linux
CACHE=${DEVSEC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/devsec-series}
JOBS=${JOBS:-$(nproc)}

# ccache lives outside the clone so that a fresh clone (CI) finds it warm.
CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache}
CCACHE_BASEDIR=$TOP
export CCACHE_DIR CCACHE_BASEDIR
if command -v ccache >/dev/null 2>&1; then
	KCC="ccache gcc"
else
	KCC=gcc
fi

# Reproducible kernel builds: nothing in the objects depends on who built them.
KBUILD_BUILD_TIMESTAMP=${KBUILD_BUILD_TIMESTAMP:-2026-01-01}
KBUILD_BUILD_USER=devsec
KBUILD_BUILD_HOST=devsec
export KBUILD_BUILD_TIMESTAMP KBUILD_BUILD_USER KBUILD_BUILD_HOST

# Fixed identity and date of the synthetic base commit, so that the same
# source tree always gives the same base-commit id.
BASE_IDENT_NAME="Linux base"
BASE_IDENT_EMAIL="base@invalid"
BASE_DATE="2026-01-01T00:00:00Z"

# The series identity (author, Signed-off-by).
if [ -z "${SERIES_IDENTITY:-}" ]; then
	SERIES_IDENTITY=$(sed -n 's/^SERIES_IDENTITY=//p' "$TOP/config/identity")
fi
SERIES_NAME=${SERIES_IDENTITY% <*}
SERIES_EMAIL=${SERIES_IDENTITY##*<}
SERIES_EMAIL=${SERIES_EMAIL%>}

msg() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
warn() { printf '%s: WARNING: %s\n' "${0##*/}" "$*" >&2; }
die() { printf '%s: error: %s\n' "${0##*/}" "$*" >&2; exit 1; }

# kvm_usable: /dev/kvm exists and serves QEMU's default CPU model.  On some
# hosts (nested virtualization) KVM starts but lacks features of that model
# ("host doesn't support requested feature"), and the guest kernel dies
# silently at its first instructions: use TCG there.
kvm_usable() {
	[ -w /dev/kvm ] || return 1
	kvm_out=$(echo quit | qemu-system-x86_64 -accel kvm -M q35 -display none \
		-nodefaults -S -monitor stdio 2>&1) || return 1
	case $kvm_out in
	*"doesn't support requested feature"*) return 1 ;;
	esac
}

# without_kvm CMD...: run CMD with /dev/kvm hidden when it is not usable, so
# that QEMU started by CMD with "-accel kvm -accel tcg" (kunit.py) falls
# back to TCG
without_kvm() {
	if [ -e /dev/kvm ] && ! kvm_usable &&
	   unshare -m sh -c 'mount --bind /dev/null /dev/kvm' 2>/dev/null; then
		msg "KVM does not serve QEMU's CPU model here: TCG"
		unshare -m sh -c 'mount --bind /dev/null /dev/kvm && exec "$@"' sh "$@"
	else
		"$@"
	fi
}

# git in the kernel tree, as the series identity
tgit() {
	GIT_AUTHOR_NAME=$SERIES_NAME GIT_AUTHOR_EMAIL=$SERIES_EMAIL \
	GIT_COMMITTER_NAME=$SERIES_NAME GIT_COMMITTER_EMAIL=$SERIES_EMAIL \
		git -C "$TREE" "$@"
}

# Patch-ids of the series in patches/ and of base..HEAD in the tree.
# each_parallel FUNC ITEM...: run "FUNC ITEM" for every ITEM, $JOBS at a
# time; their output in ITEM order; $par_failed: how many returned non-zero.
each_parallel() {
	_f=$1
	shift
	_d=$(mktemp -d)
	_i=0
	for _it in "$@"; do
		_i=$((_i + 1))
		( "$_f" "$_it" >"$_d/$_i.out" 2>&1 || : >"$_d/$_i.failed" ) &
		[ $((_i % JOBS)) != 0 ] || wait
	done
	wait
	_j=0 par_failed=0
	while [ "$_j" -lt "$_i" ]; do
		_j=$((_j + 1))
		cat "$_d/$_j.out"
		[ ! -e "$_d/$_j.failed" ] || par_failed=$((par_failed + 1))
	done
	rm -rf "$_d"
}

series_patches() {
	grep -v -e '^#' -e '^[[:space:]]*$' "$TOP/patches/series" 2>/dev/null || true
}
patches_ids() {
	series_patches | while read -r p; do
		git patch-id --stable <"$TOP/patches/$p"
	done | awk '{print $1}'
}
tree_ids() {
	git -C "$TREE" rev-list --reverse base..HEAD | while read -r c; do
		git -C "$TREE" show "$c" | git patch-id --stable
	done | awk '{print $1}'
}

# make_base_repo SRCDIR REPO DESCRIPTION SUBJECT BODY [-f]
# Record the source tree SRCDIR, unmodified, as a bare repository REPO with
# one commit tagged "base" (fixed identity and date: the same tree always
# gives the same commit id).  SRCDIR itself is not touched.  With -f, files
# that the tree's .gitignore would skip are recorded too (source tarballs).
make_base_repo() {
	src=$1 repo=$2 desc=$3 subject=$4 body=$5 force=${6:-}
	rm -rf "$repo.tmp"
	git init -q --bare "$repo.tmp"
	git --git-dir="$repo.tmp" --work-tree="$src" add $force -A .
	GIT_AUTHOR_NAME=$BASE_IDENT_NAME GIT_AUTHOR_EMAIL=$BASE_IDENT_EMAIL \
	GIT_COMMITTER_NAME=$BASE_IDENT_NAME GIT_COMMITTER_EMAIL=$BASE_IDENT_EMAIL \
	GIT_AUTHOR_DATE=$BASE_DATE GIT_COMMITTER_DATE=$BASE_DATE \
		git --git-dir="$repo.tmp" --work-tree="$src" commit -q \
			-m "$subject" -m "$body"
	git --git-dir="$repo.tmp" tag base
	git --git-dir="$repo.tmp" config devsec.base "$desc"
	rm -f "$repo.tmp/index"
	mv "$repo.tmp" "$repo"
}

# kernel_version SRCDIR: "7.3.4" from the top Makefile
kernel_version() {
	awk '/^VERSION =/ {v=$3} /^PATCHLEVEL =/ {p=$3} /^SUBLEVEL =/ {s=$3}
	     END { printf "%s.%s%s\n", v, p, (s != "" && s != "0") ? "." s : "" }' "$1/Makefile"
}

# Directories with a kbuild Makefile that the series' C code lives in.
series_dirs() { # [FROM TO], base and HEAD by default
	git -C "$TREE" diff --name-only "${1:-base}" "${2:-HEAD}" | while read -r f; do
		case $f in
		*.c | */Makefile | */Kconfig | */Kbuild) ;;
		*) continue ;;
		esac
		case $f in Documentation/* | tools/* | scripts/*) continue ;; esac
		echo "${f%/*}/"
	done | sort -u
}

# The architecture that builds a kernel directory: arch/arm64/ with arm64
# (cross compiled), any other arch/ directory not at all, the rest x86_64.
dir_arch() {
	case $1 in
	arch/arm64/*) echo arm64 ;;
	arch/x86/*) echo x86_64 ;;
	arch/*) echo none ;;
	*) echo x86_64 ;;
	esac
}
cross_compile() { # ARCH
	case $1 in arm64) echo aarch64-linux-gnu- ;; esac
}

# A second work tree of build/linux (build/bisect) for per-commit builds, so
# that build/linux and its timestamps stay as they are.
BISECT=$BUILD/bisect
BISECT_OBJ=$BUILD/obj-bisect
bisect_checkout() { # COMMIT
	if [ ! -e "$BISECT/.git" ]; then
		rm -rf "$BISECT"
		git -C "$TREE" worktree prune
		git -C "$TREE" worktree add -q --detach "$BISECT" "$1"
	else
		git -C "$BISECT" checkout -q -f --detach "$1"
	fi
}

# The guest kernel (KUnit and the demo): its build directory and the
# kunitconfig fragments it is configured from (scripts/guest-kernel.sh).
# DEVSEC_DEBUG=1 (make check) selects the debug kernel: config/debug.config
# too, in a build directory of its own.
DEVSEC_DEBUG=${DEVSEC_DEBUG:-0}
if [ "$DEVSEC_DEBUG" = 1 ]; then
	GUEST_OBJ=$BUILD/obj-guest-debug
else
	GUEST_OBJ=$BUILD/obj-guest
fi
guest_kunitconfigs() {
	{
		echo drivers/base/test
		git -C "$TREE" diff --name-only --diff-filter=AMR base HEAD |
			sed -n 's|/\.kunitconfig$||p'
	} | sort -u
	if [ -z "${GUEST_CONFIG:-}" ]; then
		mkdir -p "$BUILD"
		guest_fragment HEAD >"$BUILD/guest.config"
	fi
	echo "${GUEST_CONFIG:-$BUILD/guest.config}"
	[ "$DEVSEC_DEBUG" != 1 ] || echo "$TOP/config/debug.config"
}

# guest_fragment COMMIT: config/guest.config without the options that the
# Kconfig files of COMMIT in $TREE do not know (options a later patch adds,
# or removes: kunit.py refuses an option that does not take)
guest_fragment() {
	known=$(git -C "$TREE" grep -h -E '^[[:space:]]*(menu)?config [A-Z0-9_]+' "$1" -- \
		'*Kconfig*' | awk '{print "CONFIG_" $2}' | sort -u)
	while IFS= read -r line; do
		case $line in
		CONFIG_*=*)
			echo "$known" | grep -qxF "${line%%=*}" && echo "$line" ;;
		*) echo "$line" ;;
		esac
	done <"$TOP/config/guest.config"
}

# kernel_reports LOG: the lines of a guest kernel log that report a problem
# (warning, BUG, KASAN, lockdep, refcount, leak, a stack trace), numbered
kernel_reports() {
	tr -d '\r' <"$1" | grep -nE \
		'WARNING:|BUG:|Oops|UBSAN:|possible (recursive|circular) locking|inconsistent lock state|lock held when returning|refcount_t:|unreferenced object|Call Trace:' ||
		true
}
