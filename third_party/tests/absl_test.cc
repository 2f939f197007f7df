// Abseil as the project uses it: StatusOr across layers, flat_hash_map,
// StrFormat.
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"

namespace {

absl::StatusOr<int> ParseDigit(char c) {
  if (c < '0' || c > '9') {
    return absl::InvalidArgumentError(absl::StrFormat("not a digit: '%c'", c));
  }
  return c - '0';
}

TEST(AbslTest, StatusOrCarriesValueOrError) {
  absl::StatusOr<int> ok = ParseDigit('7');
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 7);

  absl::StatusOr<int> bad = ParseDigit('x');
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "not a digit: 'x'");
}

TEST(AbslTest, FlatHashMapCountsWords) {
  absl::flat_hash_map<std::string, int> counts;
  for (const char* w : {"a", "b", "a", "c", "a"}) ++counts[w];
  EXPECT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts["a"], 3);
  EXPECT_EQ(counts.count("z"), 0u);
  counts.erase("a");
  EXPECT_FALSE(counts.contains("a"));
}

TEST(AbslTest, StrFormat) {
  EXPECT_EQ(absl::StrFormat("%s=%d (%.2f)", "x", 42, 0.5), "x=42 (0.50)");
}

}  // namespace
