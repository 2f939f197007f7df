"""Sample benchmark for testing/bench/pyperf.py: bench_func, metadata,
positional and flag arguments, two benchmarks in one script."""

import pyperf


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def sort_words(words):
    return sorted(words, key=lambda w: (len(w), w))


if __name__ == "__main__":
    runner = pyperf.Runner(processes=4, add_cmdline_args=lambda cmd, args: None)
    runner.metadata["description"] = "sample: recursion and sorting"
    runner.argparser.add_argument("which", nargs="?", default="all",
                                  choices=["all", "fib", "sort"])
    runner.argparser.add_argument("--depth", type=int, default=20,
                                  help="recursion depth (default: %s)" % 20)
    runner.argparser.add_argument("--reverse", action="store_true")
    args = runner.parse_args()
    if args.which in ("all", "fib"):
        runner.bench_func("sample_fib", fib, args.depth)
    if args.which in ("all", "sort"):
        words = ["w%d" % ((i * 7919) % 1000) for i in range(2000)]
        if args.reverse:
            words.reverse()
        runner.bench_func("sample_sort", sort_words, words, inner_loops=1)
