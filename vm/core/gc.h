#ifndef MINIDYNAMO_VM_CORE_GC_H_
#define MINIDYNAMO_VM_CORE_GC_H_

// The cycle collector: CPython's gc, over the VM's reference counts.
//
// Reference counting frees everything that is not part of a reference cycle;
// this collector finds cyclic garbage. Objects that can hold references
// ("containers": lists, dicts, instances, functions, types, ...) are tracked in
// one of three generations; exact instances of leaf types (int, str, bytes,
// float, code, range) are not. A tracked object's list and position live in
// Object's 32-bit flags word, so tracking costs no header space and untracking
// is an O(1) swap-remove.
//
// A collection of generations 0..g (CPython's algorithm):
//   1. gc_refs = refcount for each object of those generations;
//   2. every reference from one of them to another (found by Traverse) is
//      subtracted, so gc_refs counts references from outside the set (frames,
//      C++ locals, older generations, untracked holders);
//   3. objects with gc_refs > 0 are roots; everything reachable from a root
//      survives and moves to the next generation;
//   4. the rest is unreachable: each is held, cleared (ClearRefs, which drops
//      its references and so breaks the cycles) and released.
//
// Allocation of a tracked object only bumps a counter; when it passes the
// threshold a flag is set and the eval loop runs the collection at its next
// safe point (RESUME, JUMP_BACKWARD), never in the middle of building an
// object. Thresholds are CPython's (700, 10, 10); a young collection also
// becomes a full one when the heap has grown by a quarter since the last full
// collection (gc.cc's HeapGrewSinceFull: bigger objects than CPython's make
// waiting cyclic garbage cost more memory).

#include <cstdint>

#include "vm/core/value.h"

namespace minidynamo {

class Object;

// Receives the references an object owns (see Object::Traverse).
class GcVisitor {
 public:
  virtual void Visit(Object* o) = 0;
  void Visit(const Value& v) {
    if (v.is_object()) Visit(v.as_object());
  }

 protected:
  ~GcVisitor() = default;
};

namespace gc {

// The object lists: generations 0..2, then (3) the objects a collection found
// unreachable.
inline constexpr int kNumGenerations = 3;
inline constexpr int kNumLists = kNumGenerations + 1;

// A growable array of object pointers with no constructor, so that the global
// state below is constant-initialized (objects are tracked from static
// initializers on).
struct ObjectList {
  Object** data;
  uint32_t size;
  uint32_t capacity;
};

struct State {
  ObjectList lists[kNumLists];
  int64_t count[kNumGenerations];      // CPython's generation counts.
  int64_t threshold[kNumGenerations];  // (700, 10, 10)
  int64_t long_lived_total;    // Objects in generation 2 after a full run.
  int64_t long_lived_pending;  // Survivors promoted into it since.
  bool enabled;
  bool pending;     // A collection is due at the next safe point.
  bool collecting;  // A collection is running (no re-entry).
  // Statistics (for tests and gc.get_stats()).
  int64_t collections[kNumGenerations];
  int64_t collected[kNumGenerations];
  int64_t negative_refs;  // Objects whose Traverse over-reported (a bug).
};

extern State g_state;

// flags_ layout: bits 0..2 hold list+1 (0: untracked), bit 3 is set once
// __del__ has run (PEP 442: at most once per object), bits 4..31 the index.
inline constexpr uint32_t kListMask = 7;
inline constexpr uint32_t kFinalized = 8;
inline constexpr int kIndexShift = 4;

void Grow(ObjectList* l);

// Adds a new object to generation 0 (called by Object's constructor). Past
// the threshold, asks for a collection at the next safe point (CollectPending
// decides whether one runs).
inline void Track(Object* o, uint32_t* flags) {
  ObjectList& l = g_state.lists[0];
  if (l.size == l.capacity) Grow(&l);
  *flags = (l.size << kIndexShift) | 1 | (*flags & kFinalized);
  l.data[l.size++] = o;
  if (++g_state.count[0] > g_state.threshold[0]) g_state.pending = true;
}

// Removes an object from whatever list holds it (called by ~Object; a
// template only so that Object may be incomplete here).
template <typename T>
inline void Untrack(T* o, uint32_t* flags) {
  const uint32_t f = *flags;
  if ((f & kListMask) == 0) return;
  const uint32_t list = (f & kListMask) - 1;
  // Deallocation of a young object gives its allocation back, as CPython's.
  if (list == 0 && g_state.count[0] > 0) --g_state.count[0];
  ObjectList& l = g_state.lists[list];
  const uint32_t i = f >> kIndexShift;
  T* last = static_cast<T*>(l.data[--l.size]);
  l.data[i] = last;
  // The last object takes over the slot (a no-op when o was last).
  last->set_gc_flags((f & ~kFinalized) | (last->gc_flags() & kFinalized));
  *flags = 0;
  (void)o;
}

// Runs the collection the allocation counters asked for (eval loop safe
// points call this when g_state.pending is set).
void CollectPending();

// Collects generations 0..generation; returns the number of unreachable
// objects found (0 when a collection is already running).
int64_t Collect(int generation);

bool IsTracked(const Object* o);
// Whether `v` could be part of a cycle: a tracked object, or a dict (which is
// tracked lazily). Holders that track lazily (dicts, slices) ask this.
bool MayBeTrackedSlow(const Object* o);
inline bool MayBeTracked(const Value& v) {
  return v.is_object() && MayBeTrackedSlow(v.as_object());
}

// __del__ (finalizers). An instance of a class with __del__ is finalized once:
// when its count drops to zero (Object::Dealloc) or, if it is part of cyclic
// garbage, by the collection that finds it, which then examines the batch
// again and clears only what the finalizers left unreachable. Errors in
// __del__ are printed as CPython's "Exception ignored in: ..." and dropped.
bool NeedsFinalizer(const Object* o);
// Calls o's __del__; the caller holds a reference to o. Marks it finalized.
void CallFinalizer(Object* o);

}  // namespace gc
}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_CORE_GC_H_
