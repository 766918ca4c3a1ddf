#!/bin/sh
# Build the guest kernel (scripts/guest-kernel.sh), pack an initramfs with usr/gen_init_cpio and busybox-static, boot it under
# QEMU and run tools/testing/devsec/devsec.sh (or, before the series has it,
# a placeholder) in the guest.  Exits with the guest test's status.
#
#   DEMO_ARGS   the guest script's runs: arguments comma-separated, runs
#               separated by ';' (scripts/guest/init).  Default: the test;
#               with DEVSEC_DEBUG=1 (make check, on the debug kernel) the
#               test, the bad input corpus and a stress run of
#               STRESS_SECONDS (default 120) with STRESS_WORKERS (4)
#   DEMO_TIMEOUT seconds before the guest is declared hung (default 1800)
#   DEMO_APPEND  more kernel command line (e.g. swiotlb=force)
#   DEMO_QEMU    more QEMU arguments (e.g. -device pci-testdev)
#   DEMO_IOMMU   1 (default): the guest has an Intel IOMMU (QEMU intel-iommu,
#               with device IOTLB) and, in a Root Port, a virtio device with
#               ATS, on which devsec.sh checks that the IOMMU layer follows
#               the trust level; 0: no IOMMU
#   DEMO_KERNEL  the kernel to boot instead of the guest kernel (the base
#               kernel of "make bench"); the initramfs is the same
#   DEMO_OUT     where the initramfs and the logs go (default build/demo)
set -eu
. "$(dirname "$0")/lib.sh"

obj=$GUEST_OBJ
out=${DEMO_OUT:-$BUILD/demo}
timeout=${DEMO_TIMEOUT:-1800}
if [ "$DEVSEC_DEBUG" = 1 ]; then
	args=${DEMO_ARGS-"test;corpus;stress,--seconds,${STRESS_SECONDS:-120},--workers,${STRESS_WORKERS:-4}"}
else
	args=${DEMO_ARGS:-}
fi
[ -e "$TREE/.git" ] || die "no $TREE; run 'make tree' first"
busybox=$(command -v busybox || true)
[ -x /bin/busybox ] && busybox=/bin/busybox
[ -n "$busybox" ] && file -L "$busybox" 2>/dev/null | grep -q 'statically linked' ||
	die "needs a static busybox (Debian: busybox-static)"

"$TOP/scripts/guest-kernel.sh"
rm -rf "$out"
mkdir -p "$out/root"
make -s -C "$TREE" O="$obj" ARCH=x86_64 INSTALL_MOD_PATH="$out/root" \
	INSTALL_MOD_STRIP=1 DEPMOD=/sbin/depmod modules_install >/dev/null

# The guest's test: the series' devsec.sh and the programs it uses, built
# static against the guest kernel's uAPI headers, or the placeholder.
mkdir -p "$out/root/devsec"
if [ -f "$TREE/tools/testing/devsec/devsec.sh" ]; then
	cp "$TREE"/tools/testing/devsec/*.sh "$out/root/devsec/"
	ln -sf devsec.sh "$out/root/devsec/run"
	make -s -C "$TREE" O="$obj" ARCH=x86_64 headers_install
	if [ -f "$TREE/tools/testing/devsec/Makefile" ]; then
		make -s -C "$TREE/tools/testing/devsec" OUTPUT="$out/root/devsec/" \
			KHDR_INCLUDES="-isystem $obj/usr/include" LDFLAGS=-static
	fi
	# for "devsec.sh bench"
	gcc -O2 -static -D_GNU_SOURCE -isystem "$obj/usr/include" \
		-o "$out/root/devsec/dma_map_benchmark" "$TREE/tools/dma/dma_map_benchmark.c"
else
	cp "$TOP/scripts/guest/placeholder" "$out/root/devsec/run"
fi
cp "$TOP/scripts/guest/bench-plain" "$out/root/devsec/"
mkdir -p "$out/root/devsec/kselftest"
cp "$TREE/tools/testing/selftests/kselftest/ktap_helpers.sh" "$out/root/devsec/kselftest/"

# initramfs list for usr/gen_init_cpio
{
	for d in dev proc sys tmp bin sbin usr usr/bin usr/sbin root; do
		echo "dir /$d 0755 0 0"
	done
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "file /bin/busybox $busybox 0755 0 0"
	echo "slink /bin/sh busybox 0777 0 0"
	echo "file /init $TOP/scripts/guest/init 0755 0 0"
	(cd "$out/root" && find . -mindepth 1 | sort) | while read -r p; do
		p=${p#./}
		if [ -L "$out/root/$p" ]; then
			echo "slink /$p $(readlink "$out/root/$p") 0777 0 0"
		elif [ -d "$out/root/$p" ]; then
			echo "dir /$p 0755 0 0"
		else
			echo "file /$p $out/root/$p $(stat -c %a "$out/root/$p") 0 0"
		fi
	done
} >"$out/initramfs.list"
"$obj/usr/gen_init_cpio" "$out/initramfs.list" >"$out/initramfs.cpio"

iommu=
if [ "${DEMO_IOMMU:-1}" = 1 ]; then
	iommu="-device intel-iommu,intremap=off,device-iotlb=on
	       -device pcie-root-port,id=rp0,chassis=1
	       -device virtio-rng-pci,bus=rp0,ats=on"
	iommu_append=intel_iommu=on
fi

accel=tcg
if kvm_usable; then
	accel=kvm
fi
msg "booting the guest (QEMU, $accel); guest log: $out/guest.log"
# memmap=: 1M of the guest's RAM at 512M set aside for the sample's BARs
set +e
# shellcheck disable=SC2086 # DEMO_QEMU, iommu: several arguments
timeout -k 10 "$timeout" qemu-system-x86_64 -accel "$accel" -M q35 -m 1G -smp 2 \
	-display none -monitor none -nodefaults -no-reboot \
	-kernel "${DEMO_KERNEL:-$obj/arch/x86/boot/bzImage}" -initrd "$out/initramfs.cpio" \
	-append "console=ttyS0 panic=-1 rdinit=/init memmap=1M\$0x20000000 devsec_bus.bar_mem=0x20000000 devsec.args=$args ${iommu_append:-} ${DEMO_APPEND:-}" \
	$iommu ${DEMO_QEMU:-} -serial "file:$out/guest.log" -serial stdio </dev/null 2>"$out/qemu.err" |
	sed -u 's/\r$//' | tee "$out/transcript.log"
set -e
if ! grep -q '^devsec-guest: exit status' "$out/transcript.log"; then
	cat "$out/qemu.err" >&2
	msg "the guest did not finish (hung or crashed; timeout ${timeout}s); last lines of $out/guest.log:"
	tail -n 30 "$out/guest.log" | tr -d '\r' >&2
	exit 1
fi
rc=$(sed -n 's/^devsec-guest: exit status //p' "$out/transcript.log" | tail -n1)
msg "guest test exit status $rc; guest log: $out/guest.log"

# The kernel must not have complained while the test ran: any warning,
# bug, lockdep, KASAN, refcount or leak report in the guest log fails the
# run, whatever the test itself concluded.
reports=$(kernel_reports "$out/guest.log")
if [ -n "$reports" ]; then
	msg "the guest kernel reported problems (guest log $out/guest.log):"
	echo "$reports" | head -n 40 >&2
	[ "$rc" != 0 ] || rc=1
fi
exit "$rc"
