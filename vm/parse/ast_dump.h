// Text dumps of the AST in exactly the format of Python 3.11's ast.dump(), the
// basis of the golden tests (testdata/*.ast come from /usr/bin/python3.11).
#ifndef MINIDYNAMO_VM_PARSE_AST_DUMP_H_
#define MINIDYNAMO_VM_PARSE_AST_DUMP_H_

#include <string>

#include "vm/parse/ast.h"

namespace minidynamo {

// ast.dump(tree) with default arguments (annotate_fields=True, indent=None);
// include_attributes adds lineno/col_offset/end_lineno/end_col_offset as
// ast.dump(tree, include_attributes=True) does.
std::string DumpAst(const ast::mod& tree, bool include_attributes = false);
std::string DumpExpr(const ast::expr& e, bool include_attributes = false);

// repr() of a constant as Python prints it: 'abc', b'\x00', 1.5, 1e+16, 2j,
// Ellipsis, ...
std::string ReprConstant(const ast::ConstantValue& v);

// Python's repr(float) (shortest round-trip digits, '1e+16' style exponents).
std::string ReprFloat(double d);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_PARSE_AST_DUMP_H_
