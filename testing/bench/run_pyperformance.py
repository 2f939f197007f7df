#!/usr/bin/python3.11
"""Run the public pyperformance benchmarks under minidynamo's VM and CPython.

    run_pyperformance.py DIR [--vm PATH] [--python PATH] [--benchmarks a,b] ...

DIR holds pyperformance's `bm_*/run_benchmark.py` files (for example a checkout's
`pyperformance/data-files/benchmarks`; we do not ship them). Each script runs
with cwd = its bm_* folder and testing/bench/ first on PYTHONPATH, so
`import pyperf` finds our in-process stand-in (testing/bench/pyperf.py) under
both interpreters. Each script prints `NAME: Mean +- std dev: X +- Y` per
benchmark; the table compares the means (seconds per loop, start-up excluded),
and the peak RSS of the whole process.

A benchmark whose script fails under CPython (a missing third-party package,
for instance) is SKIPPED. One that fails under the VM, or whose VM run reports
different benchmark names or prints different non-timing output, is FAILED,
left out of the geometric mean, and makes the exit status 1.
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from pyperf import format_timedelta  # noqa: E402
from run_kernels import (DEFAULT_PYTHON, DEFAULT_VM, describe_failure, first_lines,  # noqa: E402
                         geometric_mean, indent, mib, parse_options, run_once,
                         vm_command, warm_up_vm)

USAGE = """usage: run_pyperformance.py DIR [--vm PATH] [--python PATH]
                            [--benchmarks a,b] [--repeat N] [--timeout SECONDS]
                            [--args "ARGS"] [--vm-run ARG] [--list]

  DIR               folder with bm_*/run_benchmark.py (searched recursively)
  --vm PATH         the VM to test (default: bin/vm at the repository root)
  --python PATH     the reference interpreter (default: /usr/bin/python3.11)
  --benchmarks a,b  only these (folder names with or without the bm_ prefix)
  --repeat N        processes per interpreter; the minimum mean is kept (default 1)
  --timeout S       seconds before one process is killed (default 600)
  --args "ARGS"     extra arguments for every script, e.g. "--values 5 --loops 3"
  --vm-run ARG      subcommand before the script for the VM ('run'; none for python*)
  --list            print the benchmarks found and exit
