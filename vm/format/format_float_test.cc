#include "vm/format/format_float.h"

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include "gtest/gtest.h"
#include "vm/format/golden.h"

namespace minidynamo {
namespace {

double FromBits(const std::string& hex) {
  const uint64_t bits = std::stoull(hex, nullptr, 16);
  double d;
  std::memcpy(&d, &bits, sizeof(d));
  return d;
}

TEST(FormatFloatTest, MatchesCPythonGolden) {
  MismatchLog log;
  int rows = 0;
  for (const auto& row : ReadGolden("float_format.txt")) {
    ++rows;
    const std::string diff =
        CompareOutcome(FormatFloat(FromBits(row[0]), row[1]), row[2], row[3]);
    if (!diff.empty())
      log.Add("format(" + row[0] + ", '" + row[1] + "'): " + diff);
  }
  EXPECT_GT(rows, 5000);
  EXPECT_EQ(log.count(), 0) << log.report();
}

TEST(FormatFloatTest, RoundsHalfEvenOnExactValues) {
  EXPECT_EQ(*FormatFloat(2.675, ".2f"), "2.67");
  EXPECT_EQ(*FormatFloat(0.5, ".0f"), "0");
  EXPECT_EQ(*FormatFloat(1.5, ".0f"), "2");
  EXPECT_EQ(*FormatFloat(0.125, ".2f"), "0.12");
  EXPECT_EQ(*FormatFloat(1.0 / 3, ".50f"),
            "0.33333333333333331482961625624739099293947219848633");
}

TEST(FormatFloatTest, DefaultTypeAndPercent) {
  EXPECT_EQ(*FormatFloat(1.0, ""), "1.0");
  EXPECT_EQ(*FormatFloat(1e16, ""), "1e+16");
  EXPECT_EQ(*FormatFloat(1234.0, ".4"), "1.234e+03");
  EXPECT_EQ(*FormatFloat(12.0, ".4"), "12.0");
  EXPECT_EQ(*FormatFloat(0.256, ".1%"), "25.6%");
  EXPECT_EQ(*FormatFloat(-0.0, "z"), "0.0");
  EXPECT_EQ(*FormatFloat(1234567.891, ",.2f"), "1,234,567.89");
  EXPECT_EQ(*FormatFloat(-1234.5, "0=12_.1f"), "-0_001_234.5");
  EXPECT_EQ(*FormatFloat(std::numeric_limits<double>::infinity(), "010"),
            "0000000inf");
}

TEST(FormatFloatTest, Errors) {
  EXPECT_EQ(FormatFloat(1.0, "d").status().message(),
            "Unknown format code 'd' for object of type 'float'");
  EXPECT_EQ(FormatFloat(1.0, ".").status().message(),
            "Format specifier missing precision");
  EXPECT_EQ(FormatFloat(1.0, ".3000000000f").status().message(),
            "precision too big");
  EXPECT_EQ(FormatFloat(1.0, "abc").status().message(),
            "Invalid format specifier 'abc' for object of type 'float'");
  EXPECT_EQ(FormatFloat(1.0, "q", "MyFloat").status().message(),
            "Unknown format code 'q' for object of type 'MyFloat'");
}

}  // namespace
}  // namespace minidynamo
