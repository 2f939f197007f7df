// The clean-up CPython applies to a str before reading a number from it
// (_PyUnicode_TransformDecimalAndSpaceToASCII), shared by int() and float().
#ifndef MINIDYNAMO_VM_FORMAT_NUMERIC_TEXT_H_
#define MINIDYNAMO_VM_FORMAT_NUMERIC_TEXT_H_

#include <string>
#include <string_view>

namespace minidynamo {

// Maps Unicode whitespace to ' ' and Unicode decimal digits to ASCII digits,
// keeps code points below 0x7F, and ends the text with '?' at the first other
// code point (or malformed byte), which no number grammar accepts.
std::string NumericTextToAscii(std::string_view utf8);

// Py_ISSPACE: the ASCII space, \t, \n, \v, \f and \r.
inline bool IsAsciiSpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// `text` without leading and trailing IsAsciiSpace characters.
std::string_view StripAsciiSpace(std::string_view text);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_FORMAT_NUMERIC_TEXT_H_
