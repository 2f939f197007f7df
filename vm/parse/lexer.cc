#include "vm/parse/lexer.h"

#include <algorithm>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/parse/unicode_data.h"
#include "vm/parse/utf8.h"

namespace minidynamo {
namespace {

constexpr int kEof = -1;
constexpr int kMaxIndent = 100;  // CPython's MAXINDENT
constexpr int kMaxLevel = 200;   // CPython's MAXLEVEL (bracket nesting)
constexpr int kTabSize = 8;

bool IsDigit(int c) { return c >= '0' && c <= '9'; }
bool IsXDigit(int c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool IsIdentStart(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c >= 128;
}
bool IsIdentChar(int c) { return IsIdentStart(c) || IsDigit(c); }

TokenKind OneChar(int c) {
  switch (c) {
    case '(':
      return TokenKind::kLpar;
    case ')':
      return TokenKind::kRpar;
    case '[':
      return TokenKind::kLsqb;
    case ']':
      return TokenKind::kRsqb;
    case ':':
      return TokenKind::kColon;
    case ',':
      return TokenKind::kComma;
    case ';':
      return TokenKind::kSemi;
    case '+':
      return TokenKind::kPlus;
    case '-':
      return TokenKind::kMinus;
    case '*':
      return TokenKind::kStar;
    case '/':
      return TokenKind::kSlash;
    case '|':
      return TokenKind::kVbar;
    case '&':
      return TokenKind::kAmper;
    case '<':
      return TokenKind::kLess;
    case '>':
      return TokenKind::kGreater;
    case '=':
      return TokenKind::kEqual;
    case '.':
      return TokenKind::kDot;
    case '%':
      return TokenKind::kPercent;
    case '{':
      return TokenKind::kLbrace;
    case '}':
      return TokenKind::kRbrace;
    case '~':
      return TokenKind::kTilde;
    case '^':
      return TokenKind::kCircumflex;
    case '@':
      return TokenKind::kAt;
    default:
      return TokenKind::kErrorToken;  // '!', '$', '?', '`': CPython's OP
  }
}

// kErrorToken when (c1, c2) is not an operator.
TokenKind TwoChars(int c1, int c2) {
  switch (c1) {
    case '!':
      if (c2 == '=') return TokenKind::kNotEqual;
      break;
    case '%':
      if (c2 == '=') return TokenKind::kPercentEqual;
      break;
    case '&':
      if (c2 == '=') return TokenKind::kAmperEqual;
      break;
    case '*':
      if (c2 == '*') return TokenKind::kDoubleStar;
      if (c2 == '=') return TokenKind::kStarEqual;
      break;
    case '+':
      if (c2 == '=') return TokenKind::kPlusEqual;
      break;
    case '-':
      if (c2 == '=') return TokenKind::kMinEqual;
      if (c2 == '>') return TokenKind::kRarrow;
      break;
    case '/':
      if (c2 == '/') return TokenKind::kDoubleSlash;
      if (c2 == '=') return TokenKind::kSlashEqual;
      break;
    case ':':
      if (c2 == '=') return TokenKind::kColonEqual;
      break;
    case '<':
      if (c2 == '<') return TokenKind::kLeftShift;
      if (c2 == '=') return TokenKind::kLessEqual;
      // "<>" is NOTEQUAL only under barry_as_FLUFL; otherwise the parser
      // rejects it with "invalid syntax" at this token.
      if (c2 == '>') return TokenKind::kErrorToken;
      break;
    case '=':
      if (c2 == '=') return TokenKind::kEqEqual;
      break;
    case '>':
      if (c2 == '=') return TokenKind::kGreaterEqual;
      if (c2 == '>') return TokenKind::kRightShift;
      break;
    case '@':
      if (c2 == '=') return TokenKind::kAtEqual;
      break;
    case '^':
      if (c2 == '=') return TokenKind::kCircumflexEqual;
      break;
    case '|':
      if (c2 == '=') return TokenKind::kVbarEqual;
      break;
  }
  return TokenKind::kName;  // "not a two-char operator"
}

TokenKind ThreeChars(int c1, int c2, int c3) {
  if (c3 != '=') return TokenKind::kName;
  if (c1 == '*' && c2 == '*') return TokenKind::kDoubleStarEqual;
  if (c1 == '/' && c2 == '/') return TokenKind::kDoubleSlashEqual;
  if (c1 == '<' && c2 == '<') return TokenKind::kLeftShiftEqual;
  if (c1 == '>' && c2 == '>') return TokenKind::kRightShiftEqual;
  return TokenKind::kName;
}

// Emulates CPython's tok_state closely enough that error offsets match: `cur_`
// is tok->cur, `line_start_` tok->line_start, lines are loaded lazily by
// NextC().
class Tokenizer {
 public:
  Tokenizer(LexOutput* out, const LexOptions& options)
      : out_(out),
        buf_(out->source.data()),
        size_(out->source.size()),
        first_lineno_(options.first_lineno),
        first_col_shift_(options.first_line_col_offset) {}

  void Run() {
    out_->tokens.reserve(size_ / 4 + 16);
    while (Next()) {
    }
  }

 private:
  static constexpr size_t kNoPos = static_cast<size_t>(-1);

  int NextC() {
    if (cur_ == line_end_) {
      if (line_end_ >= size_) return kEof;
      line_start_ = cur_;
      ++lineno_;
      line_end_ = static_cast<size_t>(lineno_) < out_->line_starts.size()
                      ? out_->line_starts[lineno_]
                      : size_;
      // CPython keeps its line buffer when a line is read in the middle of a
      // token (a string, a backslash continuation); error texts show it all.
      if (!in_token_) buffer_line_ = lineno_;
      out_->buffer_start_line.push_back(buffer_line_);
    }
    return static_cast<unsigned char>(buf_[cur_++]);
  }

  void Backup(int c) {
    if (c != kEof) --cur_;
  }

  // ---- token emission ----

  int MapLine(int line) const { return line + first_lineno_ - 1; }

  void Emit(TokenKind kind, size_t start, size_t end) {
    Token t;
    t.kind = kind;
    t.level = static_cast<uint16_t>(level_);
    t.start = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(end);
    int line = kind == TokenKind::kString ? string_first_lineno_ : lineno_;
    size_t ls = kind == TokenKind::kString ? string_line_start_ : line_start_;
    // CPython shifts both columns when the tokenizer's current line is the
    // first one of an f-string replacement field's text.
    int shift = lineno_ == 1 ? first_col_shift_ : 0;
    t.lineno = MapLine(line);
    t.col_offset = static_cast<int32_t>(start - ls) + shift;
    t.end_lineno = MapLine(lineno_);
    t.end_col_offset = static_cast<int32_t>(end - line_start_) + shift;
    out_->tokens.push_back(t);
  }

  // INDENT, DEDENT, ENDMARKER: no text; the column is the cursor's, and
  // end_col_offset -1 marks the token as cursor-positioned.
  void EmitSynthetic(TokenKind kind) {
    Token t;
    t.kind = kind;
    t.level = static_cast<uint16_t>(level_);
    t.start = t.end = static_cast<uint32_t>(cur_);
    t.lineno = t.end_lineno = MapLine(lineno_);
    t.col_offset = static_cast<int32_t>(cur_ - line_start_);
    t.end_col_offset = -1;
    out_->tokens.push_back(t);
  }

  // ---- errors ----

  std::string_view CurrentLine() const {
    std::string_view rest(buf_ + line_start_, size_ - line_start_);
    size_t nl = rest.find('\n');
    return nl == std::string_view::npos ? rest : rest.substr(0, nl);
  }

  // The tokenizer's own errors (_syntaxerror_range): the column counts the
  // characters up to the cursor unless given; the text has no newline.
  bool SyntaxErrorRange(const std::string& msg, int col_offset,
                        int end_col_offset) {
    if (col_offset == -1) {
      col_offset = static_cast<int>(utf8::CountChars(
          std::string_view(buf_ + line_start_, cur_ - line_start_)));
    }
    if (end_col_offset == -1) end_col_offset = col_offset;
    SyntaxErrorInfo& e = out_->error;
    e.type = "SyntaxError";
    e.msg = msg;
    e.lineno = e.end_lineno = MapLine(lineno_);
    e.offset = col_offset;
    e.end_offset = end_col_offset;
    e.text = std::string(CurrentLine());
    out_->ok = false;
    return false;
  }
  bool SyntaxError(const std::string& msg) {
    return SyntaxErrorRange(msg, -1, -1);
  }

  // Errors the parser layer raises for a failed tokenizer state: the column
  // passed is already 1-based in bytes (or the raw cursor for -1 tokens), the
  // text keeps its newline, and the offsets are converted to characters.
  bool PegenError(const char* type, const std::string& msg, int offset,
                  int end_offset) {
    SyntaxErrorInfo& e = out_->error;
    e.type = type;
    e.msg = msg;
    e.lineno = e.end_lineno = MapLine(lineno_);
    e.text = out_->BufferText(lineno_);
    e.offset = offset;
    e.end_offset = end_offset;
    if (out_->char_offsets) {
      e.offset = ByteOffsetToCharOffset(e.text, offset);
      if (end_offset > 0)
        e.end_offset = ByteOffsetToCharOffset(e.text, end_offset);
    }
    out_->ok = false;
    return false;
  }

  int CursorCol() const { return static_cast<int>(cur_ - line_start_); }

  bool UnclosedBracketError() {
    SyntaxErrorInfo& e = out_->error;
    char open = paren_stack_[level_ - 1];
    int line = paren_lineno_[level_ - 1];
    e.type = "SyntaxError";
    e.msg = absl::StrFormat("'%c' was never closed", open);
    e.lineno = e.end_lineno = MapLine(line);
    std::string_view text = out_->Line(line);
    e.text = std::string(text);
    if (lineno_ <= line) e.text.push_back('\n');
    e.offset = paren_col_[level_ - 1] + 1;
    if (out_->char_offsets) e.offset = ByteOffsetToCharOffset(e.text, e.offset);
    e.end_offset = 0;
    out_->ok = false;
    return false;
  }

  // ---- pieces of tok_get ----

  // After a backslash: the next character must end the line.
  int ContinuationLine() {
    int c = NextC();
    if (c != '\n') {
      PegenError("SyntaxError",
                 "unexpected character after line continuation character",
                 CursorCol(), 0);
      return -1;
    }
    c = NextC();
    if (c == kEof) {
      cur_ = size_;
      if (level_ > 0) {
        UnclosedBracketError();
      } else {
        PegenError("SyntaxError", "unexpected EOF while parsing", CursorCol(),
                   -1);
      }
      return -1;
    }
    Backup(c);
    return c;
  }

  bool Lookahead(const char* test) {
    const char* s = test;
    bool res = false;
    while (true) {
      int c = NextC();
      if (*s == 0) {
        res = !IsIdentChar(c);
      } else if (c == *s) {
        ++s;
        continue;
      }
      Backup(c);
      while (s != test) Backup(*--s);
      return res;
    }
  }

  // A number may be followed directly by some keywords ("1if x else y", a
  // deprecated form CPython still accepts); any other identifier character is
  // an error.
  bool VerifyEndOfNumber(int c, const char* kind) {
    bool r = false;
    if (c == 'a') {
      r = Lookahead("nd");
    } else if (c == 'e') {
      r = Lookahead("lse");
    } else if (c == 'f') {
      r = Lookahead("or");
    } else if (c == 'i') {
      int c2 = NextC();
      r = c2 == 'f' || c2 == 'n' || c2 == 's';
      Backup(c2);
    } else if (c == 'o') {
      r = Lookahead("r");
    } else if (c == 'n') {
      r = Lookahead("ot");
    }
    if (r) {
      Backup(c);
      NextC();
    } else if (IsIdentChar(c)) {
      Backup(c);
      return SyntaxError(absl::StrCat("invalid ", kind, " literal"));
    }
    return true;
  }

  // Digits with single underscores between them; 0 on error.
  int DecimalTail() {
    int c;
    while (true) {
      do {
        c = NextC();
      } while (IsDigit(c));
      if (c != '_') break;
      c = NextC();
      if (!IsDigit(c)) {
        Backup(c);
        SyntaxError("invalid decimal literal");
        return 0;
      }
    }
    return c;
  }

  bool EmitNumber(int c) {
    Backup(c);
    Emit(TokenKind::kNumber, tok_start_, cur_);
    return true;
  }

  bool Imaginary() {
    int c = NextC();
    if (!VerifyEndOfNumber(c, "imaginary")) return false;
    return EmitNumber(c);
  }

  bool Exponent(int e) {
    int c = NextC();
    if (c == '+' || c == '-') {
      c = NextC();
      if (!IsDigit(c)) {
        Backup(c);
        return SyntaxError("invalid decimal literal");
      }
    } else if (!IsDigit(c)) {
      Backup(c);
      if (!VerifyEndOfNumber(e, "decimal")) return false;
      Backup(e);
      Emit(TokenKind::kNumber, tok_start_, cur_);
      return true;
    }
    c = DecimalTail();
    if (c == 0) return false;
    if (c == 'j' || c == 'J') return Imaginary();
    if (!VerifyEndOfNumber(c, "decimal")) return false;
    return EmitNumber(c);
  }

  bool AfterFraction(int c) {
    if (c == 'e' || c == 'E') return Exponent(c);
    if (c == 'j' || c == 'J') return Imaginary();
    if (!VerifyEndOfNumber(c, "decimal")) return false;
    return EmitNumber(c);
  }

  // `c` is the character after the '.'.
  bool Fraction(int c) {
    if (IsDigit(c)) {
      c = DecimalTail();
      if (c == 0) return false;
    }
    return AfterFraction(c);
  }

  // Radix literals: 0x, 0o, 0b; `c` is the first character after the prefix.
  bool RadixNumber(int c, int radix) {
    const char* kind = radix == 16  ? "hexadecimal"
                       : radix == 8 ? "octal"
                                    : "binary";
    auto in_radix = [radix](int ch) {
      return radix == 16 ? IsXDigit(ch) : ch >= '0' && ch < '0' + radix;
    };
    do {
      if (c == '_') c = NextC();
      if (!in_radix(c)) {
        if (radix != 16 && IsDigit(c)) {
          return SyntaxError(
              absl::StrFormat("invalid digit '%c' in %s literal", c, kind));
        }
        Backup(c);
        return SyntaxError(absl::StrCat("invalid ", kind, " literal"));
      }
      do {
        c = NextC();
      } while (in_radix(c));
    } while (c == '_');
    if (radix != 16 && IsDigit(c)) {
      return SyntaxError(
          absl::StrFormat("invalid digit '%c' in %s literal", c, kind));
    }
    if (!VerifyEndOfNumber(c, kind)) return false;
    return EmitNumber(c);
  }

  bool Number(int c) {
    if (c != '0') {
      c = DecimalTail();
      if (c == 0) return false;
      if (c == '.') return Fraction(NextC());
      return AfterFraction(c);
    }
    c = NextC();
    if (c == 'x' || c == 'X') return RadixNumber(NextC(), 16);
    if (c == 'o' || c == 'O') return RadixNumber(NextC(), 8);
    if (c == 'b' || c == 'B') return RadixNumber(NextC(), 2);
    // "0", "0_0", "0.5", "0e1", "0j"; other leading zeros are an error.
    bool nonzero = false;
    while (true) {
      if (c == '_') {
        c = NextC();
        if (!IsDigit(c)) {
          Backup(c);
          return SyntaxError("invalid decimal literal");
        }
      }
      if (c != '0') break;
      c = NextC();
    }
    size_t zeros_end = cur_;
    if (IsDigit(c)) {
      nonzero = true;
      c = DecimalTail();
      if (c == 0) return false;
    }
    if (c == '.') return Fraction(NextC());
    if (c == 'e' || c == 'E') return Exponent(c);
    if (c == 'j' || c == 'J') return Imaginary();
    if (nonzero) {
      Backup(c);
      return SyntaxErrorRange(
          "leading zeros in decimal integer literals are not permitted; use an "
          "0o prefix for octal integers",
          static_cast<int>(tok_start_ + 1 - line_start_),
          static_cast<int>(zeros_end - line_start_));
    }
    if (!VerifyEndOfNumber(c, "decimal")) return false;
    return EmitNumber(c);
  }

  // `c` is the opening quote; prefix letters (if any) start at tok_start_.
  bool String(int quote) {
    int quote_size = 1;
    int end_quote_size = 0;
    string_first_lineno_ = lineno_;
    string_line_start_ = line_start_;
    int c = NextC();
    if (c == quote) {
      c = NextC();
      if (c == quote) {
        quote_size = 3;
      } else {
        end_quote_size = 1;  // empty string
      }
    }
    if (c != quote) Backup(c);
    while (end_quote_size != quote_size) {
      c = NextC();
      if (c == kEof || (quote_size == 1 && c == '\n')) {
        // Report from the string's first character, on its first line.
        cur_ = tok_start_ + 1;
        line_start_ = string_line_start_;
        int detected = MapLine(lineno_);
        lineno_ = string_first_lineno_;
        return SyntaxError(absl::StrCat(
            quote_size == 3 ? "unterminated triple-quoted string literal"
                            : "unterminated string literal",
            " (detected at line ", detected, ")"));
      }
      if (c == quote) {
        ++end_quote_size;
      } else {
        end_quote_size = 0;
        if (c == '\\') NextC();
      }
    }
    Emit(TokenKind::kString, tok_start_, cur_);
    return true;
  }

  // CPython's verify_identifier: the first character that may not appear in an
  // identifier is reported, with the cursor just after it.
  bool VerifyIdentifier() {
    std::string_view word(buf_ + tok_start_, cur_ - tok_start_);
    size_t i = 0;
    bool first = true;
    while (i < word.size()) {
      char32_t cp = utf8::Next(word, &i);
      bool ok;
      if (cp < 128) {
        ok = IsIdentStart(static_cast<int>(cp)) ||
             (!first && IsDigit(static_cast<int>(cp)));
      } else {
        ok = first ? unicode::IsXidStart(cp) : unicode::IsXidContinue(cp);
      }
      if (!ok) {
        cur_ = tok_start_ + i;
        if (unicode::IsPrintable(cp)) {
          std::string ch;
          utf8::Append(cp, &ch);
          return SyntaxError(absl::StrFormat("invalid character '%s' (U+%04X)",
                                             ch, static_cast<uint32_t>(cp)));
        }
        return SyntaxError(
            absl::StrFormat("invalid non-printable character U+%04X",
                            static_cast<uint32_t>(cp)));
      }
      first = false;
    }
    return true;
  }

  // Produces one token (or a run of pending INDENT/DEDENT); false at the end
  // or on error.
  bool Next() {
    int c;
  nextline:
    in_token_ = false;
    bool blankline = false;
    if (atbol_) {
      int col = 0;
      int altcol = 0;
      int cont_line_col = 0;
      atbol_ = false;
      for (;;) {
        c = NextC();
        if (c == ' ') {
          ++col;
          ++altcol;
        } else if (c == '\t') {
          col = (col / kTabSize + 1) * kTabSize;
          ++altcol;
        } else if (c == '\f') {
          col = altcol = 0;
        } else if (c == '\\') {
          // Only the first backslash-continued indentation counts.
          cont_line_col = cont_line_col ? cont_line_col : col;
          if ((c = ContinuationLine()) == -1) return false;
        } else {
          break;
        }
      }
      Backup(c);
      if (c == '#' || c == '\n') blankline = true;
      if (!blankline && level_ == 0) {
        col = cont_line_col ? cont_line_col : col;
        altcol = cont_line_col ? cont_line_col : altcol;
        if (col == ind_stack_[indent_]) {
          if (altcol != alt_ind_stack_[indent_]) return TabError();
        } else if (col > ind_stack_[indent_]) {
          if (indent_ + 1 >= kMaxIndent) {
            cur_ = line_end_;
            return PegenError("IndentationError",
                              "too many levels of indentation", 1, 0);
          }
          if (altcol <= alt_ind_stack_[indent_]) return TabError();
          ++pendin_;
          ind_stack_[++indent_] = col;
          alt_ind_stack_[indent_] = altcol;
        } else {
          while (indent_ > 0 && col < ind_stack_[indent_]) {
            --pendin_;
            --indent_;
          }
          if (col != ind_stack_[indent_]) {
            cur_ = line_end_;
            return PegenError(
                "IndentationError",
                "unindent does not match any outer indentation level",
                CursorCol(), -1);
          }
          if (altcol != alt_ind_stack_[indent_]) return TabError();
        }
      }
    }

    tok_start_ = cur_;
    if (pendin_ != 0) {
      if (pendin_ < 0) {
        ++pendin_;
        EmitSynthetic(TokenKind::kDedent);
      } else {
        --pendin_;
        EmitSynthetic(TokenKind::kIndent);
      }
      return true;
    }

  again:
    in_token_ = false;
    do {
      c = NextC();
    } while (c == ' ' || c == '\t' || c == '\f');
    tok_start_ = c == kEof ? cur_ : cur_ - 1;
    in_token_ = true;

    if (c == '#') {
      while (c != kEof && c != '\n') c = NextC();
    }

    if (c == kEof) {
      if (level_ > 0) {
        out_->unclosed_bracket = paren_stack_[level_ - 1];
        out_->unclosed_lineno = MapLine(paren_lineno_[level_ - 1]);
        out_->unclosed_col = paren_col_[level_ - 1];
      }
      EmitSynthetic(TokenKind::kEndMarker);
      return false;
    }

    if (IsIdentStart(c)) {
      // String prefixes: any case, at most one of b/u/f, r combines with b or
      // f.
      bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
      while (true) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
          saw_b = true;
        } else if (!(saw_b || saw_u || saw_r || saw_f) &&
                   (c == 'u' || c == 'U')) {
          saw_u = true;
        } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
          saw_r = true;
        } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
          saw_f = true;
        } else {
          break;
        }
        c = NextC();
        if (c == '"' || c == '\'') return String(c);
      }
      bool nonascii = false;
      while (IsIdentChar(c)) {
        if (c >= 128) nonascii = true;
        c = NextC();
      }
      Backup(c);
      if (nonascii && !VerifyIdentifier()) return false;
      TokenKind kind = TokenKind::kName;
      if (!nonascii) {
        kind =
            KeywordKind(std::string_view(buf_ + tok_start_, cur_ - tok_start_));
      }
      Emit(kind, tok_start_, cur_);
      return true;
    }

