#include "vm/format/numeric_text.h"

#include "vm/format/unicode_tables.h"
#include "vm/format/utf8.h"

namespace minidynamo {

std::string NumericTextToAscii(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) {
    const unsigned char byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x7F) {
      out.push_back(static_cast<char>(byte));
      ++pos;
      continue;
    }
    bool valid = true;
    const char32_t cp = DecodeUtf8(utf8, &pos, &valid);
    const int digit = valid ? DecimalDigitValue(cp) : -1;
    if (valid && IsUnicodeSpace(cp)) {
      out.push_back(' ');
    } else if (digit >= 0) {
      out.push_back(static_cast<char>('0' + digit));
    } else {
      out.push_back('?');
      break;
    }
  }
  return out;
}

std::string_view StripAsciiSpace(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && IsAsciiSpace(text[begin])) ++begin;
  while (end > begin && IsAsciiSpace(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

}  // namespace minidynamo
