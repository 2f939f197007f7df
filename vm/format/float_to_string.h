// Doubles to text the way CPython 3.11 does it: repr(), and the digit layout
// behind format(), f-strings and %-formatting (PyOS_double_to_string).
//
// Digits come from std::to_chars, which gives the shortest round-trip digits
// and, with a precision, the exactly rounded (ties to even) digits that
// CPython gets from David Gay's dtoa. The layout on top follows CPython's
// format_float_short.
#ifndef MINIDYNAMO_VM_FORMAT_FLOAT_TO_STRING_H_
#define MINIDYNAMO_VM_FORMAT_FLOAT_TO_STRING_H_

#include <string>

namespace minidynamo {

// repr(x) and str(x) for a float: "1.5", "1e+16", "1e-05", "-0.0", "inf",
// "nan".
std::string FloatRepr(double value);

// Flags of DoubleToString, CPython's Py_DTSF_* values.
enum DoubleToStringFlags : int {
  kDtsfSign = 0x01,     // Always write a sign.
  kDtsfAddDot0 = 0x02,  // Integral values get ".0" ('r', and 'g' via format).
  kDtsfAlt = 0x04,      // '#': keep the point and trailing zeros.
  kDtsfNoNeg0 = 0x08,   // 'z': a result that is zero loses its minus sign.
};

// PyOS_double_to_string: `format_code` is one of e E f F g G r ('r' is repr,
// whose precision must be 0). `precision` is digits after the point for e and
// f, significant digits for g (0 means 1).
std::string DoubleToString(double value, char format_code, int precision,
                           int flags);

// The decimal digits of |value| (finite) in the form dtoa returns them:
// `digits` has no trailing zeros (zero itself is "0" with decpt 1) and the
// value is 0.<digits> * 10**decpt.
struct DecimalDigits {
  std::string digits;
  int decpt = 0;
  bool negative = false;
};

enum class DigitMode {
  kShortest,     // Shortest digits that round-trip (dtoa mode 0).
  kSignificant,  // `ndigits` significant digits, ndigits >= 1 (mode 2).
  kFixed,        // `ndigits` digits after the point, ndigits >= 0 (mode 3).
};

DecimalDigits DoubleToDigits(double value, DigitMode mode, int ndigits);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_FORMAT_FLOAT_TO_STRING_H_