    if (c == '\n') {
      atbol_ = true;
      if (blankline || level_ > 0) goto nextline;
      Emit(TokenKind::kNewline, tok_start_, cur_ - 1);
      return true;
    }

    if (c == '.') {
      c = NextC();
      if (IsDigit(c)) return Fraction(c);
      if (c == '.') {
        c = NextC();
        if (c == '.') {
          Emit(TokenKind::kEllipsis, tok_start_, cur_);
          return true;
        }
        Backup(c);
        Backup('.');
      } else {
        Backup(c);
      }
      Emit(TokenKind::kDot, tok_start_, cur_);
      return true;
    }

    if (IsDigit(c)) return Number(c);

    if (c == '"' || c == '\'') return String(c);

    if (c == '\\') {
      if (ContinuationLine() == -1) return false;
      goto again;
    }

    {
      int c2 = NextC();
      TokenKind two = TwoChars(c, c2);
      if (two != TokenKind::kName) {
        int c3 = NextC();
        TokenKind three = ThreeChars(c, c2, c3);
        if (three != TokenKind::kName) {
          two = three;
        } else {
          Backup(c3);
        }
        Emit(two, tok_start_, cur_);
        return true;
      }
      Backup(c2);
    }

    switch (c) {
      case '(':
      case '[':
      case '{':
        if (level_ >= kMaxLevel) {
          return SyntaxError("too many nested parentheses");
        }
        paren_stack_[level_] = static_cast<char>(c);
        paren_lineno_[level_] = lineno_;
        paren_col_[level_] = static_cast<int>(tok_start_ - line_start_);
        ++level_;
        break;
      case ')':
      case ']':
      case '}': {
        if (level_ == 0) {
          return SyntaxError(absl::StrFormat("unmatched '%c'", c));
        }
        --level_;
        int open = paren_stack_[level_];
        if (!((open == '(' && c == ')') || (open == '[' && c == ']') ||
              (open == '{' && c == '}'))) {
          if (paren_lineno_[level_] != lineno_) {
            return SyntaxError(absl::StrFormat(
                "closing parenthesis '%c' does not match opening parenthesis "
                "'%c' on line %d",
                c, open, MapLine(paren_lineno_[level_])));
          }
          return SyntaxError(absl::StrFormat(
              "closing parenthesis '%c' does not match opening parenthesis "
              "'%c'",
              c, open));
        }
        break;
      }
    }

