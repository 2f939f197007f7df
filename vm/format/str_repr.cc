#include "vm/format/str_repr.h"

#include "vm/format/unicode_tables.h"
#include "vm/format/utf8.h"

namespace minidynamo {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendHexEscape(std::string* out, char letter, char32_t value,
                     int digits) {
  out->push_back('\\');
  out->push_back(letter);
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
    out->push_back(kHex[(value >> shift) & 0xF]);
  }
}

// Python prefers single quotes, switching to double quotes only when that
// avoids escaping.
char ChooseQuote(std::string_view text) {
  bool has_single = false;
  bool has_double = false;
  for (char c : text) {
    if (c == '\'') has_single = true;
    if (c == '"') has_double = true;
  }
  return has_single && !has_double ? '"' : '\'';
}

// Escapes shared by str and bytes for code points below 0x80; returns false
// for characters that need no escape.
bool AppendAsciiEscape(std::string* out, char32_t c, char quote) {
  if (c == static_cast<char32_t>(quote) || c == '\\') {
    out->push_back('\\');
    out->push_back(static_cast<char>(c));
  } else if (c == '\t') {
    out->append("\\t");
  } else if (c == '\n') {
    out->append("\\n");
  } else if (c == '\r') {
    out->append("\\r");
  } else if (c < ' ' || c == 0x7F) {
    AppendHexEscape(out, 'x', c, 2);
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::string StrRepr(std::string_view utf8) {
  const char quote = ChooseQuote(utf8);
  std::string out;
  out.reserve(utf8.size() + 2);
  out.push_back(quote);
  size_t pos = 0;
  while (pos < utf8.size()) {
    const size_t start = pos;
    bool valid = true;
    const char32_t c = DecodeUtf8(utf8, &pos, &valid);
    if (!valid) {
      AppendHexEscape(&out, 'x', c, 2);
    } else if (c < 0x80) {
      if (!AppendAsciiEscape(&out, c, quote))
        out.push_back(static_cast<char>(c));
    } else if (IsPrintable(c)) {
      out.append(utf8.substr(start, pos - start));
    } else if (c <= 0xFF) {
      AppendHexEscape(&out, 'x', c, 2);
    } else if (c <= 0xFFFF) {
      AppendHexEscape(&out, 'u', c, 4);
    } else {
      AppendHexEscape(&out, 'U', c, 8);
    }
  }
  out.push_back(quote);
  return out;
}

std::string AsciiRepr(std::string_view utf8) {
  // repr() leaves only printable non-ASCII characters unescaped; escape them
  // as the "backslashreplace" error handler would.
  const std::string repr = StrRepr(utf8);
  std::string out;
  out.reserve(repr.size());
  size_t pos = 0;
  while (pos < repr.size()) {
    if (static_cast<unsigned char>(repr[pos]) < 0x80) {
      out.push_back(repr[pos++]);
      continue;
    }
    const char32_t c = DecodeUtf8(repr, &pos);
    if (c <= 0xFF) {
      AppendHexEscape(&out, 'x', c, 2);
    } else if (c <= 0xFFFF) {
      AppendHexEscape(&out, 'u', c, 4);
    } else {
      AppendHexEscape(&out, 'U', c, 8);
    }
  }
  return out;
}

std::string BytesRepr(std::string_view bytes) {
  const char quote = ChooseQuote(bytes);
  std::string out;
  out.reserve(bytes.size() + 3);
  out.push_back('b');
  out.push_back(quote);
  for (char ch : bytes) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      AppendHexEscape(&out, 'x', c, 2);
    } else if (!AppendAsciiEscape(&out, c, quote)) {
      out.push_back(ch);
    }
  }
  out.push_back(quote);
  return out;
}

}  // namespace minidynamo
