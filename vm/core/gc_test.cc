// Tests of the cycle collector (gc.h): cycles through each kind of container
// are freed by a collection, what roots reach survives intact, and the counts
// are CPython's.
//
// A Probe is a C++ object that counts its live instances; Python snippets
// build cycles around probes (new_probe()), drop them, and the tests check the
// count before and after gc::Collect.

#include "vm/core/gc.h"

#include <string>

#include "gtest/gtest.h"
#include "vm/compile/code.h"
#include "vm/compile/compiler.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/type.h"
#include "vm/interp/eval.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/dict.h"
#include "vm/objects/function.h"
#include "vm/objects/list.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

int g_probes_alive = 0;
TypeObject* g_probe_type = nullptr;

// Holds one reference (`ref`), which Traverse reports and ClearRefs drops.
class Probe : public Object {
 public:
  Probe() : Object(g_probe_type) { ++g_probes_alive; }
  ~Probe() override { --g_probes_alive; }
  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(ref);
  }
  void ClearRefs() override {
    Value old = std::move(ref);
    ref = Value();
  }
  Value ref;
};

Value NewProbe(Value*, size_t, TupleObject*) {
  return Value::Steal(new Probe());
}

// probe_hold(p, x): p.ref = x.
Value ProbeHold(Value* args, size_t, TupleObject*) {
  As<Probe>(args[0])->ref = args[1];
  return Value::None();
}

class GcTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static bool initialized = false;
    if (!initialized) {
      InitRuntime({"gc_test"});
      g_probe_type = new TypeObject(g_types.type, "probe", Layout::kOther);
      g_probe_type->SetBases({g_types.object});
    }
    initialized = true;
  }

  void SetUp() override {
    gc::Collect(2);
    g_probes_alive = 0;
    negative_before_ = gc::g_state.negative_refs;
  }

  void TearDown() override {
    gc::Collect(2);
    // Traverse never reported more references than an object holds.
    EXPECT_EQ(gc::g_state.negative_refs, negative_before_);
  }

  // Runs `source` as a module with new_probe() and probe_hold() available;
  // returns its globals.
  Value Run(const std::string& source) {
    SyntaxErrorInfo err;
    auto code = CompileSource(source, "<test>", CompileMode::kExec, &err);
    EXPECT_TRUE(code.ok()) << code.status().message() << " " << err.msg;
    if (!code.ok()) return Value();
    Value globals = DictObject::New();
    auto* g = As<DictObject>(globals);
    g->SetStr(StrObject::Intern("__name__"), StrObject::New("__test__"));
    g->SetStr(StrObject::Intern("new_probe"),
              NativeFunction::New("new_probe", NewProbe));
    g->SetStr(StrObject::Intern("probe_hold"),
              NativeFunction::New("probe_hold", ProbeHold));
    Value r = RunCode(*code, g);
    if (r.is_null()) {
      Value e = FetchError();
      ADD_FAILURE() << "raised: " << ReprString(e);
      return Value();
    }
    return globals;
  }

  // Runs `source` (which must leave its probes in garbage cycles only, after
  // dropping its globals), and checks that one full collection frees them.
  void ExpectCollected(const std::string& source, int probes) {
    {
      Value g = Run(source);
      ASSERT_FALSE(g.is_null());
      As<DictObject>(g)->Clear();  // The module's own names go.
    }
    EXPECT_EQ(g_probes_alive, probes) << "leaked before collecting";
    int64_t n = gc::Collect(2);
    EXPECT_GT(n, 0);
    EXPECT_EQ(g_probes_alive, 0) << source;
  }

  int64_t negative_before_ = 0;
};

TEST_F(GcTest, ListSelfCycle) {
  ExpectCollected(R"(
l = [new_probe()]
l.append(l)
)",
                  1);
}

TEST_F(GcTest, CycleThroughProbe) {
  ExpectCollected(R"(
p = new_probe()
l = [p]
probe_hold(p, l)
)",
                  1);
}

