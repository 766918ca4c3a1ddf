#!/bin/sh
# make size: with CONFIG_CONFIDENTIAL_DEVICES=n, the objects the series
# touches outside its own files must be the same size as on the base.
# Builds them at base and at HEAD (x86_64: tinyconfig + config/guest.config,
# arm64: tinyconfig + config/arm64.config, both with the option and
# CONFIG_PCI_TSM, which selects it, off) and
# prints text/data/bss of each; fails if one differs.  Not part of "make
# check" (about 5 minutes more on 2 cores); the figures go in the cover
# letter.
set -eu
. "$(dirname "$0")/lib.sh"

[ -d "$TREE/.git" ] || die "no $TREE; run 'make tree' first"
# As long a name as "linux": file names end up in the objects (WARN_ON()),
# relative to the build directory.
base=$BUILD/lbase
if [ ! -e "$base/.git" ]; then
	git -C "$TREE" worktree prune
	git -C "$TREE" worktree add -q --detach "$base" base
fi

objs() { # ARCH
	case $1 in
	x86_64) echo arch/x86/mm/mem_encrypt.o arch/x86/mm/ioremap.o \
		kernel/dma/direct.o kernel/dma/mapping.o kernel/resource.o \
		drivers/iommu/iommu.o drivers/iommu/dma-iommu.o drivers/pci/ats.o \
		drivers/base/core.o drivers/base/dd.o ;;
	arm64) echo arch/arm64/mm/mem_encrypt.o kernel/dma/direct.o \
		kernel/dma/mapping.o ;;
	esac
}

build() { # SRC OBJ ARCH
	cross=$(cross_compile "$3")
	KCONFIG_ARCH=$3 "$TOP/scripts/kconfig.sh" "$1" "$2" >/dev/null 2>&1
	# PCI_TSM selects CONFIDENTIAL_DEVICES: off on both sides
	"$1/scripts/config" --file "$2/.config" -d PCI_TSM -d CONFIDENTIAL_DEVICES
	make -s -C "$1" O="$2" ARCH="$3" CROSS_COMPILE="$cross" \
		CC="${KCC%gcc}${cross}gcc" olddefconfig >/dev/null
	! grep -q '^CONFIG_CONFIDENTIAL_DEVICES=y' "$2/.config" ||
		die "CONFIG_CONFIDENTIAL_DEVICES still set in $2"
	# shellcheck disable=SC2046
	make -s -C "$1" O="$2" ARCH="$3" CROSS_COMPILE="$cross" \
		CC="${KCC%gcc}${cross}gcc" -j"$JOBS" $(objs "$3") >"$2.log" 2>&1 ||
		{ tail -n 20 "$2.log"; die "build failed; log: $2.log"; }
}

differ=0
for arch in x86_64 arm64; do
	msg "$arch: building $(objs $arch | wc -w) objects at base and at HEAD"
	build "$base" "$BUILD/obj-size-base-$arch" "$arch"
	build "$TREE" "$BUILD/obj-size-series-$arch" "$arch"
	printf '%-8s %-30s %22s %22s\n' "$arch" object "base text/data/bss" "series text/data/bss"
	for o in $(objs "$arch"); do
		a=$(size "$BUILD/obj-size-base-$arch/$o" | awk 'NR == 2 { print $1 "/" $2 "/" $3 }')
		b=$(size "$BUILD/obj-size-series-$arch/$o" | awk 'NR == 2 { print $1 "/" $2 "/" $3 }')
		mark=
		[ "$a" = "$b" ] || { mark="  DIFFERS"; differ=$((differ + 1)); }
		printf '%-8s %-30s %22s %22s%s\n' "" "$o" "$a" "$b" "$mark"
	done
done
[ "$differ" = 0 ] || die "$differ objects differ with CONFIG_CONFIDENTIAL_DEVICES=n"
msg "same size with CONFIG_CONFIDENTIAL_DEVICES=n"
