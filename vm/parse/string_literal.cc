#include "vm/parse/string_literal.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "vm/parse/unicode_data.h"
#include "vm/parse/utf8.h"

namespace minidynamo {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsOctal(char c) { return c >= '0' && c <= '7'; }

// The unicode-escape codec over an ASCII-only buffer, as CPython runs it; the
// positions in its errors are positions in that buffer.
bool DecodeAsciiEscapes(std::string_view s, std::string* out,
                        std::string* error) {
  const size_t end = s.size();
  size_t i = 0;
  while (i < end) {
    char c = s[i];
    if (c != '\\') {
      out->push_back(c);
      ++i;
      continue;
    }
    const size_t start = i++;
    const char* message = nullptr;
    if (i >= end) {
      // Only an f-string literal piece can end in a lone backslash ("\{");
      // CPython spells it \u005c first, so it stays a backslash.
      out->push_back('\\');
      break;
    } else {
      c = s[i++];
      int count = 0;
      switch (c) {
        case '\n':
          continue;
        case '\\':
          out->push_back('\\');
          continue;
        case '\'':
          out->push_back('\'');
          continue;
        case '"':
          out->push_back('"');
          continue;
        case 'b':
          out->push_back('\b');
          continue;
        case 'f':
          out->push_back('\f');
          continue;
        case 't':
          out->push_back('\t');
          continue;
        case 'n':
          out->push_back('\n');
          continue;
        case 'r':
          out->push_back('\r');
          continue;
        case 'v':
          out->push_back('\v');
          continue;
        case 'a':
          out->push_back('\a');
          continue;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7': {
          char32_t ch = c - '0';
          if (i < end && IsOctal(s[i])) {
            ch = (ch << 3) + (s[i++] - '0');
            if (i < end && IsOctal(s[i])) ch = (ch << 3) + (s[i++] - '0');
          }
          utf8::Append(ch, out);
          continue;
        }
        case 'x':
          count = 2;
          message = "truncated \\xXX escape";
          break;
        case 'u':
          count = 4;
          message = "truncated \\uXXXX escape";
          break;
        case 'U':
          count = 8;
          message = "truncated \\UXXXXXXXX escape";
          break;
        case 'N': {
          message = "malformed \\N character escape";
          if (i < end && s[i] == '{') {
            size_t name_start = ++i;
            while (i < end && s[i] != '}') ++i;
            if (i < end && i > name_start) {
              std::string name = absl::AsciiStrToUpper(
                  std::string(s.substr(name_start, i - name_start)));
              ++i;
              char32_t cp;
              if (unicode::LookupName(name, &cp)) {
                utf8::Append(cp, out);
                continue;
              }
              message = "unknown Unicode character name";
            }
          }
          break;
        }
        default:
          // Unknown escapes stay as they are (CPython warns).
          out->push_back('\\');
          out->push_back(c);
          continue;
      }
      if (count > 0) {
        char32_t ch = 0;
        for (; count > 0; ++i, --count) {
          if (i >= end) break;
          int v = HexValue(s[i]);
          if (v < 0) break;
          ch = (ch << 4) + v;
        }
        if (count == 0) {
          if (ch <= 0x10FFFF) {
            utf8::Append(ch, out);
            continue;
          }
          message = "illegal Unicode character";
        }
      }
    }
    size_t stop = i;  // exclusive, like CPython's endinpos
    if (stop == start + 1) {
      *error = absl::StrFormat(
          "(unicode error) 'unicodeescape' codec can't decode byte 0x%02x in "
          "position %d: %s",
          static_cast<unsigned char>(s[start]), start, message);
    } else {
      *error = absl::StrFormat(
          "(unicode error) 'unicodeescape' codec can't decode bytes in "
          "position %d-%d: %s",
          start, stop - 1, message);
    }
    return false;
  }
  return true;
}

}  // namespace

