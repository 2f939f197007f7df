#!/usr/bin/python3.11
"""Per-op overhead of calling tensor ops from the VM, against the same ATen
calls from C++ (issue target: at most 0.3 us extra per op).

    run_torch_overhead.py [--vm PATH] [--aten PATH] [--n N]

--vm defaults to bazel-bin/vm/vm, --aten to
bazel-bin/testing/bench/torch_op_overhead (build both first:
`bazel build //vm //testing/bench:torch_op_overhead`). Prints a table of ns
per call for each op both ways and the extra cost in us."""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))


def parse(text):
    out = {}
    for line in text.splitlines():
        name, ns = line.split()
        out[name] = float(ns)
    return out


def main(argv):
    vm = os.path.join(ROOT, "bazel-bin/vm/vm")
    aten = os.path.join(ROOT, "bazel-bin/testing/bench/torch_op_overhead")
    n = "200000"
    i = 0
    while i < len(argv):
        if argv[i] == "--vm":
            vm = argv[i + 1]
        elif argv[i] == "--aten":
            aten = argv[i + 1]
        elif argv[i] == "--n":
            n = argv[i + 1]
        else:
            print(__doc__, file=sys.stderr)
            return 2
        i += 2
    script = os.path.join(ROOT, "testing/bench/torch_op_overhead.py")
    c = parse(subprocess.run([aten, n], check=True, capture_output=True,
                             text=True).stdout)
    v = parse(subprocess.run([vm, "run", script, n], check=True,
                             capture_output=True, text=True).stdout)
    print(f"{'op':<12}{'ATen ns':>10}{'VM ns':>10}{'extra us':>10}")
    worst = 0.0
    for name in [n for n in c if n in v]:
        extra = (v[name] - c[name]) / 1000
        worst = max(worst, extra)
        print(f"{name:<12}{c[name]:>10.1f}{v[name]:>10.1f}{extra:>10.3f}")
    print(f"worst extra per op: {worst:.3f} us (target <= 0.3 us)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
