// Small UTF-8 helpers shared by the lexer, the string decoder and the dumper.
// Strings in the AST are UTF-8; lone surrogates (legal in Python str) are kept
// in their 3-byte generalized UTF-8 form so that they survive the round trip.
#ifndef MINIDYNAMO_VM_PARSE_UTF8_H_
#define MINIDYNAMO_VM_PARSE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace minidynamo::utf8 {

// Appends `cp` (any value up to 0x10FFFF, surrogates included) to `out`.
inline void Append(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the code point starting at s[*i] and advances *i. The input is
// assumed to be valid (generalized) UTF-8; a stray byte decodes as itself.
inline char32_t Next(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  if (c < 0xC0 || *i + extra >= s.size()) {
    ++*i;
    return c;
  }
  char32_t cp = extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k <= extra; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  }
  *i += extra + 1;
  return cp;
}

// Number of code points in `s` (continuation bytes are not counted).
inline size_t CountChars(std::string_view s) {
  size_t n = 0;
  for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

// The first invalid UTF-8 sequence in `s` as CPython's strict decoder reports
// it: returns false when valid; otherwise sets *pos to the start of the bad
// sequence, *len to the number of bytes the error covers, and *reason to
// CPython's wording
// ("invalid start byte", "invalid continuation byte", "unexpected end of
// data").
bool FindInvalid(std::string_view s, size_t* pos, size_t* len,
                 const char** reason);

}  // namespace minidynamo::utf8

#endif  // MINIDYNAMO_VM_PARSE_UTF8_H_
