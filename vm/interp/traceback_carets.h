#ifndef MINIDYNAMO_VM_INTERP_TRACEBACK_CARETS_H_
#define MINIDYNAMO_VM_INTERP_TRACEBACK_CARETS_H_

// CPython 3.11's traceback markers: the line under a source line that points at
// the failing expression (`~~~^~~~` for a binary operator, `~~^^^` for a
// subscript, `^^^^` otherwise), shown only when that expression is not the
// whole line.

#include <string>

#include "vm/compile/code.h"

namespace minidynamo {

// The marker row (with its newline) for an instruction at `pos` on `raw_line`
// (the source line as in the file, without its newline; `had_newline` tells
// whether the file had one after it), or "" when CPython prints none.
std::string TracebackCaretLine(const std::string& raw_line, bool had_newline,
                               const Position& pos);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_INTERP_TRACEBACK_CARETS_H_
