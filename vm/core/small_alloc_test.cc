#include "vm/core/small_alloc.h"

#include <cstdint>
#include <cstring>
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
      size_t n = 1 + next() % 700;  // both sides of the 512-byte limit
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

}  // namespace
}  // namespace minidynamo
