// repr() of str and bytes, as CPython 3.11 writes them.
#ifndef MINIDYNAMO_VM_FORMAT_STR_REPR_H_
#define MINIDYNAMO_VM_FORMAT_STR_REPR_H_

#include <string>
#include <string_view>

namespace minidynamo {

// repr(s) for a str held as UTF-8. Single quotes unless the text has a ' and
// no "; \\, \n, \r, \t and the chosen quote are escaped, other ASCII controls
// and DEL become \xNN, non-printable code points (str.isprintable) become
// \xNN, \uNNNN or \U00NNNNNN, printable non-ASCII is kept. A byte that is not
// part of valid UTF-8 (which a Python str never holds) is shown as \xNN.
std::string StrRepr(std::string_view utf8);

// ascii(s) for a str: repr(s) with every non-ASCII character escaped as
// \xNN, \uNNNN or \U00NNNNNN (what %a and ascii() show).
std::string AsciiRepr(std::string_view utf8);

// repr(b) for bytes: b'...' with the same quote rule; bytes outside 0x20..0x7E
// other than \n, \r, \t become \xNN.
std::string BytesRepr(std::string_view bytes);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_FORMAT_STR_REPR_H_
