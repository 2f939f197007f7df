"""A minimal stand-in for the `pyperf` module, enough to run the public
pyperformance `bm_*/run_benchmark.py` scripts under minidynamo's VM.

It runs everything in one process (no worker processes, no calibration): each
benchmark gets a fixed number of warm-up and timed values of a fixed number of
loops, then one line is printed in pyperf's style:

    NAME: Mean +- std dev: 12.3 ms +- 0.4 ms

The values are per-loop times (divided by loops and inner_loops, like pyperf).
It uses no argparse, statistics, json or subprocess at import time, because the
VM's standard library is a subset; command-line parsing is done by the small
`ArgParser` class below.

Knobs (command line, or environment variables for the whole run):
    --values N   / PYPERF_VALUES    timed values per benchmark (default 3)
    --warmups N  / PYPERF_WARMUPS   untimed warm-up values (default 1)
    --loops N    / PYPERF_LOOPS     loops per value (default 1)
pyperf's other common options (--fast, --rigorous, -p, -o, ...) are accepted
and ignored.
"""

import sys
import time

try:  # the VM's standard library may not have os; only the environment is read
    from os import environ as _environ
except ImportError:
    _environ = {}

__version__ = "2.6.0-minidynamo"
VERSION = (2, 6, 0)

perf_counter = time.perf_counter


def python_implementation():
    name = getattr(sys, "implementation", None)
    return getattr(name, "name", "cpython").lower()


def python_has_jit():
    return False


# ---------------------------------------------------------------------------
# Time formatting, as pyperf prints it.

_UNITS = ((1.0, "sec"), (1e-3, "ms"), (1e-6, "us"), (1e-9, "ns"))


def _unit_for(seconds):
    for factor, name in _UNITS:
        if abs(seconds) >= factor:
            return factor, name
    return _UNITS[-1]


def _format_number(value):
    """Three significant digits, like pyperf: 1.23, 12.3, 123."""
    a = abs(value)
    if a >= 100 or a == 0:
        return "%.0f" % value
    if a >= 10:
        return "%.1f" % value
    return "%.2f" % value


def format_timedelta(seconds):
    factor, name = _unit_for(seconds)
    return "%s %s" % (_format_number(seconds / factor), name)


def format_timedeltas(values):
    factor, name = _unit_for(max(abs(v) for v in values))
    return tuple("%s %s" % (_format_number(v / factor), name) for v in values)


def _mean_stdev(values):
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, 0.0
    var = sum((v - mean) ** 2 for v in values) / (n - 1)
    return mean, var ** 0.5


# ---------------------------------------------------------------------------
# A tiny argparse substitute.

class Namespace:
    def __init__(self, **kw):
        self.__dict__.update(kw)

    def __repr__(self):
        items = ", ".join("%s=%r" % kv for kv in sorted(self.__dict__.items()))
        return "Namespace(%s)" % items

    def __contains__(self, key):
        return key in self.__dict__


class _Option:
    def __init__(self, names, kw):
        self.names = names
        self.positional = not names[0].startswith("-")
        self.action = kw.get("action", "store")
        self.type = kw.get("type")
        self.nargs = kw.get("nargs")
        self.choices = kw.get("choices")
        self.const = kw.get("const")
        self.required = kw.get("required", False)
        dest = kw.get("dest")
        if dest is None:
            if self.positional:
                dest = names[0]
            else:
                longs = [n for n in names if n.startswith("--")]
                dest = (longs[0] if longs else names[0]).lstrip("-")
            dest = dest.replace("-", "_")
        self.dest = dest
        if "default" in kw:
            self.default = kw["default"]
        elif self.action == "store_true":
            self.default = False
        elif self.action == "store_false":
            self.default = True
        elif self.positional and self.nargs in ("*",):
            self.default = []
        else:
            self.default = None

    def convert(self, text):
        value = self.type(text) if self.type is not None else text
        if self.choices is not None and value not in self.choices:
            raise ValueError("argument %s: invalid choice: %r (choose from %s)"
                             % (self.names[0], value,
                                ", ".join(repr(c) for c in self.choices)))
        return value

    def takes_value(self):
        return self.action in ("store", "append")