TEST_F(GcTest, DictCycle) {
  ExpectCollected(R"(
d = {'p': new_probe()}
d['self'] = d
e = {1: d}
d['e'] = e
)",
                  1);
}

TEST_F(GcTest, InstanceCycles) {
  ExpectCollected(R"(
class Node:
    def __init__(self, other=None):
        self.other = other
        self.p = new_probe()
a = Node()
b = Node(a)
a.other = b
c = Node()
c.other = c
)",
                  3);
}

TEST_F(GcTest, ClosureAndCellCycle) {
  ExpectCollected(R"(
def make():
    p = new_probe()
    def inner():
        return inner, p
    return inner
f = make()
)",
                  1);
}

TEST_F(GcTest, FunctionDefaultsCycle) {
  ExpectCollected(R"(
def f(x=[]):
    return x
f.__defaults__[0].append(f)
f.__defaults__[0].append(new_probe())
)",
                  1);
}

TEST_F(GcTest, SuspendedGeneratorCycle) {
  ExpectCollected(R"(
def gen():
    p = new_probe()
    me = yield 1
    for x in [1, 2, 3]:
        yield me, p
g = gen()
next(g)
g.send(g)
next(g)
)",
                  1);
}

TEST_F(GcTest, ExceptionTracebackCycle) {
  ExpectCollected(R"(
def fail():
    p = new_probe()
    raise ValueError(p)
try:
    fail()
except ValueError as e:
    err = e
err.keep = err
err.tb = err.__traceback__
)",
                  1);
}

TEST_F(GcTest, BoundMethodCycle) {
  ExpectCollected(R"(
class A:
    def m(self):
        return 1
a = A()
a.p = new_probe()
a.bound = a.m
)",
                  1);
}

TEST_F(GcTest, ClassObjectCycle) {
  ExpectCollected(R"(
def make():
    class C:
        p = new_probe()
        def method(self):
            return C
    class D(C):
        pass
    C.instance = D()
    return C
make()
)",
                  1);
}

TEST_F(GcTest, SetAndTupleCycle) {
  ExpectCollected(R"(
class Key:
    pass
k = Key()
s = {k, (k, 1)}
k.items = [new_probe(), s]
)",
                  1);
}

TEST_F(GcTest, ReachableObjectsSurvive) {
  Value g = Run(R"(
keep = [new_probe()]
keep.append(keep)
class Node:
    pass
n = Node()
n.self = n
n.p = new_probe()
def outer():
    q = new_probe()
    def inner():
        return inner, q
    return inner
f = outer()
)");
  ASSERT_FALSE(g.is_null());
  EXPECT_EQ(g_probes_alive, 3);
  gc::Collect(2);
  EXPECT_EQ(g_probes_alive, 3);
  // The structures are intact.
  auto* keep =
      As<ListObject>(As<DictObject>(g)->GetStr(StrObject::Intern("keep")));
  ASSERT_EQ(keep->size(), 2u);
  EXPECT_TRUE(keep->items()[1].Is(Value::FromObject(keep)));
  EXPECT_TRUE(gc::IsTracked(
      As<DictObject>(g)->GetStr(StrObject::Intern("n")).as_object()));
  As<DictObject>(g)->Clear();
  g = Value();
  gc::Collect(2);
  EXPECT_EQ(g_probes_alive, 0);
}

TEST_F(GcTest, YoungCollectionKeepsObjectsReferencedByOlder) {
  Value old_list = ListObject::New();
  gc::Collect(2);  // old_list is now in the oldest generation.
  {
    Value young = Value::Steal(new Probe());
    As<ListObject>(old_list)->items().push_back(young);
  }
  gc::Collect(0);
  EXPECT_EQ(g_probes_alive, 1);
  As<ListObject>(old_list)->items().clear();
  EXPECT_EQ(g_probes_alive, 0);
}

