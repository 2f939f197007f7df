// The structured error the parser returns, carrying exactly what CPython puts
// on a SyntaxError object so the VM can raise a real one and print CPython's
// caret display.
#ifndef MINIDYNAMO_VM_PARSE_SYNTAX_ERROR_H_
#define MINIDYNAMO_VM_PARSE_SYNTAX_ERROR_H_

#include <string>
#include <string_view>

namespace minidynamo {

struct SyntaxErrorInfo {
  // "SyntaxError", "IndentationError" or "TabError"; "RecursionError" when the
  // source nests deeper than the parser's recursion limit (CPython 3.11 fails
  // there too, with a RecursionError or a MemoryError).
  std::string type = "SyntaxError";
  std::string msg;
  std::string filename;
  // CPython's attributes; has_location is false where CPython leaves lineno,
  // offset and text as None.
  bool has_location = true;
  int lineno = 0;  // 1-based
  int offset = 0;  // 1-based column in characters (CPython's convention)
  int end_lineno =
      0;  // CPython sometimes reports -1 or 0 for the end: kept as is
  int end_offset = 0;
  std::string
      text;  // the offending source line (with '\n' where CPython has one)

  // "File "<filename>", line N\n    <text>\n    ^^^\n<type>: <msg>", the way
  // CPython's traceback module prints a SyntaxError.
  std::string Format() const;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_PARSE_SYNTAX_ERROR_H_
