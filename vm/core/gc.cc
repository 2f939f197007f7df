#include "vm/core/gc.h"

#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <new>
#include <vector>

#include "vm/core/builtin_types.h"
#include "vm/core/object.h"
#include "vm/core/small_alloc.h"
#include "vm/core/type.h"
#include "vm/objects/tuple.h"

#ifdef MINIDYNAMO_NO_FREE_LISTS
// A sanitizer's allocator serves malloc (and mallinfo2 does not see it);
// the sanitizer runtime counts its bytes (GCC ships no header for this).
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif

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

// The list after the generations holds the objects a collection found
// unreachable.
constexpr int kUnreachable = kNumGenerations;
static_assert(kUnreachable < kNumLists && kNumLists <= 7,
              "list+1 must fit the 3 list bits of the flags");

int ListOf(uint32_t flags) { return static_cast<int>(flags & kListMask) - 1; }
uint32_t IndexOf(uint32_t flags) { return flags >> kIndexShift; }
uint32_t MakeFlags(int list, uint32_t index) {
  return (index << kIndexShift) | static_cast<uint32_t>(list + 1);
}

void Append(int list, Object* o) {
  ObjectList& l = g_state.lists[list];
  if (l.size == l.capacity) Grow(&l);
  o->set_gc_flags(MakeFlags(list, l.size) | (o->gc_flags() & kFinalized));
  l.data[l.size++] = o;
}

// Removes the object at `flags` from its list (swap with the last).
void Remove(uint32_t* flags) {
  ObjectList& l = g_state.lists[ListOf(*flags)];
  uint32_t i = IndexOf(*flags);
  Object* last = l.data[--l.size];
  if (i != l.size) {
    l.data[i] = last;
    last->set_gc_flags(MakeFlags(ListOf(*flags), i) |
                       (last->gc_flags() & kFinalized));
  }
  *flags &= kFinalized;
}

// Moves every object of list `from` to the end of list `to`.
void MoveAll(int from, int to) {
  ObjectList& src = g_state.lists[from];
  ObjectList& dst = g_state.lists[to];
  while (dst.capacity - dst.size < src.size) Grow(&dst);
  for (uint32_t i = 0; i < src.size; ++i) {
    Object* o = src.data[i];
    o->set_gc_flags(MakeFlags(to, dst.size) | (o->gc_flags() & kFinalized));
    dst.data[dst.size++] = o;
  }
  src.size = 0;
}

// gc_refs of the objects being collected, one array per generation, indexed
// like the generation's list; kReachable marks what roots reach. Kept between
// collections to save the allocations.
constexpr int64_t kReachable = -1;
std::vector<int64_t>* Refs() {
  static auto* refs = new std::vector<int64_t>[kNumGenerations];
  return refs;
}

// Step 2: subtracts references between objects of generations 0..max_gen.
class SubtractRefs final : public GcVisitor {
 public:
  SubtractRefs(int max_gen, std::vector<int64_t>* refs)
      : max_gen_(max_gen), g_refs(refs) {}
  using GcVisitor::Visit;
  void Visit(Object* o) override {
    uint32_t f = o->gc_flags();
    int list = ListOf(f);
    if (list >= 0 && list <= max_gen_) --g_refs[list][IndexOf(f)];
  }

 private:
  int max_gen_;
  std::vector<int64_t>* g_refs;
};

// Step 3: marks what roots reach.
class MarkReachable final : public GcVisitor {
 public:
  MarkReachable(int max_gen, std::vector<int64_t>* refs,
                std::vector<Object*>* stack)
      : max_gen_(max_gen), g_refs(refs), stack_(stack) {}
  using GcVisitor::Visit;
  void Visit(Object* o) override {
    uint32_t f = o->gc_flags();
    int list = ListOf(f);
    if (list < 0 || list > max_gen_) return;
    int64_t& r = g_refs[list][IndexOf(f)];
    if (r == kReachable) return;
    r = kReachable;
    stack_->push_back(o);
  }

 private:
  int max_gen_;
  std::vector<int64_t>* g_refs;
  std::vector<Object*>* stack_;
};

// Whether a tuple can be left untracked, as CPython's _PyTuple_MaybeUntrack:
// every item is set, and none is tracked or a dict (which may become tracked).
// Tuples are immutable, so this stays true. A tracked tuple item that itself
// holds only atoms (looked into a few levels deep) does not keep its holder
// tracked, since the lists are not in creation order.
bool HoldsOnlyAtoms(Object* o, int depth = 0) {
  auto* t = static_cast<TupleObject*>(o);
  for (size_t i = 0; i < t->size(); ++i) {
    const Value& v = t->get(i);
    if (v.is_null()) return false;  // Still being filled.
    if (!v.is_object()) continue;
    Object* item = v.as_object();
    if ((item->gc_flags() & kListMask) != 0) {
      if (item->type() == g_types.tuple && depth < 8 &&
          HoldsOnlyAtoms(item, depth + 1)) {
        continue;
      }
      return false;
    }
    if (item->type() == nullptr || item->type()->layout() == Layout::kDict)
      return false;
  }
  return true;
}

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

