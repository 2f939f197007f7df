// Unicode facts the parser needs, from tables generated out of CPython 3.11's
// unicodedata (see gen_unicode_data.py). Only what the lexer, the
// string-literal decoder and the AST dumper ask; no general Unicode library.
#ifndef MINIDYNAMO_VM_PARSE_UNICODE_DATA_H_
#define MINIDYNAMO_VM_PARSE_UNICODE_DATA_H_

#include <string>

namespace minidynamo::unicode {

// Identifier characters beyond ASCII, as str.isidentifier() sees them.
bool IsXidStart(char32_t cp);
bool IsXidContinue(char32_t cp);

// str.isprintable() for one code point (repr escapes the others).
bool IsPrintable(char32_t cp);

// NFKC of one identifier character as UTF-8, or nullptr when it maps to itself.
const char* NfkcMapping(char32_t cp);

// The canonical composition of a pair, or 0 when the pair does not compose.
char32_t ComposePair(char32_t first, char32_t second);

// \N{...} lookup; `upper_name` must be upper case. Covers the common blocks
// only.
bool LookupName(const std::string& upper_name, char32_t* cp);

}  // namespace minidynamo::unicode

#endif  // MINIDYNAMO_VM_PARSE_UNICODE_DATA_H_
