#ifndef MINIDYNAMO_VM_COMPILE_SYNTAX_WARNINGS_H_
#define MINIDYNAMO_VM_COMPILE_SYNTAX_WARNINGS_H_

// The SyntaxWarnings CPython 3.11's compiler gives for code that compiles but
// cannot be what was meant (compile.c's check_compare, check_caller,
// check_subscripter, check_index and the assert check): `x is 1`, `1(2)`,
// `None[0]`, `"ab"["a"]`, `assert (x, "msg")`. Each returns the warning's
// message, or "" when there is none. Constants are judged as CPython's AST
// optimizer leaves them: `-1`, `not 0` and tuples of constants are folded.

#include <string>

#include "vm/parse/ast.h"

namespace minidynamo {

std::string CompareWarning(const ast::Compare& compare);
std::string CallWarning(const ast::expr& func);
// For a subscript being read (not assigned or deleted).
std::string SubscriptWarning(const ast::Subscript& subscript);
std::string AssertWarning(const ast::Assert& assert_stmt);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_COMPILE_SYNTAX_WARNINGS_H_
