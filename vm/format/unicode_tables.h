// The few Unicode character properties that Python's number parsing and repr()
// depend on, with the data of CPython 3.11 (Unicode 14.0.0).
#ifndef MINIDYNAMO_VM_FORMAT_UNICODE_TABLES_H_
#define MINIDYNAMO_VM_FORMAT_UNICODE_TABLES_H_

namespace minidynamo {

// str.isprintable() for one code point: false for categories Cc, Cf, Cs, Co,
// Cn, Zl, Zp and Zs other than the ASCII space.
bool IsPrintable(char32_t cp);

// The value 0..9 of a Unicode decimal digit (category Nd), or -1.
int DecimalDigitValue(char32_t cp);

// str.isspace() for one code point (Py_UNICODE_ISSPACE).
bool IsUnicodeSpace(char32_t cp);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_FORMAT_UNICODE_TABLES_H_
