// Statements: simple statements, assignments, imports, blocks and the
// compound statements.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/parse/parser_internal.h"

namespace minidynamo {

using ast::expr;
using ast::ExprKind;
using ast::stmt;
using K = TokenKind;

// ---------------------------------------------------------------------------
// Statement sequences

bool Parser::ParseStatements(ast::StmtList* out, bool until_dedent) {
  while (!At(K::kEndMarker) && !(until_dedent && At(K::kDedent))) {
    if (!ParseStatement(out)) return false;
  }
  return true;
}

bool Parser::ParseStatement(ast::StmtList* out) {
  int start = pos_;
  stmt* s = nullptr;
  switch (Kind()) {
    case K::kDef:
      s = ParseFunctionDef(start, /*is_async=*/false, {});
      break;
    case K::kAt:
      s = ParseDecorated();
      break;
    case K::kClass:
      s = ParseClassDef(start, {});
      break;
    case K::kIf:
      s = ParseIf();
      break;
    case K::kWhile:
      s = ParseWhile();
      break;
    case K::kFor:
      s = ParseFor(start, /*is_async=*/false);
      break;
    case K::kTry:
      s = ParseTry();
      break;
    case K::kWith:
      s = ParseWith(start, /*is_async=*/false);
      break;
    case K::kAsync:
      switch (KindAt(1)) {
        case K::kDef:
          s = ParseFunctionDef(start, /*is_async=*/true, {});
          break;
        case K::kFor:
          s = ParseFor(start, /*is_async=*/true);
          break;
        case K::kWith:
          s = ParseWith(start, /*is_async=*/true);
          break;
        default:
          Advance();
          return InvalidSyntax();
      }
      break;
    case K::kIndent:
      return ErrorAtToken(Cur(), "unexpected indent", "IndentationError");
    case K::kName:
      if (AtMatchStatement()) {
        s = ParseMatch();
        break;
      }
      if (AtSoftKeyword("match")) {
        if (ParseSimpleStatements(out)) {
          if (!saw_match_expression_) {
            int end = pos_;
            pos_ = start;
            saw_match_expression_ = MatchMissingColon();
            pos_ = end;
          }
          return true;
        }
        // Nothing parses: CPython's error pass tries `match subject` first,
        // so a detailed error in the subject wins, then invalid_match_stmt's
        // "expected ':'" for `match subject NEWLINE`.
        SyntaxErrorInfo saved_error = error_;
        int saved_line = error_token_line_, saved_pos = pos_,
            saved_error_pos = error_pos_;
        bool saved_in_action = error_in_action_,
             saved_unclosed = unclosed_error_;
        failed_ = false;
        pos_ = start;
        Advance();
        if (ParseSubjectExpr() != nullptr) {
          if (At(K::kNewline)) return ErrorAtCurrent("expected ':'");
        } else if (error_.msg != "invalid syntax") {
          return false;
        }
        failed_ = true;
        error_ = saved_error;
        error_token_line_ = saved_line;
        error_pos_ = saved_error_pos;
        error_in_action_ = saved_in_action;
        unclosed_error_ = saved_unclosed;
        pos_ = saved_pos;
        return false;
      }
      return ParseSimpleStatements(out);
    default:
      return ParseSimpleStatements(out);
  }
  if (s == nullptr) return false;
  out->push_back(s);
  return true;
}

bool Parser::ParseSimpleStatements(ast::StmtList* out) {
  while (true) {
    stmt* s = ParseSimpleStatement();
    if (s == nullptr) return false;
    out->push_back(s);
    if (!Accept(K::kSemi) || At(K::kNewline)) break;
  }
  if (Accept(K::kNewline) || (interactive_ && At(K::kEndMarker))) return true;
  return InvalidSyntax();
}

stmt* Parser::ParseSimpleStatement() {
  int start = pos_;
  switch (Kind()) {
    case K::kPass:
      Advance();
      return Make<ast::Pass>(start);
    case K::kBreak:
      Advance();
      return Make<ast::Break>(start);
    case K::kContinue:
      Advance();
      return Make<ast::Continue>(start);
    case K::kReturn:
      return ParseReturn();
    case K::kRaise:
      return ParseRaise();
    case K::kGlobal:
    case K::kNonlocal:
      return ParseGlobalOrNonlocal();
    case K::kDel:
      return ParseDel();
    case K::kAssert:
      return ParseAssert();
    case K::kImport:
      return ParseImport();
    case K::kFrom:
      return ParseFromImport();
    default:
      return ParseExpressionStatement();
  }
}

// ---------------------------------------------------------------------------
// Expression statements and assignments

expr* Parser::ParseAssignmentValue() {
  return At(K::kYield) ? ParseYieldExpr() : ParseStarExpressions();
}

stmt* Parser::ParseExpressionStatement() {
  int start = pos_;
  made_bare_tuple_ = false;
  expr* first = ParseAssignmentValue();
  if (first == nullptr) return nullptr;
  bool bare_tuple = made_bare_tuple_ && first->kind == ExprKind::Tuple;
  switch (Kind()) {
    case K::kEqual:
      return ParseAssignment(start, first);
    case K::kColon:
      if (bare_tuple) {
        return ErrorAtNode(*static_cast<ast::Tuple*>(first)->elts[0],
                           "only single target (not tuple) can be annotated");
      }
      return ParseAnnAssign(start, first);
    case K::kColonEqual: {
      expr* last =
          bare_tuple ? static_cast<ast::Tuple*>(first)->elts.back() : first;
      bool bare_name = last->kind == ExprKind::Name && !IsGroup(last) &&
                       toks_[pos_ - 1].kind == K::kName;
      if (bare_name || last->kind == ExprKind::Starred) return InvalidSyntax();
      return ErrorAtNode(*last,
                         absl::StrCat("cannot use assignment expressions with ",
                                      ast::DescribeExpr(last)));
    }
    case K::kPlusEqual:
    case K::kMinEqual:
    case K::kStarEqual:
    case K::kAtEqual:
    case K::kSlashEqual:
    case K::kPercentEqual:
    case K::kAmperEqual:
    case K::kVbarEqual:
    case K::kCircumflexEqual:
    case K::kLeftShiftEqual:
    case K::kRightShiftEqual:
    case K::kDoubleStarEqual:
    case K::kDoubleSlashEqual:
      return ParseAugAssign(start, first);
    default:
      break;
  }
  auto* s = Make<ast::Expr>(start);
  s->value = first;
  return s;
}

stmt* Parser::ParseAssignment(int start, expr* first) {
  bool first_is_bare_tuple = made_bare_tuple_ && first->kind == ExprKind::Tuple;
  ast::ExprList targets = {first};
  expr* value = nullptr;
  int value_start = pos_;
  while (true) {
    Advance();  // '='
    value_start = pos_;
    expr* v = ParseAssignmentValue();
    if (v == nullptr) return nullptr;
    if (!At(K::kEqual)) {
      value = v;
      break;
    }
    targets.push_back(v);
  }
  for (size_t i = 0; i < targets.size(); ++i) {
    expr* t = targets[i];
    if ((t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom) &&
        !IsGroup(t)) {
      return ErrorAtNode(*t, "assignment to yield expression not possible");
    }
    const expr* bad = InvalidTarget(t, TargetsType::kStar);
    if (bad == nullptr) continue;
    if (targets.size() == 1) {
      // CPython first tries the last element of the target list as a
      // named expression followed by `= bitwise_or` (invalid_named_expression).
      expr* last = first_is_bare_tuple
                       ? static_cast<ast::Tuple*>(first)->elts.back()
                       : first;
      int rhs_end = Probe([this, value_start] {
        pos_ = value_start;
        return ParseBitOr();
      });
      bool rhs_ok = rhs_end > 0 && toks_[rhs_end].kind != K::kEqual &&
                    toks_[rhs_end].kind != K::kColonEqual;
      if (rhs_ok && last->kind != ExprKind::Starred) {
        bool bare_name = last->kind == ExprKind::Name && !IsGroup(last) &&
                         toks_[value_start - 2].kind == K::kName;
        if (bare_name) {
          int saved = pos_;
          pos_ = rhs_end;
          const Token& b = PrevToken();
          pos_ = saved;
          return ErrorKnownLocation(
              last->lineno, last->col_offset, b.end_lineno, b.end_col_offset,
              "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        if (IsBitOrLevel(last) && !StartsWithExcludedAtom(last)) {
          return ErrorAtNode(
              *last,
              absl::StrCat("cannot assign to ", ast::DescribeExpr(last),
                           " here. Maybe you meant '==' instead of '='?"));
        }
      }
    }
    return ErrorAtNode(
        *bad, absl::StrCat("cannot assign to ", ast::DescribeExpr(bad)));
  }
  for (expr* t : targets) SetContext(t, ast::expr_context::Store);
  auto* s = Make<ast::Assign>(start);
  s->targets = std::move(targets);
  s->value = value;
  return s;
}

stmt* Parser::ParseAnnAssign(int start, expr* first) {
  int simple = 0;
  switch (first->kind) {
    case ExprKind::Starred:
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
      return InvalidSyntax();
    case ExprKind::Name:
      simple = toks_[start].kind == K::kName && pos_ == start + 1;
      break;
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      break;
    case ExprKind::List:
      return ErrorAtNode(*first,
                         "only single target (not list) can be annotated");
    case ExprKind::Tuple:
      return ErrorAtNode(*first,
                         "only single target (not tuple) can be annotated");
    default:
      return ErrorAtNode(*first, "illegal target for annotation");
  }
  Advance();  // ':'
  expr* annotation = ParseExpression();
  if (annotation == nullptr) return nullptr;
  expr* value = nullptr;
  if (Accept(K::kEqual)) {
    value = ParseAssignmentValue();
    if (value == nullptr) return nullptr;
  }
  SetContext(first, ast::expr_context::Store);
  auto* s = Make<ast::AnnAssign>(start);
  s->target = first;
  s->annotation = annotation;
  s->value = value;
  s->simple = simple;
  return s;
}

stmt* Parser::ParseAugAssign(int start, expr* first) {
  ast::operator_ op;
  switch (Kind()) {
    case K::kPlusEqual:
      op = ast::operator_::Add;
      break;
    case K::kMinEqual:
      op = ast::operator_::Sub;
      break;
    case K::kStarEqual:
      op = ast::operator_::Mult;
      break;
    case K::kAtEqual:
      op = ast::operator_::MatMult;
      break;
    case K::kSlashEqual:
      op = ast::operator_::Div;
      break;
    case K::kPercentEqual:
      op = ast::operator_::Mod;
      break;
    case K::kAmperEqual:
      op = ast::operator_::BitAnd;
      break;
    case K::kVbarEqual:
      op = ast::operator_::BitOr;
      break;
    case K::kCircumflexEqual:
      op = ast::operator_::BitXor;
      break;
    case K::kLeftShiftEqual:
      op = ast::operator_::LShift;
      break;
    case K::kRightShiftEqual:
      op = ast::operator_::RShift;
      break;
    case K::kDoubleStarEqual:
      op = ast::operator_::Pow;
      break;
    default:
      op = ast::operator_::FloorDiv;
      break;
  }
  if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
      first->kind != ExprKind::Subscript) {
    return ErrorAtNode(
        *first, absl::StrFormat(
                    "'%s' is an illegal expression for augmented assignment",
                    ast::DescribeExpr(first)));
  }
  Advance();
  expr* value = ParseAssignmentValue();
  if (value == nullptr) return nullptr;
  SetContext(first, ast::expr_context::Store);
  auto* s = Make<ast::AugAssign>(start);
  s->target = first;
  s->op = op;
  s->value = value;
  return s;
}

// ---------------------------------------------------------------------------
// Other simple statements

stmt* Parser::ParseReturn() {
  int start = pos_;
  Advance();
  expr* value = nullptr;
  if (CanStartExpression(Kind()) || At(K::kStar)) {
    value = ParseStarExpressions();
    if (value == nullptr) return nullptr;
  }
  auto* s = Make<ast::Return>(start);
  s->value = value;
  return s;
}

stmt* Parser::ParseRaise() {
  int start = pos_;
  Advance();
  expr* exc = nullptr;
  expr* cause = nullptr;
  if (CanStartExpression(Kind())) {
    exc = ParseExpression();
    if (exc == nullptr) return nullptr;
    if (Accept(K::kFrom)) {
      cause = ParseExpression();
      if (cause == nullptr) return nullptr;
    }
  }
  auto* s = Make<ast::Raise>(start);
  s->exc = exc;
  s->cause = cause;
  return s;
}

stmt* Parser::ParseAssert() {
  int start = pos_;
  Advance();
  expr* test = ParseExpression();
  if (test == nullptr) return nullptr;
  expr* msg = nullptr;
  if (Accept(K::kComma)) {
    msg = ParseExpression();
    if (msg == nullptr) return nullptr;
  }
  auto* s = Make<ast::Assert>(start);
  s->test = test;
  s->msg = msg;
  return s;
}

stmt* Parser::ParseGlobalOrNonlocal() {
  int start = pos_;
  bool is_global = At(K::kGlobal);
  Advance();
  std::vector<std::string> names;
  do {
    if (!At(K::kName)) return InvalidSyntax();
    names.push_back(Identifier(Cur()));
    Advance();
  } while (Accept(K::kComma));
  if (is_global) {
    auto* s = Make<ast::Global>(start);
    s->names = std::move(names);
    return s;
  }
  auto* s = Make<ast::Nonlocal>(start);
  s->names = std::move(names);
  return s;
}

stmt* Parser::ParseDel() {
  int start = pos_;
  Advance();
  ast::ExprList targets;
  do {
    if (!CanStartExpression(Kind()) && !At(K::kStar)) {
      if (!targets.empty()) break;  // trailing comma
      return InvalidSyntax();
    }
    expr* e = ParseStarExpression();
    if (e == nullptr) return nullptr;
    targets.push_back(e);
  } while (Accept(K::kComma));
  for (expr* t : targets) {
    if (!SetTargetContext(t, TargetsType::kDel)) return nullptr;
  }
  if (!At(K::kSemi) && !At(K::kNewline)) return InvalidSyntax();
  auto* s = Make<ast::Delete>(start);
  s->targets = std::move(targets);
  return s;
}

// ---------------------------------------------------------------------------
// Imports

ast::alias* Parser::ParseDottedAsName() {
  int start = pos_;
  if (!At(K::kName)) return InvalidSyntax();
  std::string name = Identifier(Cur());
  Advance();
  while (Accept(K::kDot)) {
    if (!At(K::kName)) return InvalidSyntax();
    absl::StrAppend(&name, ".", Identifier(Cur()));
    Advance();
  }
  auto* a = arena_->New<ast::alias>();
  a->name = std::move(name);
  if (Accept(K::kAs)) {
    if (!At(K::kName)) return InvalidSyntax();
    a->asname = Identifier(Cur());
    Advance();
  }
  SetLoc(a, start);
  return a;
}

stmt* Parser::ParseImport() {
  int start = pos_;
  Advance();
  std::vector<ast::alias*> names;
  do {
    ast::alias* a = ParseDottedAsName();
    if (a == nullptr) return nullptr;
    names.push_back(a);
  } while (Accept(K::kComma));
  auto* s = Make<ast::Import>(start);
  s->names = std::move(names);
  return s;
}

stmt* Parser::ParseFromImport() {
  int start = pos_;
  Advance();
  int level = 0;
  while (At(K::kDot) || At(K::kEllipsis)) {
    level += At(K::kDot) ? 1 : 3;
    Advance();
  }
  std::string module;
  if (At(K::kName)) {
    module = Identifier(Cur());
    Advance();
    while (Accept(K::kDot)) {
      if (!At(K::kName)) return InvalidSyntax();
      absl::StrAppend(&module, ".", Identifier(Cur()));
      Advance();
    }
  } else if (level == 0) {
    return InvalidSyntax();
  }
  if (!Expect(K::kImport)) return nullptr;
  std::vector<ast::alias*> names;
  if (At(K::kStar)) {
    int star = pos_;
    Advance();
    auto* a = Make<ast::alias>(star);
    a->name = "*";
    names.push_back(a);
  } else {
    bool parenthesized = Accept(K::kLpar);
    while (true) {
      int astart = pos_;
      if (!At(K::kName)) return InvalidSyntax();
      auto* a = arena_->New<ast::alias>();
      a->name = Identifier(Cur());
      Advance();
      if (Accept(K::kAs)) {
        if (!At(K::kName)) return InvalidSyntax();
        a->asname = Identifier(Cur());
        Advance();
      }
      SetLoc(a, astart);
      names.push_back(a);
      if (!At(K::kComma) || KindAt(1) != K::kName) break;
      Advance();
    }
    if (parenthesized) {
      Accept(K::kComma);
      if (!Expect(K::kRpar)) return nullptr;
    } else if (At(K::kComma)) {
      Advance();
      if (At(K::kNewline)) {
        return ErrorAtCurrent(
            "trailing comma not allowed without surrounding parentheses");
      }
      return InvalidSyntax();
    }
  }
  auto* s = Make<ast::ImportFrom>(start);
  s->module = std::move(module);
  s->names = std::move(names);
  s->level = level;
  return s;
}

// ---------------------------------------------------------------------------
// Blocks

bool Parser::ExpectColon(bool forced) {
  if (Accept(K::kColon)) return true;
  if (forced) {
    ActionScope first_pass(this);  // a forced token (&&':') fails at once
    return ErrorAtCurrent("expected ':'");
  }
  if (At(K::kNewline)) return ErrorAtCurrent("expected ':'");
  return InvalidSyntax();
}

bool Parser::ParseBlock(ast::StmtList* out, const char* what, int header_line) {
  if (!Accept(K::kNewline)) return ParseSimpleStatements(out);
  if (!At(K::kIndent)) {
    return ErrorAtToken(
        Cur(),
        absl::StrFormat("expected an indented block after %s on line %d", what,
                        header_line),
        "IndentationError");
  }
  Advance();
  if (!ParseStatements(out, /*until_dedent=*/true)) return false;
  if (Accept(K::kDedent) || (interactive_ && At(K::kEndMarker))) return true;
  return InvalidSyntax();
}

// ---------------------------------------------------------------------------
// Compound statements

stmt* Parser::ParseIf() {
  // if/elif chains are built bottom-up so long chains need no recursion.
  struct Clause {
    int start;
    expr* test;
    ast::StmtList body;
  };
  std::vector<Clause> clauses;
  do {
    Clause c;
    c.start = pos_;
    const char* what = At(K::kIf) ? "'if' statement" : "'elif' statement";
    int line = Cur().lineno;
    Advance();
    c.test = ParseNamedExpression();
    if (c.test == nullptr || !ExpectColon(false) ||
        !ParseBlock(&c.body, what, line)) {
      return nullptr;
    }
    clauses.push_back(std::move(c));
  } while (At(K::kElif));
  ast::StmtList orelse;
  if (At(K::kElse)) {
    int line = Cur().lineno;
    Advance();
    if (!ExpectColon(true) || !ParseBlock(&orelse, "'else' statement", line)) {
      return nullptr;
    }
  }
  for (size_t i = clauses.size(); i-- > 0;) {
    auto* node = Make<ast::If>(clauses[i].start);
    node->test = clauses[i].test;
    node->body = std::move(clauses[i].body);
    node->orelse = std::move(orelse);
    orelse = ast::StmtList{node};
  }
  return orelse[0];
}

stmt* Parser::ParseWhile() {
  int start = pos_;
  int line = Cur().lineno;
  Advance();
  auto* s = arena_->New<ast::While>();
  s->test = ParseNamedExpression();
  if (s->test == nullptr || !ExpectColon(false) ||
      !ParseBlock(&s->body, "'while' statement", line)) {
    return nullptr;
  }
  if (At(K::kElse)) {
    int else_line = Cur().lineno;
    Advance();
    if (!ExpectColon(true) ||
        !ParseBlock(&s->orelse, "'else' statement", else_line)) {
      return nullptr;
    }
  }
  SetLoc(s, start);
  return s;
}

stmt* Parser::ParseFor(int start, bool is_async) {
  if (is_async) Advance();
  int line = Cur().lineno;
  Advance();
  expr* target = ParseTargetList(TargetsType::kFor);
  if (target == nullptr || !Expect(K::kIn)) return nullptr;
  expr* iter = ParseStarExpressions();
  if (iter == nullptr || !ExpectColon(false)) return nullptr;
  ast::StmtList body, orelse;
  if (!ParseBlock(&body, "'for' statement", line)) return nullptr;
  if (At(K::kElse)) {
    int else_line = Cur().lineno;
    Advance();
    if (!ExpectColon(true) ||
        !ParseBlock(&orelse, "'else' statement", else_line)) {
      return nullptr;
    }
  }
  if (is_async) {
    auto* s = Make<ast::AsyncFor>(start);
    s->target = target;
    s->iter = iter;
    s->body = std::move(body);
    s->orelse = std::move(orelse);
    return s;
  }
  auto* s = Make<ast::For>(start);
  s->target = target;
  s->iter = iter;
  s->body = std::move(body);
  s->orelse = std::move(orelse);
  return s;
}

bool Parser::ParseWithItems(bool parenthesized,
                            std::vector<ast::withitem*>* items) {
  while (true) {
    auto* item = arena_->New<ast::withitem>();
    item->context_expr = ParseExpression();
    if (item->context_expr == nullptr) return false;
    if (Accept(K::kAs)) {
      int tstart = pos_;
      expr* target;
      if (At(K::kStar)) {
        Advance();
        expr* value = ParseExpression();
        if (value == nullptr) return false;
        auto* s = Make<ast::Starred>(tstart);
        s->value = value;
        target = s;
      } else {
        target = ParseExpression();
        if (target == nullptr) return false;
      }
      if (!SetTargetContext(target, TargetsType::kStar)) return false;
      if (!At(K::kComma) && !At(K::kRpar) && !At(K::kColon) &&
          !At(K::kNewline)) {
        return InvalidSyntax();
      }
      item->optional_vars = target;
    }
    items->push_back(item);
    if (!Accept(K::kComma)) break;
    if (parenthesized && At(K::kRpar)) break;
  }
  return !parenthesized || Expect(K::kRpar);
}

stmt* Parser::ParseWith(int start, bool is_async) {
  if (is_async) Advance();
  int line = Cur().lineno;
  Advance();
  std::vector<ast::withitem*> items;
  bool parsed = false;
  if (At(K::kLpar)) {
    // `with (a, b as c):` lists items in parentheses; when that reading fails
    // (`with (a, b) as c:`), the parenthesis belongs to the first expression.
    int saved = pos_;
    ++speculating_;
    Advance();
    parsed = ParseWithItems(/*parenthesized=*/true, &items) && !failed_ &&
             At(K::kColon);
    --speculating_;
    if (!parsed) {
      furthest_ = std::max(furthest_, pos_);
      pos_ = saved;
      failed_ = false;
      items.clear();
    }
  }
  if (!parsed && !ParseWithItems(/*parenthesized=*/false, &items)) {
    return nullptr;
  }
  if (!ExpectColon(false)) return nullptr;
  ast::StmtList body;
  if (!ParseBlock(&body, "'with' statement", line)) return nullptr;
  if (is_async) {
    auto* s = Make<ast::AsyncWith>(start);
    s->items = std::move(items);
    s->body = std::move(body);
    return s;
  }
  auto* s = Make<ast::With>(start);
  s->items = std::move(items);
  s->body = std::move(body);
  return s;
}

stmt* Parser::ParseTry() {
  int start = pos_;
  int line = Cur().lineno;
  Advance();
  ast::StmtList body, orelse, finalbody;
  std::vector<ast::ExceptHandler*> handlers;
  if (!ExpectColon(true) || !ParseBlock(&body, "'try' statement", line)) {
    return nullptr;
  }
  bool star_kind = false;
  while (At(K::kExcept)) {
    int hstart = pos_;
    const Token& except_tok = Cur();
    int hline = except_tok.lineno;
    Advance();
    bool star = false;
    if (At(K::kStar)) {
      if (!handlers.empty() && !star_kind) {
        return ErrorRange(TokenLoc(except_tok), TokenLoc(Cur()),
                          "cannot have both 'except' and 'except*' on the same "
                          "'try'");
      }
      star = true;
      Advance();
    } else if (!handlers.empty() && star_kind) {
      return ErrorAtToken(except_tok,
                          "cannot have both 'except' and 'except*' on the same "
                          "'try'");
    }
    star_kind = star;
    auto* h = arena_->New<ast::ExceptHandler>();
    if (star && (At(K::kColon) || At(K::kNewline))) {
      return ErrorAtCurrent("expected one or more exception types");
    }
    if (CanStartExpression(Kind())) {
      h->type = ParseExpression();
      if (h->type == nullptr) return nullptr;
      if (At(K::kComma)) {
        // `except A, B:` (Python 2 spelling).
        int end = Probe([this] {
          Advance();
          if (ParseExpressions() == nullptr) return false;
          if (Accept(K::kAs) && !Accept(K::kName)) return false;
          return At(K::kColon);
        });
        if (end > 0) {
          return ErrorStartingFrom(
              *h->type, toks_[end],
              "multiple exception types must be parenthesized");
        }
        return InvalidSyntax();
      }
      if (Accept(K::kAs)) {
        if (!At(K::kName)) return InvalidSyntax();
        h->name = Identifier(Cur());
        Advance();
      }
    }
    if (!ExpectColon(false) ||
        !ParseBlock(&h->body,
                    star ? "'except*' statement" : "'except' statement",
                    hline)) {
      return nullptr;
    }
    SetLoc(h, hstart);
    handlers.push_back(h);
  }
  if (!handlers.empty() && At(K::kElse)) {
    int else_line = Cur().lineno;
    Advance();
    if (!ExpectColon(true) ||
        !ParseBlock(&orelse, "'else' statement", else_line)) {
      return nullptr;
    }
  }
  if (At(K::kFinally)) {
    int finally_line = Cur().lineno;
    Advance();
    if (!ExpectColon(true) ||
        !ParseBlock(&finalbody, "'finally' statement", finally_line)) {
      return nullptr;
    }
  }
  if (handlers.empty() && finalbody.empty()) {
    return ErrorAtCurrent("expected 'except' or 'finally' block");
  }
  if (star_kind) {
    auto* s = Make<ast::TryStar>(start);
    s->body = std::move(body);
    s->handlers = std::move(handlers);
    s->orelse = std::move(orelse);
    s->finalbody = std::move(finalbody);
    return s;
  }
  auto* s = Make<ast::Try>(start);
  s->body = std::move(body);
  s->handlers = std::move(handlers);
  s->orelse = std::move(orelse);
  s->finalbody = std::move(finalbody);
  return s;
}

stmt* Parser::ParseFunctionDef(int start, bool is_async,
                               ast::ExprList decorators) {
  if (is_async) Advance();
  int line = Cur().lineno;
  Advance();  // def
  if (!At(K::kName)) return InvalidSyntax();
  std::string name = Identifier(Cur());
  Advance();
  if (!At(K::kLpar)) {
    ActionScope first_pass(this);  // a forced token (&&'(') fails at once
    return ErrorAtCurrent("expected '('");
  }
  Advance();
  ast::arguments* args = ParseParameters(K::kRpar, /*is_lambda=*/false);
  if (args == nullptr || !Expect(K::kRpar)) return nullptr;
  expr* returns = nullptr;
  if (Accept(K::kRarrow)) {
    returns = ParseExpression();
    if (returns == nullptr) return nullptr;
  }
  ast::StmtList body;
  if (!ExpectColon(true) || !ParseBlock(&body, "function definition", line)) {
    return nullptr;
  }
  if (is_async) {
    auto* s = Make<ast::AsyncFunctionDef>(start);
    s->name = std::move(name);
    s->args = args;
    s->body = std::move(body);
    s->decorator_list = std::move(decorators);
    s->returns = returns;
    return s;
  }
  auto* s = Make<ast::FunctionDef>(start);
  s->name = std::move(name);
  s->args = args;
  s->body = std::move(body);
  s->decorator_list = std::move(decorators);
  s->returns = returns;
  return s;
}

stmt* Parser::ParseClassDef(int start, ast::ExprList decorators) {
  int line = Cur().lineno;
  Advance();  // class
  if (!At(K::kName)) return InvalidSyntax();
  auto* s = arena_->New<ast::ClassDef>();
  s->name = Identifier(Cur());
  Advance();
  if (At(K::kLpar)) {
    int open = pos_;
    Advance();
    if (!ParseArguments(open, /*allow_genexp=*/false, &s->bases,
                        &s->keywords)) {
      return nullptr;
    }
  }
  if (!ExpectColon(false) || !ParseBlock(&s->body, "class definition", line)) {
    return nullptr;
  }
  s->decorator_list = std::move(decorators);
  SetLoc(s, start);
  return s;
}

stmt* Parser::ParseDecorated() {
  ast::ExprList decorators;
  while (Accept(K::kAt)) {
    expr* d = ParseNamedExpression();
    if (d == nullptr || !Expect(K::kNewline)) return nullptr;
    decorators.push_back(d);
  }
  int start = pos_;
  if (At(K::kDef)) return ParseFunctionDef(start, false, std::move(decorators));
  if (At(K::kAsync) && KindAt(1) == K::kDef) {
    return ParseFunctionDef(start, true, std::move(decorators));
  }
  if (At(K::kClass)) return ParseClassDef(start, std::move(decorators));
  return InvalidSyntax();
}

}  // namespace minidynamo
