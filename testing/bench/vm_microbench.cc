// Google Benchmark microbenchmarks of the VM's hot paths (dispatch, calls,
// attribute access, dict and list operations) and of torch.compile's warm
// path (guards + out code) next to the same function run eagerly. Each
// benchmark runs one Python function that loops `n` times; the reported
// time is per iteration of that loop.
//
//   MINIDYNAMO_TORCH_LIBRARY=$PWD/bazel-bin/runtime/torch/libtorch_c.so
//     bazel-bin/testing/bench/vm_microbench   (one command line)
//
// torch's library is found through MINIDYNAMO_TORCH_LIBRARY; without it the
// torch benchmarks report an error and the others still run.

#include <string>

#include "benchmark/benchmark.h"
#include "vm/compile/compiler.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/eval.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/dict.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace {

constexpr const char* kSource = R"PY(
class Point:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x

def loop(n):
    for i in range(n):
        pass

def calls(n):
    def f(a):
        return a
    for i in range(n):
        f(i)

def attrs(n):
    p = Point(1)
    for i in range(n):
        p.x

def methods(n):
    p = Point(1)
    for i in range(n):
        p.get()

def dicts(n):
    d = {}
    for i in range(n):
        d[i & 63] = i
        d[i & 31]

def lists(n):
    xs = []
    for i in range(n):
        xs.append(i)
        xs[i >> 1]

def arith(n):
    x = 0
    y = 1.5
    for i in range(n):
        x = x + i * 2
        y = y * 0.5 + 1.0
)PY";

constexpr const char* kTorchSource = R"PY(
import torch

def step(d, t):
    d[40] = t + 1

t = torch.ones(4)
d = {1: t}
compiled_step = torch.compile(step, backend="eager", fullgraph=True)

def eager(n):
    for i in range(n):
        step(d, t)

def compiled(n):
    for i in range(n):
        compiled_step(d, t)

# The graph alone (run_compile_overhead.py compares it with direct ATen).
def chain(x):
    return ((x + 1) * 2).relu().sum()

torch.compile(chain, backend="eager", fullgraph=True)(t)
graph = [chain.__globals__[name]
         for name in torch._dynamo.compiled_frames(chain)[0].out_code.co_names
         if name.startswith("__compiled_fn")][0]
assert graph.lowered

def chain_eager(n):
    for i in range(n):
        chain(t)

def chain_graph(n):
    for i in range(n):
        graph(t)
)PY";

DictObject* Globals(const char* source) {
  static bool initialized = false;
  if (!initialized) {
    InitRuntime({"vm_microbench"});
    initialized = true;
  }
  SyntaxErrorInfo err;
  auto code = CompileSource(source, "bench.py", CompileMode::kExec, &err);
  if (!code.ok()) return nullptr;
  Value globals = DictObject::New();
  As<DictObject>(globals)->SetStr(StrObject::Intern("__name__"),
                                  StrObject::New("__main__"));
  if (RunCode(*code, As<DictObject>(globals)).is_null()) {
    ClearError();
    return nullptr;
  }
  return static_cast<DictObject*>(globals.Release());
}

DictObject* VmGlobals() {
  static DictObject* g = Globals(kSource);
  return g;
}

DictObject* TorchGlobals() {
  static DictObject* g = Globals(kTorchSource);
  return g;
}

void RunLoop(benchmark::State& state, DictObject* globals, const char* fn) {
  if (globals == nullptr) {
    state.SkipWithError("setup failed (torch library not found?)");
    return;
  }
  Value f = globals->GetStr(StrObject::Intern(fn));
  constexpr int64_t kN = 1000;
  Value n = Value::Int(kN);
  for (auto _ : state) {
    Value r = Call(f, &n, 1);
    if (r.is_null()) {
      ClearError();
      state.SkipWithError("the Python function raised");
      return;
    }
  }
  state.SetItemsProcessed(state.iterations() * kN);
}

void BM_Dispatch(benchmark::State& s) { RunLoop(s, VmGlobals(), "loop"); }
void BM_Call(benchmark::State& s) { RunLoop(s, VmGlobals(), "calls"); }
void BM_AttrRead(benchmark::State& s) { RunLoop(s, VmGlobals(), "attrs"); }
void BM_MethodCall(benchmark::State& s) { RunLoop(s, VmGlobals(), "methods"); }
void BM_DictOps(benchmark::State& s) { RunLoop(s, VmGlobals(), "dicts"); }
void BM_ListOps(benchmark::State& s) { RunLoop(s, VmGlobals(), "lists"); }
void BM_IntFloatArith(benchmark::State& s) { RunLoop(s, VmGlobals(), "arith"); }
void BM_TorchEagerStep(benchmark::State& s) {
  RunLoop(s, TorchGlobals(), "eager");
}
void BM_TorchCompiledStep(benchmark::State& s) {
  RunLoop(s, TorchGlobals(), "compiled");
}
void BM_TorchChainEager(benchmark::State& s) {
  RunLoop(s, TorchGlobals(), "chain_eager");
}
void BM_TorchChainGraph(benchmark::State& s) {
  RunLoop(s, TorchGlobals(), "chain_graph");
}

BENCHMARK(BM_Dispatch);
BENCHMARK(BM_Call);
BENCHMARK(BM_AttrRead);
BENCHMARK(BM_MethodCall);
BENCHMARK(BM_DictOps);
BENCHMARK(BM_ListOps);
BENCHMARK(BM_IntFloatArith);
BENCHMARK(BM_TorchEagerStep);
BENCHMARK(BM_TorchCompiledStep);
BENCHMARK(BM_TorchChainEager);
BENCHMARK(BM_TorchChainGraph);

}  // namespace
}  // namespace minidynamo

BENCHMARK_MAIN();
