// The baseline for torch_op_overhead.py: the same tensor ops called on ATen
// directly from C++, in ns per call. Prints one "name ns" line per op.

#include <ATen/ATen.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace {

template <typename F>
double NsPerCall(long n, F&& f) {
  for (long i = 0; i < n / 10; ++i) f();  // warm up
  auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < n; ++i) f();
  auto end = std::chrono::steady_clock::now();
  return std::chrono::duration<double, std::nano>(end - start).count() / n;
}

}  // namespace

int main(int argc, char** argv) {
  long n = argc > 1 ? std::atol(argv[1]) : 200000;
  long numel = argc > 2 ? std::atol(argv[2]) : 4;
  at::Tensor a = at::ones({4});
  at::Tensor b = at::ones({4});
  at::Tensor sink;
  std::printf("add %.1f\n", NsPerCall(n, [&] { sink = at::add(a, b); }));
  std::printf("add_scalar %.1f\n",
              NsPerCall(n, [&] { sink = at::add(a, at::Scalar(1.5)); }));
  std::printf("relu %.1f\n", NsPerCall(n, [&] { sink = at::relu(a); }));
  std::printf("sum_dim %.1f\n",
              NsPerCall(n, [&] { sink = at::sum(a, {0}, false); }));
  std::printf("view %.1f\n", NsPerCall(n, [&] { sink = a.view({2, 2}); }));
  // The function run_compile_overhead.py compiles: ((x + 1) * 2).relu().sum()
  at::Tensor big = at::ones({numel});
  std::printf("chain4 %.1f\n", NsPerCall(n, [&] {
                sink = at::sum(at::relu(at::mul(at::add(big, 1), 2)));
              }));
  return 0;
}
