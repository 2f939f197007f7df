// The tokenizer: Python 3.11 source text to a vector of tokens, in one pass.
//
// It follows CPython 3.11's C tokenizer (Parser/tokenizer.c) closely, including
// where its cursor stands when it reports an error, because CPython's error
// offsets are defined by that cursor. Differences from the `tokenize` module:
// no COMMENT, NL or ENCODING tokens; keywords and operators get their own
// kinds.
//
// Data flow: Tokenize() normalizes the text (BOM, \r\n, trailing newline),
// rejects NUL bytes and invalid UTF-8, then produces every token up to
// ENDMARKER or the first error. The parser indexes the vector freely, so
// lookahead and backtracking cost nothing.
#ifndef MINIDYNAMO_VM_PARSE_LEXER_H_
#define MINIDYNAMO_VM_PARSE_LEXER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vm/parse/syntax_error.h"
#include "vm/parse/token.h"

namespace minidynamo {

struct LexOptions {
  // Used for the replacement fields of f-strings, which CPython 3.11 tokenizes
  // as a separate "(expr)" text: line L of that text is reported as line
  // `first_lineno + L - 1`, and columns on its first line shift right by
  // `first_line_col_offset`.
  int first_lineno = 1;
  int first_line_col_offset = 0;
  // CPython reports the columns of errors found above the tokenizer in
  // characters for str sources and in bytes for bytes/file sources.
  bool char_offsets = false;
  // Files and compile(..., "exec") get a final newline added; "eval" and
  // "single" input does not, and then ends with ENDMARKER right after its last
  // token (no NEWLINE, no DEDENT).
  bool implicit_newline = true;
};

struct LexOutput {
  // The normalized source every token points into: BOM removed, \r\n and \r
  // turned into \n, a final \n added when missing (as CPython does for files
  // and exec input).
  std::string source;
  std::vector<Token> tokens;  // ends with kEndMarker unless !ok
  // Byte offset in `source` where each line starts (index 0 is line 1).
  std::vector<uint32_t> line_starts;

  bool ok = true;
  SyntaxErrorInfo error;  // the tokenizer error when !ok (filename left empty)
  bool char_offsets = false;  // copied from LexOptions

  // The innermost bracket still open at the end of input, if any: CPython turns
  // it into "'(' was never closed" when the parser fails.
  char unclosed_bracket = 0;
  int unclosed_lineno = 0;
  int unclosed_col = 0;

  std::string_view Text(const Token& t) const {
    return std::string_view(source).substr(t.start, t.end - t.start);
  }
  // Line `lineno` (1-based, in this text's own numbering) without its '\n'.
  std::string_view Line(int lineno) const;
  // The text CPython shows for an error found while the tokenizer stands on
  // line `lineno`: its line buffer, which starts earlier when a string or a
  // backslash continuation carried over from previous lines; ends with '\n'.
  std::string BufferText(int lineno) const;

  // For each line (index 0 is line 1), the line its tokenizer buffer starts at.
  std::vector<int> buffer_start_line;
};

LexOutput Tokenize(std::string_view source, const LexOptions& options = {});

// Counts the characters CPython reports for a 1-based byte offset into `line`
// (_PyPegen_byte_offset_to_character_offset: offsets past the end count one
// extra position).
int ByteOffsetToCharOffset(std::string_view line, int byte_offset);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_PARSE_LEXER_H_
