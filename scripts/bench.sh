#!/bin/sh
# make bench: streaming DMA map+unmap latency (tools/dma/dma_map_benchmark)
# in the demo guest, booted as is (dma-direct), with swiotlb=force (every
# mapping bounced) and with QEMU's intel-iommu (dma-iommu):
#  - of a sample function before and after acceptance (devsec.sh bench;
#    not behind the IOMMU, so not in the third mode);
#  - of QEMU's pci-testdev, a device the series does not touch
#    (scripts/guest/bench-plain), on the series' kernel and on the base
#    kernel (scripts/base-kernel.sh).
# Prints the figures; not part of "make check" (timing is not a test).
#
#   BENCH_SECONDS  seconds per measurement (default 10)
set -eu
. "$(dirname "$0")/lib.sh"

out=$BUILD/bench
base=$BUILD/obj-base/arch/x86/boot/bzImage
secs=${BENCH_SECONDS:+--seconds,$BENCH_SECONDS}
mkdir -p "$out"
"$TOP/scripts/base-kernel.sh"

# boot NAME LABEL KERNEL SCRIPT ARGS APPEND: run /devsec/SCRIPT with ARGS in
# the guest booted from KERNEL (empty: the series' guest kernel), with an
# IOMMU in "iommu" mode
boot() {
	msg "booting the guest ($2)"
	DEMO_ARGS=$5 DEMO_KERNEL=$3 DEMO_QEMU="-device pci-testdev" \
		DEMO_IOMMU=$([ "$mode" = iommu ] && echo 1 || echo 0) \
		DEMO_APPEND="devsec.run=$4 $6" DEMO_OUT="$out/$1" DEVSEC_DEBUG=0 \
		"$TOP/scripts/demo.sh" >"$out/$1.log" 2>&1 ||
		{ tail -n 30 "$out/$1.log"; die "the benchmark failed ($2); log: $out/$1.log"; }
	sed -n "s/^# bench: /$2, /p" "$out/$1.log"
}

for mode in direct swiotlb iommu; do
	append=
	[ "$mode" = swiotlb ] && append=swiotlb=force
	[ "$mode" = iommu ] ||
		boot "$mode-sample" "$mode, series" "" run "bench${secs:+,$secs}" "$append"
	boot "$mode-testdev" "$mode, series" "" bench-plain "$secs" "$append"
	boot "$mode-base" "$mode, base" "$base" bench-plain "$secs" "$append"
done
