#include "vm/format/float_to_string.h"

#include <cmath>
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

TEST(FloatReprTest, MatchesCPythonGolden) {
  MismatchLog log;
  int rows = 0;
  for (const auto& row : ReadGolden("float_repr.txt")) {
    ++rows;
    const std::string got = FloatRepr(FromBits(row[0]));
    if (got != row[1]) log.Add(row[0] + ": want " + row[1] + ", got " + got);
  }
  EXPECT_GT(rows, 2000);
  EXPECT_EQ(log.count(), 0) << log.report();
}

TEST(FloatReprTest, LayoutSwitchesAtCPythonThresholds) {
  EXPECT_EQ(FloatRepr(1e16), "1e+16");
  EXPECT_EQ(FloatRepr(9999999999999998.0), "9999999999999998.0");
  EXPECT_EQ(FloatRepr(1e15), "1000000000000000.0");
  EXPECT_EQ(FloatRepr(0.0001), "0.0001");
  EXPECT_EQ(FloatRepr(0.00001), "1e-05");
  EXPECT_EQ(FloatRepr(1.5e-7), "1.5e-07");
  EXPECT_EQ(FloatRepr(1e100), "1e+100");
  EXPECT_EQ(FloatRepr(5e-324), "5e-324");
}

TEST(FloatReprTest, SpecialValues) {
  EXPECT_EQ(FloatRepr(0.0), "0.0");
  EXPECT_EQ(FloatRepr(-0.0), "-0.0");
  EXPECT_EQ(FloatRepr(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(FloatRepr(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(FloatRepr(std::nan("")), "nan");
  EXPECT_EQ(FloatRepr(-std::nan("")), "nan");
}

TEST(FloatReprTest, ShortestRoundTrip) {
  EXPECT_EQ(FloatRepr(0.1), "0.1");
  EXPECT_EQ(FloatRepr(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(FloatRepr(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(FloatRepr(123456789.0), "123456789.0");
  EXPECT_EQ(FloatRepr(-2.5), "-2.5");
}

TEST(DoubleToStringTest, Modes) {
  EXPECT_EQ(DoubleToString(2.675, 'f', 2, 0), "2.67");
  EXPECT_EQ(DoubleToString(0.5, 'f', 0, 0), "0");
  EXPECT_EQ(DoubleToString(1.5, 'f', 0, 0), "2");
  EXPECT_EQ(DoubleToString(2.5, 'f', 0, 0), "2");
  EXPECT_EQ(DoubleToString(2.5, 'f', 0, kDtsfAlt), "2.");
  EXPECT_EQ(DoubleToString(1234.5, 'e', 2, 0), "1.23e+03");
  EXPECT_EQ(DoubleToString(1234.5, 'E', 0, kDtsfAlt), "1.E+03");
  EXPECT_EQ(DoubleToString(0.0001, 'g', 6, 0), "0.0001");
  EXPECT_EQ(DoubleToString(0.00001, 'g', 6, 0), "1e-05");
  EXPECT_EQ(DoubleToString(1.0, 'g', 6, kDtsfAlt), "1.00000");
  EXPECT_EQ(DoubleToString(1234.0, 'g', 4, kDtsfAddDot0), "1.234e+03");
  EXPECT_EQ(DoubleToString(123.0, 'g', 4, kDtsfAddDot0), "123.0");
  EXPECT_EQ(DoubleToString(-0.0, 'f', 1, kDtsfNoNeg0), "0.0");
  EXPECT_EQ(DoubleToString(-0.001, 'f', 1, kDtsfNoNeg0), "0.0");
  EXPECT_EQ(DoubleToString(-0.001, 'f', 1, 0), "-0.0");
  EXPECT_EQ(DoubleToString(1.0, 'f', 2, kDtsfSign), "+1.00");
  EXPECT_EQ(DoubleToString(-std::numeric_limits<double>::infinity(), 'F', 2, 0),
            "-INF");
  EXPECT_EQ(DoubleToString(std::nan(""), 'g', 2, kDtsfSign), "+nan");
}

TEST(DoubleToStringTest, LongPrecisionIsExact) {
  EXPECT_EQ(DoubleToString(1.0 / 3, 'f', 50, 0),
            "0.33333333333333331482961625624739099293947219848633");
  EXPECT_EQ(DoubleToString(0.1, 'e', 30, 0),
            "1.000000000000000055511151231258e-01");
  // Past the exact expansion only zeros follow.
  EXPECT_EQ(DoubleToString(0.5, 'f', 1200, 0), "0.5" + std::string(1199, '0'));
  EXPECT_EQ(DoubleToString(5e-324, 'e', 900, 0).substr(0, 12), "4.9406564584");
}

TEST(DoubleToDigitsTest, DtoaForms) {
  DecimalDigits d = DoubleToDigits(0.0012, DigitMode::kShortest, 0);
  EXPECT_EQ(d.digits, "12");
  EXPECT_EQ(d.decpt, -2);
  d = DoubleToDigits(-123.456, DigitMode::kFixed, 1);
  EXPECT_EQ(d.digits, "1235");
  EXPECT_EQ(d.decpt, 3);
  EXPECT_TRUE(d.negative);
  d = DoubleToDigits(0.0, DigitMode::kSignificant, 5);
  EXPECT_EQ(d.digits, "0");
  EXPECT_EQ(d.decpt, 1);
  d = DoubleToDigits(9.96, DigitMode::kSignificant, 2);
  EXPECT_EQ(d.digits, "1");
  EXPECT_EQ(d.decpt, 2);
}

}  // namespace
}  // namespace minidynamo