"""

RESULT = re.compile(r"^(?P<name>\S+): (?:Mean \+- std dev: )?"
                    r"(?P<mean>[0-9.]+(?:e[-+]?\d+)?) (?P<unit>sec|ms|us|ns)"
                    r"(?: \+- [0-9.]+(?:e[-+]?\d+)? (?:sec|ms|us|ns))?$")
SCALE = {"sec": 1.0, "ms": 1e-3, "us": 1e-6, "ns": 1e-9}


def find_benchmarks(root):
    found = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        base = os.path.basename(dirpath)
        if base.startswith("bm_") and "run_benchmark.py" in filenames:
            found.setdefault(base[3:], dirpath)
    return found


def parse_results(stdout):
    """{benchmark name: mean seconds} and the remaining (non-timing) lines."""
    results = {}
    other = []
    for line in stdout.splitlines():
        m = RESULT.match(line.strip())
        if m:
            results[m.group("name")] = float(m.group("mean")) * SCALE[m.group("unit")]
        else:
            other.append(line)
    return results, other


def main(argv):
    opts, positional = parse_options(argv, {
        "--vm": DEFAULT_VM, "--python": DEFAULT_PYTHON, "--benchmarks": "",
        "--repeat": "1", "--timeout": "600", "--args": "", "--vm-run": "auto",
        "--list": False,
    }, USAGE)
    if len(positional) != 1:
        sys.stderr.write(USAGE)
        return 2
    root = positional[0]
    if not os.path.isdir(root):
        sys.stderr.write("not a directory: %s\n" % root)
        return 2
    available = find_benchmarks(root)
    if not available:
        sys.stderr.write("no bm_*/run_benchmark.py under %s\n" % root)
        return 2
    if opts["list"]:
        print("\n".join(sorted(available)))
        return 0
    wanted = [b.strip() for b in opts["benchmarks"].split(",") if b.strip()]
    wanted = [b[3:] if b.startswith("bm_") else b for b in wanted] or sorted(available)
    unknown = [b for b in wanted if b not in available]
    if unknown:
        sys.stderr.write("unknown benchmarks: %s\n" % ", ".join(unknown))
        return 2

    repeat = max(1, int(opts["repeat"]))
    timeout = float(opts["timeout"])
    vm = os.path.abspath(opts["vm"]) if os.sep in opts["vm"] else opts["vm"]
    vm_prefix = vm_command(vm, opts["vm_run"])
    python = opts["python"]
    extra = opts["args"].split()
    env = dict(os.environ)
    env["PYTHONPATH"] = HERE + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")

    print("VM:      %s" % " ".join(vm_prefix))
    print("CPython: %s" % python)
    print("pyperf:  %s (in-process; per-loop means compared)" % os.path.join(HERE, "pyperf.py"))
    problem = warm_up_vm(vm)
    if problem:
        print("warning: %s" % problem)
    sys.stdout.flush()

    rows = []       # (label, ref_mean, vm_mean, ref_mib, vm_mib) or failure/skip markers
    failures = []
    skipped = []
    for bench in wanted:
        folder = available[bench]
        cmd_tail = ["run_benchmark.py"] + extra
        best_ref = {}
        best_vm = {}
        ref_rss = vm_rss = 0
        failure = None
        for _ in range(repeat):
            ref = run_once([python] + cmd_tail, cwd=folder, env=env, timeout=timeout)
            if not ref.ok:
                skipped.append((bench, describe_failure(None, ref, "CPython")))
                failure = "skip"
                break
            got = run_once(vm_prefix + cmd_tail, cwd=folder, env=env, timeout=timeout)
            why = describe_failure(None, got)
            ref_res, ref_other = parse_results(ref.stdout)
            got_res, got_other = parse_results(got.stdout)
            if why is None and sorted(ref_res) != sorted(got_res):
                why = "VM reported benchmarks %s, CPython %s\n%s" % (
                    sorted(got_res), sorted(ref_res), first_lines(got.stderr, 4))
            if why is None and ref_other != got_other:
                why = "VM printed different non-timing output\n  expected: %s\n  got:      %s" % (
                    first_lines("\n".join(ref_other), 3), first_lines("\n".join(got_other), 3))
            if why is not None:
                failures.append((bench, why))
                failure = "fail"
                break
            for name, mean in ref_res.items():
                best_ref[name] = min(mean, best_ref.get(name, mean))
            for name, mean in got_res.items():
                best_vm[name] = min(mean, best_vm.get(name, mean))
            ref_rss = max(ref_rss, ref.maxrss_kib)
            vm_rss = max(vm_rss, got.maxrss_kib)
        if failure == "skip":
            rows.append((bench, "SKIPPED"))
            print("%-28s SKIPPED (fails under CPython)" % bench)
        elif failure == "fail":
            rows.append((bench, "FAILED"))
            print("%-28s FAILED" % bench)
        else:
            for name in sorted(best_ref):
                label = bench if name == bench else "%s/%s" % (bench, name)
                rows.append((label, best_ref[name], best_vm[name], mib(ref_rss), mib(vm_rss)))
            print("%-28s ok (%d benchmark%s)" % (bench, len(best_ref),
                                                "" if len(best_ref) == 1 else "s"))
        sys.stdout.flush()

    print()
    print("%-32s %11s %11s %9s %9s %9s" % ("benchmark", "CPython", "VM", "VM/CPy",
                                          "CPy MiB", "VM MiB"))
    print("-" * 86)
    ratios = []
    for row in rows:
        if len(row) == 2:
            print("%-32s %11s" % (row[0], row[1]))
            continue
        label, ref_mean, vm_mean, ref_mib, vm_mib = row
        ratio = vm_mean / ref_mean if ref_mean > 0 else float("inf")
        if ref_mean > 0:
            ratios.append(ratio)
        print("%-32s %11s %11s %8.2fx %9.1f %9.1f"
              % (label[:32], format_timedelta(ref_mean), format_timedelta(vm_mean),
                 ratio, ref_mib, vm_mib))
    print("-" * 86)
    gm = geometric_mean(ratios)
    if gm is None:
        print("geometric mean VM/CPython: n/a (nothing succeeded)")
    else:
        print("geometric mean VM/CPython: %.3fx over %d benchmark(s); %d failed, %d skipped"
              % (gm, len(ratios), len(failures), len(skipped)))
    for bench, why in failures:
        print()
        print("FAILED %s:" % bench)
        print(indent(why))
    for bench, why in skipped:
        print()
        print("SKIPPED %s:" % bench)
        print(indent(why))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