    if (c < 0x20 || c == 0x7F) {
      return SyntaxError(
          absl::StrFormat("invalid non-printable character U+%04X", c));
    }

    Emit(OneChar(c), tok_start_, cur_);
    return true;
  }

  bool TabError() {
    cur_ = line_end_;
    return PegenError(
        "TabError", "inconsistent use of tabs and spaces in indentation", 1, 0);
  }

  LexOutput* out_;
  const char* buf_;
  size_t size_;
  int first_lineno_;
  int first_col_shift_;

  size_t cur_ = 0;
  size_t line_start_ = 0;
  size_t line_end_ = 0;
  int lineno_ = 0;
  size_t tok_start_ = 0;

  bool atbol_ = true;
  int indent_ = 0;
  int pendin_ = 0;
  int ind_stack_[kMaxIndent] = {0};
  int alt_ind_stack_[kMaxIndent] = {0};

  int level_ = 0;
  char paren_stack_[kMaxLevel] = {0};
  int paren_lineno_[kMaxLevel] = {0};
  int paren_col_[kMaxLevel] = {0};

  int string_first_lineno_ = 0;
  size_t string_line_start_ = 0;

  bool in_token_ = false;  // CPython's tok->start != NULL
  int buffer_line_ = 1;
};

// BOM, newlines, trailing newline; NUL bytes and invalid UTF-8 are errors.
bool Normalize(std::string_view in, bool implicit_newline, LexOutput* out) {
  if (in.size() >= 3 && in.substr(0, 3) == "\xEF\xBB\xBF") in.remove_prefix(3);
  std::string& s = out->source;
  if (in.find('\r') == std::string_view::npos) {
    s.assign(in.data(), in.size());
  } else {
    s.reserve(in.size());
    for (size_t i = 0; i < in.size(); ++i) {
      if (in[i] == '\r') {
        s.push_back('\n');
        if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
      } else {
        s.push_back(in[i]);
      }
    }
  }
  if (implicit_newline && !s.empty() && s.back() != '\n') s.push_back('\n');

  std::vector<uint32_t>& starts = out->line_starts;
  starts.reserve(s.size() / 32 + 2);
  starts.push_back(0);
  for (const char *p = s.data(), *end = s.data() + s.size();;) {
    const void* nl = std::memchr(p, '\n', end - p);
    if (nl == nullptr) break;
    p = static_cast<const char*>(nl) + 1;
    if (p == end) break;
    starts.push_back(static_cast<uint32_t>(p - s.data()));
  }

  auto line_of = [&](size_t pos) {
    size_t line =
        std::upper_bound(starts.begin(), starts.end(), pos) - starts.begin();
    return static_cast<int>(line);
  };

  size_t nul = s.find('\0');
  if (nul != std::string::npos) {
    // As when CPython runs a file: the line up to the NUL, offset 0.
    int line = line_of(nul);
    SyntaxErrorInfo& e = out->error;
    e.msg = "source code cannot contain null bytes";
    e.lineno = e.end_lineno = line;
    e.offset = e.end_offset = 0;
    e.text = s.substr(starts[line - 1], nul - starts[line - 1]);
    out->ok = false;
    return false;
  }

  size_t pos, len;
  const char* reason;
  if (utf8::FindInvalid(s, &pos, &len, &reason)) {
    int line = line_of(pos);
    size_t col = pos - starts[line - 1];
    SyntaxErrorInfo& e = out->error;
    if (len == 1) {
      e.msg = absl::StrFormat(
          "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position "
          "%d: %s",
          static_cast<unsigned char>(s[pos]), col, reason);
    } else {
      e.msg = absl::StrFormat(
          "(unicode error) 'utf-8' codec can't decode bytes in position %d-%d: "
          "%s",
          col, col + len - 1, reason);
    }
    e.lineno = e.end_lineno = line;
    // The line as CPython shows it, invalid bytes replaced by U+FFFD.
    std::string_view raw = out->Line(line);
    std::string text;
    for (size_t i = 0; i < raw.size();) {
      size_t bad_pos, bad_len;
      const char* why;
      if (utf8::FindInvalid(raw.substr(i), &bad_pos, &bad_len, &why)) {
        text.append(raw.substr(i, bad_pos));
        text.append("\xEF\xBF\xBD");
        i += bad_pos + bad_len;
      } else {
        text.append(raw.substr(i));
        break;
      }
    }
    e.text = text + "\n";
    e.offset = static_cast<int>(utf8::CountChars(raw.substr(0, col))) + 1;
    e.end_offset = -1;
    out->ok = false;
    return false;
  }
  return true;
}

}  // namespace

