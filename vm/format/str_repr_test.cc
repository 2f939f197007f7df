#include "vm/format/str_repr.h"

#include <string>

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"
#include "vm/format/golden.h"

namespace minidynamo {
namespace {

TEST(ReprTest, MatchesCPythonGolden) {
  MismatchLog log;
  int rows = 0;
  for (const auto& row : ReadGolden("str_repr.txt")) {
    ++rows;
    std::string got;
    if (row[0] == "s") {
      got = StrRepr(row[1]);
    } else if (row[0] == "a") {
      got = AsciiRepr(row[1]);
    } else {
      got = BytesRepr(absl::HexStringToBytes(row[1]));
    }
    if (got != row[2]) {
      log.Add(row[0] + " " + absl::CHexEscape(row[1]) + ": want " + row[2] +
              ", got " + got);
    }
  }
  EXPECT_GT(rows, 1500);
  EXPECT_EQ(log.count(), 0) << log.report();
}

TEST(ReprTest, Ascii) {
  EXPECT_EQ(AsciiRepr("caf\xC3\xA9 \xE2\x82\xAC\xF0\x9F\x98\x80"),
            "'caf\\xe9 \\u20ac\\U0001f600'");
  EXPECT_EQ(AsciiRepr("\xE2\x80\xA8"), "'\\u2028'");
}

TEST(ReprTest, Quotes) {
  EXPECT_EQ(StrRepr("a"), "'a'");
  EXPECT_EQ(StrRepr("it's"), "\"it's\"");
  EXPECT_EQ(StrRepr("'\""), "'\\'\"'");
  EXPECT_EQ(BytesRepr("it's"), "b\"it's\"");
}

TEST(ReprTest, Escapes) {
  EXPECT_EQ(StrRepr("\\\n\r\t\x01\x7f"), "'\\\\\\n\\r\\t\\x01\\x7f'");
  EXPECT_EQ(StrRepr("\xC2\xA0\xC3\xA9"), "'\\xa0\xC3\xA9'");  // NBSP, e-acute.
  EXPECT_EQ(StrRepr("\xE2\x80\xA8"), "'\\u2028'");
  EXPECT_EQ(StrRepr("\xF3\xA0\x80\x81"), "'\\U000e0001'");
  EXPECT_EQ(StrRepr("\xED\xA0\x80"), "'\\ud800'");  // A lone surrogate.
  EXPECT_EQ(StrRepr("\xF0\x9F\x98\x80"), "'\xF0\x9F\x98\x80'");
  EXPECT_EQ(BytesRepr(std::string("\x00\x80\xff", 3)), "b'\\x00\\x80\\xff'");
}

}  // namespace
}  // namespace minidynamo
