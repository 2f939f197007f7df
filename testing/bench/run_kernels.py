#!/usr/bin/python3.11
"""Time minidynamo's VM against CPython on the kernels in testing/bench/kernels/.

For each kernel, runs `VM run NAME.py` and `PYTHON NAME.py` (cwd = kernels/)
alternately, --repeat times each, keeps the minimum wall time of each (measured
with time.perf_counter around the child's whole life: start-up included) and
the peak RSS of each (the child's own ru_maxrss, read with os.wait4 by a small
launcher so that the harness's own size does not leak into it), checks
that both printed the same stdout, and prints a table with the ratio VM/CPython
and the geometric mean of the ratios over the kernels that succeeded.

A kernel that exits non-zero, times out or prints something different under
the VM is reported as FAILED with the first lines of its stderr (or of the
output difference) and left out of the mean; the exit status is then 1.

Run it with /usr/bin/python3.11 (it needs subprocess, threading, resource).
"""

import math
import os
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
KERNEL_DIR = os.path.join(HERE, "kernels")
DEFAULT_VM = os.path.join(REPO_ROOT, "bin", "vm")
DEFAULT_PYTHON = "/usr/bin/python3.11"

USAGE = """usage: run_kernels.py [--vm PATH] [--python PATH] [--kernels a,b]
                      [--repeat N] [--iterations N] [--timeout SECONDS]
                      [--vm-run ARG] [--list]

  --vm PATH         the VM to test (default: bin/vm at the repository root)
  --python PATH     the reference interpreter (default: /usr/bin/python3.11)
  --kernels a,b     only these kernels (default: every kernels/*.py)
  --repeat N        runs of each interpreter per kernel; the minimum is kept (default 3)
  --iterations N    pass N to every kernel instead of its built-in default
  --timeout S       seconds before one run is killed and counted as failed (default 300)
  --vm-run ARG      subcommand put before the script for the VM: 'run' by default,
                    none when the VM's file name starts with 'python'; '' for none
  --list            print the kernel names and exit
"""


# ---------------------------------------------------------------------------
# Shared helpers (run_pyperformance.py imports these).

class RunResult:
    def __init__(self, seconds, maxrss_kib, rc, stdout, stderr, timed_out):
        self.seconds = seconds
        self.maxrss_kib = maxrss_kib
        self.rc = rc
        self.stdout = stdout
        self.stderr = stderr
        self.timed_out = timed_out

    @property
    def ok(self):
        return self.rc == 0 and not self.timed_out


# Each measured command is started by a small launcher process. Linux folds the
# resident size of the process that execs a command into the command's own
# ru_maxrss (the replaced address space's high-water mark), so a command spawned
# straight from this harness could never report less than the harness itself
# (about 13 MiB). `python3.11 -I -S` (about 7.5 MiB) forks the command, reaps it
# with os.wait4 and writes back its wall time, peak RSS and exit status.
_LAUNCHER = r"""
import os, sys, time
fd = int(sys.argv[1])
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.close(fd)
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    except OSError as e:
        os.write(2, ("cannot run %s: %s\n" % (sys.argv[2], e)).encode())
    os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - t0
os.write(fd, ("%r %d %d" % (seconds, usage.ru_maxrss,
                            os.waitstatus_to_exitcode(status))).encode())
"""