StringLiteralParts SplitStringLiteral(std::string_view token) {
  StringLiteralParts parts;
  size_t i = 0;
  while (i < token.size() && token[i] != '\'' && token[i] != '"') {
    switch (token[i]) {
      case 'b':
      case 'B':
        parts.is_bytes = true;
        break;
      case 'r':
      case 'R':
        parts.is_raw = true;
        break;
      case 'u':
      case 'U':
        parts.is_unicode = true;
        break;
      case 'f':
      case 'F':
        parts.is_fstring = true;
        break;
    }
    ++i;
  }
  parts.prefix_len = i;
  char quote = i < token.size() ? token[i] : '"';
  parts.quote_len =
      (token.size() >= i + 6 && token[i + 1] == quote && token[i + 2] == quote)
          ? 3
          : 1;
  size_t body_start = i + parts.quote_len;
  size_t body_len = token.size() - body_start - parts.quote_len;
  parts.body = token.substr(body_start, body_len);
  return parts;
}

bool DecodeStrEscapes(std::string_view body, std::string* out,
                      std::string* error) {
  bool has_backslash = body.find('\\') != std::string_view::npos;
  if (!has_backslash) {
    out->append(body);
    return true;
  }
  bool non_ascii = false;
  for (char c : body) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      non_ascii = true;
      break;
    }
  }
  if (!non_ascii) return DecodeAsciiEscapes(body, out, error);
  // As CPython does: spell each non-ASCII character as \UXXXXXXXX (and a
  // backslash before one as \u005c) so the codec sees ASCII; error positions
  // refer to this spelling.
  std::string ascii;
  ascii.reserve(body.size() * 2);
  size_t i = 0;
  while (i < body.size()) {
    if (body[i] == '\\') {
      ascii.push_back(body[i++]);
      if (i >= body.size() || static_cast<unsigned char>(body[i]) >= 0x80) {
        ascii.append("u005c");
        if (i >= body.size()) break;
      }
    }
    if (static_cast<unsigned char>(body[i]) >= 0x80) {
      char32_t cp = utf8::Next(body, &i);
      ascii.append(absl::StrFormat("\\U%08x", static_cast<uint32_t>(cp)));
    } else {
      ascii.push_back(body[i++]);
    }
  }
  return DecodeAsciiEscapes(ascii, out, error);
}

bool DecodeBytesEscapes(std::string_view s, std::string* out,
                        std::string* error) {
  const size_t end = s.size();
  size_t i = 0;
  while (i < end) {
    char c = s[i];
    if (c != '\\') {
      out->push_back(c);
      ++i;
      continue;
    }
    const size_t start = i++;
    if (i >= end) {
      *error = "(value error) Trailing \\ in string";
      return false;
    }
    c = s[i++];
    switch (c) {
      case '\n':
        break;
      case '\\':
        out->push_back('\\');
        break;
      case '\'':
        out->push_back('\'');
        break;
      case '"':
        out->push_back('"');
        break;
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 'v':
        out->push_back('\v');
        break;
      case 'a':
        out->push_back('\a');
        break;
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        int v = c - '0';
        if (i < end && IsOctal(s[i])) {
          v = (v << 3) + (s[i++] - '0');
          if (i < end && IsOctal(s[i])) v = (v << 3) + (s[i++] - '0');
        }
        out->push_back(static_cast<char>(v & 0xFF));
        break;
      }
      case 'x': {
        int d1 = i + 1 < end ? HexValue(s[i]) : -1;
        int d2 = i + 1 < end ? HexValue(s[i + 1]) : -1;
        if (d1 < 0 || d2 < 0) {
          *error = absl::StrFormat(
              "(value error) invalid \\x escape at position %d", start);
          return false;
        }
        out->push_back(static_cast<char>((d1 << 4) + d2));
        i += 2;
        break;
      }
      default:
        out->push_back('\\');
        out->push_back(c);
        break;
    }
  }
  return true;
}

bool DecodeStringToken(std::string_view token, std::string* out,
                       std::string* error) {
  StringLiteralParts parts = SplitStringLiteral(token);
  if (parts.is_bytes) {
    for (char c : parts.body) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        *error = "bytes can only contain ASCII literal characters";
        return false;
      }
    }
    if (parts.is_raw) {
      out->append(parts.body);
      return true;
    }
    return DecodeBytesEscapes(parts.body, out, error);
  }
  if (parts.is_raw) {
    out->append(parts.body);
    return true;
  }
  return DecodeStrEscapes(parts.body, out, error);
}

}  // namespace minidynamo
