#ifndef MINIDYNAMO_VM_CORE_SMALL_ALLOC_H_
#define MINIDYNAMO_VM_CORE_SMALL_ALLOC_H_

// Free lists in front of malloc for heap objects (Object's operator new and
// delete, and the objects with inline items: tuples, slotted instances).
//
// Programs allocate and free small objects at a high rate (a tuple per
// permutation step, a bound method per call, an instance per vector
// operation); glibc's per-thread cache holds only 7 blocks of a size, so a
// burst of frees falls through to its slower bins. Freed blocks of up to
// 512 bytes go on a list per size class instead (classes are malloc's usable
// sizes, so a block is handed out again only for a request it fits), and the
// next allocation of that class pops one. Each list is capped, so memory
// left in the lists is bounded. The VM is single-threaded.
//
// Under AddressSanitizer the lists are off: every object comes from and goes
// back to the sanitizer's allocator, which then sees each use after free.

#include <cstddef>

namespace minidynamo {

// At least `bytes` bytes, or throws std::bad_alloc.
void* SmallAlloc(size_t bytes);
// Frees a block from SmallAlloc.
void SmallFree(void* p);
// False when built with a sanitizer's allocator (the lists are off).
bool SmallAllocUsesFreeLists();

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_CORE_SMALL_ALLOC_H_
