#include "vm/objects/text_codecs.h"

#include <cstdint>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/objects/bytes.h"
#include "vm/objects/dict.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace {

enum class Codec { kUtf8, kAscii, kLatin1, kUnknown };

// CPython normalizes encoding names (lower case, '-' and ' ' to '_') and then
// resolves aliases; these are the aliases of the three codecs we have.
Codec LookupCodec(std::string_view encoding, const char** name) {
  std::string n(encoding);
  absl::AsciiStrToLower(&n);
  for (char& c : n) {
    if (c == '-' || c == ' ') c = '_';
  }
  if (n == "utf_8" || n == "utf8" || n == "u8" || n == "utf" ||
      n == "cp65001") {
    *name = "utf-8";
    return Codec::kUtf8;
  }
  if (n == "ascii" || n == "us_ascii" || n == "646" || n == "us" ||
      n == "ansi_x3.4_1968" || n == "cp367" || n == "iso646_us") {
    *name = "ascii";
    return Codec::kAscii;
  }
  if (n == "latin_1" || n == "latin1" || n == "latin" || n == "l1" ||
      n == "iso_8859_1" || n == "iso8859_1" || n == "8859" || n == "cp819" ||
      n == "iso_ir_100") {
    *name = "latin-1";
    return Codec::kLatin1;
  }
  return Codec::kUnknown;
}

enum class Handler {
  kStrict,
  kIgnore,
  kReplace,
  kBackslashReplace,
  kSurrogateEscape,
  kSurrogatePass,
  kXmlCharRefReplace,
  kUnknown,
};

Handler LookupHandler(std::string_view errors) {
  if (errors == "strict") return Handler::kStrict;
  if (errors == "ignore") return Handler::kIgnore;
  if (errors == "replace") return Handler::kReplace;
  if (errors == "backslashreplace") return Handler::kBackslashReplace;
  if (errors == "surrogateescape") return Handler::kSurrogateEscape;
  if (errors == "surrogatepass") return Handler::kSurrogatePass;
  if (errors == "xmlcharrefreplace") return Handler::kXmlCharRefReplace;
  return Handler::kUnknown;
}

// An unknown handler is only an error once it is needed, as in CPython.
bool RaiseUnknownHandler(std::string_view errors) {
  RaiseF(g_exc.LookupError, "unknown error handler name '%s'", errors);
  return false;
}

std::string CharEscape(uint32_t cp) {
  if (cp < 0x100) return absl::StrFormat("\\x%02x", cp);
  if (cp < 0x10000) return absl::StrFormat("\\u%04x", cp);
  return absl::StrFormat("\\U%08x", cp);
}

