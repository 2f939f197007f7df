// Parser API tests: modes, results, error reporting, hostile input and speed.
#include "vm/parse/parser.h"

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "vm/parse/ast.h"
#include "vm/parse/ast_dump.h"

namespace minidynamo {
namespace {

using ast::As;
using ast::Cast;

SyntaxErrorInfo ErrorOf(const std::string& src,
                        ParseMode mode = ParseMode::kExec) {
  SyntaxErrorInfo error;
  absl::StatusOr<ParseResult> result = Parse(src, "<test>", mode, &error);
  EXPECT_FALSE(result.ok()) << "parsed: " << src;
  return error;
}

void ExpectError(const SyntaxErrorInfo& e, const char* type, const char* msg,
                 int lineno, int offset, int end_lineno, int end_offset,
                 const char* text) {
  EXPECT_EQ(e.type, type);
  EXPECT_EQ(e.msg, msg);
  EXPECT_EQ(e.lineno, lineno);
  EXPECT_EQ(e.offset, offset);
  EXPECT_EQ(e.end_lineno, end_lineno);
  EXPECT_EQ(e.end_offset, end_offset);
  EXPECT_EQ(e.text, text);
}

std::string DumpOf(const std::string& src, ParseMode mode) {
  absl::StatusOr<ParseResult> result = Parse(src, "<test>", mode);
  EXPECT_TRUE(result.ok()) << result.status();
  return result.ok() ? DumpAst(result->tree()) : "";
}

// ---------------------------------------------------------------------------
// Modes and results

TEST(ParserTest, ExecModeGivesModule) {
  absl::StatusOr<ParseResult> result =
      Parse("def f(a, *b):\n    return a\n", "m.py", ParseMode::kExec);
  ASSERT_TRUE(result.ok());
  ast::Module* module = result->module();
  ASSERT_NE(module, nullptr);
  EXPECT_EQ(result->expression(), nullptr);
  ASSERT_EQ(module->body.size(), 1u);
  auto* def = Cast<ast::FunctionDef>(module->body[0]);
  EXPECT_EQ(def->name, "f");
  ASSERT_EQ(def->args->args.size(), 1u);
  EXPECT_EQ(def->args->args[0]->arg, "a");
  ASSERT_NE(def->args->vararg, nullptr);
  EXPECT_EQ(def->args->vararg->arg, "b");
  auto* ret = Cast<ast::Return>(def->body[0]);
  EXPECT_EQ(Cast<ast::Name>(ret->value)->id, "a");
  EXPECT_EQ(ret->lineno, 2);
  EXPECT_EQ(ret->col_offset, 4);
  EXPECT_EQ(ret->end_col_offset, 12);
  EXPECT_EQ(As<ast::Call>(ret->value), nullptr);
}

TEST(ParserTest, ConstantValues) {
  absl::StatusOr<ParseResult> result =
      Parse("1, 2**70, 0x10, 1.5, 2j, 'é', b'\\x00', None, True, False, ...",
            "<test>", ParseMode::kEval);
  ASSERT_TRUE(result.ok());
  auto* tuple = Cast<ast::Tuple>(result->expression()->body);
  using CK = ast::ConstantValue::Kind;
  std::vector<CK> kinds;
  for (ast::expr* e : tuple->elts) {
    if (auto* c = As<ast::Constant>(e)) kinds.push_back(c->value.kind);
  }
  // 2**70 is a BinOp: constants are not folded by the parser.
  EXPECT_EQ(kinds,
            (std::vector<CK>{CK::kInt, CK::kInt, CK::kFloat, CK::kComplex,
                             CK::kStr, CK::kBytes, CK::kNone, CK::kTrue,
                             CK::kFalse, CK::kEllipsis}));
  EXPECT_EQ(Cast<ast::Constant>(tuple->elts[2])->value.int_value, 16);
  EXPECT_EQ(Cast<ast::Constant>(tuple->elts[5])->value.str_value, "é");
  EXPECT_EQ(Cast<ast::Constant>(tuple->elts[6])->value.str_value,
            std::string(1, '\0'));
}

TEST(ParserTest, EvalMode) {
  EXPECT_EQ(DumpOf("1 + 2", ParseMode::kEval),
            "Expression(body=BinOp(left=Constant(value=1), op=Add(), "
            "right=Constant(value=2)))");
  EXPECT_EQ(
      DumpOf("1, 2\n\n", ParseMode::kEval),
      "Expression(body=Tuple(elts=[Constant(value=1), Constant(value=2)], "
      "ctx=Load()))");
  ExpectError(ErrorOf("x = 1", ParseMode::kEval), "SyntaxError",
              "invalid syntax", 1, 3, 1, 4, "x = 1");
  ExpectError(ErrorOf("", ParseMode::kEval), "SyntaxError", "invalid syntax", 0,
              0, 0, 0, "");
  ExpectError(ErrorOf("*a", ParseMode::kEval), "SyntaxError", "invalid syntax",
              1, 1, 1, 2, "*a");
  ExpectError(ErrorOf("  1", ParseMode::kEval), "IndentationError",
              "unexpected indent", 1, 2, 1, -1, "  1");
}

TEST(ParserTest, SingleMode) {
  EXPECT_EQ(DumpOf("x = 1", ParseMode::kSingle),
            "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], "
            "value=Constant(value=1))])");
  EXPECT_EQ(DumpOf("x; y", ParseMode::kSingle),
            "Interactive(body=[Expr(value=Name(id='x', ctx=Load())), "
            "Expr(value=Name(id='y', ctx=Load()))])");
  EXPECT_EQ(DumpOf("if x:\n  pass\nelse:\n  pass", ParseMode::kSingle),
            "Interactive(body=[If(test=Name(id='x', ctx=Load()), "
            "body=[Pass()], orelse=[Pass()])])");
  EXPECT_EQ(DumpOf("x = 1\n# c\n", ParseMode::kSingle),
            "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], "
            "value=Constant(value=1))])");
  ExpectError(ErrorOf("x = 1\ny = 2", ParseMode::kSingle), "SyntaxError",
              "multiple statements found while compiling a single statement", 1,
              6, 1, 6, "x = 1\n");
  ExpectError(ErrorOf("", ParseMode::kSingle), "SyntaxError", "invalid syntax",
              0, 0, 0, 0, "");
  ExpectError(ErrorOf("\n", ParseMode::kSingle), "SyntaxError",
              "invalid syntax", 1, 0, 1, 0, "\n");
  ExpectError(ErrorOf("# c", ParseMode::kSingle), "SyntaxError",
              "invalid syntax", 1, 0, 1, 0, "# c");
  ExpectError(ErrorOf("def f():\n  pass\nx", ParseMode::kSingle), "SyntaxError",
              "invalid syntax", 3, 1, 3, 2, "x");
}

TEST(ParserTest, StatusAndFormat) {
  SyntaxErrorInfo error;
  absl::StatusOr<ParseResult> result =
      Parse("if x\n    pass\n", "prog.py", ParseMode::kExec, &error);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(),
            "SyntaxError: expected ':' (prog.py, line 1)");
  EXPECT_EQ(error.filename, "prog.py");
  EXPECT_EQ(error.Format(),
            "  File \"prog.py\", line 1\n"
            "    if x\n"
            "        ^\n"
            "SyntaxError: expected ':'");
  // The caret is dropped when it would point into the indentation.
  Parse("  f(a, b for b in c)\n", "p.py", ParseMode::kExec, &error);
  EXPECT_EQ(error.Format(),
            "  File \"p.py\", line 1\n"
            "    f(a, b for b in c)\n"
            "IndentationError: unexpected indent");
  Parse("f(a, b for b in c)\n", "p.py", ParseMode::kExec, &error);
  EXPECT_EQ(error.Format(),
            "  File \"p.py\", line 1\n"
            "    f(a, b for b in c)\n"
            "         ^^^^^^^^^^^^\n"
            "SyntaxError: Generator expression must be parenthesized");
}

TEST(ParserTest, ColumnsInCharactersForStrSources) {
  // compile(str) counts characters, a bytes/file source counts bytes.
  SyntaxErrorInfo error;
  ParseOptions options;
  options.source_is_str = true;
  Parse("é = 1 +\n", "<string>", options, &error);
  EXPECT_EQ(error.offset, 8);
  Parse("é = 1 +\n", "<string>", ParseMode::kExec, &error);
  EXPECT_EQ(error.offset, 9);
}

TEST(ParserTest, ParseAndDump) {
  EXPECT_EQ(ParseAndDump("pass"), "Module(body=[Pass()], type_ignores=[])");
  EXPECT_EQ(ParseAndDump("pass ="), "SyntaxError: invalid syntax");
}

// ---------------------------------------------------------------------------
// Hostile input: never a crash, CPython's message where it has one.

TEST(ParserHostileTest, DeepBrackets) {
  SyntaxErrorInfo e = ErrorOf("x = " + std::string(10000, '(') +
                              std::string(10000, ')') + "\n");
  EXPECT_EQ(e.msg, "too many nested parentheses");
  EXPECT_EQ(e.offset, 205);
  std::string ok = std::string(199, '[') + std::string(199, ']') + "\n";
  EXPECT_TRUE(Parse(ok, "<test>", ParseMode::kExec).ok());
}

TEST(ParserHostileTest, DeepOperatorsGiveRecursionError) {
  const std::vector<std::string> sources = {
      std::string(10000, '-') + "1",
      [] {
        std::string s;
        for (int i = 0; i < 10000; ++i) s += "not ";
        return s + "x";
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 10000; ++i) s += "lambda: ";
        return s + "1";
      }(),
      [] {
        std::string s = "1";
        for (int i = 0; i < 10000; ++i) s += "**1";
        return s;
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 10000; ++i) s += "1 if 2 else ";
        return s + "3";
      }(),
  };
  for (const std::string& src : sources) {
    SyntaxErrorInfo e = ErrorOf(src);
    EXPECT_EQ(e.type, "RecursionError") << src.substr(0, 20);
    EXPECT_EQ(e.msg, "maximum recursion depth exceeded during compilation");
    EXPECT_FALSE(e.has_location);
  }
  // CPython's parser accepts this depth too.
  EXPECT_TRUE(
      Parse(std::string(2900, '-') + "1", "<test>", ParseMode::kExec).ok());
}

