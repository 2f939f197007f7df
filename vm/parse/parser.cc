// Parser plumbing: entry points, token and position helpers, error reporting
// and assignment-target checks. The grammar itself is in parser_expr.cc,
// parser_stmt.cc and parser_strings.cc.
#include "vm/parse/parser.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/parse/ast_dump.h"
#include "vm/parse/lexer.h"
#include "vm/parse/parser_internal.h"
#include "vm/parse/unicode_data.h"
#include "vm/parse/utf8.h"

namespace minidynamo {

using ast::expr;
using ast::ExprKind;

Parser::Parser(const LexOutput* lex, ast::Arena* arena, std::string filename,
               int depth, const FStringOrigin* fstring)
    : lex_(lex),
      toks_(lex->tokens),
      arena_(arena),
      filename_(std::move(filename)),
      fstring_(fstring),
      depth_(depth) {}

// ---------------------------------------------------------------------------
// Entry points

ast::mod* Parser::ParseMod(ParseMode mode) {
  switch (mode) {
    case ParseMode::kExec: {
      auto* m = arena_->New<ast::Module>();
      if (!ParseStatements(&m->body, /*until_dedent=*/false)) {
        ApplyMatchStatementQuirk();
        return nullptr;
      }
      return m;
    }
    case ParseMode::kEval: {
      auto* m = arena_->New<ast::Expression>();
      m->body = ParseExpressions();
      if (m->body == nullptr) return nullptr;
      while (Accept(TokenKind::kNewline)) {
      }
      if (!At(TokenKind::kEndMarker)) return InvalidSyntax();
      return m;
    }
    case ParseMode::kSingle: {
      auto* m = arena_->New<ast::Interactive>();
      interactive_ = true;
      if (At(TokenKind::kEndMarker)) {
        // Only blank lines and comments: CPython reports "invalid syntax" at
        // column 0 of the last line.
        int last = static_cast<int>(lex_->line_starts.size());
        if (lex_->source.empty()) last = 0;
        failed_ = true;
        error_.filename = filename_;
        error_.msg = "invalid syntax";
        error_.lineno = error_.end_lineno = last;
        error_.offset = error_.end_offset = 0;
        error_.text = lex_->BufferText(last);
        return nullptr;
      }
      bool compound = AtMatchStatement();
      switch (Kind()) {
        case TokenKind::kDef:
        case TokenKind::kAt:
        case TokenKind::kClass:
        case TokenKind::kIf:
        case TokenKind::kWhile:
        case TokenKind::kFor:
        case TokenKind::kTry:
        case TokenKind::kWith:
        case TokenKind::kAsync:
          compound = true;
          break;
        default:
          break;
      }
      if (compound) {
        // compound_stmt NEWLINE: nothing may follow the statement.
        if (!ParseStatement(&m->body)) return nullptr;
        Accept(TokenKind::kNewline);
        if (!At(TokenKind::kEndMarker)) return InvalidSyntax();
        return m;
      }
      if (!ParseSimpleStatements(&m->body)) return nullptr;
      if (!At(TokenKind::kEndMarker)) {
        // CPython notices by looking at the text after the NEWLINE it read.
        --pos_;
        return ErrorAtCurrent(
            "multiple statements found while compiling a single statement");
      }
      return m;
    }
  }
  return nullptr;
}

ast::expr* Parser::ParseFStringExpression() {
  expr* e = ParseStarExpressions();
  if (e == nullptr) return nullptr;
  if (!At(TokenKind::kNewline) && !At(TokenKind::kEndMarker)) {
    return InvalidSyntax();
  }
  return e;
}

// ---------------------------------------------------------------------------
// Tokens

TokenKind Parser::KindAt(int ahead) const {
  size_t i = static_cast<size_t>(pos_ + ahead);
  return i < toks_.size() ? toks_[i].kind : TokenKind::kEndMarker;
}

bool Parser::Expect(TokenKind k) {
  if (Accept(k)) return true;
  InvalidSyntax();
  return false;
}

std::string Parser::Identifier(const Token& t) const {
  std::string_view text = Text(t);
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return NormalizeIdentifier(text);
  }
  return std::string(text);
}

