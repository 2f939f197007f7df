#ifndef MINIDYNAMO_VM_CORE_SMALL_ALLOC_H_
#define MINIDYNAMO_VM_CORE_SMALL_ALLOC_H_

// The allocator of heap objects (Object's operator new and delete, the
// objects with inline items: tuples, dicts, slotted instances) and of dict
// storage.
//
// Programs allocate and free small objects at a high rate (a tuple per
// permutation step, a bound method per call, an instance per vector
// operation). Blocks of up to 1 KiB come from pools of one size class
// (multiples of 16 bytes) with no per-block header, as CPython's pymalloc:
// a 32-byte object takes 32 bytes (malloc: 48), and a freed block goes on
// its class's list for the next request of that class. Pool memory is kept
// for reuse, not returned to the system. Bigger blocks come from malloc.
// The VM is single-threaded.
//
// Under AddressSanitizer the pools are off: every object comes from and goes
// back to the sanitizer's allocator, which then sees each use after free.

#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
#define MINIDYNAMO_NO_FREE_LISTS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define MINIDYNAMO_NO_FREE_LISTS 1
#endif
#endif

namespace minidynamo {

// Whether freed memory is kept for reuse: the pools here and the free lists
// of single types (tuple.cc). Off under a sanitizer's allocator.
#ifdef MINIDYNAMO_NO_FREE_LISTS
inline constexpr bool kFreeListsOn = false;
#else
inline constexpr bool kFreeListsOn = true;
#endif

// At least `bytes` bytes, or throws std::bad_alloc.
void* SmallAlloc(size_t bytes);
// Frees a block from SmallAlloc.
void SmallFree(void* p);
// False when built with a sanitizer's allocator (the pools are off).
bool SmallAllocUsesFreeLists();
// Bytes of the pools carved so far (0 with the pools off).
size_t SmallAllocPoolBytes();

// An STL allocator over the pools, for storage that objects own and that is
// made and freed as often as they are (a set's hash table: malloc and free
// per small set otherwise).
template <typename T>
struct SmallAllocator {
  using value_type = T;
  SmallAllocator() = default;
  template <typename U>
  SmallAllocator(const SmallAllocator<U>&) {}  // NOLINT: rebinding
  T* allocate(size_t n) { return static_cast<T*>(SmallAlloc(n * sizeof(T))); }
  void deallocate(T* p, size_t) { SmallFree(p); }
  template <typename U>
  bool operator==(const SmallAllocator<U>&) const {
    return true;
  }
  template <typename U>
  bool operator!=(const SmallAllocator<U>&) const {
    return false;
  }
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_CORE_SMALL_ALLOC_H_