// Runs the finalizers of the unreachable objects that have one and were not
// finalized yet. Returns false when there were none.
bool FinalizeGarbage() {
  std::vector<Object*> todo;
  const ObjectList& u = g_state.lists[kUnreachable];
  for (uint32_t i = 0; i < u.size; ++i) {
    Object* o = u.data[i];
    if (NeedsFinalizer(o)) {
      o->IncRef();
      todo.push_back(o);
    }
  }
  if (todo.empty()) return false;
  // Python code runs here: it may allocate (generation 0 grows), free
  // objects (they leave whatever list holds them) or resurrect garbage.
  for (Object* o : todo) CallFinalizer(o);
  for (Object* o : todo) o->DecRef();
  return true;
}

int64_t CollectMain(int generation, bool finalize) {
  g_state.collecting = true;
  ++g_state.collections[generation];
  std::vector<int64_t>* const g_refs = Refs();
  const int older =
      generation + 1 < kNumGenerations ? generation + 1 : kNumGenerations - 1;

  // 1-2: references from outside the set. The objects stay in their lists;
  // nothing is freed or moved until step 4.
  for (int g = 0; g <= generation; ++g) {
    const ObjectList& l = g_state.lists[g];
    std::vector<int64_t>& refs = g_refs[g];
    refs.resize(l.size);
    for (uint32_t i = 0; i < l.size; ++i) refs[i] = l.data[i]->refcount();
  }
  SubtractRefs subtract(generation, g_refs);
  for (int g = 0; g <= generation; ++g) {
    const ObjectList& l = g_state.lists[g];
    for (uint32_t i = 0; i < l.size; ++i) l.data[i]->Traverse(subtract);
  }

  // 3: mark from the roots.
  std::vector<Object*> stack;
  for (int g = 0; g <= generation; ++g) {
    const ObjectList& l = g_state.lists[g];
    std::vector<int64_t>& refs = g_refs[g];
    for (uint32_t i = 0; i < l.size; ++i) {
      if (refs[i] > 0) {
        refs[i] = kReachable;
        stack.push_back(l.data[i]);
      } else if (refs[i] < 0) {
        ++g_state.negative_refs;
        refs[i] = 0;
      }
    }
  }
  MarkReachable mark(generation, g_refs, &stack);
  while (!stack.empty()) {
    Object* o = stack.back();
    stack.pop_back();
    o->Traverse(mark);
  }

  // The unreachable objects leave their lists; the survivors move on, but
  // tuples that hold nothing that can be in a cycle are no longer tracked.
  for (int g = 0; g <= generation; ++g) {
    for (uint32_t i = 0; i < g_state.lists[g].size; ++i) {
      if (g_refs[g][i] != kReachable) stack.push_back(g_state.lists[g].data[i]);
    }
  }
  const int64_t unreachable = static_cast<int64_t>(stack.size());
  for (Object* o : stack) {
    Remove(o->gc_flags_ptr());
    Append(kUnreachable, o);
  }
  stack.clear();
  for (int g = 0; g <= generation; ++g) {
    ObjectList& l = g_state.lists[g];
    for (uint32_t i = 0; i < l.size;) {
      Object* o = l.data[i];
      if (o->type() == g_types.tuple && HoldsOnlyAtoms(o)) {
        Remove(o->gc_flags_ptr());  // The last object moves to i.
      } else {
        ++i;
      }
    }
  }
  int64_t survivors = 0;
  for (int g = 0; g <= generation; ++g) {
    if (g == older) continue;
    survivors += g_state.lists[g].size;
    MoveAll(g, older);
  }

  // Finalizers first (PEP 442); then the batch is examined again, since
  // they may have made some of it reachable. A batch that still holds
  // objects to finalize (made by the finalizers) waits for a later
  // collection.
  if (FinalizeGarbage()) {
    if (finalize) {
      MoveAll(kUnreachable, generation);
      // The second pass does the bookkeeping; the count reported is this
      // pass's, as CPython counts each unreachable object once.
      int64_t again = CollectMain(generation, false);
      --g_state.collections[generation];
      g_state.collected[generation] += unreachable - again;
      return unreachable;
    }
    MoveAll(kUnreachable, older);
  }

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
  // Indexes have 28 bits (268 million tracked objects, tens of GiB).
  if (cap > (uint32_t{1} << (32 - kIndexShift))) throw std::bad_alloc();
  void* p = std::realloc(l->data, sizeof(Object*) * cap);
  if (p == nullptr) throw std::bad_alloc();
  l->data = static_cast<Object**>(p);
  l->capacity = cap;
}

