// Tokenizer tests: token kinds and positions, indentation, line joining,
// numbers, strings (prefixes, decoding of every escape) and tokenizer errors.
#include "vm/parse/lexer.h"

#include <cmath>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "vm/parse/ast.h"
#include "vm/parse/number_literal.h"
#include "vm/parse/string_literal.h"
#include "vm/parse/token.h"

namespace minidynamo {
namespace {

using K = TokenKind;

std::vector<K> Kinds(const std::string& src) {
  LexOutput out = Tokenize(src);
  EXPECT_TRUE(out.ok) << out.error.msg;
  std::vector<K> kinds;
  for (const Token& t : out.tokens) kinds.push_back(t.kind);
  return kinds;
}

std::vector<std::string> Texts(const std::string& src) {
  LexOutput out = Tokenize(src);
  EXPECT_TRUE(out.ok) << out.error.msg;
  std::vector<std::string> texts;
  for (const Token& t : out.tokens) {
    if (t.kind != K::kNewline && t.kind != K::kIndent && t.kind != K::kDedent &&
        t.kind != K::kEndMarker) {
      texts.emplace_back(out.Text(t));
    }
  }
  return texts;
}

SyntaxErrorInfo LexError(const std::string& src) {
  LexOutput out = Tokenize(src);
  EXPECT_FALSE(out.ok) << "no error for: " << src;
  return out.error;
}

TEST(LexerTest, SimpleStatement) {
  EXPECT_EQ(Kinds("x = 1\n"), (std::vector<K>{K::kName, K::kEqual, K::kNumber,
                                              K::kNewline, K::kEndMarker}));
}

TEST(LexerTest, EmptySourceIsJustEndMarker) {
  EXPECT_EQ(Kinds(""), std::vector<K>{K::kEndMarker});
  EXPECT_EQ(Kinds("\n\n  \n# comment\n"), std::vector<K>{K::kEndMarker});
}

TEST(LexerTest, MissingFinalNewlineIsAdded) {
  EXPECT_EQ(Kinds("pass"),
            (std::vector<K>{K::kPass, K::kNewline, K::kEndMarker}));
}

TEST(LexerTest, AllOperators) {
  const char* src =
      "( ) [ ] : , ; + - * / | & < > = . % { } == != <= >= ~ ^ << >> ** "
      "+= -= *= /= %= &= |= ^= <<= >>= **= // //= @ @= -> ... :=\n";
  std::vector<K> expected = {K::kLpar,
                             K::kRpar,
                             K::kLsqb,
                             K::kRsqb,
                             K::kColon,
                             K::kComma,
                             K::kSemi,
                             K::kPlus,
                             K::kMinus,
                             K::kStar,
                             K::kSlash,
                             K::kVbar,
                             K::kAmper,
                             K::kLess,
                             K::kGreater,
                             K::kEqual,
                             K::kDot,
                             K::kPercent,
                             K::kLbrace,
                             K::kRbrace,
                             K::kEqEqual,
                             K::kNotEqual,
                             K::kLessEqual,
                             K::kGreaterEqual,
                             K::kTilde,
                             K::kCircumflex,
                             K::kLeftShift,
                             K::kRightShift,
                             K::kDoubleStar,
                             K::kPlusEqual,
                             K::kMinEqual,
                             K::kStarEqual,
                             K::kSlashEqual,
                             K::kPercentEqual,
                             K::kAmperEqual,
                             K::kVbarEqual,
                             K::kCircumflexEqual,
                             K::kLeftShiftEqual,
                             K::kRightShiftEqual,
                             K::kDoubleStarEqual,
                             K::kDoubleSlash,
                             K::kDoubleSlashEqual,
                             K::kAt,
                             K::kAtEqual,
                             K::kRarrow,
                             K::kEllipsis,
                             K::kColonEqual,
                             K::kNewline,
                             K::kEndMarker};
  EXPECT_EQ(Kinds(src), expected);
}

TEST(LexerTest, OperatorsWithoutSpaces) {
  EXPECT_EQ(Texts("a**=b//=c->d...e:=f\n"),
            (std::vector<std::string>{"a", "**=", "b", "//=", "c", "->", "d",
                                      "...", "e", ":=", "f"}));
  EXPECT_EQ(Texts("x=..\n"), (std::vector<std::string>{"x", "=", ".", "."}));
}

TEST(LexerTest, KeywordsAndNames) {
  EXPECT_EQ(Kinds("if else elif while for in not and or is None True False "
                  "async await lambda yield x match case _ Class\n"),
            (std::vector<K>{K::kIf,    K::kElse,  K::kElif,    K::kWhile,
                            K::kFor,   K::kIn,    K::kNot,     K::kAnd,
                            K::kOr,    K::kIs,    K::kNone,    K::kTrue,
                            K::kFalse, K::kAsync, K::kAwait,   K::kLambda,
                            K::kYield, K::kName,  K::kName,    K::kName,
                            K::kName,  K::kName,  K::kNewline, K::kEndMarker}));
  EXPECT_EQ(TokenKindName(K::kIf), "NAME");
  EXPECT_EQ(TokenKindName(K::kLpar), "LPAR");
  EXPECT_EQ(TokenKindText(K::kDoubleSlashEqual), "//=");
}

TEST(LexerTest, UnicodeIdentifiers) {
  EXPECT_EQ(Texts("café = π + 日本\n"),
            (std::vector<std::string>{"café", "=", "π", "+", "日本"}));
}

TEST(LexerTest, IndentAndDedent) {
  EXPECT_EQ(Kinds("if x:\n    a\n    if y:\n        b\nc\n"),
            (std::vector<K>{K::kIf, K::kName, K::kColon, K::kNewline,
                            K::kIndent, K::kName, K::kNewline, K::kIf, K::kName,
                            K::kColon, K::kNewline, K::kIndent, K::kName,
                            K::kNewline, K::kDedent, K::kDedent, K::kName,
                            K::kNewline, K::kEndMarker}));
}

TEST(LexerTest, DedentsAtEndOfFile) {
  EXPECT_EQ(Kinds("if x:\n  if y:\n    z"),
            (std::vector<K>{K::kIf, K::kName, K::kColon, K::kNewline,
                            K::kIndent, K::kIf, K::kName, K::kColon,
                            K::kNewline, K::kIndent, K::kName, K::kNewline,
                            K::kDedent, K::kDedent, K::kEndMarker}));
}

TEST(LexerTest, BlankLinesAndCommentsDoNotIndent) {
  EXPECT_EQ(Kinds("if x:\n\n      # deep comment\n  a\n\n# c\n  b\n"),
            (std::vector<K>{K::kIf, K::kName, K::kColon, K::kNewline,
                            K::kIndent, K::kName, K::kNewline, K::kName,
                            K::kNewline, K::kDedent, K::kEndMarker}));
}

TEST(LexerTest, TabsCountToMultiplesOfEight) {
  // A tab and eight spaces are the same column, but mixing them is a
  // TabError (CPython also compares columns with tab size 1).
  EXPECT_TRUE(Tokenize("if x:\n\ta\n\tb\n").ok);
  SyntaxErrorInfo e = LexError("if x:\n\ta\n        b\n");
  EXPECT_EQ(e.type, "TabError");
  EXPECT_EQ(e.msg, "inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(e.lineno, 3);
}

TEST(LexerTest, InconsistentDedent) {
  SyntaxErrorInfo e = LexError("if x:\n    a\n  b\n");
  EXPECT_EQ(e.type, "IndentationError");
  EXPECT_EQ(e.msg, "unindent does not match any outer indentation level");
  EXPECT_EQ(e.lineno, 3);
  EXPECT_EQ(e.offset, 4);  // CPython: the end of the line
}

TEST(LexerTest, TooDeepIndentation) {
  std::string src;
  for (int i = 0; i < 101; ++i) src += std::string(i, ' ') + "if x:\n";
  SyntaxErrorInfo e = LexError(src);
  EXPECT_EQ(e.type, "IndentationError");
  EXPECT_EQ(e.msg, "too many levels of indentation");
  EXPECT_EQ(e.lineno, 101);
}

TEST(LexerTest, ImplicitLineJoiningInBrackets) {
  EXPECT_EQ(Kinds("x = (1,\n     2)\ny = [\n  3\n]\n"),
            (std::vector<K>{K::kName, K::kEqual, K::kLpar, K::kNumber,
                            K::kComma, K::kNumber, K::kRpar, K::kNewline,
                            K::kName, K::kEqual, K::kLsqb, K::kNumber, K::kRsqb,
                            K::kNewline, K::kEndMarker}));
}

TEST(LexerTest, BackslashContinuation) {
  EXPECT_EQ(Kinds("x = 1 + \\\n    2\n"),
            (std::vector<K>{K::kName, K::kEqual, K::kNumber, K::kPlus,
                            K::kNumber, K::kNewline, K::kEndMarker}));
  SyntaxErrorInfo e = LexError("x = \\ 1\n");
  EXPECT_EQ(e.msg, "unexpected character after line continuation character");
  EXPECT_EQ(e.offset, 6);
  e = LexError("x = 1 \\");
  EXPECT_EQ(e.msg, "unexpected EOF while parsing");
}

TEST(LexerTest, CrLfAndBom) {
  EXPECT_EQ(
      Kinds("\xEF\xBB\xBFx = 1\r\ny = 2\r\n"),
      (std::vector<K>{K::kName, K::kEqual, K::kNumber, K::kNewline, K::kName,
                      K::kEqual, K::kNumber, K::kNewline, K::kEndMarker}));
}

TEST(LexerTest, Positions) {
  LexOutput out = Tokenize("é = f(x)  # c\n  \ny\n");
  ASSERT_TRUE(out.ok);
  const std::vector<Token>& t = out.tokens;
  // Columns are UTF-8 byte offsets.
  EXPECT_EQ(t[0].col_offset, 0);
  EXPECT_EQ(t[0].end_col_offset, 2);
  EXPECT_EQ(t[1].col_offset, 3);  // '='
  EXPECT_EQ(t[2].col_offset, 5);  // f
  // NEWLINE starts at the comment and is zero-width at the line end.
  EXPECT_EQ(t[6].kind, K::kNewline);
  EXPECT_EQ(t[6].col_offset, 11);
  EXPECT_EQ(t[6].end_col_offset, 14);
  EXPECT_EQ(t[7].lineno, 3);  // y, after the blank line
}

TEST(LexerTest, MultiLineStringPosition) {
  LexOutput out = Tokenize("x = '''a\nbc''' + 1\n");
  ASSERT_TRUE(out.ok);
  const Token& s = out.tokens[2];
  EXPECT_EQ(s.kind, K::kString);
  EXPECT_EQ(s.lineno, 1);
  EXPECT_EQ(s.col_offset, 4);
  EXPECT_EQ(s.end_lineno, 2);
  EXPECT_EQ(s.end_col_offset, 5);
}

TEST(LexerTest, BracketLevel) {
  LexOutput out = Tokenize("f([x])\n");
  ASSERT_TRUE(out.ok);
  std::vector<int> levels;
  for (const Token& t : out.tokens) levels.push_back(t.level);
  EXPECT_EQ(levels, (std::vector<int>{0, 1, 2, 2, 1, 0, 0, 0}));
}

TEST(LexerTest, Numbers) {
  EXPECT_EQ(Texts("0 123 1_000 0x1F 0XfF_ff 0o17 0O7 0b1010 0B1_0 1.5 .5 5. "
                  "1e10 1E-5 1e+5 1_0.2_5e1_0 3j 1.5J 1e3j 00 0_0 0.0 0e0\n"),
            (std::vector<std::string>{
                "0",    "123",    "1_000", "0x1F",        "0XfF_ff", "0o17",
                "0O7",  "0b1010", "0B1_0", "1.5",         ".5",      "5.",
                "1e10", "1E-5",   "1e+5",  "1_0.2_5e1_0", "3j",      "1.5J",
                "1e3j", "00",     "0_0",   "0.0",         "0e0"}));
}

TEST(LexerTest, NumberFollowedByKeyword) {
  // Deprecated but valid in 3.11: the number ends before the keyword.
  EXPECT_EQ(Texts("1if x else 2\n"),
            (std::vector<std::string>{"1", "if", "x", "else", "2"}));
  EXPECT_EQ(Texts("0x1for\n"), (std::vector<std::string>{"0x1f", "or"}));
}

TEST(LexerTest, NumberErrors) {
  struct Case {
    const char* src;
    const char* msg;
    int offset;
  };
  const Case cases[] = {
      {"x = 1abc\n", "invalid decimal literal", 5},
      {"x = 1_\n", "invalid decimal literal", 6},
      {"x = 1__0\n", "invalid decimal literal", 6},
      {"x = 1e\n", "invalid decimal literal", 5},
      {"x = 0x\n", "invalid hexadecimal literal", 6},
      {"x = 0o8\n", "invalid digit '8' in octal literal", 7},
      {"x = 0b12\n", "invalid digit '2' in binary literal", 8},
      {"x = 1jx\n", "invalid imaginary literal", 6},
      {"x = 0123\n",
       "leading zeros in decimal integer literals are not permitted; use an "
       "0o prefix for octal integers",
       5},
  };
  for (const Case& c : cases) {
    SyntaxErrorInfo e = LexError(c.src);
    EXPECT_EQ(e.msg, c.msg) << c.src;
    EXPECT_EQ(e.offset, c.offset) << c.src;
  }
}

TEST(LexerTest, StringPrefixes) {
  EXPECT_EQ(Texts("r'a' b'b' rb'c' Br'd' f'e' RF'f' fR'g' u'h' U\"i\"\n"),
            (std::vector<std::string>{"r'a'", "b'b'", "rb'c'", "Br'd'", "f'e'",
                                      "RF'f'", "fR'g'", "u'h'", "U\"i\""}));
  // Not prefixes: ub, bu, fb, ur.
  EXPECT_EQ(Texts("ub'x'\n"), (std::vector<std::string>{"ub", "'x'"}));
}

TEST(LexerTest, StringErrors) {
  SyntaxErrorInfo e = LexError("x = 'abc\n");
  EXPECT_EQ(e.msg, "unterminated string literal (detected at line 1)");
  EXPECT_EQ(e.offset, 5);
  EXPECT_EQ(e.text, "x = 'abc");
  e = LexError("x = '''a\nb\n");
  EXPECT_EQ(e.msg,
            "unterminated triple-quoted string literal (detected at line 2)");
  EXPECT_EQ(e.lineno, 1);
}

TEST(LexerTest, BracketErrors) {
  EXPECT_EQ(LexError("x = )\n").msg, "unmatched ')'");
  EXPECT_EQ(LexError("(]\n").msg,
            "closing parenthesis ']' does not match opening parenthesis '('");
  EXPECT_EQ(LexError("[\n)\n").msg,
            "closing parenthesis ')' does not match opening parenthesis '[' "
            "on line 1");
  SyntaxErrorInfo e = LexError(std::string(201, '(') + "\n");
  EXPECT_EQ(e.msg, "too many nested parentheses");
  EXPECT_EQ(e.offset, 201);
}

TEST(LexerTest, UnclosedBracketIsLeftToTheParser) {
  LexOutput out = Tokenize("x = [1,\n  (2\n");
  ASSERT_TRUE(out.ok);
  EXPECT_EQ(out.unclosed_bracket, '(');
  EXPECT_EQ(out.unclosed_lineno, 2);
  EXPECT_EQ(out.unclosed_col, 2);
}

TEST(LexerTest, InvalidCharacters) {
  EXPECT_EQ(LexError("x = 1 \xE2\x82\xAC 2\n").msg,
            "invalid character '\xE2\x82\xAC' (U+20AC)");
  EXPECT_EQ(LexError("x = \xC2\xA0\n").msg,
            "invalid non-printable character U+00A0");
  EXPECT_EQ(LexError("x = 1\x01\n").msg,
            "invalid non-printable character U+0001");
}

TEST(LexerTest, NulAndInvalidUtf8) {
  SyntaxErrorInfo e = LexError(std::string("x = 1\ny = 2\0\n", 13));
  EXPECT_EQ(e.msg, "source code cannot contain null bytes");
  EXPECT_EQ(e.lineno, 2);
  e = LexError("x = 1\nab\xff = 2\n");
  EXPECT_EQ(e.msg,
            "(unicode error) 'utf-8' codec can't decode byte 0xff in position "
            "2: invalid start byte");
  EXPECT_EQ(e.lineno, 2);
  EXPECT_EQ(e.offset, 3);
  e = LexError("x = '\xe2\x82x'\n");
  EXPECT_EQ(e.msg,
            "(unicode error) 'utf-8' codec can't decode bytes in position "
            "5-6: invalid continuation byte");
}

// ---------------------------------------------------------------------------
// String literal decoding

std::string Str(const std::string& body) {
  std::string out, error;
  EXPECT_TRUE(DecodeStrEscapes(body, &out, &error)) << error;
  return out;
}

std::string StrError(const std::string& body) {
  std::string out, error;
  EXPECT_FALSE(DecodeStrEscapes(body, &out, &error)) << body;
  return error;
}

TEST(StringLiteralTest, SimpleEscapes) {
  EXPECT_EQ(Str("a\\nb"), "a\nb");
  EXPECT_EQ(Str("\\t\\\\\\'\\\"\\a\\b\\f\\v\\r"), "\t\\'\"\a\b\f\v\r");
  EXPECT_EQ(Str("line\\\ncontinued"), "linecontinued");
  EXPECT_EQ(Str("no escapes"), "no escapes");
}

TEST(StringLiteralTest, OctalAndHexEscapes) {
  EXPECT_EQ(Str("\\0"), std::string(1, '\0'));
  EXPECT_EQ(Str("\\101\\7\\77"), "A\a?");
  EXPECT_EQ(Str("\\777"), "\xC7\xBF");  // U+01FF, allowed in str
  EXPECT_EQ(Str("\\x41\\x7f"), "A\x7f");
  EXPECT_EQ(Str("\\xff"), "\xC3\xBF");
  EXPECT_EQ(Str("\\u00e9\\u20AC"), "\xC3\xA9\xE2\x82\xAC");
  EXPECT_EQ(Str("\\U0001F600"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(Str("\\ud800"), "\xED\xA0\x80");  // lone surrogate kept
}

TEST(StringLiteralTest, NamedEscapes) {
  EXPECT_EQ(Str("\\N{BULLET}"), "\xE2\x80\xA2");
  EXPECT_EQ(Str("\\N{bullet}"), "\xE2\x80\xA2");
  EXPECT_EQ(Str("\\N{EM DASH}\\N{LATIN SMALL LETTER E WITH ACUTE}"),
            "\xE2\x80\x94\xC3\xA9");
  EXPECT_EQ(Str("\\N{GREEK SMALL LETTER ALPHA}\\N{EURO SIGN}\\N{SNOWMAN}"),
            "\xCE\xB1\xE2\x82\xAC\xE2\x98\x83");
  EXPECT_EQ(Str("\\N{SPACE}\\N{NO-BREAK SPACE}"), " \xC2\xA0");
}

TEST(StringLiteralTest, UnknownEscapesStay) {
  EXPECT_EQ(Str("\\q\\w\\%"), "\\q\\w\\%");
  EXPECT_EQ(Str("\\\xC3\xA9"), "\\\xC3\xA9");  // backslash before non-ASCII
}

TEST(StringLiteralTest, EscapeErrors) {
  EXPECT_EQ(StrError("\\x4"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in "
            "position 0-2: truncated \\xXX escape");
  EXPECT_EQ(StrError("ab\\u12"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in "
            "position 2-5: truncated \\uXXXX escape");
  EXPECT_EQ(StrError("\\U1234"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in "
            "position 0-5: truncated \\UXXXXXXXX escape");
  EXPECT_EQ(StrError("\\U00110000"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in "
            "position 0-9: illegal Unicode character");
  EXPECT_EQ(StrError("\\N{NOPE}"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in "
            "position 0-7: unknown Unicode character name");
  EXPECT_EQ(StrError("\\N"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in "
            "position 0-1: malformed \\N character escape");
  // Positions count each earlier non-ASCII character as \UXXXXXXXX.
  EXPECT_EQ(StrError("\xC3\xA9\\x4"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in "
            "position 10-12: truncated \\xXX escape");
}

TEST(StringLiteralTest, Bytes) {
  std::string out, error;
  ASSERT_TRUE(DecodeBytesEscapes("\\x00\\xff\\n\\101\\777\\q", &out, &error));
  EXPECT_EQ(out, std::string("\x00\xff\nA\xff\\q", 7));
  out.clear();
  EXPECT_FALSE(DecodeBytesEscapes("ab\\x4", &out, &error));
  EXPECT_EQ(error, "(value error) invalid \\x escape at position 2");
}

TEST(StringLiteralTest, WholeTokens) {
  std::string out, error;
  ASSERT_TRUE(DecodeStringToken("r'\\n'", &out, &error));
  EXPECT_EQ(out, "\\n");
  out.clear();
  ASSERT_TRUE(DecodeStringToken("'''a\nb'''", &out, &error));
  EXPECT_EQ(out, "a\nb");
  out.clear();
  ASSERT_TRUE(DecodeStringToken("Rb'\\x'", &out, &error));
  EXPECT_EQ(out, "\\x");
  out.clear();
  EXPECT_FALSE(DecodeStringToken("b'\xC3\xA4'", &out, &error));
  EXPECT_EQ(error, "bytes can only contain ASCII literal characters");

  StringLiteralParts parts = SplitStringLiteral("Rb'''x'''");
  EXPECT_TRUE(parts.is_bytes);
  EXPECT_TRUE(parts.is_raw);
  EXPECT_FALSE(parts.is_fstring);
  EXPECT_EQ(parts.quote_len, 3u);
  EXPECT_EQ(parts.body, "x");
  parts = SplitStringLiteral("u''");
  EXPECT_TRUE(parts.is_unicode);
  EXPECT_EQ(parts.body, "");
}

// ---------------------------------------------------------------------------
// Number values

ast::ConstantValue Number(const char* text) {
  ast::ConstantValue v;
  ParseNumberLiteral(text, &v);
  return v;
}

TEST(NumberLiteralTest, Values) {
  using CK = ast::ConstantValue::Kind;
  EXPECT_EQ(Number("1_000").int_value, 1000);
  EXPECT_EQ(Number("0x1F").int_value, 31);
  EXPECT_EQ(Number("0o17").int_value, 15);
  EXPECT_EQ(Number("0b1010").int_value, 10);
  EXPECT_EQ(Number("00").int_value, 0);
  EXPECT_EQ(Number("9223372036854775807").kind, CK::kInt);
  ast::ConstantValue big = Number("9223372036854775808");
  EXPECT_EQ(big.kind, CK::kBigInt);
  EXPECT_EQ(big.str_value, "9223372036854775808");
  big = Number("0xFFFFFFFFFFFFFFFFFFFF");
  EXPECT_EQ(big.kind, CK::kBigInt);
  EXPECT_EQ(big.str_value, "1208925819614629174706175");
  EXPECT_EQ(Number("1.5").kind, CK::kFloat);
  EXPECT_EQ(Number("1.5").float_value, 1.5);
  EXPECT_EQ(Number("1_0.2_5e1").float_value, 102.5);
  EXPECT_EQ(Number(".5").float_value, 0.5);
  EXPECT_EQ(Number("1e400").float_value, HUGE_VAL);
  EXPECT_EQ(Number("1e-400").float_value, 0.0);
  ast::ConstantValue imag = Number("2.5j");
  EXPECT_EQ(imag.kind, CK::kComplex);
  EXPECT_EQ(imag.float_value, 2.5);
  EXPECT_EQ(Number("1e3J").float_value, 1000.0);
}

}  // namespace
}  // namespace minidynamo
