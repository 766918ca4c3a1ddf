#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""make mutate: delete each guard of the interface-report parser, of the
devsec state machine and of the driver core's trust rules, one at a time, in build/linux, run the KUnit suites
(scripts/check-kunit.sh) and say which cases fail.  A mutant that no test
kills is a guard no test checks: the run fails.  Not part of make check (one
KUnit run per mutant, about a minute each on 2 cores).

    scripts/mutate.py [NAME...]     only the mutants named

The tree must have no uncommitted change to the files mutated; each file is
restored from git after its mutant ran, and on interrupt.
"""

import os
import re
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TREE = os.environ.get("TREE", os.path.join(TOP, "build", "linux"))
REPORT = "drivers/pci/tsm/report.c"
DEVSEC = "drivers/pci/tsm/devsec.c"
PCI_DRIVER = "drivers/pci/pci-driver.c"
NETLINK = "drivers/pci/tsm/netlink.c"
CORE = "drivers/pci/tsm/core.c"
DD = "drivers/base/dd.c"
COCO = "drivers/base/coco.c"
TRUST = "drivers/base/trust.c"

# name, file, text of the guard, what it becomes.  Each text must occur once.
MUTANTS = [
    # the interface report parser (report.c)
    ("report-header", REPORT,
     "if (!report || len < sizeof(*hdr))", "if (!report)"),
    ("report-count-max", REPORT,
     "if (count > PCI_TSM_MMIO_RANGES_MAX)\n\t\treturn -EPROTO;", ""),
    ("report-length", REPORT,
     "if (len < need ||\n\t    len - need != get_unaligned_le32(report + need - sizeof(__le32)))",
     "if (len < need)"),
    ("range-reserved-attr", REPORT,
     "if (attr & PCI_TDISP_MMIO_RESERVED ||\n\t    page", "if (\n\t    page"),
    ("range-address-overflow", REPORT,
     " ||\n\t    page > U64_MAX >> PCI_TDISP_PAGE_SHIFT)", ")"),
    ("range-end-overflow", REPORT,
     "if (check_add_overflow(addr, size - 1, &last))\n\t\treturn false;",
     "last = addr + size - 1;"),
    ("range-order", REPORT,
     "if (prev && addr <= prev->report_addr + (prev->end - prev->start))\n\t\treturn false;",
     ""),
    ("range-in-bar", REPORT,
     " ||\n\t    last - base >= resource_size(&layout->bars[bar]))", ")"),
    ("range-base-page", REPORT,
     "base & (BIT_ULL(PCI_TDISP_PAGE_SHIFT) - 1) || ", ""),
    ("range-id-bar", REPORT,
     "if (layout->range_id_is_bar)\n\t\treturn range_id", "if (0)\n\t\treturn range_id"),
    ("range-two-bars", REPORT,
     "if (found >= 0)\n\t\t\treturn -1;", ""),
    ("range-msix-flags", REPORT,
     "return table == !!(range->attr & PCI_TDISP_MMIO_MSIX_TABLE) &&\n"
     "\t       pba == !!(range->attr & PCI_TDISP_MMIO_MSIX_PBA);", "return true;"),
    # the devsec state machine (devsec.c, pci-driver.c)
    ("constructor-clears", DEVSEC,
     "*devsec = (struct pci_tsm_devsec) {\n\t\t.base_tsm = {\n\t\t\t.pdev = pdev,\n"
     "\t\t\t.tsm_dev = tsm_dev,\n\t\t},\n\t\t.state = PCI_TDISP_CONFIG_LOCKED,\n\t};",
     "devsec->base_tsm.pdev = pdev;\n\tdevsec->base_tsm.tsm_dev = tsm_dev;\n"
     "\tdevsec->state = PCI_TDISP_CONFIG_LOCKED;"),
    ("lock-locked", DEVSEC,
     "if (pdev->tsm)\n\t\treturn pdev->tsm->tsm_dev == tsm_dev ? -EALREADY : -EBUSY;", ""),
    ("lock-driver-bound", DEVSEC,
     "if (dev->driver)\n\t\treturn -EBUSY;\n\t/* being removed", "/* being removed"),
    ("run-generation", DEVSEC,
     "if (generation != devsec->generation)\n\t\treturn -ESTALE;", ""),
    ("run-from-error", DEVSEC,
     "case PCI_TDISP_ERROR:\n\t\treturn -EIO;", "case PCI_TDISP_ERROR:\n\t\tbreak;"),
    ("run-driver-bound", DEVSEC,
     "if (pdev->dev.driver)\n\t\treturn -EBUSY;\n\tif (!IS_ENABLED(CONFIG_CONFIDENTIAL_DEVICES))",
     "if (!IS_ENABLED(CONFIG_CONFIDENTIAL_DEVICES))"),
    ("run-failure-frees-ranges", DEVSEC,
     "\t\tkfree(devsec->ranges);\n\t\tdevsec->ranges = NULL;\n\t\tdevsec->nr_ranges = 0;\n", ""),
    ("unlock-other-tsm", DEVSEC,
     "else if (devsec->base_tsm.tsm_dev->id != id || pdev->dev.driver)",
     "else if (pdev->dev.driver)"),
    ("unlock-driver-bound", DEVSEC,
     "else if (devsec->base_tsm.tsm_dev->id != id || pdev->dev.driver)",
     "else if (devsec->base_tsm.tsm_dev->id != id)"),
    ("error-session", DEVSEC,
     "if (devsec->session != session)\n\t\treturn -ESTALE;\n\tif (devsec->state == PCI_TDISP_ERROR)",
     "if (devsec->state == PCI_TDISP_ERROR)"),
    ("refresh-unsupported", DEVSEC,
     "if (!devsec_ops(pdev->tsm)->refresh) {\n\t\tpci_tsm_devsec_refusal(extack, \"the TSM cannot refresh evidence\");\n"
     "\t\treturn -EOPNOTSUPP;\n\t}\n", ""),
    ("refresh-from-error", DEVSEC,
     "if (devsec->state == PCI_TDISP_ERROR) {\n\t\tpci_tsm_devsec_refusal(extack, \"the TDI is in ERROR\");\n"
     "\t\treturn -EIO;\n\t}\n", ""),
    ("refresh-report-unchanged", DEVSEC,
     "if (report->len != locked->len ||\n\t    memcmp(report->data, locked->data, report->len)) {",
     "if (0) {"),
    ("dump-interrupted", NETLINK,
     "\t\tcb->seq = PCI_TSM_NL_SEQ_CHANGED;\n", ""),
    ("probe-in-error", PCI_DRIVER,
     "if (pci_tsm_devsec_probe_refused(pci_dev))\n\t\treturn -EPERM;", ""),
    # both roles in one kernel (core.c)
    ("connect-keeps-devsec", CORE,
     "\tif (pdev->tsm)\n\t\treturn 0;\n\n\tpdev->tsm = ops->probe(", "\tpdev->tsm = ops->probe("),
    ("disconnect-keeps-devsec", CORE,
     "tsm_remove(to_pci_tsm_link(pdev->tsm));", "tsm_remove(pdev->tsm);"),
    # the driver core's trust rules (dd.c, coco.c, trust.c)
    ("probe-at-none", DD,
     "\t/* userspace has not decided whether to use the device, or it is revoked */\n"
     "\tif (device_trust(dev) == DEVICE_TRUST_NONE || dev->p->revoking)\n\t\treturn -EPERM;\n", ""),
    ("bind-driver-at-none", DD,
     "\t/* as in __driver_probe_device(): userspace has not allowed it */\n"
     "\tif (device_trust(dev) == DEVICE_TRUST_NONE || dev->p->revoking)\n\t\treturn -EPERM;\n", ""),
    ("accept-revoking", COCO,
     "\tif (dev->p->revoking)\n\t\treturn -EBUSY;\n\tif (dev->p->trust == DEVICE_TRUST_ACCEPTED)",
     "\tif (dev->p->trust == DEVICE_TRUST_ACCEPTED)"),
    ("accept-driver-bound", COCO,
     "\tif (dev->driver)\n\t\treturn -EBUSY;\n\t/* device_cc_reject() could not", "\t/* device_cc_reject() could not"),
    ("accept-parent-lock", COCO,
     "\tif (dev->type && dev->type->need_parent_lock)\n\t\treturn -EOPNOTSUPP;\n", ""),
    ("accept-fails-closed", COCO,
     "\t\tdevice_trust_set(dev, DEVICE_TRUST_NONE);\n\t\treturn -EIO;", "\t\treturn -EIO;"),
    ("trust-request-accepted", TRUST,
     "\tif (trust == DEVICE_TRUST_ACCEPTED)\n\t\treturn -EPERM;\n", ""),
    ("trust-request-bound", TRUST,
     "if (dev->p->trust == DEVICE_TRUST_ACCEPTED || dev->driver ||\n\t    dev->p->revoking)",
     "if (dev->p->trust == DEVICE_TRUST_ACCEPTED ||\n\t    dev->p->revoking)"),
    ("trust-request-revoking", TRUST,
     "if (dev->p->trust == DEVICE_TRUST_ACCEPTED || dev->driver ||\n\t    dev->p->revoking)",
     "if (dev->p->trust == DEVICE_TRUST_ACCEPTED || dev->driver)"),
    ("trust-request-ceiling", TRUST,
     "\tif (trust > device_trust_ceiling(dev))\n\t\treturn -EPERM;\n", ""),
]


def git(*args):
    return subprocess.run(["git", "-C", TREE] + list(args), check=True,
                          capture_output=True, text=True).stdout


def restore(path):
    git("checkout", "--", path)


def failed_cases(log):
    """The KUnit cases and suites that failed, from kunit.py's output."""
    names = re.findall(r"\[FAILED\] (.+?)\s*=*\s*$", log, re.M)
    # a case whose expectation failed before the kernel crashed
    names += re.findall(r"# (\w+): (?:EXPECTATION|ASSERTION) FAILED", log)
    return sorted(set(n.strip("= ") for n in names))