class ArgParser:
    """Understands add_argument(*names, **kw) for the forms pyperformance uses:
    --name VALUE, --name=VALUE, -n VALUE, flags (store_true/store_false/
    store_const/count), append, positionals with nargs None/'?'/'*'/'+',
    type=, default=, choices=, dest=. help/metavar are ignored."""

    def __init__(self, prog=None, description=None, **kw):
        self.prog = prog
        self.description = description
        self.options = []
        self.defaults = {}

    def add_argument(self, *names, **kw):
        if not names:
            raise TypeError("add_argument needs at least one name")
        opt = _Option(names, kw)
        # A later definition of the same option string replaces the earlier one,
        # so a benchmark may redefine one of our pyperf-level options.
        for name in names:
            for old in list(self.options):
                if name in old.names:
                    self.options.remove(old)
        self.options.append(opt)
        return opt

    def add_argument_group(self, *args, **kw):
        return self

    def add_mutually_exclusive_group(self, *args, **kw):
        return self

    def set_defaults(self, **kw):
        self.defaults.update(kw)

    def get_default(self, dest):
        for opt in self.options:
            if opt.dest == dest:
                return opt.default
        return self.defaults.get(dest)

    def error(self, message):
        sys.stderr.write("%s: error: %s\n" % (self.prog or "pyperf", message))
        sys.exit(2)

    def _find(self, name):
        for opt in self.options:
            if not opt.positional and name in opt.names:
                return opt
        return None

    def parse_args(self, args=None):
        if args is None:
            args = sys.argv[1:]
        values = {}
        for opt in self.options:
            d = opt.default
            if isinstance(d, str) and opt.type is not None and opt.takes_value():
                d = opt.type(d)
            values[opt.dest] = d
        values.update(self.defaults)
        positionals = []
        i = 0
        only_positional = False
        try:
            while i < len(args):
                arg = args[i]
                i += 1
                if only_positional or arg == "-" or not arg.startswith("-"):
                    positionals.append(arg)
                    continue
                if arg == "--":
                    only_positional = True
                    continue
                inline = None
                if arg.startswith("--") and "=" in arg:
                    arg, inline = arg.split("=", 1)
                opt = self._find(arg)
                if opt is None and not arg.startswith("--") and len(arg) > 2:
                    # -n3 style
                    opt = self._find(arg[:2])
                    if opt is not None:
                        inline = arg[2:]
                if opt is None:
                    self.error("unrecognized arguments: %s" % arg)
                action = opt.action
                if action == "store_true":
                    values[opt.dest] = True
                elif action == "store_false":
                    values[opt.dest] = False
                elif action == "store_const":
                    values[opt.dest] = opt.const
                elif action == "count":
                    values[opt.dest] = (values[opt.dest] or 0) + 1
                else:
                    count = opt.nargs
                    if inline is not None:
                        items = [inline]
                    elif count in ("*", "+"):
                        items = []
                        while i < len(args) and not args[i].startswith("-"):
                            items.append(args[i])
                            i += 1
                    elif isinstance(count, int):
                        items = args[i:i + count]
                        i += count
                    elif count == "?":
                        if i < len(args) and not args[i].startswith("-"):
                            items = [args[i]]
                            i += 1
                        else:
                            items = None
                    else:
                        if i >= len(args):
                            self.error("argument %s: expected one argument" % arg)
                        items = [args[i]]
                        i += 1
                    if items is None:
                        value = opt.const
                    elif count in ("*", "+") or isinstance(count, int):
                        value = [opt.convert(t) for t in items]
                    else:
                        value = opt.convert(items[0])
                    if action == "append":
                        old = values.get(opt.dest)
                        values[opt.dest] = (list(old) if old else []) + [value]
                    else:
                        values[opt.dest] = value
            # Positionals, in declaration order.
            for opt in self.options:
                if not opt.positional:
                    continue
                if opt.nargs in ("*", "+"):
                    if opt.nargs == "+" and not positionals:
                        self.error("the following arguments are required: %s" % opt.dest)
                    values[opt.dest] = [opt.convert(t) for t in positionals]
                    positionals = []
                elif positionals:
                    values[opt.dest] = opt.convert(positionals.pop(0))
                elif opt.nargs != "?":
                    self.error("the following arguments are required: %s" % opt.dest)
            if positionals:
                self.error("unrecognized arguments: %s" % " ".join(positionals))
            for opt in self.options:
                if opt.required and values.get(opt.dest) is None:
                    self.error("the following arguments are required: %s" % opt.names[0])
        except ValueError as exc:
            self.error(str(exc))
        return Namespace(**values)


# ---------------------------------------------------------------------------
# Benchmark results.

class Benchmark:
    def __init__(self, name, values, loops, inner_loops, metadata):
        self.name = name
        self.values = values
        self.loops = loops
        self.inner_loops = inner_loops
        self.metadata = dict(metadata)

    def get_name(self):
        return self.name

    def get_values(self):
        return tuple(self.values)

    def mean(self):
        return _mean_stdev(self.values)[0]

    def stdev(self):
        return _mean_stdev(self.values)[1]

    def median(self):
        s = sorted(self.values)
        n = len(s)
        return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2

    def format(self):
        mean, stdev = _mean_stdev(self.values)
        if len(self.values) < 2:
            return format_timedelta(mean)
        a, b = format_timedeltas((mean, stdev))
        return "Mean +- std dev: %s +- %s" % (a, b)

    def __repr__(self):
        return "<Benchmark %r with %d values>" % (self.name, len(self.values))


def _env_int(name, default):
    text = _environ.get(name)
    if text:
        try:
            return int(text)
        except ValueError:
            pass
    return default


