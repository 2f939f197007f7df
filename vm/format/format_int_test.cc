#include "vm/format/format_int.h"

#include <cstdint>
#include <string>

#include "absl/strings/numbers.h"
#include "gtest/gtest.h"
#include "vm/format/digit_string.h"
#include "vm/format/golden.h"

namespace minidynamo {
namespace {

TEST(FormatIntTest, MatchesCPythonGolden) {
  MismatchLog log;
  int rows = 0;
  int int64_rows = 0;
  for (const auto& row : ReadGolden("int_format.txt")) {
    ++rows;
    const std::string& value = row[0];
    const std::string& spec = row[1];
    const bool negative = value[0] == '-';
    const std::string digits = negative ? value.substr(1) : value;
    auto check = [&](const char* how, const absl::StatusOr<std::string>& got) {
      const std::string diff = CompareOutcome(got, row[2], row[3]);
      if (!diff.empty()) {
        log.Add(std::string(how) + " format(" + value + ", '" + spec +
                "'): " + diff);
      }
    };
    int64_t small;
    if (absl::SimpleAtoi(value, &small)) {
      ++int64_rows;
      check("int64", FormatInt64(small, spec));
    }
    check("decimal", FormatBigInt(negative, digits, 10, spec));
    check("hex",
          FormatBigInt(negative, ConvertDigits(digits, 10, 16), 16, spec));
  }
  EXPECT_GT(rows, 3000);
  EXPECT_GT(int64_rows, 2000);
  EXPECT_EQ(log.count(), 0) << log.report();
}

TEST(FormatIntTest, Examples) {
  EXPECT_EQ(*FormatInt64(255, "#x"), "0xff");
  EXPECT_EQ(*FormatInt64(255, "#X"), "0XFF");
  EXPECT_EQ(*FormatInt64(-255, "#010b"), "-0b11111111");
  EXPECT_EQ(*FormatInt64(1234, "08,"), "0,001,234");
  EXPECT_EQ(*FormatInt64(-1234, "08,"), "-001,234");
  EXPECT_EQ(*FormatInt64(255, "#010_x"), "0x000_00ff");
  EXPECT_EQ(*FormatInt64(INT64_MIN, ""), "-9223372036854775808");
  EXPECT_EQ(*FormatInt64(INT64_MIN, "_x"), "-8000_0000_0000_0000");
  EXPECT_EQ(*FormatInt64(65, "^5c"), "  A  ");
  EXPECT_EQ(*FormatInt64(0x20AC, "c"), "\xE2\x82\xAC");
  EXPECT_EQ(*FormatInt64(3, ".2f"), "3.00");
  EXPECT_EQ(*FormatInt64(1, "%"), "100.000000%");
}

TEST(FormatIntTest, BigDigitsInAnyBase) {
  // 2**100 given as hex, printed in decimal, octal and binary.
  const std::string hex = "10000000000000000000000000";
  EXPECT_EQ(*FormatBigInt(false, hex, 16, ","),
            "1,267,650,600,228,229,401,496,703,205,376");
  EXPECT_EQ(*FormatBigInt(true, hex, 16, "#o"), "-0o2" + std::string(33, '0'));
  EXPECT_EQ(*FormatBigInt(false, "0000ff", 16, "d"), "255");
  EXPECT_EQ(*FormatBigInt(true, "0", 10, "+"), "+0");
  EXPECT_EQ(FormatBigInt(false, "1" + std::string(400, '0'), 10, "e")
                .status()
                .message(),
            "int too large to convert to float");
  EXPECT_EQ(FormatBigInt(false, "1" + std::string(30, '0'), 10, "c")
                .status()
                .message(),
            "Python int too large to convert to C long");
}

TEST(FormatIntTest, Errors) {
  EXPECT_EQ(FormatInt64(1, "q").status().message(),
            "Unknown format code 'q' for object of type 'int'");
  EXPECT_EQ(FormatInt64(1, "q", "bool").status().message(),
            "Unknown format code 'q' for object of type 'bool'");
  EXPECT_EQ(FormatInt64(1, ".2").status().message(),
            "Precision not allowed in integer format specifier");
  EXPECT_EQ(FormatInt64(1, ",_").status().message(),
            "Cannot specify both ',' and '_'.");
  EXPECT_EQ(FormatInt64(1, ",x").status().message(),
            "Cannot specify ',' with 'x'.");
  EXPECT_EQ(FormatInt64(1, "\xE2\x82\xAC").status().message(),
            "Unknown format code '\\x20ac' for object of type 'int'");
  const absl::Status range = FormatInt64(-1, "c").status();
  EXPECT_EQ(range.code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(range.message(), "%c arg not in range(0x110000)");
  EXPECT_EQ(FormatInt64(1, "99999999999999999999").status().message(),
            "Too many decimal digits in format string");
}

}  // namespace
}  // namespace minidynamo
