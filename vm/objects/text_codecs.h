#ifndef MINIDYNAMO_VM_OBJECTS_TEXT_CODECS_H_
#define MINIDYNAMO_VM_OBJECTS_TEXT_CODECS_H_

// The codecs of str.encode, bytes.decode, str(b, encoding) and
// bytes(s, encoding): UTF-8, ASCII and Latin-1 (with their usual aliases),
// and the error handlers strict, ignore, replace, backslashreplace,
// surrogateescape, surrogatepass (UTF-8) and xmlcharrefreplace (encoding).
// Errors carry CPython 3.11's messages:
//   UnicodeEncodeError: 'ascii' codec can't encode character '\xe9' in
//     position 0: ordinal not in range(128)
//   UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0:
//     invalid start byte
//   LookupError: unknown encoding: foo
//
// Text is UTF-8 as StrObject holds it (lone surrogates as their 3-byte
// forms).

#include <string>
#include <string_view>

namespace minidynamo {

// Both return false with the exception raised.
bool EncodeText(std::string_view text, std::string_view encoding,
                std::string_view errors, std::string* out);
bool DecodeBytes(std::string_view bytes, std::string_view encoding,
                 std::string_view errors, std::string* out);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_TEXT_CODECS_H_