bool IsSurrogate(uint32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

// ---- Encoding ---------------------------------------------------------------

// Sets the attributes CPython's Unicode errors carry on the pending exception.
void AnnotateUnicodeError(const char* codec, Value object, size_t start,
                          size_t end, const char* reason) {
  Value e = FetchError();
  if (e.is_object()) {
    DictObject* d = e.as_object()->EnsureDict();
    d->SetStr(StrObject::Intern("encoding"), StrObject::New(codec));
    d->SetStr(StrObject::Intern("object"), std::move(object));
    d->SetStr(StrObject::Intern("start"),
              Value::Int(static_cast<int64_t>(start)));
    d->SetStr(StrObject::Intern("end"), Value::Int(static_cast<int64_t>(end)));
    d->SetStr(StrObject::Intern("reason"), StrObject::New(reason));
  }
  RestoreError(std::move(e));
}

bool EncodeError(const char* codec, const std::vector<uint32_t>& cps,
                 size_t start, size_t end, const char* reason) {
  if (end - start == 1) {
    RaiseF(g_exc.UnicodeEncodeError,
           "'%s' codec can't encode character '%s' in position %d: %s", codec,
           CharEscape(cps[start]), start, reason);
  } else {
    RaiseF(g_exc.UnicodeEncodeError,
           "'%s' codec can't encode characters in position %d-%d: %s", codec,
           start, end - 1, reason);
  }
  std::string text;
  for (uint32_t cp : cps) AppendUtf8(&text, cp);
  AnnotateUnicodeError(codec, StrObject::New(text), start, end, reason);
  return false;
}

bool Encode(Codec codec, const char* codec_name, std::string_view text,
            std::string_view errors, std::string* out) {
  if (codec == Codec::kUtf8) {
    // Valid UTF-8 without surrogates encodes to itself: check quickly.
    bool clean = true;
    for (size_t i = 0; i + 1 < text.size(); ++i) {
      if (static_cast<unsigned char>(text[i]) == 0xED &&
          (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0xA0) {
        clean = false;
        break;
      }
    }
    if (clean) {
      out->assign(text);
      return true;
    }
  }
  std::vector<uint32_t> cps;
  for (size_t i = 0; i < text.size();) cps.push_back(DecodeUtf8(text, &i));
  uint32_t limit = codec == Codec::kAscii    ? 0x80
                   : codec == Codec::kLatin1 ? 0x100
                                             : 0x110000;
  auto bad = [&](uint32_t cp) {
    return codec == Codec::kUtf8 ? IsSurrogate(cp) : cp >= limit;
  };
  const char* reason = codec == Codec::kUtf8    ? "surrogates not allowed"
                       : codec == Codec::kAscii ? "ordinal not in range(128)"
                                                : "ordinal not in range(256)";
  Handler handler = LookupHandler(errors);
  out->clear();
  for (size_t i = 0; i < cps.size();) {
    uint32_t cp = cps[i];
    if (!bad(cp)) {
      if (codec == Codec::kUtf8) {
        AppendUtf8(out, cp);
      } else {
        out->push_back(static_cast<char>(cp));
      }
      ++i;
      continue;
    }
    // CPython reports (and handles) a run of unencodable characters at once.
    size_t end = i + 1;
    while (end < cps.size() && bad(cps[end])) ++end;
    switch (handler) {
      case Handler::kStrict:
        return EncodeError(codec_name, cps, i, end, reason);
      case Handler::kUnknown:
        return RaiseUnknownHandler(errors);
      case Handler::kIgnore:
        break;
      case Handler::kReplace:
        out->append(end - i, '?');
        break;
      case Handler::kBackslashReplace:
        for (size_t k = i; k < end; ++k) out->append(CharEscape(cps[k]));
        break;
      case Handler::kXmlCharRefReplace:
        for (size_t k = i; k < end; ++k)
          absl::StrAppend(out, "&#", cps[k], ";");
        break;
      case Handler::kSurrogateEscape:
        // U+DC80..U+DCFF stand for the undecodable bytes 0x80..0xFF.
        for (size_t k = i; k < end; ++k) {
          if (cps[k] < 0xDC80 || cps[k] > 0xDCFF) {
            return EncodeError(codec_name, cps, k, k + 1, reason);
          }
          out->push_back(static_cast<char>(cps[k] - 0xDC00));
        }
        break;
      case Handler::kSurrogatePass:
        if (codec != Codec::kUtf8)
          return EncodeError(codec_name, cps, i, end, reason);
        for (size_t k = i; k < end; ++k) AppendUtf8(out, cps[k]);
        break;
    }
    i = end;
  }
  return true;
}

// ---- Decoding ---------------------------------------------------------------

bool DecodeError(const char* codec, std::string_view bytes, size_t start,
                 size_t end, const char* reason) {
  if (end - start == 1) {
    RaiseF(g_exc.UnicodeDecodeError,
           "'%s' codec can't decode byte 0x%02x in position %d: %s", codec,
           static_cast<unsigned char>(bytes[start]), start, reason);
  } else {
    RaiseF(g_exc.UnicodeDecodeError,
           "'%s' codec can't decode bytes in position %d-%d: %s", codec, start,
           end - 1, reason);
  }
  AnnotateUnicodeError(codec, BytesObject::New(std::string(bytes)), start, end,
                       reason);
  return false;
}

// Length of the valid UTF-8 sequence at bytes[i] (> 0), or 0 with *bad_len
// (the maximal invalid prefix, at least 1, as CPython reports it) and *reason
// set. Encoded surrogates are invalid here (surrogatepass accepts them).
size_t Utf8SequenceLength(std::string_view bytes, size_t i, size_t* bad_len,
                          const char** reason) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // Range of the second byte.
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // No surrogates.
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    *bad_len = 1;
    *reason = "invalid start byte";
    return 0;
  }
  for (size_t k = 1; k < need; ++k) {
    if (i + k >= bytes.size()) {
      *bad_len = k;
      *reason = "unexpected end of data";
      return 0;
    }
    unsigned char b = byte(i + k);
    unsigned char min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
    if (b < min || b > max) {
      *bad_len = k;
      *reason = "invalid continuation byte";
      return 0;
    }
  }
  return need;
}

