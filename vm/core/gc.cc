#include "vm/core/gc.h"

#include <cstdlib>
#include <new>
#include <vector>

#include "vm/core/object.h"

namespace minidynamo {
namespace gc {

State g_state = {
    /*lists=*/{},
    /*count=*/{0, 0, 0},
    /*threshold=*/{700, 10, 10},
    /*long_lived_total=*/0,
    /*long_lived_pending=*/0,
    /*enabled=*/true,
    /*pending=*/false,
    /*collecting=*/false,
    /*collections=*/{0, 0, 0},
    /*collected=*/{0, 0, 0},
    /*negative_refs=*/0,
};

namespace {

// Lists after the generations: the objects being examined, and those found
// unreachable.
constexpr int kWork = 3;
constexpr int kUnreachable = 4;

int ListOf(uint32_t flags) { return static_cast<int>(flags & kListMask) - 1; }
uint32_t IndexOf(uint32_t flags) { return flags >> kIndexShift; }
uint32_t MakeFlags(int list, uint32_t index) {
  return (index << kIndexShift) | static_cast<uint32_t>(list + 1);
}

void Append(int list, Object* o) {
  ObjectList& l = g_state.lists[list];
  if (l.size == l.capacity) Grow(&l);
  o->set_gc_flags(MakeFlags(list, l.size));
  l.data[l.size++] = o;
}

// Removes the object at `flags` from its list (swap with the last).
void Remove(uint32_t* flags) {
  ObjectList& l = g_state.lists[ListOf(*flags)];
  uint32_t i = IndexOf(*flags);
  Object* last = l.data[--l.size];
  if (i != l.size) {
    l.data[i] = last;
    last->set_gc_flags(MakeFlags(ListOf(*flags), i));
  }
  *flags = 0;
}

// Moves every object of list `from` to the end of list `to`.
void MoveAll(int from, int to) {
  ObjectList& src = g_state.lists[from];
  for (uint32_t i = 0; i < src.size; ++i) Append(to, src.data[i]);
  src.size = 0;
}

// Step 2: subtracts references between objects of the working list.
class SubtractRefs final : public GcVisitor {
 public:
  explicit SubtractRefs(std::vector<int64_t>* refs) : refs_(refs) {}
  using GcVisitor::Visit;
  void Visit(Object* o) override {
    uint32_t f = o->gc_flags();
    if (ListOf(f) == kWork) --(*refs_)[IndexOf(f)];
  }

 private:
  std::vector<int64_t>* refs_;
};

// Step 3: marks what roots reach (refs[i] = -1 marks reachable).
class MarkReachable final : public GcVisitor {
 public:
  MarkReachable(std::vector<int64_t>* refs, std::vector<uint32_t>* stack)
      : refs_(refs), stack_(stack) {}
  using GcVisitor::Visit;
  void Visit(Object* o) override {
    uint32_t f = o->gc_flags();
    if (ListOf(f) != kWork) return;
    uint32_t i = IndexOf(f);
    if ((*refs_)[i] < 0) return;
    (*refs_)[i] = -1;
    stack_->push_back(i);
  }

 private:
  std::vector<int64_t>* refs_;
  std::vector<uint32_t>* stack_;
};

// Holds, clears and releases each unreachable object. Each goes to the oldest
// generation first, so that one that survives its clearing (a cycle through
// objects that have nothing to clear) stays tracked.
void DeleteGarbage() {
  ObjectList& u = g_state.lists[kUnreachable];
  while (u.size > 0) {
    Object* o = u.data[u.size - 1];
    o->IncRef();
    Remove(o->gc_flags_ptr());
    Append(kNumGenerations - 1, o);
    o->ClearRefs();
    o->DecRef();  // May free o and, through it, other unreachable objects.
  }
}

int64_t CollectMain(int generation) {
  g_state.collecting = true;
  ++g_state.collections[generation];
  const int older =
      generation + 1 < kNumGenerations ? generation + 1 : kNumGenerations - 1;
  for (int g = 0; g <= generation; ++g) MoveAll(g, kWork);
  ObjectList& work = g_state.lists[kWork];
  const uint32_t n = work.size;

  // 1-2: references from outside the set.
  std::vector<int64_t> refs(n);
  for (uint32_t i = 0; i < n; ++i) refs[i] = work.data[i]->refcount();
  SubtractRefs subtract(&refs);
  for (uint32_t i = 0; i < n; ++i) work.data[i]->Traverse(subtract);

  // 3: mark from the roots.
  std::vector<uint32_t> stack;
  for (uint32_t i = 0; i < n; ++i) {
    if (refs[i] < 0) ++g_state.negative_refs;
    if (refs[i] > 0) {
      refs[i] = -1;
      stack.push_back(i);
    }
  }
  MarkReachable mark(&refs, &stack);
  while (!stack.empty()) {
    uint32_t i = stack.back();
    stack.pop_back();
    work.data[i]->Traverse(mark);
  }

  // Survivors move on; the rest is garbage.
  int64_t unreachable = 0;
  int64_t survivors = 0;
  std::vector<Object*> objects(work.data, work.data + n);
  work.size = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (refs[i] == -1) {
      Append(older, objects[i]);
      ++survivors;
    } else {
      Append(kUnreachable, objects[i]);
      ++unreachable;
    }
  }
  objects.clear();
  refs.clear();

  // 4: break the cycles.
  DeleteGarbage();

  if (generation + 1 < kNumGenerations) ++g_state.count[generation + 1];
  for (int g = 0; g <= generation; ++g) g_state.count[g] = 0;
  if (generation == kNumGenerations - 1) {
    g_state.long_lived_pending = 0;
    g_state.long_lived_total = g_state.lists[kNumGenerations - 1].size;
  } else if (generation == kNumGenerations - 2) {
    g_state.long_lived_pending += survivors;
  }
  g_state.collected[generation] += unreachable;
  g_state.collecting = false;
  return unreachable;
}

}  // namespace

void Grow(ObjectList* l) {
  uint32_t cap = l->capacity == 0 ? 1024 : l->capacity * 2;
  void* p = std::realloc(l->data, sizeof(Object*) * cap);
  if (p == nullptr) throw std::bad_alloc();
  l->data = static_cast<Object**>(p);
  l->capacity = cap;
}

void UntrackSlow(uint32_t* flags) {
  // Deallocation of a young object gives its allocation back, as CPython's.
  if (ListOf(*flags) == 0 && g_state.count[0] > 0) --g_state.count[0];
  Remove(flags);
}

bool IsTracked(const Object* o) { return (o->gc_flags() & kListMask) != 0; }

int64_t Collect(int generation) {
  if (g_state.collecting) return 0;
  if (generation < 0) generation = 0;
  if (generation >= kNumGenerations) generation = kNumGenerations - 1;
  g_state.pending = false;
  return CollectMain(generation);
}

void CollectPending() {
  g_state.pending = false;
  if (g_state.collecting || !g_state.enabled) return;
  // The oldest generation over its threshold, as CPython's
  // collect_generations(); a full collection waits until a quarter of the
  // long-lived objects are new.
  for (int g = kNumGenerations - 1; g >= 0; --g) {
    if (g_state.count[g] > g_state.threshold[g]) {
      if (g == kNumGenerations - 1 &&
          g_state.long_lived_pending < g_state.long_lived_total / 4) {
        continue;
      }
      CollectMain(g);
      return;
    }
  }
}

}  // namespace gc
}  // namespace minidynamo
