#include "vm/format/float_to_string.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace minidynamo {
namespace {

// A double's exact decimal expansion has at most 767 significant digits and
// 1074 digits after the point; asking to_chars for more only adds zeros,
// which dtoa would not return either.
constexpr int kMaxSignificant = 800;
constexpr int kMaxFixed = 1100;

// Splits to_chars' scientific output "d.ddde+XX" into digits and decpt.
void ParseScientific(const char* begin, const char* end, DecimalDigits* out) {
  const char* e = std::find(begin, end, 'e');
  for (const char* p = begin; p < e; ++p) {
    if (*p != '.') out->digits.push_back(*p);
  }
  int exponent = 0;
  const char* p = e + 1;
  if (*p == '+') ++p;  // from_chars takes '-' but not '+'.
  std::from_chars(p, end, exponent);
  out->decpt = exponent + 1;
}

void StripTrailingZeros(DecimalDigits* out) {
  size_t n = out->digits.size();
  while (n > 0 && out->digits[n - 1] == '0') --n;
  out->digits.resize(n);
  if (n == 0) {  // dtoa's form of zero.
    out->digits = "0";
    out->decpt = 1;
  }
}

}  // namespace

DecimalDigits DoubleToDigits(double value, DigitMode mode, int ndigits) {
  DecimalDigits out;
  out.negative = std::signbit(value);
  const double magnitude = std::fabs(value);
  if (mode == DigitMode::kShortest) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof(buf), magnitude,
                           std::chars_format::scientific);
    ParseScientific(buf, r.ptr, &out);
  } else if (mode == DigitMode::kSignificant) {
    const int n = std::clamp(ndigits, 1, kMaxSignificant);
    std::vector<char> buf(n + 16);
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), magnitude,
                           std::chars_format::scientific, n - 1);
    ParseScientific(buf.data(), r.ptr, &out);
  } else {
    const int n = std::clamp(ndigits, 0, kMaxFixed);
    std::vector<char> buf(n + 330);
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), magnitude,
                           std::chars_format::fixed, n);
    // "ddd.ddd": the point's position gives decpt; leading zeros move it.
    int int_len = 0;
    bool seen_point = false;
    for (const char* p = buf.data(); p < r.ptr; ++p) {
      if (*p == '.') {
        seen_point = true;
        continue;
      }
      if (!seen_point) ++int_len;
      if (out.digits.empty() && *p == '0') {
        if (!seen_point)
          --int_len;
        else
          --out.decpt;
        continue;
      }
      out.digits.push_back(*p);
    }
    out.decpt += int_len;
  }
  StripTrailingZeros(&out);
  return out;
}

std::string DoubleToString(double value, char format_code, int precision,
                           int flags) {
  const bool upper =
      format_code == 'E' || format_code == 'F' || format_code == 'G';
  char code = upper ? static_cast<char>(format_code - 'A' + 'a') : format_code;
  const bool add_dot_0 = (flags & kDtsfAddDot0) != 0;
  const bool alt = (flags & kDtsfAlt) != 0;

  std::string out;
  if (!std::isfinite(value)) {
    // NaN's sign is never shown.
    const bool negative = !std::isnan(value) && std::signbit(value);
    if (negative) {
      out.push_back('-');
    } else if (flags & kDtsfSign) {
      out.push_back('+');
    }
    if (std::isnan(value)) {
      out.append(upper ? "NAN" : "nan");
    } else {
      out.append(upper ? "INF" : "inf");
    }
    return out;
  }

  DecimalDigits d;
  switch (code) {
    case 'e':
      ++precision;  // Digits after the point plus the leading one.
      d = DoubleToDigits(value, DigitMode::kSignificant, precision);
      break;
    case 'f':
      d = DoubleToDigits(value, DigitMode::kFixed, precision);
      break;
    case 'g':
      if (precision == 0) precision = 1;
      d = DoubleToDigits(value, DigitMode::kSignificant, precision);
      break;
    default:  // 'r'
      d = DoubleToDigits(value, DigitMode::kShortest, 0);
      break;
  }
  if ((flags & kDtsfNoNeg0) && d.negative && d.digits == "0") {
    d.negative = false;
  }

  // The output is a slice [start, end) of the digits padded with zeros on
  // both sides, with the point at decpt (CPython's "vdigits").
  const int ndigits = static_cast<int>(d.digits.size());
  int decpt = d.decpt;
  int end = ndigits;
  bool use_exp = false;
  switch (code) {
    case 'e':
      use_exp = true;
      end = precision;
      break;
    case 'f':
      end = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) {
        use_exp = true;
      }
      if (alt) end = precision;
      break;
    default:
      // repr switches to exponent form at 1e16 and below 1e-4.
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  int exponent = 0;
  if (use_exp) {
    exponent = decpt - 1;
    decpt = 1;
  }
  const int start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0) {
    end = std::max(end, decpt + 1);
  } else {
    end = std::max(end, decpt);
  }

  if (d.negative) {
    out.push_back('-');
  } else if (flags & kDtsfSign) {
    out.push_back('+');
  }
  if (decpt <= 0) {
    out.append(decpt - start, '0');
    out.push_back('.');
    out.append(-decpt, '0');
  } else {
    out.append(-start, '0');
  }
  if (decpt > 0 && decpt <= ndigits) {
    out.append(d.digits, 0, decpt);
    out.push_back('.');
    out.append(d.digits, decpt, std::string::npos);
  } else {
    out.append(d.digits);
  }
  if (ndigits < decpt) {
    out.append(decpt - ndigits, '0');
    out.push_back('.');
    out.append(end - decpt, '0');
  } else {
    out.append(end - ndigits, '0');
  }
  if (out.back() == '.' && !alt) out.pop_back();
  if (use_exp) {
    out.push_back(upper ? 'E' : 'e');
    // C's "%+.02d": a sign and at least two digits.
    out.push_back(exponent < 0 ? '-' : '+');
    const int magnitude = std::abs(exponent);
    if (magnitude < 10) out.push_back('0');
    out.append(std::to_string(magnitude));
  }
  return out;
}

std::string FloatRepr(double value) {
  return DoubleToString(value, 'r', 0, kDtsfAddDot0);
}

}  // namespace minidynamo
