#include "vm/format/digit_string.h"

#include <string>

#include "gtest/gtest.h"

namespace minidynamo {
namespace {

TEST(ConvertDigitsTest, KnownValues) {
  EXPECT_EQ(ConvertDigits("0", 10, 16), "0");
  EXPECT_EQ(ConvertDigits("000", 16, 2), "0");
  EXPECT_EQ(ConvertDigits("255", 10, 16), "ff");
  EXPECT_EQ(ConvertDigits("FF", 16, 10), "255");
  EXPECT_EQ(ConvertDigits("ff", 16, 8), "377");
  EXPECT_EQ(ConvertDigits("1267650600228229401496703205376", 10, 16),
            "1" + std::string(25, '0'));
  EXPECT_EQ(ConvertDigits("1" + std::string(25, '0'), 16, 10),
            "1267650600228229401496703205376");
  EXPECT_EQ(ConvertDigits("zz", 36, 10), "1295");
  EXPECT_EQ(ConvertDigits("1295", 10, 36), "zz");
}

TEST(ConvertDigitsTest, RoundTripsLongNumbers) {
  std::string decimal;
  for (int i = 0; i < 700; ++i) decimal.push_back('0' + (i * 7 + 3) % 10);
  for (int base : {2, 3, 8, 16, 36}) {
    EXPECT_EQ(ConvertDigits(ConvertDigits(decimal, 10, base), base, 10),
              decimal)
        << base;
  }
}

TEST(DigitsToDoubleTest, RoundsAndOverflows) {
  EXPECT_EQ(*DigitsToDouble("9007199254740993", 10), 9007199254740992.0);
  EXPECT_EQ(*DigitsToDouble("20000000000001", 16), 9007199254740992.0);
  EXPECT_EQ(*DigitsToDouble("20000000000003", 16), 9007199254740996.0);
  EXPECT_FALSE(DigitsToDouble("1" + std::string(309, '0'), 10).has_value());
  EXPECT_TRUE(DigitsToDouble("1" + std::string(308, '0'), 10).has_value());
}

}  // namespace
}  // namespace minidynamo