std::string_view LexOutput::Line(int lineno) const {
  if (lineno < 1 || static_cast<size_t>(lineno) > line_starts.size()) {
    return {};
  }
  size_t begin = line_starts[lineno - 1];
  size_t end = static_cast<size_t>(lineno) < line_starts.size()
                   ? line_starts[lineno]
                   : source.size();
  std::string_view line(source.data() + begin, end - begin);
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  return line;
}

std::string LexOutput::BufferText(int lineno) const {
  int from = lineno;
  if (lineno >= 1 && static_cast<size_t>(lineno) <= buffer_start_line.size()) {
    from = buffer_start_line[lineno - 1];
  }
  std::string text;
  for (int line = std::max(from, 1); line <= lineno; ++line) {
    std::string_view l = Line(line);
    if (l.data() == nullptr) continue;
    text.append(l);
    size_t end = static_cast<size_t>(l.data() - source.data()) + l.size();
    if (end < source.size() && source[end] == '\n') text.push_back('\n');
  }
  return text;
}

int ByteOffsetToCharOffset(std::string_view line, int byte_offset) {
  if (byte_offset <= 0) return byte_offset;
  // CPython decodes the first `offset` bytes of the line (C string, so one
  // byte past the end reads the terminating NUL and counts as a character).
  size_t n = static_cast<size_t>(byte_offset);
  if (n > line.size() + 1) n = line.size() + 1;
  if (n <= line.size()) {
    return static_cast<int>(utf8::CountChars(line.substr(0, n)));
  }
  return static_cast<int>(utf8::CountChars(line)) + 1;
}

LexOutput Tokenize(std::string_view source, const LexOptions& options) {
  LexOutput out;
  out.char_offsets = options.char_offsets;
  if (!Normalize(source, options.implicit_newline, &out)) return out;
  Tokenizer tokenizer(&out, options);
  tokenizer.Run();
  return out;
}

}  // namespace minidynamo
