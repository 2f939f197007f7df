// End-to-end tests of compiler + interpreter: compile a snippet, run it as a
// module, and inspect its globals. Whole-program output is checked by the
// conformance suite (testing/conformance); these pin down individual
// mechanisms.

#include "vm/interp/eval.h"

#include <string>

#include "gtest/gtest.h"
#include "vm/compile/code.h"
#include "vm/compile/compiler.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/dict.h"
#include "vm/objects/exception.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace {

class EvalTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static bool initialized = false;
    if (!initialized) InitRuntime({"eval_test"});
    initialized = true;
  }

  // Runs `source` as a module; returns its globals (null dict Value on failure,
  // with the exception kept in `error_`).
  Value Run(const std::string& source) {
    SyntaxErrorInfo err;
    auto code = CompileSource(source, "<test>", CompileMode::kExec, &err);
    EXPECT_TRUE(code.ok()) << code.status().message() << " " << err.msg;
    if (!code.ok()) return Value();
    Value globals = DictObject::New();
    As<DictObject>(globals)->SetStr(StrObject::Intern("__name__"),
                                    StrObject::New("__test__"));
    Value r = RunCode(*code, As<DictObject>(globals));
    if (r.is_null()) {
      error_ = FetchError();
      return Value();
    }
    return globals;
  }

  Value Get(const Value& globals, const char* name) {
    return As<DictObject>(globals)->GetStr(StrObject::Intern(name));
  }

  std::string ReprOf(const char* source, const char* name) {
    Value g = Run(source);
    if (g.is_null()) return "<error: " + ReprString(error_) + ">";
    return ReprString(Get(g, name));
  }

  Value error_;
};

TEST_F(EvalTest, IntArithmeticOverflowsIntoBigInts) {
  EXPECT_EQ(ReprOf("x = 2 ** 100 + 1", "x"), "1267650600228229401496703205377");
  EXPECT_EQ(ReprOf("x = (2**63 - 1) + 1 - 1", "x"), "9223372036854775807");
  EXPECT_EQ(ReprOf("x = -7 // 2, -7 % 2, 7 // -2", "x"), "(-4, 1, -4)");
  EXPECT_EQ(ReprOf("x = 1 / 4 + 0.5", "x"), "0.75");
}

TEST_F(EvalTest, FunctionsWithDefaultsKeywordsAndStarArgs) {
  EXPECT_EQ(ReprOf(R"(
def f(a, b=2, *rest, c, d=4, **kw):
    return (a, b, rest, c, d, kw)
x = f(1, c=3), f(1, 5, 6, 7, c=8, z=9)
)",
                   "x"),
            "((1, 2, (), 3, 4, {}), (1, 5, (6, 7), 8, 4, {'z': 9}))");
}

TEST_F(EvalTest, ArgumentErrorsUseCPythonMessages) {
  Value g = Run("def f(a, b): pass\nf(1)");
  ASSERT_TRUE(g.is_null());
  EXPECT_EQ(ReprString(error_),
            "TypeError(\"f() missing 1 required positional argument: 'b'\")");
}

TEST_F(EvalTest, ClosuresShareCellsAcrossLevels) {
  EXPECT_EQ(ReprOf(R"(
def outer():
    n = 0
    def mid():
        def inner():
            nonlocal n
            n += 1
            return n
        return inner
    f = mid()
    f(); f()
    return n
x = outer()
)",
                   "x"),
            "2");
}

TEST_F(EvalTest, TryExceptFinallyAndReturnThroughFinally) {
  EXPECT_EQ(ReprOf(R"(
log = []
def f():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            log.append(type(e).__name__)
            return 'from-except'
        finally:
            log.append('inner-finally')
    finally:
        log.append('outer-finally')
x = f(), log
)",
                   "x"),
            "('from-except', ['ZeroDivisionError', 'inner-finally', "
            "'outer-finally'])");
}

TEST_F(EvalTest, BreakAndContinueThroughFinallyAndWith) {
  EXPECT_EQ(ReprOf(R"(
log = []
class CM:
    def __enter__(self): log.append('enter'); return self
    def __exit__(self, *a): log.append('exit'); return False
for i in range(3):
    with CM():
        try:
            if i == 0:
                continue
            if i == 2:
                break
        finally:
            log.append(i)
x = log
)",
                   "x"),
            "['enter', 0, 'exit', 'enter', 1, 'exit', 'enter', 2, 'exit']");
}

TEST_F(EvalTest, WithSuppressesExceptionWhenExitReturnsTrue) {
  EXPECT_EQ(ReprOf(R"(
class Quiet:
    def __enter__(self): return 'v'
    def __exit__(self, t, e, tb):
        self.seen = t.__name__
        return True
q = Quiet()
with q as v:
    raise KeyError('k')
x = v, q.seen
)",
                   "x"),
            "('v', 'KeyError')");
}

TEST_F(EvalTest, ExceptionContextIsChained) {
  Value g = Run(R"(
try:
    {}['a']
except KeyError:
    raise ValueError('b')
)");
  ASSERT_TRUE(g.is_null());
  auto* e = As<ExceptionObject>(error_);
  EXPECT_EQ(ReprString(error_), "ValueError('b')");
  EXPECT_EQ(ReprString(e->context), "KeyError('a')");
}

TEST_F(EvalTest, GeneratorsSendAndReturnValues) {
  EXPECT_EQ(ReprOf(R"(
def gen():
    got = yield 1
    yield got * 10
    return 'done'
g = gen()
a = next(g)
b = g.send(4)
try:
    next(g)
except StopIteration as e:
    c = e.value
x = a, b, c, list(i * i for i in range(4))
)",
                   "x"),
            "(1, 40, 'done', [0, 1, 4, 9])");
}

