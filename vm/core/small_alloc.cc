#include "vm/core/small_alloc.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <new>

namespace minidynamo {

#ifndef MINIDYNAMO_NO_FREE_LISTS
namespace {

// Blocks of up to 1 KiB come from pools: 16 KiB runs of one size class
// (multiples of 16 bytes), carved from 64 MiB regions of reserved address
// space (untouched pages cost no memory). A block carries no header, so a
// 32-byte object takes 32 bytes where malloc takes 48, and SmallFree finds
// its class from the address alone: the region's first pool holds the class
// of each pool in it, and a bitmap over the address space says which
// regions are ours. Freed blocks go on their class's list and serve the next
// request of that class. Bigger requests, and everything once no region can
// be mapped (an address-space limit), go to malloc.
constexpr size_t kMaxSmall = 1024;
constexpr size_t kNumClasses = kMaxSmall / 16 + 1;
constexpr int kPoolBits = 14;
constexpr int kRegionBits = 26;
constexpr uintptr_t kPoolSize = uintptr_t{1} << kPoolBits;
constexpr uintptr_t kRegionSize = uintptr_t{1} << kRegionBits;
constexpr uintptr_t kPoolsPerRegion = kRegionSize / kPoolSize;
// User addresses are below 2^47 on x86-64 and AArch64 Linux.
constexpr uintptr_t kNumRegionSlots = uintptr_t{1} << (47 - kRegionBits);

struct FreeBlock {
  FreeBlock* next;
};
FreeBlock* g_free[kNumClasses];
// The pool each class carves fresh blocks from: [next, end).
struct Carve {
  char* next = nullptr;
  char* end = nullptr;
};
Carve g_carve[kNumClasses];
// Unused pools of the newest region.
char* g_pool_next = nullptr;
char* g_pool_end = nullptr;
uint64_t g_our_regions[kNumRegionSlots / 64];
size_t g_pools_carved = 0;
bool g_no_more_regions = false;

inline bool IsOurs(uintptr_t a) {
  uintptr_t r = a >> kRegionBits;
  return r < kNumRegionSlots && ((g_our_regions[r >> 6] >> (r & 63)) & 1);
}

// A fresh 64 MiB region, aligned to its size; false when none can be mapped.
bool NewRegion() {
  if (g_no_more_regions) return false;
  void* m = mmap(nullptr, 2 * kRegionSize, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (m == MAP_FAILED) {
    g_no_more_regions = true;  // malloc from here on
    return false;
  }
  uintptr_t start = reinterpret_cast<uintptr_t>(m);
  uintptr_t base = (start + kRegionSize - 1) & ~(kRegionSize - 1);
  if (base > start) munmap(m, base - start);
  uintptr_t tail = start + 2 * kRegionSize - (base + kRegionSize);
  if (tail > 0) munmap(reinterpret_cast<void*>(base + kRegionSize), tail);
  uintptr_t r = base >> kRegionBits;
  if (r >= kNumRegionSlots) {
    munmap(reinterpret_cast<void*>(base), kRegionSize);
    g_no_more_regions = true;
    return false;
  }
  g_our_regions[r >> 6] |= uint64_t{1} << (r & 63);
  // The first pool is the class table (one byte per pool).
  g_pool_next = reinterpret_cast<char*>(base) + kPoolSize;
  g_pool_end = reinterpret_cast<char*>(base) + kRegionSize;
  return true;
}

// Out of line (as is AllocLarge), so that SmallAlloc's free-list hit saves
// no registers: inlined, this path made every allocation push and pop six.
[[gnu::noinline]] void* AllocSlow(size_t cls) {
  size_t size = cls * 16;
  Carve& c = g_carve[cls];
  if (c.next == nullptr || c.next + size > c.end) {
    if (g_pool_next == g_pool_end && !NewRegion()) {
      void* p = std::malloc(size);
      if (p == nullptr) throw std::bad_alloc();
      return p;
    }
    char* pool = g_pool_next;
    g_pool_next += kPoolSize;
    ++g_pools_carved;
    uintptr_t a = reinterpret_cast<uintptr_t>(pool);
    auto* table = reinterpret_cast<uint8_t*>(a & ~(kRegionSize - 1));
    table[(a >> kPoolBits) & (kPoolsPerRegion - 1)] = static_cast<uint8_t>(cls);
    c.next = pool;
    c.end = pool + kPoolSize;
  }
  void* p = c.next;
  c.next += size;
  return p;
}

[[gnu::noinline]] void* AllocLarge(size_t bytes) {
  void* p = std::malloc(bytes);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

}  // namespace

void* SmallAlloc(size_t bytes) {
  if (bytes <= kMaxSmall) {
    size_t cls = bytes <= 16 ? 1 : (bytes + 15) >> 4;
    FreeBlock* b = g_free[cls];
    if (b != nullptr) {
      g_free[cls] = b->next;
      return b;
    }
    return AllocSlow(cls);
  }
  return AllocLarge(bytes);
}

void SmallFree(void* p) {
  uintptr_t a = reinterpret_cast<uintptr_t>(p);
  if (IsOurs(a)) {
    const auto* table =
        reinterpret_cast<const uint8_t*>(a & ~(kRegionSize - 1));
    size_t cls = table[(a >> kPoolBits) & (kPoolsPerRegion - 1)];
    auto* b = static_cast<FreeBlock*>(p);
    b->next = g_free[cls];
    g_free[cls] = b;
    return;
  }
  std::free(p);  // malloc's (or null)
}

bool SmallAllocUsesFreeLists() { return true; }

size_t SmallAllocPoolBytes() { return g_pools_carved * kPoolSize; }

#else

void* SmallAlloc(size_t bytes) {
  void* p = std::malloc(bytes);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void SmallFree(void* p) { std::free(p); }

bool SmallAllocUsesFreeLists() { return false; }

size_t SmallAllocPoolBytes() { return 0; }

#endif

}  // namespace minidynamo
