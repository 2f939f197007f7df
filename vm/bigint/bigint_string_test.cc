// Hand-written parsing and formatting tests: int(s, base) rules, the repr in
// error messages, bin/oct/hex forms and the int_max_str_digits limit.
#include <string>

#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "vm/bigint/bigint.h"

namespace minidynamo {
namespace {

// The parsed value as a decimal string, or "ValueError: message".
std::string ParseText(const std::string& text, int base = 10,
                      int64_t max_str_digits = 0) {
  absl::StatusOr<BigInt> v = BigInt::FromString(text, base, max_str_digits);
  if (!v.ok()) {
    return std::string(PythonExceptionName(v.status())) + ": " +
           std::string(v.status().message());
  }
  return v->ToString();
}

std::string Invalid(int base, const std::string& quoted) {
  return "ValueError: invalid literal for int() with base " +
         std::to_string(base) + ": " + quoted;
}

TEST(BigIntParseTest, AcceptedForms) {
  EXPECT_EQ(ParseText("0x1f", 0), "31");
  EXPECT_EQ(ParseText("0o17", 0), "15");
  EXPECT_EQ(ParseText("0b101", 0), "5");
  EXPECT_EQ(ParseText("0B11", 0), "3");
  EXPECT_EQ(ParseText("0X1F", 16), "31");
  EXPECT_EQ(ParseText("0x_1f", 16), "31");
  EXPECT_EQ(ParseText("1f", 16), "31");
  EXPECT_EQ(ParseText("1_000", 10), "1000");
  EXPECT_EQ(ParseText("  +42\n", 10), "42");
  EXPECT_EQ(ParseText(" -1_0 ", 10), "-10");
  EXPECT_EQ(ParseText("-0", 0), "0");
  EXPECT_EQ(ParseText("00", 0), "0");
  EXPECT_EQ(ParseText("0_0", 0), "0");
  EXPECT_EQ(ParseText("z", 36), "35");
  EXPECT_EQ(ParseText("Z", 36), "35");
  EXPECT_EQ(ParseText("0b101", 16), "45313");  // b is a hex digit here
  EXPECT_EQ(ParseText("\t\n\v\f\r 7", 10), "7");
  EXPECT_EQ(ParseText("123456789012345678901234567890"),
            "123456789012345678901234567890");
  EXPECT_EQ(ParseText("-ffffffffffffffffffffffff", 16),
            "-79228162514264337593543950335");
}

TEST(BigIntParseTest, UnicodeDigitsAndWhitespace) {
  EXPECT_EQ(ParseText("\u0663\u0664"), "34");          // Arabic-Indic
  EXPECT_EQ(ParseText("\U0001D7CF\U0001D7D0"), "12");  // mathematical bold
  EXPECT_EQ(ParseText("\uFF11\uFF10", 16), "16");      // fullwidth, any base
  EXPECT_EQ(ParseText("\u3000 7 \u2028"), "7");
  EXPECT_EQ(ParseText("\u00855"), "5");
  // U+001C is whitespace to str.isspace() but not to int(): ASCII is kept as
  // is.
  EXPECT_EQ(ParseText("\x1c"
                      "5"),
            Invalid(10, "'\\x1c5'"));
}

TEST(BigIntParseTest, RejectedForms) {
  EXPECT_EQ(ParseText("abc"), Invalid(10, "'abc'"));
  EXPECT_EQ(ParseText("abc", 0), Invalid(0, "'abc'"));
  EXPECT_EQ(ParseText("010", 0), Invalid(0, "'010'"));
  EXPECT_EQ(ParseText("0_1", 0), Invalid(0, "'0_1'"));
  EXPECT_EQ(ParseText("0x", 16), Invalid(16, "'0x'"));
  EXPECT_EQ(ParseText("0b", 0), Invalid(0, "'0b'"));
  EXPECT_EQ(ParseText("0x__1", 16), Invalid(16, "'0x__1'"));
  EXPECT_EQ(ParseText("0x1f", 10), Invalid(10, "'0x1f'"));
  EXPECT_EQ(ParseText("1_"), Invalid(10, "'1_'"));
  EXPECT_EQ(ParseText("_1"), Invalid(10, "'_1'"));
  EXPECT_EQ(ParseText("1__0"), Invalid(10, "'1__0'"));
  EXPECT_EQ(ParseText("+_1"), Invalid(10, "'+_1'"));
  EXPECT_EQ(ParseText("- 1"), Invalid(10, "'- 1'"));
  EXPECT_EQ(ParseText("1 2"), Invalid(10, "'1 2'"));
  EXPECT_EQ(ParseText(""), Invalid(10, "''"));
  EXPECT_EQ(ParseText("-"), Invalid(10, "'-'"));
  EXPECT_EQ(ParseText("1.0"), Invalid(10, "'1.0'"));
  EXPECT_EQ(ParseText(std::string("12\0", 3)), Invalid(10, "'12\\x00'"));
  for (int base : {1, 37, -1}) {
    EXPECT_EQ(ParseText("1", base),
              "ValueError: int() base must be >= 2 and <= 36, or 0");
  }
}

TEST(BigIntParseTest, ErrorMessageQuotesWithRepr) {
  EXPECT_EQ(ParseText("a'b"), Invalid(10, "\"a'b\""));
  EXPECT_EQ(ParseText("a\"b'"), Invalid(10, "'a\"b\\''"));
  EXPECT_EQ(ParseText("\\x"), Invalid(10, "'\\\\x'"));
  EXPECT_EQ(ParseText("tab\there"), Invalid(10, "'tab\\there'"));
  EXPECT_EQ(ParseText("\n"), Invalid(10, "'\\n'"));
  EXPECT_EQ(ParseText("\x7f"), Invalid(10, "'\\x7f'"));
  EXPECT_EQ(ParseText("\u200b"
                      "1"),
            Invalid(10, "'\\u200b1'"));
  EXPECT_EQ(ParseText("\xc2\xa0x"), Invalid(10, "'\\xa0x'"));
  EXPECT_EQ(ParseText("\U000E0001"), Invalid(10, "'\\U000e0001'"));
  // Printable non-ASCII characters stay as they are.
  EXPECT_EQ(ParseText("\U0001F600x"), Invalid(10, "'\U0001F600x'"));
  // "%.200R": the repr is cut to 200 characters, closing quote included.
  EXPECT_EQ(ParseText(std::string(300, 'x')),
            Invalid(10, "'" + std::string(199, 'x')));
  std::string e_acute;
  for (int i = 0; i < 250; ++i) e_acute += "\u00e9";
  std::string cut = "'";
  for (int i = 0; i < 199; ++i) cut += "\u00e9";
  EXPECT_EQ(ParseText(e_acute), Invalid(10, cut));
  EXPECT_EQ(ParseText(std::string(199, 'x')),
            Invalid(10, "'" + std::string(199, 'x')));
  EXPECT_EQ(ParseText(std::string(198, 'x')),
            Invalid(10, "'" + std::string(198, 'x') + "'"));
}

TEST(BigIntParseTest, MaxStrDigitsLimit) {
  const std::string long_digits(5000, '9');
  EXPECT_EQ(
      ParseText(long_digits, 10, 4300),
      "ValueError: Exceeds the limit (4300 digits) for integer string "
      "conversion: value has 5000 digits; use sys.set_int_max_str_digits() "
      "to increase the limit");
  // The limit wins over a later syntax error; power-of-two bases are exempt.
  EXPECT_EQ(ParseText(long_digits + "x", 10, 4300).substr(0, 30),
            "ValueError: Exceeds the limit ");
  EXPECT_EQ(ParseText(std::string(5000, 'f'), 16, 4300).size(), 6021u);
  EXPECT_EQ(ParseText(long_digits, 10, 0).size(), 5000u);
  EXPECT_EQ(ParseText(std::string(4300, '9'), 10, 4300).size(), 4300u);

  const BigInt big = *BigInt::FromString(long_digits);
  EXPECT_EQ(big.ToDecimalString(4300).status().message(),
            "Exceeds the limit (4300 digits) for integer string conversion; "
            "use sys.set_int_max_str_digits() to increase the limit");
  EXPECT_TRUE(big.ToDecimalString(5000).ok());
  EXPECT_FALSE(big.ToDecimalString(4999).ok());
  // The sign does not count as a digit.
  EXPECT_TRUE(big.Negated().ToDecimalString(5000).ok());
}

TEST(BigIntFormatTest, PrefixesAndBases) {
  const BigInt n(-31);
  EXPECT_EQ(n.ToPrefixedString(16), "-0x1f");
  EXPECT_EQ(n.ToPrefixedString(8), "-0o37");
  EXPECT_EQ(n.ToPrefixedString(2), "-0b11111");
  EXPECT_EQ(BigInt(0).ToPrefixedString(16), "0x0");
  EXPECT_EQ(BigInt(0).ToPrefixedString(2), "0b0");
  EXPECT_EQ(BigInt(0).ToString(), "0");
  EXPECT_EQ(BigInt(255).ToString(16), "ff");
  EXPECT_EQ(BigInt(-35).ToString(36), "-z");
  EXPECT_EQ(BigInt(1000000000).ToString(), "1000000000");
  const BigInt big = *BigInt::FromString("1" + std::string(40, '0'));
  EXPECT_EQ(big.ToString(), "1" + std::string(40, '0'));
  EXPECT_EQ(big.ToString(7),
            "162311002124535240363254156332200436351052226334");
  for (int base = 2; base <= 36; ++base) {
    EXPECT_EQ(*BigInt::FromString(big.ToString(base), base), big) << base;
    EXPECT_EQ(*BigInt::FromString(big.Negated().ToString(base), base),
              big.Negated())
        << base;
  }
}

}  // namespace
}  // namespace minidynamo
