#include "vm/format/unicode_tables.h"

#include <algorithm>
#include <iterator>

namespace minidynamo {
namespace {

#include "vm/format/unicode_tables.inc"

}  // namespace

bool IsPrintable(char32_t cp) {
  if (cp < 0x7F) return cp >= 0x20;  // The common case needs no search.
  // kPrintableBounds lists where printability flips, starting not printable.
  auto it = std::upper_bound(std::begin(kPrintableBounds),
                             std::end(kPrintableBounds), cp);
  return (it - std::begin(kPrintableBounds)) % 2 == 1;
}

int DecimalDigitValue(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp < 0x660) return -1;  // The first non-ASCII digit is ARABIC-INDIC 0.
  auto it =
      std::upper_bound(std::begin(kDecimalZeros), std::end(kDecimalZeros), cp);
  if (it == std::begin(kDecimalZeros)) return -1;
  char32_t zero = *(it - 1);
  return cp - zero < 10 ? static_cast<int>(cp - zero) : -1;
}

bool IsUnicodeSpace(char32_t cp) {
  return std::binary_search(std::begin(kSpaces), std::end(kSpaces), cp);
}

}  // namespace minidynamo
