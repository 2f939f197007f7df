"""Sample benchmark for testing/bench/pyperf.py: bench_time_func with extra
arguments and inner_loops, --name=value options."""

import pyperf

DEFAULT_SIZE = 200


def build(size):
    return {i: str(i) for i in range(size)}


def bench_dict(loops, size, scale):
    range_it = range(loops)
    t0 = pyperf.perf_counter()
    for _ in range_it:
        for _ in range(10):
            d = build(size)
            total = 0
            for k in d:
                total += len(d[k]) * scale
    return pyperf.perf_counter() - t0


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.argparser.add_argument("--size", type=int, default=DEFAULT_SIZE)
    runner.argparser.add_argument("--scale", type=float, default="1.5")
    args = runner.parse_args()
    runner.metadata["sample_size"] = args.size
    runner.bench_time_func("sample_dict", bench_dict, args.size, args.scale,
                           inner_loops=10)