def run_once(cmd, cwd=None, env=None, timeout=300.0):
    """Run cmd once; return a RunResult with the wall time and the child's peak RSS.

    The child's output goes to temporary files. It is started and reaped by a
    small launcher (see _LAUNCHER) so that its ru_maxrss is its own, not the
    harness's resident size carried across exec; the wall time is measured there
    around the child's whole life."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        killed = []
        r, w = os.pipe()
        t0 = time.perf_counter()
        try:
            proc = subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", _LAUNCHER, str(w)] + list(cmd),
                cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                pass_fds=(w,), start_new_session=True)
        finally:
            os.close(w)

        def kill():
            killed.append(True)
            try:
                os.killpg(proc.pid, 9)
            except OSError:
                pass
        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            proc.wait()
        finally:
            timer.cancel()
        seconds = time.perf_counter() - t0
        with os.fdopen(r, "rb") as f:
            report = f.read().decode().split()
        if len(report) == 3:
            seconds, maxrss, rc = float(report[0]), int(report[1]), int(report[2])
        else:  # killed, or the launcher failed
            maxrss, rc = 0, proc.returncode or 1
        out.seek(0)
        err.seek(0)
        return RunResult(seconds, maxrss, rc,
                         out.read().decode("utf-8", "replace"),
                         err.read().decode("utf-8", "replace"), bool(killed))


def vm_command(vm, vm_run):
    """The argv prefix that runs a script under the VM."""
    if vm_run == "auto":
        base = os.path.basename(vm)
        vm_run = "" if base.startswith("python") else "run"
    return [vm] + ([vm_run] if vm_run else [])


def warm_up_vm(vm):
    """`bin/vm` builds the VM when sources changed; do that before timing."""
    try:
        r = subprocess.run([vm, "--version"], stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except OSError as exc:
        return "cannot start %s: %s" % (vm, exc)
    if r.returncode != 0:
        return "%s --version exited with %d: %s" % (
            vm, r.returncode, first_lines(r.stderr.decode("utf-8", "replace"), 5))
    return None


def first_lines(text, n=6):
    lines = text.strip("\n").splitlines()
    head = lines[:n]
    if len(lines) > n:
        head.append("... (%d more lines)" % (len(lines) - n))
    return "\n".join(head)


def describe_failure(ref, got, label="VM"):
    """Why `got` does not count: non-zero exit, timeout or different output."""
    if got.timed_out:
        return "%s timed out\n%s" % (label, first_lines(got.stderr))
    if got.rc != 0:
        return "%s exited with %d\n%s" % (label, got.rc, first_lines(got.stderr))
    if ref is not None and got.stdout != ref.stdout:
        exp = ref.stdout.splitlines()
        act = got.stdout.splitlines()
        for i in range(max(len(exp), len(act))):
            e = exp[i] if i < len(exp) else "<missing>"
            a = act[i] if i < len(act) else "<missing>"
            if e != a:
                return ("%s output differs at line %d\n  expected: %s\n  got:      %s\n%s"
                        % (label, i + 1, e[:200], a[:200], first_lines(got.stderr, 4)))
        return "%s output differs (line endings or trailing text)" % label
    return None


def geometric_mean(values):
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def mib(kib):
    return kib / 1024.0


def indent(text, prefix="    "):
    return "\n".join(prefix + line for line in text.splitlines())


def parse_options(argv, spec, usage):
    """A tiny option parser: spec maps '--name' to a default value; a default of
    False marks a flag. Returns a dict keyed by the name without dashes."""
    opts = {k.lstrip("-").replace("-", "_"): v for k, v in spec.items()}
    positional = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        i += 1
        if arg in ("-h", "--help"):
            sys.stdout.write(usage)
            sys.exit(0)
        if not arg.startswith("--"):
            positional.append(arg)
            continue
        name, eq, value = arg.partition("=")
        if name not in spec:
            sys.stderr.write("unknown option %s\n%s" % (name, usage))
            sys.exit(2)
        key = name.lstrip("-").replace("-", "_")
        if spec[name] is False:
            opts[key] = True
            continue
        if not eq:
            if i >= len(argv):
                sys.stderr.write("option %s needs a value\n" % name)
                sys.exit(2)
            value = argv[i]
            i += 1
        opts[key] = value
    return opts, positional


# ---------------------------------------------------------------------------

def list_kernels():
    return sorted(f[:-3] for f in os.listdir(KERNEL_DIR)
                  if f.endswith(".py") and not f.startswith("_"))


def main(argv):
    opts, positional = parse_options(argv, {
        "--vm": DEFAULT_VM, "--python": DEFAULT_PYTHON, "--kernels": "",
        "--repeat": "3", "--iterations": "", "--timeout": "300",
        "--vm-run": "auto", "--list": False,
    }, USAGE)
    if positional:
        sys.stderr.write("unexpected arguments: %s\n%s" % (" ".join(positional), USAGE))
        return 2
    available = list_kernels()
    if opts["list"]:
        print("\n".join(available))
        return 0
    names = [k.strip() for k in opts["kernels"].split(",") if k.strip()] or available
    unknown = [k for k in names if k not in available]
    if unknown:
        sys.stderr.write("unknown kernels: %s (have: %s)\n"
                         % (", ".join(unknown), ", ".join(available)))
        return 2
    repeat = max(1, int(opts["repeat"]))
    timeout = float(opts["timeout"])
    vm = os.path.abspath(opts["vm"]) if os.sep in opts["vm"] else opts["vm"]
    python = opts["python"]
    vm_prefix = vm_command(vm, opts["vm_run"])
    extra = [opts["iterations"]] if opts["iterations"] else []

    print("VM:      %s" % " ".join(vm_prefix))
    print("CPython: %s" % python)
    print("repeat:  %d (minimum wall time kept; start-up included)" % repeat)
    problem = warm_up_vm(vm)
    if problem:
        print("warning: %s" % problem)
    sys.stdout.flush()

    rows = []
    failures = []
    for name in names:
        script = name + ".py"
        best_ref = best_vm = None
        ref_rss = vm_rss = 0
        failure = None
        for _ in range(repeat):
            ref = run_once([python, script] + extra, cwd=KERNEL_DIR, timeout=timeout)
            if not ref.ok:
                failure = "CPython failed: " + describe_failure(None, ref, "CPython")
                break
            got = run_once(vm_prefix + [script] + extra, cwd=KERNEL_DIR, timeout=timeout)
            failure = describe_failure(ref, got)
            if failure:
                break
            best_ref = ref.seconds if best_ref is None else min(best_ref, ref.seconds)
            best_vm = got.seconds if best_vm is None else min(best_vm, got.seconds)
            ref_rss = max(ref_rss, ref.maxrss_kib)
            vm_rss = max(vm_rss, got.maxrss_kib)
        if failure:
            failures.append((name, failure))
            rows.append((name, None, None, None, None, None))
            print("%-16s FAILED" % name)
        else:
            rows.append((name, best_ref, best_vm, best_vm / best_ref, mib(ref_rss), mib(vm_rss)))
            print("%-16s %.3fs vs %.3fs" % (name, best_ref, best_vm))
        sys.stdout.flush()

    print()
    print("%-16s %10s %10s %9s %11s %11s" % ("kernel", "CPython s", "VM s", "VM/CPy",
                                             "CPy MiB", "VM MiB"))
    print("-" * 72)
    ratios = []
    for name, ref_s, vm_s, ratio, ref_mib, vm_mib in rows:
        if ratio is None:
            print("%-16s %10s" % (name, "FAILED"))
            continue
        ratios.append(ratio)
        print("%-16s %10.3f %10.3f %8.2fx %11.1f %11.1f"
              % (name, ref_s, vm_s, ratio, ref_mib, vm_mib))
    print("-" * 72)
    gm = geometric_mean(ratios)
    if gm is None:
        print("geometric mean VM/CPython: n/a (no kernel succeeded)")
    else:
        print("geometric mean VM/CPython: %.3fx over %d kernel(s)%s"
              % (gm, len(ratios), " (%d failed)" % len(failures) if failures else ""))
    for name, why in failures:
        print()
        print("FAILED %s:" % name)
        print(indent(why))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