class Runner:
    """pyperf.Runner with the same entry points, running in-process.

    Unknown keyword arguments to the constructor (add_cmdline_args,
    program_args, processes, show_name, ...) are accepted and ignored, except
    values/warmups/loops/min_time which set defaults."""

    def __init__(self, values=None, warmups=None, processes=None, loops=0,
                 min_time=0.1, metadata=None, show_name=True, program_args=None,
                 add_cmdline_args=None, _argparser=None, **kwargs):
        self.metadata = dict(metadata) if metadata else {}
        self.show_name = show_name
        self.benchmarks = []
        self.args = None
        self._names = set()
        parser = _argparser if _argparser is not None else ArgParser(prog=sys.argv[0])
        parser.add_argument("-n", "--values", type=int,
                            default=_env_int("PYPERF_VALUES", values or 3))
        parser.add_argument("-w", "--warmups", type=int,
                            default=_env_int("PYPERF_WARMUPS",
                                             1 if warmups is None else warmups))
        parser.add_argument("-l", "--loops", type=int,
                            default=_env_int("PYPERF_LOOPS", loops or 1))
        parser.add_argument("-p", "--processes", type=int, default=processes)
        parser.add_argument("-o", "--output")
        parser.add_argument("--append")
        parser.add_argument("--min-time", type=float, default=min_time)
        for names in (("--fast",), ("--rigorous",), ("--debug-single-value",),
                      ("-q", "--quiet"), ("-v", "--verbose"), ("--worker",),
                      ("--no-locale",), ("--tracemalloc",), ("--track-memory",),
                      ("--calibrate-loops",), ("--recalibrate-loops",),
                      ("--calibrate-warmups",), ("--recalibrate-warmups",)):
            parser.add_argument(*names, action="store_true")
        for name in ("--hook", "--inherit-environ", "--affinity", "--pipe",
                     "--profile", "--timeout", "--copy-env"):
            parser.add_argument(name)
        self.argparser = parser

    def parse_args(self, args=None):
        if self.args is None or args is not None:
            self.args = self.argparser.parse_args(args)
            if getattr(self.args, "debug_single_value", False):
                self.args.values = 1
                self.args.warmups = 0
                self.args.loops = 1
        return self.args

    def _settings(self):
        args = self.parse_args() if self.args is None else self.args
        values = max(1, int(args.values))
        warmups = max(0, int(args.warmups))
        loops = max(1, int(args.loops))
        return values, warmups, loops

    def _check_name(self, name):
        if name in self._names:
            raise ValueError("duplicated benchmark name: %r" % name)
        self._names.add(name)

    def _run(self, name, timed, inner_loops, metadata):
        """timed(loops) -> elapsed seconds for `loops` outer loops."""
        self._check_name(name)
        values, warmups, loops = self._settings()
        inner = inner_loops or 1
        for _ in range(warmups):
            timed(loops)
        results = []
        for _ in range(values):
            dt = timed(loops)
            results.append(dt / (loops * inner))
        meta = dict(self.metadata)
        if metadata:
            meta.update(metadata)
        bench = Benchmark(name, results, loops, inner, meta)
        self.benchmarks.append(bench)
        if self.show_name:
            print("%s: %s" % (name, bench.format()))
        else:
            print(bench.format())
        sys.stdout.flush()
        return bench

    def bench_time_func(self, name, time_func, *args, inner_loops=None, metadata=None):
        return self._run(name, lambda loops: time_func(loops, *args),
                         inner_loops, metadata)

    def bench_func(self, name, func, *args, inner_loops=None, metadata=None):
        def timed(loops):
            it = range(loops)
            t0 = perf_counter()
            for _ in it:
                func(*args)
            return perf_counter() - t0
        return self._run(name, timed, inner_loops, metadata)

    def bench_async_func(self, name, func, *args, inner_loops=None, metadata=None,
                         loop_factory=None):
        import asyncio

        def timed(loops):
            async def many():
                t0 = perf_counter()
                for _ in range(loops):
                    await func(*args)
                return perf_counter() - t0
            return asyncio.run(many())
        return self._run(name, timed, inner_loops, metadata)

    def timeit(self, name, stmt=None, setup="pass", teardown="pass",
               inner_loops=None, duplicate=None, metadata=None, globals=None):
        env = dict(globals) if globals else {}
        exec(setup, env)
        code = compile(stmt, "<timeit>", "exec")

        def timed(loops):
            t0 = perf_counter()
            for _ in range(loops):
                exec(code, env)
            return perf_counter() - t0
        try:
            return self._run(name, timed, inner_loops, metadata)
        finally:
            exec(teardown, env)

    def bench_command(self, name, command):
        import subprocess

        def timed(loops):
            t0 = perf_counter()
            for _ in range(loops):
                subprocess.run(command, check=True)
            return perf_counter() - t0
        return self._run(name, timed, None, None)
