#include "vm/parse/utf8.h"

namespace minidynamo::utf8 {

bool FindInvalid(std::string_view s, size_t* pos, size_t* len,
                 const char** reason) {
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Allowed range of the second byte and the number of continuation bytes,
    // following the table in the Unicode standard (no overlongs, no
    // surrogates).
    unsigned char lo = 0x80, hi = 0xBF;
    int extra;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      *pos = i;
      *len = 1;
      *reason = "invalid start byte";
      return true;
    }
    for (int k = 1; k <= extra; ++k) {
      if (i + k >= n) {
        *pos = i;
        *len = n - i;
        *reason = "unexpected end of data";
        return true;
      }
      unsigned char b = static_cast<unsigned char>(s[i + k]);
      bool ok = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
      if (!ok) {
        *pos = i;
        *len = k;
        *reason = "invalid continuation byte";
        return true;
      }
    }
    i += extra + 1;
  }
  return false;
}

}  // namespace minidynamo::utf8
