#include "vm/bigint/bigint_unicode.h"

#include <algorithm>
#include <iterator>

#include "absl/strings/str_format.h"

namespace minidynamo {
namespace bigint_internal {
namespace {

struct CodeRange {
  uint32_t first;
  uint32_t last;
};

#include "vm/bigint/unicode_tables.inc"

template <size_t N>
bool InRanges(const CodeRange (&ranges)[N], uint32_t cp) {
  // First range whose end is >= cp; the tables are sorted and disjoint.
  const CodeRange* it = std::lower_bound(
      std::begin(ranges), std::end(ranges), cp,
      [](const CodeRange& r, uint32_t c) { return r.last < c; });
  return it != std::end(ranges) && it->first <= cp;
}

void AppendUtf8(uint32_t cp, std::string* out) {
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

}  // namespace

uint32_t DecodeUtf8(std::string_view s, size_t* pos) {
  const size_t i = *pos;
  const uint8_t b0 = static_cast<uint8_t>(s[i]);
  if (b0 < 0x80) {
    *pos = i + 1;
    return b0;
  }
  size_t len;
  uint32_t cp;
  uint32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    *pos = i + 1;
    return kInvalidUtf8Base + b0;
  }
  if (i + len > s.size()) {
    *pos = i + 1;
    return kInvalidUtf8Base + b0;
  }
  for (size_t k = 1; k < len; ++k) {
    const uint8_t b = static_cast<uint8_t>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      *pos = i + 1;
      return kInvalidUtf8Base + b0;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  // Surrogates are accepted (a str may hold lone surrogates); overlong forms
  // are not.
  if (cp < min || cp > 0x10FFFF) {
    *pos = i + 1;
    return kInvalidUtf8Base + b0;
  }
  *pos = i + len;
  return cp;
}

bool IsUnicodeSpace(uint32_t cp) {
  if (cp < 0x80) {
    return cp == ' ' || (cp >= '\t' && cp <= '\r') ||
           (cp >= 0x1C && cp <= 0x1F);
  }
  return InRanges(kSpaceRanges, cp);
}

int UnicodeDecimalValue(uint32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp < 0x80) return -1;
  // The zero at or below cp; digits come in runs of ten starting at a zero.
  const uint32_t* it =
      std::upper_bound(std::begin(kDecimalZeros), std::end(kDecimalZeros), cp);
  if (it == std::begin(kDecimalZeros)) return -1;
  const uint32_t zero = *(it - 1);
  return cp - zero < 10 ? static_cast<int>(cp - zero) : -1;
}

bool IsUnicodePrintable(uint32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
  if (cp > 0x10FFFF) return false;
  return !InRanges(kNonPrintableRanges, cp);
}

std::string PyStrRepr(std::string_view utf8, size_t max_chars) {
  // Like CPython: single quotes unless the text has ' and no ".
  const bool has_single = utf8.find('\'') != std::string_view::npos;
  const bool has_double = utf8.find('"') != std::string_view::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  size_t chars = 1;
  size_t pos = 0;
  // Every escape is ASCII, so a piece's characters are its bytes unless it is a
  // printable non-ASCII character (one character).
  while (pos < utf8.size() && chars <= max_chars) {
    const uint32_t cp = DecodeUtf8(utf8, &pos);
    std::string piece;
    if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
      piece = {'\\', static_cast<char>(cp)};
    } else if (cp == '\t') {
      piece = "\\t";
    } else if (cp == '\n') {
      piece = "\\n";
    } else if (cp == '\r') {
      piece = "\\r";
    } else if (cp >= kInvalidUtf8Base) {
      piece = absl::StrFormat("\\x%02x", cp - kInvalidUtf8Base);
    } else if (cp < 0x80) {
      piece = IsUnicodePrintable(cp) ? std::string(1, static_cast<char>(cp))
                                     : absl::StrFormat("\\x%02x", cp);
    } else if (IsUnicodePrintable(cp)) {
      AppendUtf8(cp, &out);
      ++chars;
      continue;
    } else if (cp <= 0xFF) {
      piece = absl::StrFormat("\\x%02x", cp);
    } else if (cp <= 0xFFFF) {
      piece = absl::StrFormat("\\u%04x", cp);
    } else {
      piece = absl::StrFormat("\\U%08x", cp);
    }
    out += piece;
    chars += piece.size();
  }
  out.push_back(quote);
  ++chars;
  if (chars <= max_chars) return out;
  // Cut to max_chars characters, counting UTF-8 lead bytes.
  size_t seen = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if ((static_cast<uint8_t>(out[i]) & 0xC0) != 0x80) {
      if (seen == max_chars) {
        out.resize(i);
        break;
      }
      ++seen;
    }
  }
  return out;
}

std::string TransformDecimalAndSpaceToAscii(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) {
    const uint32_t cp = DecodeUtf8(utf8, &pos);
    if (cp < 0x7F) {
      out.push_back(static_cast<char>(cp));
    } else if (IsUnicodeSpace(cp)) {
      out.push_back(' ');
    } else {
      const int digit = UnicodeDecimalValue(cp);
      if (digit < 0) {
        out.push_back('?');
        break;
      }
      out.push_back(static_cast<char>('0' + digit));
    }
  }
  return out;
}

}  // namespace bigint_internal
}  // namespace minidynamo
