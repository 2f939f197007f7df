#include "vm/core/small_alloc.h"

#include <malloc.h>

#include <cstdint>
#include <cstdlib>
#include <new>

#if defined(__SANITIZE_ADDRESS__)
#define MINIDYNAMO_NO_FREE_LISTS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define MINIDYNAMO_NO_FREE_LISTS 1
#endif
#endif

namespace minidynamo {

#ifndef MINIDYNAMO_NO_FREE_LISTS
namespace {

// Classes are 16 bytes wide: a block of usable size u is in class
// (u - 8) / 16, and a request of n bytes takes class ceil((n - 8) / 16), so
// every block of a request's class holds at least 16 * class + 8 >= n bytes
// whatever the allocator's rounding. (glibc's usable sizes are 16k + 8: there
// a request's class is exactly the class of the block malloc would give.)
constexpr size_t kMaxSmall = 512;
constexpr uint32_t kMaxPerClass = 2048;

struct FreeList {
  void* head = nullptr;
  uint32_t count = 0;
};
FreeList g_lists[kMaxSmall / 16 + 1];

inline size_t RequestClass(size_t bytes) {
  return bytes <= 8 ? 0 : (bytes - 8 + 15) >> 4;
}

}  // namespace

void* SmallAlloc(size_t bytes) {
  if (bytes <= kMaxSmall) {
    FreeList& l = g_lists[RequestClass(bytes)];
    if (l.head != nullptr) {
      void* p = l.head;
      l.head = *static_cast<void**>(p);
      --l.count;
      return p;
    }
  }
  void* p = std::malloc(bytes);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void SmallFree(void* p) {
  if (p == nullptr) return;
  // The block's real usable size: it may exceed what was asked for (malloc
  // hands out a whole chunk when the rest would be too small to split off),
  // and it is then reused only for requests of that bigger class.
  size_t u = malloc_usable_size(p);
  if (u >= 8 && u <= kMaxSmall + 8) {
    FreeList& l = g_lists[(u - 8) >> 4];
    if (l.count < kMaxPerClass) {
      *static_cast<void**>(p) = l.head;
      l.head = p;
      ++l.count;
      return;
    }
  }
  std::free(p);
}

bool SmallAllocUsesFreeLists() { return true; }

#else

void* SmallAlloc(size_t bytes) {
  void* p = std::malloc(bytes);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void SmallFree(void* p) { std::free(p); }

bool SmallAllocUsesFreeLists() { return false; }

#endif

}  // namespace minidynamo
