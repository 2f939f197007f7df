#include "vm/interp/source_file.h"

#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "vm/core/errors.h"
#include "vm/core/object.h"
#include "vm/interp/ops.h"
#include "vm/objects/str.h"
#include "vm/objects/text_codecs.h"

namespace minidynamo {
namespace {

constexpr absl::string_view kBom = "\xEF\xBB\xBF";

bool IsNameChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' ||
         c == '_' || c == '.';
}

// The encoding a line declares (CPython's `^[ \t\f]*#.*?coding[:=][ \t]*
// ([-\w.]+)`), or "" when it declares none. `*comment` says whether the line
// is a comment or blank (only then may the second line declare one).
std::string CodingOf(absl::string_view line, bool* comment) {
  size_t i = 0;
  while (i < line.size() &&
         (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) {
    ++i;
  }
  *comment =
      i == line.size() || line[i] == '#' || line[i] == '\r' || line[i] == '\n';
  if (i == line.size() || line[i] != '#') return "";
  for (size_t at = line.find("coding", i); at != absl::string_view::npos;
       at = line.find("coding", at + 1)) {
    size_t j = at + 6;
    if (j >= line.size() || (line[j] != ':' && line[j] != '=')) continue;
    ++j;
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
    size_t start = j;
    while (j < line.size() && IsNameChar(line[j])) ++j;
    if (j > start) return std::string(line.substr(start, j - start));
  }
  return "";
}

// CPython's get_normal_name: the spellings of utf-8 and latin-1 it folds.
std::string NormalName(const std::string& name) {
  std::string n = absl::AsciiStrToLower(name.substr(0, 12));
  for (char& c : n) {
    if (c == '_') c = '-';
  }
  if (n == "utf-8" || absl::StartsWith(n, "utf-8-")) return "utf-8";
  for (const char* latin : {"latin-1", "iso-8859-1", "iso-latin-1"}) {
    if (n == latin || absl::StartsWith(n, std::string(latin) + "-")) {
      return "iso-8859-1";
    }
  }
  return name;
}

// Offset of the first byte that does not begin a valid UTF-8 sequence, or
// npos.
size_t FirstInvalidUtf8(absl::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    size_t n = c < 0x80         ? 1
               : (c >> 5) == 6  ? 2
               : (c >> 4) == 14 ? 3
               : (c >> 3) == 30 ? 4
                                : 0;
    if (n == 0 || i + n > s.size()) return i;
    uint32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (size_t k = 1; k < n; ++k) {
      unsigned char cc = s[i + k];
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    bool overlong = (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) ||
                    (n == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += n;
  }
  return absl::string_view::npos;
}

bool EncodingProblem(const std::string& what) {
  RaiseF(g_exc.SyntaxError, "encoding problem: %s", what);
  return false;
}

// The coding declaration: on line 1, or on line 2 after a comment line.
std::string DeclaredCoding(absl::string_view text) {
  size_t eol = text.find('\n');
  bool comment = false;
  std::string coding = CodingOf(text.substr(0, eol), &comment);
  if (coding.empty() && comment && eol != absl::string_view::npos) {
    absl::string_view second = text.substr(eol + 1);
    bool unused;
    coding = CodingOf(second.substr(0, second.find('\n')), &unused);
  }
  return coding;
}

}  // namespace

bool DecodeSourceBytes(const std::string& bytes, std::string* out) {
  absl::string_view text = bytes;
  bool bom = absl::StartsWith(text, kBom);
  if (bom) text.remove_prefix(kBom.size());
  std::string coding = DeclaredCoding(text);
  std::string name = coding.empty() ? "utf-8" : NormalName(coding);
  if (bom && name != "utf-8") return EncodingProblem(name + " with BOM");
  std::string_view view(text.data(), text.size());
  if (DecodeBytes(view, name, "strict", out)) return true;
  // compile() words codec failures as the string tokenizer does.
  Value exc = FetchError();
  if (!IsInstance(exc, g_exc.UnicodeDecodeError)) {
    RaiseF(g_exc.SyntaxError, "unknown encoding: %s", coding);
    return false;
  }
  Value text_of = Str(exc);
  if (text_of.is_null()) return false;
  RaiseF(g_exc.SyntaxError, "(unicode error) %s",
         As<StrObject>(text_of)->str());
  return false;
}

bool DecodeSourceFile(const std::string& path, const std::string& bytes,
                      std::string* out) {
  absl::string_view text = bytes;
  bool bom = absl::StartsWith(text, kBom);
  if (bom) text.remove_prefix(kBom.size());
  std::string coding = DeclaredCoding(text);
  if (!coding.empty()) {
    std::string name = NormalName(coding);
    if (name != "utf-8") {
      if (bom) return EncodingProblem(name + " with BOM");
      if (!DecodeBytes(std::string_view(text.data(), text.size()), name,
                       "strict", out)) {
        ClearError();  // an unknown codec or bytes it cannot decode
        return EncodingProblem(name);
      }
      return true;
    }
  }
  size_t bad = FirstInvalidUtf8(text);
  if (bad != absl::string_view::npos && coding.empty()) {
    size_t line = 1;
    for (size_t i = 0; i < bad; ++i) line += text[i] == '\n';
    RaiseF(g_exc.SyntaxError,
           "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
           "but no encoding declared; see https://peps.python.org/pep-0263/ "
           "for details",
           static_cast<unsigned char>(text[bad]), path, line);
    return false;
  }
  // A declared utf-8 file is checked by the lexer, with its positions.
  out->assign(text.data(), text.size());
  return true;
}

}  // namespace minidynamo
