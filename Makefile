# TEE I/O device acceptance for Linux: the patch series and its harness.
# See README.md.  Every target is one script under scripts/.

.PHONY: all help deps base tree export check demo clean \
	check-apply check-checkpatch check-maintainers check-build check-sparse \
	check-kdoc check-docs check-kunit

all: help

help:
	@echo "make demo     build the guest kernel and run the devsec sequence in QEMU"
	@echo "make check    every gate: apply, checkpatch, per-patch build, sparse,"
	@echo "              kernel-doc, KUnit, demo; ends with 'N passed, N failed'"
	@echo "make tree     build/linux = base + patches/ (LINUX_SRC=... for another base)"
	@echo "make export   patches/ from build/linux (base..HEAD)"

deps:
	scripts/deps.sh

base:
	scripts/fetch-base.sh

tree:
	scripts/tree.sh

export:
	scripts/export.sh

demo: deps tree
	scripts/demo.sh

check:
	scripts/check.sh

check-apply check-checkpatch check-maintainers check-build check-sparse \
check-kdoc check-docs check-kunit: tree
	scripts/$@.sh

clean:
	rm -rf build
