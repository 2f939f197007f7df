// A Google Benchmark binary run as a test: each benchmark runs once, which
// proves the library links and the harness works; real figures come from
// testing/bench/.
#include <string>

#include "absl/container/flat_hash_map.h"
#include "benchmark/benchmark.h"

namespace {

void BM_FlatHashMapInsert(benchmark::State& state) {
  for (auto _ : state) {
    absl::flat_hash_map<int, int> m;
    for (int i = 0; i < 1000; ++i) m[i] = i;
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_FlatHashMapInsert);

void BM_StringConcat(benchmark::State& state) {
  for (auto _ : state) {
    std::string s;
    for (int i = 0; i < 100; ++i) s += "x";
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_StringConcat);

}  // namespace
