#!/bin/sh
# make bench: streaming DMA map+unmap latency of a sample function before
# and after acceptance (tools/testing/devsec/devsec.sh bench, with
# tools/dma/dma_map_benchmark) in the demo guest, booted once as is and once
# with swiotlb=force (every mapping bounced).  Prints the figures; not part
# of "make check" (timing is not a test).
#
#   BENCH_SECONDS  seconds per measurement (default 10)
set -eu
. "$(dirname "$0")/lib.sh"

out=$BUILD/bench
mkdir -p "$out"
for append in "" swiotlb=force; do
	name=${append:-direct}
	msg "booting the guest ($name)"
	DEMO_ARGS="bench${BENCH_SECONDS:+,--seconds,$BENCH_SECONDS}" DEMO_APPEND="$append" \
		DEMO_OUT="$out/$name" DEVSEC_DEBUG=0 \
		"$TOP/scripts/demo.sh" >"$out/$name.log" 2>&1 ||
		{ tail -n 30 "$out/$name.log"; die "the benchmark failed ($name); log: $out/$name.log"; }
	sed -n "s/^# bench: /$name, /p" "$out/$name.log"
done
