// Token kinds and the token record the lexer hands to the parser.
//
// Kinds follow CPython 3.11's C tokenizer as the parser sees it: no COMMENT or
// NL tokens (comments and blank lines vanish), each operator and each keyword
// has its own kind so the parser switches on one byte. `TokenKindName` gives
// the name the `token` module uses (keywords report NAME, as tokenize.py does).
#ifndef MINIDYNAMO_VM_PARSE_TOKEN_H_
#define MINIDYNAMO_VM_PARSE_TOKEN_H_

#include <cstdint>
#include <string_view>

namespace minidynamo {

// X(enumerator, token-module name, source text or "")
#define MINIDYNAMO_TOKEN_KINDS(X)                 \
  X(kEndMarker, "ENDMARKER", "")                  \
  X(kName, "NAME", "")                            \
  X(kNumber, "NUMBER", "")                        \
  X(kString, "STRING", "")                        \
  X(kNewline, "NEWLINE", "")                      \
  X(kIndent, "INDENT", "")                        \
  X(kDedent, "DEDENT", "")                        \
  X(kLpar, "LPAR", "(")                           \
  X(kRpar, "RPAR", ")")                           \
  X(kLsqb, "LSQB", "[")                           \
  X(kRsqb, "RSQB", "]")                           \
  X(kColon, "COLON", ":")                         \
  X(kComma, "COMMA", ",")                         \
  X(kSemi, "SEMI", ";")                           \
  X(kPlus, "PLUS", "+")                           \
  X(kMinus, "MINUS", "-")                         \
  X(kStar, "STAR", "*")                           \
  X(kSlash, "SLASH", "/")                         \
  X(kVbar, "VBAR", "|")                           \
  X(kAmper, "AMPER", "&")                         \
  X(kLess, "LESS", "<")                           \
  X(kGreater, "GREATER", ">")                     \
  X(kEqual, "EQUAL", "=")                         \
  X(kDot, "DOT", ".")                             \
  X(kPercent, "PERCENT", "%")                     \
  X(kLbrace, "LBRACE", "{")                       \
  X(kRbrace, "RBRACE", "}")                       \
  X(kEqEqual, "EQEQUAL", "==")                    \
  X(kNotEqual, "NOTEQUAL", "!=")                  \
  X(kLessEqual, "LESSEQUAL", "<=")                \
  X(kGreaterEqual, "GREATEREQUAL", ">=")          \
  X(kTilde, "TILDE", "~")                         \
  X(kCircumflex, "CIRCUMFLEX", "^")               \
  X(kLeftShift, "LEFTSHIFT", "<<")                \
  X(kRightShift, "RIGHTSHIFT", ">>")              \
  X(kDoubleStar, "DOUBLESTAR", "**")              \
  X(kPlusEqual, "PLUSEQUAL", "+=")                \
  X(kMinEqual, "MINEQUAL", "-=")                  \
  X(kStarEqual, "STAREQUAL", "*=")                \
  X(kSlashEqual, "SLASHEQUAL", "/=")              \
  X(kPercentEqual, "PERCENTEQUAL", "%=")          \
  X(kAmperEqual, "AMPEREQUAL", "&=")              \
  X(kVbarEqual, "VBAREQUAL", "|=")                \
  X(kCircumflexEqual, "CIRCUMFLEXEQUAL", "^=")    \
  X(kLeftShiftEqual, "LEFTSHIFTEQUAL", "<<=")     \
  X(kRightShiftEqual, "RIGHTSHIFTEQUAL", ">>=")   \
  X(kDoubleStarEqual, "DOUBLESTAREQUAL", "**=")   \
  X(kDoubleSlash, "DOUBLESLASH", "//")            \
  X(kDoubleSlashEqual, "DOUBLESLASHEQUAL", "//=") \
  X(kAt, "AT", "@")                               \
  X(kAtEqual, "ATEQUAL", "@=")                    \
  X(kRarrow, "RARROW", "->")                      \
  X(kEllipsis, "ELLIPSIS", "...")                 \
  X(kColonEqual, "COLONEQUAL", ":=")              \
  X(kErrorToken, "OP", "")                        \
  X(kFalse, "NAME", "False")                      \
  X(kNone, "NAME", "None")                        \
  X(kTrue, "NAME", "True")                        \
  X(kAnd, "NAME", "and")                          \
  X(kAs, "NAME", "as")                            \
  X(kAssert, "NAME", "assert")                    \
  X(kAsync, "NAME", "async")                      \
  X(kAwait, "NAME", "await")                      \
  X(kBreak, "NAME", "break")                      \
  X(kClass, "NAME", "class")                      \
  X(kContinue, "NAME", "continue")                \
  X(kDef, "NAME", "def")                          \
  X(kDel, "NAME", "del")                          \
  X(kElif, "NAME", "elif")                        \
  X(kElse, "NAME", "else")                        \
  X(kExcept, "NAME", "except")                    \
  X(kFinally, "NAME", "finally")                  \
  X(kFor, "NAME", "for")                          \
  X(kFrom, "NAME", "from")                        \
  X(kGlobal, "NAME", "global")                    \
  X(kIf, "NAME", "if")                            \
  X(kImport, "NAME", "import")                    \
  X(kIn, "NAME", "in")                            \
  X(kIs, "NAME", "is")                            \
  X(kLambda, "NAME", "lambda")                    \
  X(kNonlocal, "NAME", "nonlocal")                \
  X(kNot, "NAME", "not")                          \
  X(kOr, "NAME", "or")                            \
  X(kPass, "NAME", "pass")                        \
  X(kRaise, "NAME", "raise")                      \
  X(kReturn, "NAME", "return")                    \
  X(kTry, "NAME", "try")                          \
  X(kWhile, "NAME", "while")                      \
  X(kWith, "NAME", "with")                        \
  X(kYield, "NAME", "yield")

enum class TokenKind : uint8_t {
#define MINIDYNAMO_TOKEN_ENUM(e, name, text) e,
  MINIDYNAMO_TOKEN_KINDS(MINIDYNAMO_TOKEN_ENUM)
#undef MINIDYNAMO_TOKEN_ENUM
};

// First and last keyword kinds (keywords are contiguous, False..yield).
inline constexpr TokenKind kFirstKeyword = TokenKind::kFalse;
inline constexpr TokenKind kLastKeyword = TokenKind::kYield;

inline bool IsKeyword(TokenKind k) {
  return k >= kFirstKeyword && k <= kLastKeyword;
}

// "NAME", "OP"-style names as Python's token module spells them ("LPAR", ...).
std::string_view TokenKindName(TokenKind kind);
// The fixed source text of an operator or keyword; "" for the others.
std::string_view TokenKindText(TokenKind kind);
// The keyword kind for an identifier, or kName.
TokenKind KeywordKind(std::string_view word);

// One token. Lines are 1-based, columns are 0-based UTF-8 byte offsets in their
// line, as in CPython's AST. NEWLINE tokens are zero-width at the line end (a
// trailing comment is part of them, as in CPython). INDENT, DEDENT and
// ENDMARKER carry no text: for them `col_offset` is where the tokenizer's
// cursor stood, which is what CPython reports for errors found at such a token.
struct Token {
  TokenKind kind = TokenKind::kEndMarker;
  uint16_t level = 0;  // bracket nesting depth after this token
  uint32_t start = 0;  // byte range in the lexer's (normalized) source
  uint32_t end = 0;
  int32_t lineno = 0;
  int32_t col_offset = 0;
  int32_t end_lineno = 0;
  int32_t end_col_offset = 0;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_PARSE_TOKEN_H_
