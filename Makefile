# TEE I/O device acceptance for Linux: the patch series and its harness.
# See README.md.  Every target is one script under scripts/.

.PHONY: all help deps base tree export mails check check-series demo bench size stress mutate clean \
	check-apply check-checkpatch check-maintainers check-build check-sparse \
	check-kdoc check-docs check-kunit

all: help

help:
	@echo "make demo     build the guest kernel and run the devsec sequence in QEMU"
	@echo "make check    every gate: apply, checkpatch, per-patch build, sparse,"
	@echo "              kernel-doc, KUnit, demo; ends with 'N passed, N failed'"
	@echo "make stress   the debug guest: devsec.sh stress for STRESS_SECONDS (600)"
	@echo "make bench    DMA map/unmap latency before/after acceptance, swiotlb=force,"
	@echo "              against the base kernel (built in build/obj-base)"
	@echo "make size     objects the series touches: same size with the option off"
	@echo "make tree     build/linux = base + patches/ (LINUX_SRC=... for another base)"
	@echo "make export   patches/ from build/linux (base..HEAD)"
	@echo "make mails    build/mails/ to send: refuses the placeholder identity"
	@echo "make mutate   delete each guard of the report parser and the state"
	@echo "              machine once; KUnit must fail for every one (not in check)"
	@echo "make check-series  KUnit and devsec.sh at every patch that touches"
	@echo "              them, on the light guest kernel (not in check)"

deps:
	scripts/deps.sh

base:
	scripts/fetch-base.sh

tree:
	scripts/tree.sh

export:
	scripts/export.sh

mails:
	scripts/mails.sh

demo: deps tree
	scripts/demo.sh

check:
	scripts/check.sh

# before sending the series: a long stress run on the debug kernel
stress: deps tree
	DEVSEC_DEBUG=1 DEMO_ARGS="stress,--seconds,$${STRESS_SECONDS:-600},--workers,$${STRESS_WORKERS:-4}" \
		scripts/demo.sh

# not in check: one KUnit run per guard deleted, about a minute each
mutate: deps tree
	scripts/mutate.py

# not in check: a guest kernel build and test run per patch that changes a test
check-series: deps tree
	scripts/check-series.sh

bench: deps tree
	scripts/bench.sh

size: deps tree
	scripts/size.sh

check-apply check-checkpatch check-maintainers check-build check-sparse \
check-kdoc check-docs check-kunit: tree
	scripts/$@.sh

clean:
	rm -rf build