TEST_F(EvalTest, YieldFromDelegatesAndReturnsTheResult) {
  EXPECT_EQ(ReprOf(R"(
def inner():
    yield 1
    yield 2
    return 3
def outer():
    r = yield from inner()
    yield r
x = list(outer())
)",
                   "x"),
            "[1, 2, 3]");
}

TEST_F(EvalTest, ClassesInheritanceSuperAndProperties) {
  EXPECT_EQ(ReprOf(R"(
class A:
    def __init__(self, v): self.v = v
    def who(self): return 'A'
class B(A):
    def __init__(self, v):
        super().__init__(v * 2)
    def who(self): return 'B' + super().who()
    @property
    def double(self): return self.v * 2
    @classmethod
    def make(cls): return cls(1)
    @staticmethod
    def s(): return 's'
b = B.make()
x = b.v, b.who(), b.double, B.s(), [c.__name__ for c in B.__mro__]
)",
                   "x"),
            "(2, 'BA', 4, 's', ['B', 'A', 'object'])");
}

TEST_F(EvalTest, ComprehensionsHaveTheirOwnScope) {
  EXPECT_EQ(ReprOf(R"(
i = 'outer'
squares = [i * i for i in range(4) if i % 2 == 0]
pairs = {(a, b) for a in range(2) for b in range(2) if a != b}
d = {k: v for k, v in zip('ab', range(2))}
x = i, squares, sorted(pairs), d
)",
                   "x"),
            "('outer', [0, 4], [(0, 1), (1, 0)], {'a': 0, 'b': 1})");
}

TEST_F(EvalTest, UnpackingForms) {
  EXPECT_EQ(
      ReprOf(R"(
a, (b, c), *d = 1, (2, 3), 4, 5
first, *mid, last = range(5)
x = a, b, c, d, first, mid, last, [*range(2), *'ab'], {**{'k': 1}, 'j': 2}
)",
             "x"),
      "(1, 2, 3, [4, 5], 0, [1, 2, 3], 4, [0, 1, 'a', 'b'], {'k': 1, 'j': 2})");
}

TEST_F(EvalTest, DeepRecursionIsARecursionError) {
  Value g = Run("def f(n): return f(n + 1)\nf(0)");
  ASSERT_TRUE(g.is_null());
  EXPECT_TRUE(IsInstance(error_, g_exc.RecursionError)) << ReprString(error_);
}

TEST_F(EvalTest, DisGetInstructionsDescribesTheBytecode) {
  EXPECT_EQ(ReprOf(R"(
import dis
def f(d, t):
    d[40] = t + 1
    return {1: t}
ins = list(dis.get_instructions(f))
x = ([i.opname for i in ins if i.opname in ('BINARY_OP', 'STORE_SUBSCR', 'BUILD_MAP')],
     [i.argval for i in ins if i.opname == 'BUILD_MAP'], ins[0].starts_line)
)",
                   "x"),
            "(['BINARY_OP', 'STORE_SUBSCR', 'BUILD_MAP'], [1], 3)");
}

TEST_F(EvalTest, MatchStatementsUseThePatternOpcodes) {
  EXPECT_EQ(ReprOf(R"(
import dis
class C:
    __match_args__ = ('a',)
    def __init__(self, a): self.a = a
def f(o):
    match o:
        case [x, *_, y]: return ('seq', x, y)
        case {'k': v, **rest}: return ('map', v, rest)
        case C(a) if a: return ('cls', a)
        case (1 | 2) as n: return ('or', n)
        case _: return 'default'
ops = [i.opname for i in dis.get_instructions(f)
       if i.opname.startswith(('MATCH_', 'GET_LEN'))]
x = (ops, [f([1, 2, 3]), f({'k': 1, 'j': 2}), f(C(5)), f(C(0)), f(2), f('ab')])
)",
                   "x"),
            "(['MATCH_SEQUENCE', 'GET_LEN', 'GET_LEN', 'MATCH_MAPPING', "
            "'GET_LEN', 'MATCH_KEYS', 'MATCH_CLASS'], [('seq', 1, 3), ('map', "
            "1, {'j': 2}), ('cls', 5), 'default', ('or', 2), 'default'])");
}

TEST_F(EvalTest, CompilerRejectsUnreachablePatterns) {
  SyntaxErrorInfo err;
  auto code = CompileSource("match x:\n    case a: pass\n    case 1: pass\n",
                            "<t>", CompileMode::kExec, &err);
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(err.msg, "name capture 'a' makes remaining patterns unreachable");
  EXPECT_EQ(err.lineno, 2);
  EXPECT_EQ(err.offset, 10);
  code = CompileSource("match x:\n    case [a] | [b]: pass\n", "<t>",
                       CompileMode::kExec, &err);
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(err.msg, "alternative patterns bind different names");
}

TEST_F(EvalTest, DeeplyNestedDataIsARecursionErrorAndFreesCleanly) {
  EXPECT_EQ(
      ReprOf(R"(
x = []
for i in range(100000):
    x = [x]
try:
    repr(x)
    r = 'no error'
except RecursionError as e:
    r = str(e)
del x
)",
             "r"),
      "'maximum recursion depth exceeded while getting the repr of an object'");
}

TEST_F(EvalTest, CompilerRejectsBadTargetsWithSyntaxErrors) {
  SyntaxErrorInfo err;
  auto code = CompileSource("def f():\n    nonlocal q\n", "<t>",
                            CompileMode::kExec, &err);
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(err.msg, "no binding for nonlocal 'q' found");
  code = CompileSource("return 1\n", "<t>", CompileMode::kExec, &err);
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(err.msg, "'return' outside function");
}

}  // namespace
}  // namespace minidynamo
