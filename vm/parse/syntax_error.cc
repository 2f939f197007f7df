#include "vm/parse/syntax_error.h"

#include "absl/strings/str_cat.h"
#include "vm/parse/utf8.h"

namespace minidynamo {
namespace {

// Byte offset of the `n`th character of `s` (or its size).
size_t CharToByte(std::string_view s, int n) {
  size_t i = 0;
  while (n > 0 && i < s.size()) {
    utf8::Next(s, &i);
    --n;
  }
  return i;
}

}  // namespace

// Follows traceback.TracebackException._format_syntax_error of CPython 3.11.
std::string SyntaxErrorInfo::Format() const {
  std::string out;
  std::string suffix;
  if (has_location) {
    absl::StrAppend(&out, "  File \"", filename.empty() ? "<string>" : filename,
                    "\", line ", lineno, "\n");
  } else if (!filename.empty()) {
    suffix = absl::StrCat(" (", filename, ")");
  }
  if (has_location) {
    std::string_view rtext = text;
    while (!rtext.empty() && rtext.back() == '\n') rtext.remove_suffix(1);
    std::string_view ltext = rtext;
    while (!ltext.empty() &&
           (ltext[0] == ' ' || ltext[0] == '\n' || ltext[0] == '\f')) {
      ltext.remove_prefix(1);
    }
    int spaces = static_cast<int>(rtext.size() - ltext.size());
    absl::StrAppend(&out, "    ", std::string(ltext), "\n");
    int start = offset;
    int end = (end_offset == 0) ? start : end_offset;
    if (start == end || end == -1) end = start + 1;
    int colno = start - 1 - spaces;
    int end_colno = end - 1 - spaces;
    if (colno >= 0) {
      // Keep tabs and other whitespace so the caret lines up.
      std::string caret_line = "    ";
      std::string_view prefix = ltext.substr(0, CharToByte(ltext, colno));
      size_t i = 0;
      while (i < prefix.size()) {
        char32_t cp = utf8::Next(prefix, &i);
        caret_line.push_back(cp == '\t' || cp == '\f' || cp == '\v'
                                 ? static_cast<char>(cp)
                                 : ' ');
      }
      if (end_colno > colno) caret_line.append(end_colno - colno, '^');
      absl::StrAppend(&out, caret_line, "\n");
    }
  }
  absl::StrAppend(&out, type, ": ", msg.empty() ? "<no detail available>" : msg,
                  suffix);
  return out;
}

}  // namespace minidynamo