TEST(ParserHostileTest, DeepBracketsInNestedFStrings) {
  // Each nested f-string has its own bracket limit; the depth guard still
  // bounds the recursion.
  std::string inner =
      "f\"{" + std::string(190, '(') + "1" + std::string(190, ')') + "}\"";
  std::string src = "x = f'{" + std::string(190, '(') + inner +
                    std::string(190, ')') + "}'\n";
  SyntaxErrorInfo error;
  absl::StatusOr<ParseResult> result =
      Parse(src, "<test>", ParseMode::kExec, &error);
  if (!result.ok()) {
    EXPECT_EQ(error.type, "RecursionError");
  }
}

TEST(ParserHostileTest, LongFlatChainsUseNoStack) {
  std::string sum = "x = 1";
  for (int i = 0; i < 200000; ++i) sum += "+1";
  absl::StatusOr<ParseResult> result = Parse(sum, "<test>", ParseMode::kExec);
  ASSERT_TRUE(result.ok());
  ast::expr* e = Cast<ast::Assign>(result->module()->body[0])->value;
  int depth = 0;
  while (auto* b = As<ast::BinOp>(e)) {
    e = b->left;
    ++depth;
  }
  EXPECT_EQ(depth, 200000);

  std::string chain = "x = a";
  for (int i = 0; i < 100000; ++i) chain += ".b()[0]";
  EXPECT_TRUE(Parse(chain, "<test>", ParseMode::kExec).ok());

  std::string cmp = "x = 1";
  for (int i = 0; i < 100000; ++i) cmp += " < 1 and 1";
  EXPECT_TRUE(Parse(cmp, "<test>", ParseMode::kExec).ok());

  std::string strings = "x = ";
  for (int i = 0; i < 100000; ++i) strings += "'a' ";
  EXPECT_TRUE(Parse(strings, "<test>", ParseMode::kExec).ok());

  std::string elifs = "if x:\n pass\n";
  for (int i = 0; i < 50000; ++i) elifs += "elif x:\n pass\n";
  EXPECT_TRUE(Parse(elifs, "<test>", ParseMode::kExec).ok());
}

