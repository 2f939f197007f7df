#ifndef MINIDYNAMO_VM_COMPILE_UNPARSE_H_
#define MINIDYNAMO_VM_COMPILE_UNPARSE_H_

// Expression to source text, as CPython 3.11's Python/ast_unparse.c writes it:
// the string an annotation becomes under `from __future__ import annotations`
// (PEP 563). Parentheses only where precedence needs them, one space around
// binary operators, tuples in subscripts without parentheses, f-strings
// rebuilt from their parts.

#include <string>

#include "vm/parse/ast.h"

namespace minidynamo {

// The text of `e` (CPython's _PyAST_ExprAsUnicode).
std::string UnparseExpr(const ast::expr* e);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_COMPILE_UNPARSE_H_
