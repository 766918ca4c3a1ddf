#!/bin/sh
# make check: every gate of the series, each timed, then "N passed, N failed".
# CHECK_STAGES limits the run to some stages (e.g. CHECK_STAGES="kunit demo").
set -u
# KUnit and the devsec tests run on the debug kernel (config/debug.config)
DEVSEC_DEBUG=1
export DEVSEC_DEBUG
. "$(dirname "$0")/lib.sh"

stages=${CHECK_STAGES:-"tree apply checkpatch maintainers build sparse kernel-doc docs kunit demo"}
passed=0 failed=0 failures=
start=$(date +%s)

run_stage() { # NAME SCRIPT...
	name=$1
	shift
	printf '\n=== %s\n' "$name"
	t0=$(date +%s)
	if "$@"; then
		r=PASS
		passed=$((passed + 1))
	else
		r=FAIL
		failed=$((failed + 1))
		failures="$failures $name"
	fi
	printf '=== %s: %s (%ss)\n' "$name" "$r" $(($(date +%s) - t0))
}

for s in $stages; do
	case $s in
	tree) run_stage tree "$TOP/scripts/tree.sh" ;;
	apply) run_stage apply "$TOP/scripts/check-apply.sh" ;;
	checkpatch) run_stage checkpatch "$TOP/scripts/check-checkpatch.sh" ;;
	build) run_stage "build (each patch, W=1)" "$TOP/scripts/check-build.sh" ;;
	sparse) run_stage sparse "$TOP/scripts/check-sparse.sh" ;;
	kernel-doc) run_stage kernel-doc "$TOP/scripts/check-kdoc.sh" ;;
	docs) run_stage "docs (htmldocs, ABI)" "$TOP/scripts/check-docs.sh" ;;
	maintainers) run_stage "maintainers (get_maintainer.pl)" "$TOP/scripts/check-maintainers.sh" ;;
	kunit) run_stage kunit "$TOP/scripts/check-kunit.sh" ;;
	demo) run_stage "demo (QEMU guest)" "$TOP/scripts/demo.sh" ;;
	*) die "unknown stage $s" ;;
	esac
	# Nothing else can be checked without the tree.
	[ "$s" = tree ] && [ "$failed" != 0 ] && break
done

printf '\ncheck finished in %ss%s\n' $(($(date +%s) - start)) \
	"${failures:+; failed:$failures}"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
