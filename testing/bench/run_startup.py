#!/usr/bin/env python3
"""Start-up times of the VM against CPython 3.11, measured in the same run.

    /usr/bin/python3.11 testing/bench/run_startup.py                 # bin/vm
    /usr/bin/python3.11 testing/bench/run_startup.py --vm bazel-bin/vm/vm --repeat 30

Times (minimum over --repeat runs, each the child's whole life) of:
  empty:        `VM run EMPTY.py`     against `python3.11 -c pass`
  import torch: `VM run TORCH.py`     against `python3.11 -c "import torch"`
(the second line only when the reference interpreter can import torch;
otherwise the VM's time is printed alone).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def best_time(cmd, repeat):
    """Minimum wall time of `cmd` over `repeat` runs; None when it fails."""
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            return None
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vm", default=os.path.join(ROOT, "bin", "vm"))
    parser.add_argument("--python", default="/usr/bin/python3.11")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.py")
        torch_script = os.path.join(tmp, "import_torch.py")
        with open(empty, "w") as f:
            f.write("")
        with open(torch_script, "w") as f:
            f.write("import torch\n")
        # A first run outside the clock: bin/vm builds the VM if it must.
        subprocess.run([args.vm, "run", empty], stdout=subprocess.DEVNULL)

        rows = [
            ("empty", [args.vm, "run", empty], [args.python, "-c", "pass"],
             args.repeat),
            ("import torch", [args.vm, "run", torch_script],
             [args.python, "-c", "import torch"], max(3, args.repeat // 4)),
        ]
        print(f"{'case':<14}{'CPython':>12}{'VM':>12}{'VM/CPy':>10}")
        failed = 0
        for name, vm_cmd, py_cmd, repeat in rows:
            vm_time = best_time(vm_cmd, repeat)
            py_time = best_time(py_cmd, repeat)
            if vm_time is None:
                print(f"{name:<14}{'':>12}{'FAILED':>12}")
                failed += 1
                continue
            py_text = f"{py_time * 1000:.1f} ms" if py_time else "n/a"
            ratio = f"{vm_time / py_time:.2f}x" if py_time else ""
            print(f"{name:<14}{py_text:>12}{vm_time * 1000:>9.1f} ms"
                  f"{ratio:>10}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
