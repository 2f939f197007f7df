// Decoding of string and bytes literal bodies, with CPython 3.11's escape rules
// and error messages. f-strings are split by the parser (parser_strings.cc);
// the literal pieces between their replacement fields come through here too.
#ifndef MINIDYNAMO_VM_PARSE_STRING_LITERAL_H_
#define MINIDYNAMO_VM_PARSE_STRING_LITERAL_H_

#include <string>
#include <string_view>

namespace minidynamo {

struct StringLiteralParts {
  bool is_bytes = false;
  bool is_raw = false;
  bool is_unicode = false;  // the u prefix (ast.Constant.kind == "u")
  bool is_fstring = false;
  size_t prefix_len = 0;  // bytes of prefix letters
  size_t quote_len = 1;   // 1 or 3
  std::string_view body;  // between the quotes, undecoded
};

// Splits the text of a STRING token (as the lexer produced it).
StringLiteralParts SplitStringLiteral(std::string_view token);

// Decodes a non-raw str body to UTF-8 (lone surrogates from \ud800-style
// escapes are kept as 3-byte sequences). On failure returns false and sets
// *error to CPython's message, e.g. "(unicode error) 'unicodeescape' codec
// can't decode bytes in position 0-2: truncated \xXX escape".
bool DecodeStrEscapes(std::string_view body, std::string* out,
                      std::string* error);

// Decodes a non-raw bytes body (ASCII only; the caller checks that). On failure
// sets *error to "(value error) invalid \x escape at position N".
bool DecodeBytesEscapes(std::string_view body, std::string* out,
                        std::string* error);

// Decodes a whole non-f-string STRING token: the value of its ast.Constant
// (UTF-8 for str, raw bytes for bytes). Returns false with *error set on
// failure, including "bytes can only contain ASCII literal characters".
bool DecodeStringToken(std::string_view token, std::string* out,
                       std::string* error);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_PARSE_STRING_LITERAL_H_
