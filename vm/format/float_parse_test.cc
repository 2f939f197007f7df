#include "vm/format/float_parse.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "gtest/gtest.h"
#include "vm/format/golden.h"

namespace minidynamo {
namespace {

uint64_t Bits(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof(d));
  return bits;
}

TEST(ParseFloatTest, MatchesCPythonGolden) {
  MismatchLog log;
  int rows = 0;
  for (const auto& row : ReadGolden("float_parse.txt")) {
    ++rows;
    absl::StatusOr<double> got = ParseFloat(row[0]);
    absl::StatusOr<std::string> shown = std::string();
    if (got.ok()) {
      char hex[17];
      std::snprintf(hex, sizeof(hex), "%016llx",
                    static_cast<unsigned long long>(Bits(*got)));
      shown = std::string(hex);
    } else {
      shown = got.status();
    }
    const std::string diff = CompareOutcome(shown, row[1], row[2]);
    if (!diff.empty()) log.Add("float('" + row[0] + "'): " + diff);
  }
  EXPECT_GT(rows, 1000);
  EXPECT_EQ(log.count(), 0) << log.report();
}

TEST(ParseFloatTest, Examples) {
  EXPECT_EQ(*ParseFloat(" 1_000.5 "), 1000.5);
  EXPECT_EQ(*ParseFloat("-iNfInItY"), -INFINITY);
  EXPECT_TRUE(std::isnan(*ParseFloat("nan")));
  EXPECT_TRUE(std::signbit(*ParseFloat("-nan")));
  EXPECT_EQ(*ParseFloat("1e500"), INFINITY);
  EXPECT_TRUE(std::signbit(*ParseFloat("-1e-500")));
  // Arabic-Indic digits and an em space.
  EXPECT_EQ(*ParseFloat("\xE2\x80\x83\xD9\xA1.\xD9\xA5"), 1.5);
  EXPECT_EQ(ParseFloat("abc").status().message(),
            "could not convert string to float: 'abc'");
  EXPECT_EQ(ParseFloat("1__0").status().message(),
            "could not convert string to float: '1__0'");
  EXPECT_EQ(ParseFloat("").status().message(),
            "could not convert string to float: ''");
}

TEST(AsciiToDoubleTest, StrictGrammar) {
  EXPECT_EQ(*AsciiToDouble("1.5e3"), 1500.0);
  EXPECT_EQ(*AsciiToDouble(".5"), 0.5);
  EXPECT_EQ(*AsciiToDouble("5."), 5.0);
  EXPECT_FALSE(AsciiToDouble(" 1").has_value());
  EXPECT_FALSE(AsciiToDouble("1_0").has_value());
  EXPECT_FALSE(AsciiToDouble("1e").has_value());
  EXPECT_FALSE(AsciiToDouble(".").has_value());
  EXPECT_FALSE(AsciiToDouble("0x1p3").has_value());
  // The correctly rounded neighbour of 2**53.
  EXPECT_EQ(*AsciiToDouble("9007199254740993"), 9007199254740992.0);
}

}  // namespace
}  // namespace minidynamo
