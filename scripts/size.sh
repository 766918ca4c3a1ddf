#!/bin/sh
# make size: what the series costs kernels that do not use it.
#  1. With CONFIG_CONFIDENTIAL_DEVICES=n, the objects the series touches
#     outside its own files must be the same size as on the base.  Builds
#     them at base and at HEAD (x86_64: tinyconfig + config/guest.config,
#     arm64: tinyconfig + config/arm64.config, both with the option and
#     CONFIG_PCI_TSM, which selects it, off) and prints text/data/bss of
#     each; fails if one differs.
#  2. With it built in (x86_64, CONFIG_PCI_TSM=y as Debian has it), the
#     DMA map paths (dma-direct, dma-iommu, force_dma_unencrypted()) call
#     nothing new that a kernel which is not a confidential guest reaches:
#     lists each function's callees (objdump -dr) at base and at HEAD, and
#     fails on a new callee other than those of $behind_key (each named
#     with the condition that guards it).
# Not part of "make check" (about 8 minutes on 2 cores); the figures go in
# the cover letter.
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
	# the objects whose changes depend on the option; device trust
	# (drivers/base, the IOMMU layer, ATS) is in every kernel, and its
	# cost on the map paths is what the second part checks
	x86_64) echo arch/x86/mm/mem_encrypt.o arch/x86/mm/ioremap.o \
		kernel/dma/direct.o kernel/dma/mapping.o kernel/resource.o ;;
	on) echo arch/x86/mm/mem_encrypt.o kernel/dma/direct.o \
		kernel/dma/mapping.o drivers/iommu/dma-iommu.o ;;
	arm64) echo arch/arm64/mm/mem_encrypt.o kernel/dma/direct.o \
		kernel/dma/mapping.o ;;
	esac
}

# The DMA map paths: OBJECT:FUNCTION
map_paths="arch/x86/mm/mem_encrypt.o:force_dma_unencrypted
kernel/dma/mapping.o:dma_map_phys kernel/dma/mapping.o:dma_unmap_phys
kernel/dma/mapping.o:__dma_map_sg_attrs kernel/dma/mapping.o:dma_alloc_attrs
kernel/dma/direct.o:dma_direct_map_sg kernel/dma/direct.o:dma_direct_alloc
drivers/iommu/dma-iommu.o:iommu_dma_map_phys
drivers/iommu/dma-iommu.o:iommu_dma_unmap_phys
drivers/iommu/dma-iommu.o:iommu_dma_map_sg"
# New callees allowed on those paths, and what keeps other kernels out
behind_key="device_trust: behind device_trust_key (device_untrusted()), or once cc_platform_has(CC_ATTR_GUEST_MEM_ENCRYPT) said yes
__device_cc_guest: behind kunit_running (device_cc_guest() while KUnit runs tests)"

build() { # SRC OBJ ARCH [on]
	cross=$(cross_compile "$3")
	KCONFIG_ARCH=$3 "$TOP/scripts/kconfig.sh" "$1" "$2" >/dev/null 2>&1
	if [ "${4:-}" = on ]; then
		# as Debian's amd64 kernels: PCI_TSM (and so the option) built
		# in, static keys patched (JUMP_LABEL), -O2
		"$1/scripts/config" --file "$2/.config" -e PCI_TSM -e JUMP_LABEL \
			-e CC_OPTIMIZE_FOR_PERFORMANCE -d CC_OPTIMIZE_FOR_SIZE
	else
		# PCI_TSM selects CONFIDENTIAL_DEVICES: off on both sides
		"$1/scripts/config" --file "$2/.config" -d PCI_TSM -d CONFIDENTIAL_DEVICES
	fi
	make -s -C "$1" O="$2" ARCH="$3" CROSS_COMPILE="$cross" \
		CC="${KCC%gcc}${cross}gcc" olddefconfig >/dev/null
	[ "${4:-}" = on ] || ! grep -q '^CONFIG_CONFIDENTIAL_DEVICES=y' "$2/.config" ||
		die "CONFIG_CONFIDENTIAL_DEVICES still set in $2"
	# shellcheck disable=SC2046
	make -s -C "$1" O="$2" ARCH="$3" CROSS_COMPILE="$cross" \
		CC="${KCC%gcc}${cross}gcc" -j"$JOBS" $(objs "${4:-$3}") >"$2.log" 2>&1 ||
		{ tail -n 20 "$2.log"; die "build failed; log: $2.log"; }
}

# callees OBJECT FUNCTION: the functions FUNCTION calls or tail-calls, one
# per line (call and jump relocations to other objects, direct calls within
# OBJECT; not data references)
callees() {
	objdump -dr --no-show-raw-insn "$1" | awk -v f="$2" '
		$0 ~ "^[0-9a-f]+ <" f ">:$" { on = 1; next }
		on && /^$/ { exit }
		on && /R_X86_64_PLT32/ { s = $NF; sub(/[-+]0x[0-9a-f]+$/, "", s); print s; next }
		on && /\t(call|jmp) +[0-9a-f]+ </ {
			s = $NF; gsub(/[<>]/, "", s); sub(/\+0x[0-9a-f]+$/, "", s)
			if (s != f) print s
		}' | grep -v -e '^__x86_indirect_thunk' -e '^__x86_return_thunk$' | sort -u
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

msg "x86_64, CONFIG_CONFIDENTIAL_DEVICES=y: callees of the DMA map paths"
build "$base" "$BUILD/obj-size-base-on" x86_64 on
build "$TREE" "$BUILD/obj-size-series-on" x86_64 on
grep -q '^CONFIG_CONFIDENTIAL_DEVICES=y' "$BUILD/obj-size-series-on/.config" ||
	die "CONFIG_CONFIDENTIAL_DEVICES not set by CONFIG_PCI_TSM=y"
bad=0
for p in $map_paths; do
	o=${p%%:*} f=${p#*:}
	callees "$BUILD/obj-size-base-on/$o" "$f" >"$BUILD/callees.base"
	callees "$BUILD/obj-size-series-on/$o" "$f" >"$BUILD/callees.series"
	objdump -d "$BUILD/obj-size-series-on/$o" | grep -q "<$f>:" ||
		die "$f not found in $o"
	new=$(comm -13 "$BUILD/callees.base" "$BUILD/callees.series" | tr '\n' ' ')
	printf '  %-24s calls: %s\n' "$f" "$(tr '\n' ' ' <"$BUILD/callees.series")"
	for c in $new; do
		why=$(echo "$behind_key" | sed -n "s/^$c: //p")
		if [ -n "$why" ]; then
			printf '  %-24s new:   %s (%s)\n' "" "$c" "$why"
		else
			printf '  %-24s NEW:   %s, reached without a key\n' "" "$c"
			bad=$((bad + 1))
		fi
	done
done
[ "$bad" = 0 ] || die "$bad new callees on DMA map paths"
msg "no new callee on the DMA map paths outside a static key or a confidential guest"
