#include "vm/format/int_string.h"

#include <cstdint>
#include <string>

#include "absl/strings/numbers.h"
#include "gtest/gtest.h"
#include "vm/format/digit_string.h"
#include "vm/format/golden.h"

namespace minidynamo {
namespace {

TEST(ParseIntTest, MatchesCPythonGolden) {
  MismatchLog log;
  int rows = 0;
  for (const auto& row : ReadGolden("int_parse.txt")) {
    ++rows;
    const std::string& text = row[0];
    const int base = std::stoi(row[1]);
    const std::string where =
        "int('" + text.substr(0, 60) + "', " + row[1] + ")";
    absl::StatusOr<IntLiteral> literal = ParseIntLiteral(text, base);
    absl::StatusOr<std::string> shown = std::string();
    if (literal.ok()) {
      shown = (literal->negative ? "-" : "") +
              ConvertDigits(literal->digits, literal->base, 10);
    } else {
      shown = literal.status();
    }
    std::string diff = CompareOutcome(shown, row[2], row[3]);
    if (!diff.empty()) log.Add("literal " + where + ": " + diff);

    // ParseInt64 agrees, with nullopt for values past int64.
    absl::StatusOr<std::optional<int64_t>> small = ParseInt64(text, base);
    if (row[2] != "ok") {
      diff = CompareOutcome(small.status(), row[2], row[3]);
    } else if (!small.ok()) {
      diff = "unexpected error " + small.status().ToString();
    } else if (small->has_value()) {
      diff = Int64ToString(**small) == row[3] ? "" : "wrong int64";
    } else {
      int64_t value;
      diff = absl::SimpleAtoi(row[3], &value) ? "nullopt for a value that fits"
                                              : "";
    }
    if (!diff.empty()) log.Add("int64 " + where + ": " + diff);
  }
  EXPECT_GT(rows, 1000);
  EXPECT_EQ(log.count(), 0) << log.report();
}

TEST(ParseIntTest, Int64Edges) {
  EXPECT_EQ(**ParseInt64("9223372036854775807", 10), INT64_MAX);
  EXPECT_EQ(**ParseInt64("-9223372036854775808", 10), INT64_MIN);
  EXPECT_FALSE(ParseInt64("9223372036854775808", 10)->has_value());
  EXPECT_EQ(**ParseInt64(" -0x_7f ", 0), -127);
  EXPECT_EQ(**ParseInt64("z", 36), 35);
  EXPECT_EQ(**ParseInt64("\xD9\xA3", 10), 3);  // ARABIC-INDIC DIGIT THREE.
  EXPECT_EQ(ParseInt64("07", 0).status().message(),
            "invalid literal for int() with base 0: '07'");
  EXPECT_EQ(ParseInt64("12a", 10).status().message(),
            "invalid literal for int() with base 10: '12a'");
  EXPECT_EQ(ParseInt64("1", 37).status().message(),
            "int() base must be >= 2 and <= 36, or 0");
}

TEST(ParseIntTest, DigitLimit) {
  const std::string many(4301, '1');
  EXPECT_EQ(ParseIntLiteral(many, 10).status().message(),
            "Exceeds the limit (4300 digits) for integer string conversion: "
            "value has 4301 digits; use sys.set_int_max_str_digits() to "
            "increase the limit");
  EXPECT_TRUE(ParseIntLiteral(many, 16).ok());  // Power-of-two bases are free.
  EXPECT_TRUE(ParseIntLiteral(many, 10, 0).ok());  // 0 turns the limit off.
}

TEST(Int64ToStringTest, Values) {
  EXPECT_EQ(Int64ToString(0), "0");
  EXPECT_EQ(Int64ToString(-42), "-42");
  EXPECT_EQ(Int64ToString(INT64_MIN), "-9223372036854775808");
  std::string out = "x=";
  AppendInt64(&out, INT64_MAX);
  EXPECT_EQ(out, "x=9223372036854775807");
}

}  // namespace
}  // namespace minidynamo