TEST(ParserHostileTest, NulAndBadUtf8) {
  SyntaxErrorInfo e = ErrorOf(std::string("x = 1\0", 6));
  EXPECT_EQ(e.msg, "source code cannot contain null bytes");
  e = ErrorOf("s = '\xc3'\n");
  EXPECT_EQ(e.msg,
            "(unicode error) 'utf-8' codec can't decode byte 0xc3 in position "
            "5: invalid continuation byte");
}

TEST(ParserHostileTest, RandomInputNeverCrashes) {
  // Token soup and byte noise: every input must parse or fail cleanly.
  const std::vector<std::string> pieces = {
      "(",     ")",    "[",     "]",    "{",      "}",        "'",      "\"",
      "f'",    "'''",  "{x}",   "\\",   "\n",     " ",        "\t",     "    ",
      "if",    ":",    "=",     ":=",   "*",      "**",       "lambda", "x",
      "1",     ".",    ",",     "#",    "é",      "\xff",     "yield",  "await",
      "async", "def",  "class", "try",  "except", "for",      "in",     "not",
      "else",  "elif", "with",  "as",   "return", "@",        "->",     "0x",
      "1e",    "f\"{", "!r",    "=}",   "import", "from",     "del",    ";",
      "\r\n",  "\f",   "b'",    "\\N{", "global", "nonlocal", "...",    "|"};
  std::mt19937 rng(12345);
  for (int i = 0; i < 3000; ++i) {
    std::string src;
    int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) src += pieces[rng() % pieces.size()];
    if (i % 5 == 0) {
      for (int k = 0; k < 10; ++k) src += static_cast<char>(rng() % 256);
    }
    for (ParseMode mode :
         {ParseMode::kExec, ParseMode::kEval, ParseMode::kSingle}) {
      SyntaxErrorInfo error;
      absl::StatusOr<ParseResult> result = Parse(src, "<fuzz>", mode, &error);
      if (result.ok()) {
        DumpAst(result->tree(), true);
      } else {
        EXPECT_FALSE(error.msg.empty() && error.type == "SyntaxError") << src;
        error.Format();
      }
    }
  }
}

