#include "vm/core/small_alloc.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <set>
#include <vector>

#include "gtest/gtest.h"

namespace minidynamo {
namespace {

// Every block holds its whole request while the others hold theirs: fill
// each with its own byte and check all of them after a round of reuse.
TEST(SmallAllocTest, ReusedBlocksNeverOverlap) {
  std::vector<std::pair<unsigned char*, size_t>> live;
  uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245 + 12345;
    return (seed >> 8) & 0xffff;
  };
  for (int round = 0; round < 20000; ++round) {
    if (!live.empty() && next() % 3 == 0) {
      size_t i = next() % live.size();
      auto [p, n] = live[i];
      unsigned char fill = static_cast<unsigned char>(n);
      for (size_t k = 0; k < n; ++k) ASSERT_EQ(p[k], fill) << "size " << n;
      SmallFree(p);
      live[i] = live.back();
      live.pop_back();
    } else {
      size_t n = 1 + next() % 1400;  // both sides of the 1 KiB limit
      auto* p = static_cast<unsigned char*>(SmallAlloc(n));
      std::memset(p, static_cast<unsigned char>(n), n);
      live.emplace_back(p, n);
    }
  }
  for (auto [p, n] : live) {
    unsigned char fill = static_cast<unsigned char>(n);
    for (size_t k = 0; k < n; ++k) ASSERT_EQ(p[k], fill) << "size " << n;
    SmallFree(p);
  }
}

TEST(SmallAllocTest, FreedBlockServesTheNextRequestOfItsSize) {
  void* a = SmallAlloc(72);
  SmallFree(a);
  void* b = SmallAlloc(72);
  if (SmallAllocUsesFreeLists()) {
    EXPECT_EQ(a, b);
  }
  SmallFree(b);
  SmallFree(nullptr);
}

// Objects and dict entries hold 16-byte Values: every block is aligned as
// malloc's are, small or large, fresh or reused.
TEST(SmallAllocTest, BlocksAreSixteenByteAligned) {
  std::vector<void*> blocks;
  for (size_t n = 1; n <= 1100; n += 7) blocks.push_back(SmallAlloc(n));
  for (void* p : blocks) {
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 16, 0u);
    SmallFree(p);
  }
  for (size_t n = 1; n <= 1100; n += 7) {
    void* p = SmallAlloc(n);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 16, 0u);
    SmallFree(p);
  }
}

// Many live blocks of one class spill over several pools, and all come back.
TEST(SmallAllocTest, ManyBlocksOfOneClass) {
  std::set<void*> seen;
  std::vector<void*> blocks;
  for (int i = 0; i < 5000; ++i) {
    void* p = SmallAlloc(48);
    ASSERT_TRUE(seen.insert(p).second);
    std::memset(p, i & 0xff, 48);
    blocks.push_back(p);
  }
  for (int i = 0; i < 5000; ++i) {
    auto* p = static_cast<unsigned char*>(blocks[i]);
    ASSERT_EQ(p[0], i & 0xff);
    ASSERT_EQ(p[47], i & 0xff);
    SmallFree(p);
  }
}

// Under an address-space limit no new pool region can be mapped: small
// blocks then come from malloc, and running out of that is a clean
// std::bad_alloc (the VM's MemoryError), never a crash. In a child process,
// whose limit leaves 48 MiB above what is mapped now.
TEST(SmallAllocTest, NoRegionLeftFallsBackToMalloc) {
  if (!SmallAllocUsesFreeLists()) GTEST_SKIP() << "pools are off";
  EXPECT_EXIT(
      {
        SmallFree(SmallAlloc(48));  // the first region is mapped
        long pages = 0;
        if (FILE* f = std::fopen("/proc/self/statm", "r")) {
          if (std::fscanf(f, "%ld", &pages) != 1) pages = 0;
          std::fclose(f);
        }
        rlimit rl;
        getrlimit(RLIMIT_AS, &rl);
        rl.rlim_cur = pages * sysconf(_SC_PAGESIZE) + (size_t{48} << 20);
        setrlimit(RLIMIT_AS, &rl);
        // More than a region holds, so the pools run out and malloc's
        // 48 MiB too.
        std::vector<void*> blocks;
        blocks.reserve(3 << 20);
        size_t got = 0;
        try {
          for (size_t i = 0; i < (size_t{3} << 20); ++i) {
            void* p = SmallAlloc(48);
            std::memset(p, 0x5a, 48);
            blocks.push_back(p);
            got += 48;
          }
        } catch (const std::bad_alloc&) {
        }
        for (void* p : blocks) SmallFree(p);
        // A region's worth came from the pools, and malloc gave more.
        std::exit(got > (size_t{64} << 20) ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace minidynamo