TEST_F(GcTest, LeafObjectsAreNotTracked) {
  Value s = StrObject::New("not tracked");
  EXPECT_FALSE(gc::IsTracked(s.as_object()));
  Value l = ListObject::New();
  EXPECT_TRUE(gc::IsTracked(l.as_object()));
  // Dicts, as CPython's, are tracked once they hold something that can be in
  // a cycle.
  Value d = DictObject::New();
  EXPECT_FALSE(gc::IsTracked(d.as_object()));
  As<DictObject>(d)->SetStr(StrObject::Intern("x"), Value::Int(1));
  As<DictObject>(d)->SetStr(StrObject::Intern("y"), s);
  EXPECT_FALSE(gc::IsTracked(d.as_object()));
  As<DictObject>(d)->SetStr(StrObject::Intern("y"), l);
  EXPECT_TRUE(gc::IsTracked(d.as_object()));
  Value d2 = DictObject::New();
  As<DictObject>(d2)->SetStr(StrObject::Intern("d"), DictObject::New());
  EXPECT_TRUE(gc::IsTracked(d2.as_object()));
}

TEST_F(GcTest, TuplesOfAtomsAreUntrackedByACollection) {
  Value atoms = TupleObject::Of({Value::Int(1), StrObject::New("a")});
  Value nested = TupleObject::Of({atoms, Value::None()});
  Value holder = TupleObject::Of({ListObject::New()});
  Value with_dict = TupleObject::Of({DictObject::New()});
  Value unfilled = TupleObject::New(2);  // Items still null.
  for (const Value* v : {&atoms, &nested, &holder, &with_dict, &unfilled}) {
    EXPECT_TRUE(gc::IsTracked(v->as_object()));
  }
  gc::Collect(0);
  EXPECT_FALSE(gc::IsTracked(atoms.as_object()));
  EXPECT_FALSE(gc::IsTracked(nested.as_object()));
  EXPECT_TRUE(gc::IsTracked(holder.as_object()));
  EXPECT_TRUE(gc::IsTracked(with_dict.as_object()));
  EXPECT_TRUE(gc::IsTracked(unfilled.as_object()));
}

TEST_F(GcTest, SlicesAreTrackedOnlyWhenHoldingContainers) {
  ExpectCollected(R"(
l = [new_probe()]
s = slice(l, None)
l.append(s)
t = slice(1, 2, None)
)",
                  1);
}

TEST_F(GcTest, CycleThroughDictsTrackedLate) {
  ExpectCollected(R"(
d1 = {}
d2 = {'x': d1}
d1['y'] = d2
d1['p'] = new_probe()
inst_dict = {}
inst_dict[1] = 2
inst_dict[(1, 2)] = [inst_dict, new_probe()]
)",
                  2);
}

TEST_F(GcTest, CollectCountsUnreachableObjects) {
  {
    Value a = ListObject::New();
    Value b = ListObject::New();
    As<ListObject>(a)->items().push_back(b);
    As<ListObject>(b)->items().push_back(a);
  }
  EXPECT_EQ(gc::Collect(2), 2);
  EXPECT_EQ(gc::Collect(2), 0);
}

TEST_F(GcTest, GcModuleFromPython) {
  Value g = Run(R"(
import gc
gc.collect()
for i in range(20):
    l = [new_probe()]
    l.append(l)
del l
n = gc.collect()
count = gc.get_count()
threshold = gc.get_threshold()
enabled = gc.isenabled()
gc.disable()
disabled = gc.isenabled()
gc.enable()
tracked = gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s")
)");
  ASSERT_FALSE(g.is_null());
  auto get = [&](const char* name) {
    return ReprString(As<DictObject>(g)->GetStr(StrObject::Intern(name)));
  };
  EXPECT_EQ(get("n"), "40");  // 20 lists and 20 probes.
  EXPECT_EQ(get("threshold"), "(700, 10, 10)");
  EXPECT_EQ(get("enabled"), "True");
  EXPECT_EQ(get("disabled"), "False");
  EXPECT_EQ(get("tracked"), "(True, False, False)");
  EXPECT_EQ(g_probes_alive, 0);
}

