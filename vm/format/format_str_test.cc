#include "vm/format/format_str.h"

#include <string>

#include "gtest/gtest.h"
#include "vm/format/golden.h"

namespace minidynamo {
namespace {

TEST(FormatStrTest, MatchesCPythonGolden) {
  MismatchLog log;
  int rows = 0;
  for (const auto& row : ReadGolden("str_format.txt")) {
    ++rows;
    const std::string diff =
        CompareOutcome(FormatStr(row[0], row[1]), row[2], row[3]);
    if (!diff.empty()) {
      log.Add("format('" + row[0] + "', '" + row[1] + "'): " + diff);
    }
  }
  EXPECT_GT(rows, 300);
  EXPECT_EQ(log.count(), 0) << log.report();
}

TEST(FormatStrTest, CountsCodePoints) {
  EXPECT_EQ(*FormatStr("\xC3\xA9t\xC3\xA9", "^7"), "  \xC3\xA9t\xC3\xA9  ");
  EXPECT_EQ(*FormatStr("\xC3\xA9t\xC3\xA9", ".2"), "\xC3\xA9t");
  EXPECT_EQ(*FormatStr("ab", "\xE2\x86\x92>4"),
            "\xE2\x86\x92\xE2\x86\x92"
            "ab");
}

TEST(FormatStrTest, Errors) {
  EXPECT_EQ(FormatStr("a", ",").status().message(),
            "Cannot specify ',' with 's'.");
  EXPECT_EQ(FormatStr("a", "+").status().message(),
            "Sign not allowed in string format specifier");
  EXPECT_EQ(FormatStr("a", "=5").status().message(),
            "'=' alignment not allowed in string format specifier");
  EXPECT_EQ(FormatStr("a", "d").status().message(),
            "Unknown format code 'd' for object of type 'str'");
}

}  // namespace
}  // namespace minidynamo
