#!/bin/sh
# kconfig.sh SRCDIR OBJDIR [--strict]
# Configure OBJDIR for SRCDIR: x86_64 tinyconfig plus config/guest.config,
# or with KCONFIG_ARCH=arm64, arm64 tinyconfig plus config/arm64.config.
# With --strict, fail if an option of the fragment did not take (unknown
# symbol or unmet dependency); without, only list them (a commit early in
# the series lacks the options later patches add).
set -eu
. "$(dirname "$0")/lib.sh"
src=$1 obj=$2 strict=${3:-}
arch=${KCONFIG_ARCH:-x86_64}
cross=$(cross_compile "$arch")
case $arch in
x86_64) frag=$TOP/config/guest.config ;;
*) frag=$TOP/config/$arch.config ;;
esac

mkdir -p "$obj"
make -s -C "$src" O="$obj" ARCH="$arch" CROSS_COMPILE="$cross" CC="${KCC%gcc}${cross}gcc" \
	tinyconfig >/dev/null
ARCH=$arch "$src/scripts/kconfig/merge_config.sh" -m -Q -O "$obj" "$obj/.config" "$frag" >/dev/null
make -s -C "$src" O="$obj" ARCH="$arch" CROSS_COMPILE="$cross" CC="${KCC%gcc}${cross}gcc" \
	olddefconfig >/dev/null

missing=$(grep -E '^CONFIG_[A-Za-z0-9_]+=' "$frag" | while IFS= read -r line; do
	case $line in
	*=n) ! grep -qE "^${line%=n}=[ym]" "$obj/.config" || echo "$line" ;;
	*) grep -qxF "$line" "$obj/.config" || echo "$line" ;;
	esac
done)
if [ -n "$missing" ]; then
	if [ "$strict" = --strict ]; then
		die "options of ${frag#"$TOP/"} that did not take: $(echo $missing)"
	fi
	msg "not in this tree's config (yet): $(echo $missing)"
fi
