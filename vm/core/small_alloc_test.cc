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

}  // namespace
}  // namespace minidynamo
