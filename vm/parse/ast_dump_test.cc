// repr() of constants and the dump format (expected strings from CPython 3.11).
#include "vm/parse/ast_dump.h"

#include <cmath>
#include <limits>
#include <string>

#include "gtest/gtest.h"
#include "vm/parse/ast.h"
#include "vm/parse/parser.h"

namespace minidynamo {
namespace {

TEST(ReprFloatTest, MatchesPython) {
  EXPECT_EQ(ReprFloat(0.0), "0.0");
  EXPECT_EQ(ReprFloat(-0.0), "-0.0");
  EXPECT_EQ(ReprFloat(1.0), "1.0");
  EXPECT_EQ(ReprFloat(0.1), "0.1");
  EXPECT_EQ(ReprFloat(1e16), "1e+16");
  EXPECT_EQ(ReprFloat(1e15), "1000000000000000.0");
  EXPECT_EQ(ReprFloat(1.5e-5), "1.5e-05");
  EXPECT_EQ(ReprFloat(0.0001), "0.0001");
  EXPECT_EQ(ReprFloat(123456789012345678.0), "1.2345678901234568e+17");
  EXPECT_EQ(ReprFloat(1e22), "1e+22");
  EXPECT_EQ(ReprFloat(1e-7), "1e-07");
  EXPECT_EQ(ReprFloat(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(ReprFloat(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(ReprFloat(std::nan("")), "nan");
  EXPECT_EQ(ReprFloat(5e-324), "5e-324");
  EXPECT_EQ(ReprFloat(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(ReprFloat(9999999999999998.0), "9999999999999998.0");
  EXPECT_EQ(ReprFloat(2.0 / 3.0), "0.6666666666666666");
  EXPECT_EQ(ReprFloat(-12.5e-10), "-1.25e-09");
}

ast::ConstantValue Value(ast::ConstantValue::Kind kind, std::string s = "",
                         double f = 0) {
  ast::ConstantValue v;
  v.kind = kind;
  v.str_value = std::move(s);
  v.float_value = f;
  return v;
}

TEST(ReprConstantTest, ComplexStrBytes) {
  using CK = ast::ConstantValue::Kind;
  EXPECT_EQ(ReprConstant(Value(CK::kComplex, "", 0.0)), "0j");
  EXPECT_EQ(ReprConstant(Value(CK::kComplex, "", 1.5)), "1.5j");
  EXPECT_EQ(ReprConstant(Value(CK::kComplex, "", 1e20)), "1e+20j");
  EXPECT_EQ(ReprConstant(Value(CK::kComplex, "", 1e15)), "1000000000000000j");
  EXPECT_EQ(ReprConstant(Value(CK::kStr, "it's")), "\"it's\"");
  EXPECT_EQ(ReprConstant(Value(CK::kStr, "say \"hi\"")), "'say \"hi\"'");
  EXPECT_EQ(ReprConstant(Value(CK::kStr, "both ' \"")), "'both \\' \"'");
  EXPECT_EQ(ReprConstant(Value(CK::kStr, "\n\t\r\\")), "'\\n\\t\\r\\\\'");
  EXPECT_EQ(ReprConstant(Value(CK::kStr, std::string("\0\x7f\xc2\x80", 4))),
            "'\\x00\\x7f\\x80'");
  // Not printable: U+200B, U+2028, a lone surrogate; printable: U+1F600.
  EXPECT_EQ(ReprConstant(Value(CK::kStr,
                               "\xE2\x80\x8B\xE2\x80\xA8\xED\xA0\x80"
                               "\xF4\x8F\xBF\xBF\xF0\x9F\x98\x80")),
            "'\\u200b\\u2028\\ud800\\U0010ffff\xF0\x9F\x98\x80'");
  EXPECT_EQ(ReprConstant(Value(CK::kBytes, "it's")), "b\"it's\"");
  EXPECT_EQ(ReprConstant(Value(CK::kBytes, std::string("\0\xff\n\\", 4))),
            "b'\\x00\\xff\\n\\\\'");
  EXPECT_EQ(ReprConstant(Value(CK::kEllipsis)), "Ellipsis");
  ast::ConstantValue big;
  big.kind = CK::kBigInt;
  big.str_value = "123456789012345678901234567890";
  EXPECT_EQ(ReprConstant(big), "123456789012345678901234567890");
}

TEST(DumpTest, ModesAndExpressions) {
  auto module = Parse("x = 1\n", "<test>", ParseMode::kExec);
  ASSERT_TRUE(module.ok());
  EXPECT_EQ(DumpAst(module->tree()),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
            "value=Constant(value=1))], type_ignores=[])");
  auto expression = Parse("a.b", "<test>", ParseMode::kEval);
  ASSERT_TRUE(expression.ok());
  EXPECT_EQ(DumpAst(expression->tree()),
            "Expression(body=Attribute(value=Name(id='a', ctx=Load()), "
            "attr='b', ctx=Load()))");
  EXPECT_EQ(DumpExpr(*expression->expression()->body, true),
            "Attribute(value=Name(id='a', ctx=Load(), lineno=1, col_offset=0, "
            "end_lineno=1, end_col_offset=1), attr='b', ctx=Load(), lineno=1, "
            "col_offset=0, end_lineno=1, end_col_offset=3)");
}

TEST(DumpTest, VeryDeepTreesAreCutNotCrashed) {
  std::string src = "x = 1";
  for (int i = 0; i < 50000; ++i) src += "+1";
  auto result = Parse(src, "<test>", ParseMode::kExec);
  ASSERT_TRUE(result.ok());
  std::string dump = DumpAst(result->tree());
  EXPECT_NE(dump.find("..."), std::string::npos);
}

}  // namespace
}  // namespace minidynamo
