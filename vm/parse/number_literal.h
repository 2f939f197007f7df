// Values of NUMBER tokens (already validated by the lexer).
#ifndef MINIDYNAMO_VM_PARSE_NUMBER_LITERAL_H_
#define MINIDYNAMO_VM_PARSE_NUMBER_LITERAL_H_

#include <string_view>

#include "vm/parse/ast.h"

namespace minidynamo {

// Sets *out to an int (int64 or decimal digits for bigger ones), a float or an
// imaginary number, as Python evaluates the literal `text`.
void ParseNumberLiteral(std::string_view text, ast::ConstantValue* out);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_PARSE_NUMBER_LITERAL_H_