bool Parser::CanStartExpression(TokenKind k) {
  switch (k) {
    case TokenKind::kName:
    case TokenKind::kNumber:
    case TokenKind::kString:
    case TokenKind::kLpar:
    case TokenKind::kLsqb:
    case TokenKind::kLbrace:
    case TokenKind::kMinus:
    case TokenKind::kPlus:
    case TokenKind::kTilde:
    case TokenKind::kNot:
    case TokenKind::kLambda:
    case TokenKind::kAwait:
    case TokenKind::kNone:
    case TokenKind::kTrue:
    case TokenKind::kFalse:
    case TokenKind::kEllipsis:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// Positions

const Token& Parser::PrevToken() const {
  for (int i = pos_ - 1; i >= 0; --i) {
    TokenKind k = toks_[i].kind;
    if (k != TokenKind::kNewline && k != TokenKind::kIndent &&
        k != TokenKind::kDedent && k != TokenKind::kEndMarker) {
      return toks_[i];
    }
  }
  return toks_[0];
}

void Parser::SetLoc(ast::Located* node, int start_tok) const {
  const Token& first = toks_[start_tok];
  const Token& last = PrevToken();
  node->lineno = first.lineno;
  node->col_offset = first.col_offset;
  node->end_lineno = last.end_lineno;
  node->end_col_offset = last.end_col_offset;
}

ast::Located Parser::TokenLoc(const Token& t) {
  ast::Located loc;
  loc.lineno = t.lineno;
  loc.col_offset = t.col_offset;
  loc.end_lineno = t.end_lineno;
  loc.end_col_offset = t.end_col_offset;
  return loc;
}

// ---------------------------------------------------------------------------
// Errors

Failure Parser::Raise(const char* type, std::string msg, int lineno, int offset,
                      int end_lineno, int end_offset) {
  if (failed_) return {};
  failed_ = true;
  if (speculating_ > 0) return {};
  error_pos_ = std::max(pos_, furthest_);
  error_token_line_ = toks_[error_pos_].lineno;
  error_in_action_ = in_action_ > 0;
  SyntaxErrorInfo& e = error_;
  e.type = type;
  e.filename = filename_;
  int text_line = lineno;
  if (fstring_ != nullptr) {
    // CPython reports errors inside a replacement field against its "(expr)"
    // text: columns lose the field's shift, the message gains a prefix.
    msg = absl::StrCat("f-string: ", msg);
    offset -= fstring_->starting_col_offset;
    end_offset -= fstring_->starting_col_offset;
    text_line = lineno - fstring_->starting_lineno + 1;
  }
  e.msg = std::move(msg);
  e.lineno = lineno;
  e.end_lineno = end_lineno;
  // The text is the error's line; CPython keeps its newline when the
  // tokenizer has not read past that line.
  int local_cur_line = Cur().end_lineno;
  if (fstring_ != nullptr) {
    local_cur_line = local_cur_line - fstring_->starting_lineno + 1;
  }
  // The tokenizer's current buffer when it has not read past the error's line
  // (with its newline), else just that line.
  e.text = local_cur_line <= text_line ? lex_->BufferText(text_line)
                                       : std::string(lex_->Line(text_line));
  e.offset = offset;
  e.end_offset = end_offset;
  if (lex_->char_offsets) {
    e.offset = ByteOffsetToCharOffset(e.text, offset);
    if (end_offset > 0)
      e.end_offset = ByteOffsetToCharOffset(e.text, end_offset);
  }
  return nullptr;
}

Failure Parser::ErrorAtToken(const Token& t, std::string msg,
                             const char* type) {
  if (t.end_col_offset == -1) {
    // INDENT/DEDENT/ENDMARKER: CPython reports the tokenizer's cursor (and
    // all zeros for empty input).
    return Raise(type, std::move(msg), t.lineno, t.col_offset, t.end_lineno,
                 t.lineno == 0 ? 0 : -1);
  }
  return Raise(type, std::move(msg), t.lineno, t.col_offset + 1, t.end_lineno,
               t.end_col_offset + 1);
}

Failure Parser::ErrorKnownLocation(int lineno, int col, int end_lineno,
                                   int end_col, std::string msg) {
  return Raise("SyntaxError", std::move(msg), lineno, col + 1, end_lineno,
               end_col + 1);
}

Failure Parser::ErrorStartingFrom(const ast::Located& a, const Token& t,
                                  std::string msg) {
  return Raise("SyntaxError", std::move(msg), a.lineno, a.col_offset + 1,
               t.end_lineno, t.end_col_offset);
}

Failure Parser::RecursionError() {
  if (failed_) return {};
  failed_ = true;
  if (speculating_ > 0) return {};
  error_ = SyntaxErrorInfo();
  error_.type = "RecursionError";
  error_.msg = "maximum recursion depth exceeded during compilation";
  error_.filename = filename_;
  error_.has_location = false;
  return nullptr;
}

Failure Parser::UnclosedBracketError() {
  if (failed_) return {};
  failed_ = true;
  if (speculating_ > 0) return {};
  error_token_line_ = Cur().lineno;
  unclosed_error_ = true;
  SyntaxErrorInfo& e = error_;
  e.type = "SyntaxError";
  e.filename = filename_;
  e.msg = absl::StrFormat("'%c' was never closed", lex_->unclosed_bracket);
  e.lineno = e.end_lineno = lex_->unclosed_lineno;
  e.text = std::string(lex_->Line(lex_->unclosed_lineno));
  if (Cur().end_lineno <= lex_->unclosed_lineno) e.text.push_back('\n');
  e.offset = lex_->unclosed_col + 1;
  if (lex_->char_offsets) e.offset = ByteOffsetToCharOffset(e.text, e.offset);
  e.end_offset = 0;
  return nullptr;
}

Failure Parser::InvalidSyntax() {
  if (failed_) return {};
  if (speculating_ > 0) {
    failed_ = true;
    return {};
  }
  // CPython reports the furthest token it has read, which is further than
  // this position when an alternative was tried and abandoned.
  const Token& t = furthest_ > pos_ ? toks_[furthest_] : Cur();
  if (t.kind == TokenKind::kEndMarker && lex_->unclosed_bracket != 0) {
    return UnclosedBracketError();
  }
  if (t.kind == TokenKind::kIndent) {
    return ErrorAtToken(t, "unexpected indent", "IndentationError");
  }
  if (t.kind == TokenKind::kDedent) {
    return ErrorAtToken(t, "unexpected unindent", "IndentationError");
  }
  // invalid_legacy_expression and invalid_expression: an expression that
  // ends right here, followed by something that starts another one.
  if (last_expr_.end == pos_ && last_expr_.node != nullptr &&
      (CanStartExpression(t.kind) || t.kind == TokenKind::kStar)) {
    const Token& first = toks_[last_expr_.start];
    const ast::expr* a = last_expr_.node;
    bool bare_name = first.kind == TokenKind::kName &&
                     last_expr_.end == last_expr_.start + 1;
    std::string_view name = Text(first);
    bool legacy = bare_name && (name == "print" || name == "exec");
    if (legacy) {
      int end = Probe([this] { return ParseStarExpressions(); });
      if (end > 0 && !At(TokenKind::kLpar)) {
        int saved = pos_;
        pos_ = end;
        const Token& b = PrevToken();
        pos_ = saved;
        return ErrorKnownLocation(
            a->lineno, a->col_offset, b.end_lineno, b.end_col_offset,
            absl::StrFormat(
                "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                std::string(name), std::string(name)));
      }
    } else if (CanStartExpression(t.kind)) {
      bool name_string = first.kind == TokenKind::kName &&
                         toks_[last_expr_.start + 1].kind == TokenKind::kString;
      bool soft_keyword = first.kind == TokenKind::kName &&
                          (name == "match" || name == "case" || name == "_");
      if (!name_string && !soft_keyword) {
        int end = Probe([this] { return ParseExpression(); });
        if (end > 0) {
          int saved = pos_;
          pos_ = end;
          const Token& b = PrevToken();
          pos_ = saved;
          if (toks_[end - 1].level > 0) {
            return ErrorKnownLocation(
                a->lineno, a->col_offset, b.end_lineno, b.end_col_offset,
                "invalid syntax. Perhaps you forgot a comma?");
          }
        }
      }
    }
  }
  return ErrorAtToken(t, "invalid syntax");
}

// ---------------------------------------------------------------------------
// Targets

const ast::expr* Parser::InvalidTarget(const expr* e, TargetsType type) const {
  switch (e->kind) {
    case ExprKind::List:
      for (const expr* elt : static_cast<const ast::List*>(e)->elts) {
        if (const expr* bad = InvalidTarget(elt, type)) return bad;
      }
      return nullptr;
    case ExprKind::Tuple:
      for (const expr* elt : static_cast<const ast::Tuple*>(e)->elts) {
        if (const expr* bad = InvalidTarget(elt, type)) return bad;
      }
      return nullptr;
    case ExprKind::Starred:
      if (type == TargetsType::kDel) return e;
      return InvalidTarget(static_cast<const ast::Starred*>(e)->value, type);
    case ExprKind::Compare:
      // `for a in b` parsed as a comparison: look left of the `in`.
      if (type == TargetsType::kFor) {
        auto* c = static_cast<const ast::Compare*>(e);
        if (c->ops[0] == ast::cmpop::In) return InvalidTarget(c->left, type);
        return nullptr;
      }
      return e;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

void Parser::SetContext(expr* e, ast::expr_context ctx) {
  switch (e->kind) {
    case ExprKind::Name:
      static_cast<ast::Name*>(e)->ctx = ctx;
      break;
    case ExprKind::Attribute:
      static_cast<ast::Attribute*>(e)->ctx = ctx;
      break;
    case ExprKind::Subscript:
      static_cast<ast::Subscript*>(e)->ctx = ctx;
      break;
    case ExprKind::Starred: {
      auto* s = static_cast<ast::Starred*>(e);
      s->ctx = ctx;
      SetContext(s->value, ctx);
      break;
    }
    case ExprKind::List: {
      auto* l = static_cast<ast::List*>(e);
      l->ctx = ctx;
      for (expr* elt : l->elts) SetContext(elt, ctx);
      break;
    }
    case ExprKind::Tuple: {
      auto* t = static_cast<ast::Tuple*>(e);
      t->ctx = ctx;
      for (expr* elt : t->elts) SetContext(elt, ctx);
      break;
    }
    default:
      break;
  }
}

bool Parser::SetTargetContext(expr* e, TargetsType type) {
  if (const expr* bad = InvalidTarget(e, type)) {
    ErrorAtNode(*bad,
                absl::StrCat(type == TargetsType::kDel ? "cannot delete "
                                                       : "cannot assign to ",
                             ast::DescribeExpr(bad)));
    return false;
  }
  SetContext(e, type == TargetsType::kDel ? ast::expr_context::Del
                                          : ast::expr_context::Store);
  return true;
}

// ---------------------------------------------------------------------------
// Identifiers

std::string NormalizeIdentifier(std::string_view name) {
  // Per-character NFKC, then canonical composition of adjacent pairs: exact
  // for identifiers in practice (combining sequences beyond pairs are rare).
  std::vector<char32_t> cps;
  size_t i = 0;
  while (i < name.size()) {
    char32_t cp = utf8::Next(name, &i);
    if (const char* mapped = cp >= 0x80 ? unicode::NfkcMapping(cp) : nullptr) {
      std::string_view m(mapped);
      size_t j = 0;
      while (j < m.size()) cps.push_back(utf8::Next(m, &j));
    } else {
      cps.push_back(cp);
    }
  }
  std::vector<char32_t> composed;
  composed.reserve(cps.size());
  for (char32_t cp : cps) {
    if (!composed.empty() && cp >= 0x300) {
      if (char32_t c = unicode::ComposePair(composed.back(), cp)) {
        composed.back() = c;
        continue;
      }
    }
    composed.push_back(cp);
  }
  std::string out;
  for (char32_t cp : composed) utf8::Append(cp, &out);
  return out;
}

// ---------------------------------------------------------------------------
// Public API

absl::StatusOr<ParseResult> Parse(std::string_view source,
                                  std::string_view filename, ParseMode mode,
                                  SyntaxErrorInfo* error) {
  ParseOptions options;
  options.mode = mode;
  return Parse(source, filename, options, error);
}

absl::StatusOr<ParseResult> Parse(std::string_view source,
                                  std::string_view filename,
                                  const ParseOptions& options,
                                  SyntaxErrorInfo* error) {
  auto fail = [&](SyntaxErrorInfo info) -> absl::Status {
    info.filename = std::string(filename);
    std::string message = absl::StrCat(info.type, ": ", info.msg);
    if (info.has_location) {
      absl::StrAppend(&message, " (", std::string(filename), ", line ",
                      info.lineno, ")");
    }
    if (error != nullptr) *error = std::move(info);
    return absl::InvalidArgumentError(message);
  };

  LexOptions lex_options;
  lex_options.char_offsets = options.source_is_str;
  lex_options.implicit_newline = options.mode == ParseMode::kExec;
  LexOutput lex = Tokenize(source, lex_options);
  if (!lex.ok) return fail(lex.error);

  auto arena = std::make_unique<ast::Arena>();
  Parser parser(&lex, arena.get(), std::string(filename));
  ast::mod* tree = parser.ParseMod(options.mode);
  if (tree == nullptr || parser.failed()) {
    SyntaxErrorInfo info = parser.error();
    // A bracket left open on an earlier line explains the failure better.
    if (lex.unclosed_bracket != 0 && info.type != "RecursionError" &&
        parser.error_token_line() > lex.unclosed_lineno) {
      info = SyntaxErrorInfo();
      info.msg = absl::StrFormat("'%c' was never closed", lex.unclosed_bracket);
      info.lineno = info.end_lineno = lex.unclosed_lineno;
      info.text = std::string(lex.Line(lex.unclosed_lineno));
      info.offset = lex.unclosed_col + 1;
      if (lex.char_offsets) {
        info.offset = ByteOffsetToCharOffset(info.text, info.offset);
      }
      info.end_offset = 0;
    }
    return fail(std::move(info));
  }
  return ParseResult(std::move(arena), tree);
}

std::string ParseAndDump(std::string_view source, bool include_attributes) {
  SyntaxErrorInfo error;
  absl::StatusOr<ParseResult> result =
      Parse(source, "<unknown>", ParseMode::kExec, &error);
  if (!result.ok()) return absl::StrCat(error.type, ": ", error.msg);
  return DumpAst(result->tree(), include_attributes);
}

}  // namespace minidynamo