TEST(ParserHostileTest, MutatedProgramsNeverCrash) {
  const std::string program =
      "import os\n"
      "@decorator(arg)\n"
      "async def f(a, /, b=1, *c, d: int, **e) -> None:\n"
      "    '''doc'''\n"
      "    x = [i async for i in g() if i]\n"
      "    y = {k: v for k, v in z.items()}\n"
      "    with open(p) as fh, ctx() as (a, b):\n"
      "        await fh.read()\n"
      "    try:\n"
      "        yield from h(*a, **b)\n"
      "    except* (E, F) as exc:\n"
      "        raise X from exc\n"
      "    return f'{x!r:>{w}} {y=}', lambda q=1: q\n"
      "class C(B, metaclass=M):\n"
      "    a: int = 1\n"
      "    del a[1:2, ::3]\n";
  ASSERT_TRUE(Parse(program, "<test>", ParseMode::kExec).ok());
  std::mt19937 rng(777);
  for (int i = 0; i < 3000; ++i) {
    std::string src = program;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < edits; ++k) {
      size_t at = rng() % src.size();
      switch (rng() % 3) {
        case 0:
          src.erase(at, 1 + rng() % 3);
          break;
        case 1:
          src.insert(at, 1, "()[]{}:,'\"\\\n =*#f"[rng() % 18]);
          break;
        default:
          src[at] = static_cast<char>(rng() % 128);
          break;
      }
    }
    SyntaxErrorInfo error;
    absl::StatusOr<ParseResult> result =
        Parse(src, "<mutant>", ParseMode::kExec, &error);
    if (result.ok()) DumpAst(result->tree(), true);
  }
}

// ---------------------------------------------------------------------------
// Speed

TEST(ParserSpeedTest, TenThousandLines) {
  const std::string chunk =
      "class Point(Base):\n"
      "    \"\"\"A point.\"\"\"\n"
      "    def __init__(self, x: float = 0.0, y: float = 0.0) -> None:\n"
      "        self.x, self.y = x, y\n"
      "\n"
      "    def dist(self, other):\n"
      "        dx = self.x - other.x\n"
      "        dy = self.y - other.y\n"
      "        return (dx * dx + dy * dy) ** 0.5\n"
      "\n"
      "def process(items, *, limit=10, **options):\n"
      "    result = [f(x) for x in items if x is not None][:limit]\n"
      "    totals = {k: sum(v) for k, v in options.items()}\n"
      "    for i, item in enumerate(result):\n"
      "        if i % 2 == 0 and item:\n"
      "            print(f'{i}: {item!r:>10}')\n"
      "        elif isinstance(item, (int, float)):\n"
      "            continue\n"
      "        else:\n"
      "            break\n"
      "    try:\n"
      "        value = totals['a'] + totals.get('b', 0)\n"
      "    except (KeyError, TypeError) as exc:\n"
      "        raise ValueError('bad') from exc\n"
      "    return result, totals\n";  // 25 lines
  std::string src;
  for (int i = 0; i < 400; ++i) src += chunk;
  double best_ms = 1e9;
  for (int run = 0; run < 5; ++run) {
    auto start = std::chrono::steady_clock::now();
    absl::StatusOr<ParseResult> result = Parse(src, "<big>", ParseMode::kExec);
    auto stop = std::chrono::steady_clock::now();
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result->module()->body.size(), 800u);
    best_ms = std::min(
        best_ms,
        std::chrono::duration<double, std::milli>(stop - start).count());
  }
  std::printf("parsed 10000 lines in %.2f ms\n", best_ms);
  // A few ms in an optimized build; generous for sanitizer builds and a busy
  // machine.
  EXPECT_LT(best_ms, 1000.0);
}

}  // namespace
}  // namespace minidynamo
