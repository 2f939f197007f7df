#!/usr/bin/python3.11
"""What a compiled call costs: ((x + 1) * 2).relu().sum() on a 4-element
tensor, as direct ATen calls from C++ (the reference), eagerly under the VM,
and through torch.compile under the VM (guard check + out code + graph);
then torch_compile_latency.py's first-call and warm-call figures for a
seed-style function (d[40] = t + 1).

    run_compile_overhead.py [--vm PATH] [--aten PATH] [--n N] [--numel K]

"graph" is the compiled graph alone, called directly (the executor's cost
over the same ATen calls).

Build first: `bazel build //vm //testing/bench:torch_op_overhead`."""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))


def main(argv):
    vm = os.path.join(ROOT, "bazel-bin/vm/vm")
    aten = os.path.join(ROOT, "bazel-bin/testing/bench/torch_op_overhead")
    n = "100000"
    numel = "4"
    for flag, value in zip(argv[::2], argv[1::2]):
        if flag == "--vm":
            vm = value
        elif flag == "--aten":
            aten = value
        elif flag == "--n":
            n = value
        elif flag == "--numel":
            numel = value
    out = subprocess.run([aten, n, numel], check=True, capture_output=True,
                         text=True).stdout
    ref = dict(line.split() for line in out.splitlines())
    base = float(ref["chain4"])
    script = os.path.join(ROOT, "testing/bench/torch_compile_overhead.py")
    out = subprocess.run([vm, "run", script, n, numel], check=True,
                         capture_output=True, text=True).stdout
    vals = {k: float(v) for k, v in (line.split() for line in out.splitlines())}
    print(f"{'how':<22}{'ns/call':>10}{'vs ATen':>10}")
    print(f"{'ATen from C++':<22}{base:>10.1f}{1.0:>9.2f}x")
    print(f"(tensor of {numel} elements)")
    for name in ("eager", "compiled", "graph"):
        if name not in vals:
            continue
        print(f"{'VM ' + name:<22}{vals[name]:>10.1f}"
              f"{vals[name] / base:>9.2f}x")
    out = subprocess.run(
        [vm, "run", os.path.join(ROOT, "testing/bench/torch_compile_latency.py")],
        check=True, capture_output=True, text=True).stdout
    lat = {k: float(v) for k, v in (line.split() for line in out.splitlines())}
    print(f"first call (trace + codegen + run): {lat['first_call_us']:.1f} us"
          " (target <= 1000 us)")
    extra = (lat["warm_compiled_ns"] - lat["warm_eager_ns"]) / 1000
    print(f"warm call: eager {lat['warm_eager_ns']:.0f} ns, compiled "
          f"{lat['warm_compiled_ns']:.0f} ns, extra {extra:.2f} us "
          "(target <= 1 us)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