def run(mutant):
    name, path, old, new = mutant
    full = os.path.join(TREE, path)
    text = open(full).read()
    if text.count(old) != 1:
        return "STALE", "the guard's text is not in %s once" % path
    open(full, "w").write(text.replace(old, new))
    try:
        # the debug kernel, as make check: KASAN sees a read past a report
        env = dict(os.environ, DEVSEC_DEBUG=os.environ.get("DEVSEC_DEBUG", "1"))
        res = subprocess.run([os.path.join(TOP, "scripts", "check-kunit.sh")],
                             capture_output=True, text=True, env=env)
    finally:
        restore(path)
    out = res.stdout + res.stderr
    log_path = os.path.join(TOP, "build", "kunit.log")
    if os.path.exists(log_path):
        out += open(log_path).read()
    if res.returncode == 0:
        return "SURVIVED", ""
    cases = failed_cases(out)
    if not cases:
        return "KILLED", "the build or the kernel (see build/kunit.log)"
    return "KILLED", ", ".join(cases)


def main():
    only = set(sys.argv[1:])
    mutants = [m for m in MUTANTS if not only or m[0] in only]
    files = sorted(set(m[1] for m in mutants))
    if git("status", "--porcelain", "--", *files).strip():
        sys.exit("mutate.py: uncommitted changes in %s" % " ".join(files))
    rows = []
    try:
        for m in mutants:
            print("mutate.py: %s ..." % m[0], flush=True)
            verdict, detail = run(m)
            rows.append((m[0], verdict, detail))
            print("mutate.py: %s: %s %s" % (m[0], verdict, detail), flush=True)
    finally:
        for f in files:
            restore(f)
    print("\n%-26s %-9s %s" % ("mutant", "result", "failing KUnit cases"))
    for name, verdict, detail in rows:
        print("%-26s %-9s %s" % (name, verdict, detail))
    bad = [r for r in rows if r[1] != "KILLED"]
    print("%d passed, %d failed" % (len(rows) - len(bad), len(bad)))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
