// Timings of the operations the VM leans on; the README quotes them.
//   bazel run //vm/bigint:bigint_bench
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>

#include "vm/bigint/bigint.h"

namespace minidynamo {
namespace {

// Best of `reps` runs of fn, in microseconds (the best run is the least
// disturbed by other work on the machine).
template <typename Fn>
double BestMicros(int reps, Fn&& fn) {
  double best = 1e300;
  for (int i = 0; i < reps; ++i) {
    const auto start = std::chrono::steady_clock::now();
    fn();
    const double us = std::chrono::duration<double, std::micro>(
                          std::chrono::steady_clock::now() - start)
                          .count();
    if (us < best) best = us;
  }
  return best;
}

BigInt Factorial(int n) {
  BigInt f(1);
  for (int i = 2; i <= n; ++i) f = BigInt::Mul(f, BigInt(i));
  return f;
}

BigInt Digits(int n, char d) { return *BigInt::FromString(std::string(n, d)); }

volatile size_t sink;

void Report(const char* name, double us) {
  std::printf("%-44s %12.1f us\n", name, us);
}

int Main() {
  const BigInt f5000 = Factorial(5000);
  Report("factorial(5000) (5000 small muls)",
         BestMicros(5, [] { sink = Factorial(5000).BitLength(); }));
  Report("str(factorial(5000)) (16326 digits)",
         BestMicros(5, [&] { sink = f5000.ToString().size(); }));
  Report("2**10000", BestMicros(20, [] {
           sink = BigInt::Pow(BigInt(2), BigInt(10000))->BitLength();
         }));
  const BigInt p10000 = *BigInt::Pow(BigInt(2), BigInt(10000));
  Report("str(2**10000) (3011 digits)",
         BestMicros(20, [&] { sink = p10000.ToString().size(); }));
  Report("3**20000 (9543 digits)", BestMicros(10, [] {
           sink = BigInt::Pow(BigInt(3), BigInt(20000))->BitLength();
         }));
  const std::string text(10000, '7');
  Report("int('7' * 10000)",
         BestMicros(10, [&] { sink = BigInt::FromString(text)->BitLength(); }));
  const BigInt a = Digits(10000, '7');
  const BigInt b = Digits(10000, '3');
  Report("10000-digit * 10000-digit (Karatsuba)",
         BestMicros(10, [&] { sink = BigInt::Mul(a, b).BitLength(); }));
  const BigInt ab = BigInt::Mul(a, b);
  Report("divmod(20000-digit, 10000-digit)", BestMicros(10, [&] {
           sink = BigInt::DivMod(ab, b)->first.BitLength();
         }));
  const BigInt m =
      BigInt::Sub(*BigInt::LeftShift(BigInt(1), 2048), BigInt(159));
  const BigInt base = *BigInt::Mod(a, m);
  Report("pow(x, 65537, 2048-bit m)", BestMicros(10, [&] {
           sink = BigInt::PowMod(base, BigInt(65537), m)->BitLength();
         }));
  Report("pow(x, 2048-bit e, 2048-bit m)", BestMicros(3, [&] {
           sink =
               BigInt::PowMod(base, BigInt::Sub(m, BigInt(2)), m)->BitLength();
         }));
  Report("hash(factorial(5000))",
         BestMicros(20, [&] { sink = static_cast<size_t>(f5000.Hash()); }));

  // The VM's overflow path: one int64 op that overflowed, per call.
  constexpr int kOps = 1000000;
  const double add_us = BestMicros(3, [] {
    int64_t acc = 0;
    for (int i = 0; i < kOps; ++i) {
      acc += BigInt::Add(INT64_MAX - i, int64_t{i} + 5).BitLength();
    }
    sink = static_cast<size_t>(acc);
  });
  std::printf("%-44s %12.1f ns\n", "BigInt::Add(int64, int64), overflowing",
              add_us * 1000 / kOps);
  const double mul_us = BestMicros(3, [] {
    int64_t acc = 0;
    for (int i = 0; i < kOps; ++i) {
      acc += BigInt::Mul(INT64_MAX - i, int64_t{i} + 5).BitLength();
    }
    sink = static_cast<size_t>(acc);
  });
  std::printf("%-44s %12.1f ns\n", "BigInt::Mul(int64, int64), overflowing",
              mul_us * 1000 / kOps);
  const BigInt big = BigInt::Add(INT64_MAX, 1);
  const double small_us = BestMicros(3, [&] {
    int64_t acc = 0;
    BigInt x = big;
    for (int i = 0; i < kOps; ++i) {
      x = BigInt::Add(x, big);
      acc += x.IsOdd();
    }
    sink = static_cast<size_t>(acc);
  });
  std::printf("%-44s %12.1f ns\n", "BigInt + BigInt (2-3 limbs)",
              small_us * 1000 / kOps);
  return 0;
}

}  // namespace
}  // namespace minidynamo

int main() { return minidynamo::Main(); }