bool IsTracked(const Object* o) { return (o->gc_flags() & kListMask) != 0; }

bool MayBeTrackedSlow(const Object* o) {
  return (o->gc_flags() & kListMask) != 0 ||
         (o->type() != nullptr && o->type()->layout() == Layout::kDict);
}

bool NeedsFinalizer(const Object* o) {
  return (o->gc_flags() & kFinalized) == 0 && o->type() != nullptr &&
         o->type()->has_finalizer();
}

namespace {

// The memory the program's objects hold: malloc's bytes in use (list
// storage, big objects) and the object pools (which are kept, so they only
// grow when freed blocks cannot serve).
size_t HeapBytes() {
#ifdef MINIDYNAMO_NO_FREE_LISTS
  return __sanitizer_get_current_allocated_bytes();
#else
  return mallinfo2().uordblks + SmallAllocPoolBytes();
#endif
}
// HeapBytes after the last full collection; 0 before the first check.
size_t g_heap_after_full = 0;
constexpr size_t kMinHeapGrowth = size_t{1} << 20;
// Full collections the memory rule started in a row that found little
// garbage (the heap grew with live data, as while a program builds its
// data or imports modules). From the second on, each doubles the growth
// the rule waits for (up to 2^kMaxBackoff); one that found garbage starts
// the count again.
int g_unproductive = 0;
constexpr int kMaxBackoff = 4;

// Whether the heap has grown since the last full collection by a quarter of
// its size then (and by 1 MiB at least). A VM object is bigger than
// CPython's (16-byte values), so cyclic garbage that CPython's object-count
// rule lets wait for a full collection costs more memory here; this
// memory rule runs one sooner. The quarter keeps a program that builds a big
// structure at amortized linear cost, as CPython's count rule does.
bool HeapGrewSinceFull() {
  size_t heap = HeapBytes();
  if (g_heap_after_full == 0) {
    g_heap_after_full = heap;
    return false;
  }
  size_t growth = std::max(kMinHeapGrowth, g_heap_after_full / 4);
  int backoff = std::min(std::max(g_unproductive - 1, 0), kMaxBackoff);
  return heap > g_heap_after_full + (growth << backoff);
}

int64_t CollectAndNote(int generation) {
  int64_t n = CollectMain(generation, true);
  if (generation == kNumGenerations - 1) g_heap_after_full = HeapBytes();
  return n;
}

}  // namespace

int64_t Collect(int generation) {
  if (g_state.collecting) return 0;
  if (generation < 0) generation = 0;
  if (generation >= kNumGenerations) generation = kNumGenerations - 1;
  g_state.pending = false;
  return CollectAndNote(generation);
}

void CollectPending() {
  g_state.pending = false;
  // Threshold 0 turns automatic collection off, as CPython's.
  if (g_state.collecting || !g_state.enabled || g_state.threshold[0] <= 0)
    return;
  // The oldest generation over its threshold, as CPython's
  // collect_generations(); a full collection waits until a quarter of the
  // long-lived objects are new.
  int generation = -1;
  for (int g = kNumGenerations - 1; g >= 0; --g) {
    if (g_state.count[g] > g_state.threshold[g]) {
      if (g == kNumGenerations - 1 &&
          g_state.long_lived_pending < g_state.long_lived_total / 4) {
        continue;
      }
      generation = g;
      break;
    }
  }
  // A young collection becomes a full one when the heap has grown enough
  // (HeapGrewSinceFull), checked only when the counts call for a collection.
  bool by_memory = false;
  if (generation >= 0 && generation < kNumGenerations - 1 &&
      HeapGrewSinceFull()) {
    generation = kNumGenerations - 1;
    by_memory = true;
  }
  if (generation < 0) return;
  int64_t found = CollectAndNote(generation);
  if (by_memory) {
    // Garbage worth the traversal: at least a twentieth of what survived.
    const int64_t live = g_state.lists[kNumGenerations - 1].size;
    if (found * 20 >= live) {
      g_unproductive = 0;
    } else if (g_unproductive <= kMaxBackoff) {
      ++g_unproductive;
    }
  }
}

}  // namespace gc
}  // namespace minidynamo