bool Decode(Codec codec, const char* codec_name, std::string_view bytes,
            std::string_view errors, std::string* out) {
  Handler handler = LookupHandler(errors);
  out->clear();
  out->reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    size_t bad_len = 0;
    const char* reason = "ordinal not in range(128)";
    if (codec == Codec::kLatin1) {
      AppendUtf8(out, c);
      ++i;
      continue;
    }
    if (codec == Codec::kAscii) {
      if (c < 0x80) {
        out->push_back(static_cast<char>(c));
        ++i;
        continue;
      }
      bad_len = 1;
    } else {
      size_t len = Utf8SequenceLength(bytes, i, &bad_len, &reason);
      if (len > 0) {
        out->append(bytes.substr(i, len));
        i += len;
        continue;
      }
    }
    switch (handler) {
      case Handler::kStrict:
        return DecodeError(codec_name, bytes, i, i + bad_len, reason);
      case Handler::kUnknown:
        return RaiseUnknownHandler(errors);
      case Handler::kIgnore:
        break;
      case Handler::kReplace:
        AppendUtf8(out, 0xFFFD);
        break;
      case Handler::kBackslashReplace:
        for (size_t k = i; k < i + bad_len; ++k) {
          absl::StrAppendFormat(out, "\\x%02x",
                                static_cast<unsigned char>(bytes[k]));
        }
        break;
      case Handler::kSurrogateEscape:
        for (size_t k = i; k < i + bad_len; ++k) {
          AppendUtf8(out, 0xDC00 + static_cast<unsigned char>(bytes[k]));
        }
        break;
      case Handler::kSurrogatePass: {
        // An encoded surrogate (ED A0..BF xx) is accepted; anything else is
        // an error.
        if (codec == Codec::kUtf8 && c == 0xED && i + 2 < bytes.size() &&
            (static_cast<unsigned char>(bytes[i + 1]) & 0xE0) == 0xA0 &&
            (static_cast<unsigned char>(bytes[i + 2]) & 0xC0) == 0x80) {
          out->append(bytes.substr(i, 3));
          bad_len = 3;
          break;
        }
        return DecodeError(codec_name, bytes, i, i + bad_len, reason);
      }
      case Handler::kXmlCharRefReplace:
        RaiseF(g_exc.TypeError,
               "don't know how to handle UnicodeDecodeError in error callback");
        return false;
    }
    i += bad_len;
  }
  return true;
}

}  // namespace

bool EncodeText(std::string_view text, std::string_view encoding,
                std::string_view errors, std::string* out) {
  const char* name = nullptr;
  Codec codec = LookupCodec(encoding, &name);
  if (codec == Codec::kUnknown) {
    RaiseF(g_exc.LookupError, "unknown encoding: %s", encoding);
    return false;
  }
  return Encode(codec, name, text, errors, out);
}

bool DecodeBytes(std::string_view bytes, std::string_view encoding,
                 std::string_view errors, std::string* out) {
  const char* name = nullptr;
  Codec codec = LookupCodec(encoding, &name);
  if (codec == Codec::kUnknown) {
    RaiseF(g_exc.LookupError, "unknown encoding: %s", encoding);
    return false;
  }
  return Decode(codec, name, bytes, errors, out);
}

}  // namespace minidynamo