TEST_F(GcTest, FinalizersRunOnceThenCyclesAreCleared) {
  Value g = Run(R"(
import gc
log = []
class F:
    def __init__(self, name):
        self.name = name
        self.p = new_probe()
    def __del__(self):
        log.append(self.name)
f = F('zero')
del f
a = F('a'); b = F('b'); a.peer = b; b.peer = a
del a, b
before = list(log)
n = gc.collect()
after = sorted(log)
saved = []
class R:
    def __del__(self):
        saved.append(self)
r = R(); r.me = r; r.p = new_probe()
del r
gc.collect()
resurrected = len(saved)
saved[0].me = None
saved.clear()
gc.collect()
del F, R
)");
  ASSERT_FALSE(g.is_null());
  auto get = [&](const char* name) {
    return ReprString(As<DictObject>(g)->GetStr(StrObject::Intern(name)));
  };
  EXPECT_EQ(get("before"), "['zero']");
  EXPECT_EQ(get("after"), "['a', 'b', 'zero']");
  EXPECT_EQ(get("n"), "6");  // Two instances, their dicts and probes.
  EXPECT_EQ(get("resurrected"), "1");
  EXPECT_EQ(get("log"), "['zero', 'a', 'b']");  // R's __del__ ran once.
  EXPECT_EQ(g_probes_alive, 0);
}

TEST_F(GcTest, FinalizerThatAllocatesDuringCollection) {
  Value g = Run(R"(
import gc
class S:
    def __del__(self):
        x = [new_probe()]
        x.append(x)
        for i in range(2000):
            y = [i]
            y.append(y)
for i in range(50):
    s = S()
    s.me = s
del s
gc.collect()
gc.collect()
gc.collect()
del S
)");
  ASSERT_FALSE(g.is_null());
  EXPECT_EQ(g_probes_alive, 0);
}

TEST_F(GcTest, AutomaticCollectionAtSafePoints) {
  int64_t before = gc::g_state.collections[0];
  Value g = Run(R"(
for i in range(5000):
    l = [new_probe()]
    l.append(l)
del l
)");
  ASSERT_FALSE(g.is_null());
  EXPECT_GT(gc::g_state.collections[0], before);
  // All but the cycles made since the last automatic collection are gone.
  EXPECT_LT(g_probes_alive, 1000);
}

// Cyclic garbage in the oldest generation, with CPython's count rule far
// from calling for a full collection: the heap's growth does (gc.cc's
// HeapGrewSinceFull), at the next young collection.
TEST_F(GcTest, HeapGrowthStartsFullCollection) {
  int64_t full_before = gc::g_state.collections[2];
  Value g = Run(R"(
import gc
keep = []
for i in range(40):
    big = [None] * 100000
    big.append(big)
    big.append(new_probe())
    keep.append(big)
gc.collect(1)
del keep, big
hold = [[i] for i in range(3000)]
)");
  ASSERT_FALSE(g.is_null());
  EXPECT_GT(gc::g_state.collections[2], full_before);
  EXPECT_EQ(g_probes_alive, 0);
}

// A heap that grows with live data only: the full collections the memory
// rule starts find nothing, and it waits longer each time after the second.
TEST_F(GcTest, HeapGrowthOfLiveDataBacksOff) {
  int64_t full_before = gc::g_state.collections[2];
  Value g = Run(R"(
keep = []
for i in range(1000):
    keep.append([[None] * 1000 for j in range(10)])
)");
  ASSERT_FALSE(g.is_null());
  // About 160 MiB of lists (11,000 tracked): without the backoff, a full
  // collection per quarter of growth made 8 here; with it, 3.
  EXPECT_LE(gc::g_state.collections[2] - full_before, 5);
}

}  // namespace
}  // namespace minidynamo
