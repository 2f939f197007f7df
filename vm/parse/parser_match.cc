// Match statements (PEP 634): the soft keywords `match` and `case`, and the
// pattern rules of CPython 3.11's grammar (match_stmt ... keyword_pattern),
// with its invalid_* messages ("expected ':'", "cannot use '_' as a target",
// "positional patterns follow keyword patterns", ...). Errors CPython finds
// in its compiler (unreachable patterns, duplicate names) are vm/compile's.
#include <algorithm>

#include "absl/strings/str_format.h"
#include "vm/parse/number_literal.h"
#include "vm/parse/parser_internal.h"

namespace minidynamo {

using ast::expr;
using ast::pattern;
using K = TokenKind;

bool Parser::AtSoftKeyword(std::string_view word) const {
  return At(K::kName) && Text(Cur()) == word;
}

bool Parser::CanStartPattern(TokenKind k) {
  switch (k) {
    case K::kName:
    case K::kNumber:
    case K::kString:
    case K::kMinus:
    case K::kLpar:
    case K::kLsqb:
    case K::kLbrace:
    case K::kNone:
    case K::kTrue:
    case K::kFalse:
    case K::kStar:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// The statement

bool Parser::AtMatchStatement() {
  if (!AtSoftKeyword("match")) return false;
  int stop = pos_;
  bool ok = Probe([this, &stop] {
              Advance();
              bool r = ParseSubjectExpr() != nullptr && Accept(K::kColon) &&
                       At(K::kNewline);
              stop = pos_;
              return r;
            }) > 0;
  // CPython read as far as this attempt did: its "invalid syntax" points
  // at the furthest token read.
  if (!ok) furthest_ = std::max(furthest_, stop);
  return ok;
}

bool Parser::MatchMissingColon() {
  if (!AtSoftKeyword("match")) return false;
  return Probe([this] {
           Advance();
           return ParseSubjectExpr() != nullptr && At(K::kNewline);
         }) > 0;
}

void Parser::ApplyMatchStatementQuirk() {
  // A bracket still open at the end of the input is reported as such
  // (CPython's tokenizer check after the second pass).
  if (!failed_ || !saw_match_expression_ || error_.type == "RecursionError" ||
      unclosed_error_ || error_in_action_) {
    return;
  }
  int line = error_token_line_;
  error_ = SyntaxErrorInfo();
  failed_ = false;
  pos_ = error_pos_;
  ErrorAtToken(Cur(), "expected ':'");
  error_token_line_ = line;
}

expr* Parser::ParseSubjectExpr() {
  int start = pos_;
  expr* first = ParseStarNamedExpression();
  if (first == nullptr) return nullptr;
  if (!At(K::kComma)) {
    if (first->kind == ast::ExprKind::Starred) return InvalidSyntax();
    return first;
  }
  auto* tuple = arena_->New<ast::Tuple>();
  tuple->elts.push_back(first);
  while (Accept(K::kComma)) {
    if (!CanStartExpression(Kind()) && !At(K::kStar)) break;
    expr* e = ParseStarNamedExpression();
    if (e == nullptr) return nullptr;
    tuple->elts.push_back(e);
  }
  SetLoc(tuple, start);
  return tuple;
}

ast::stmt* Parser::ParseMatch() {
  int start = pos_;
  int line = Cur().lineno;
  Advance();  // match
  auto* s = arena_->New<ast::Match>();
  s->subject = ParseSubjectExpr();
  if (s->subject == nullptr || !Expect(K::kColon) || !Expect(K::kNewline)) {
    return nullptr;
  }
  if (!At(K::kIndent)) {
    return ErrorAtToken(
        Cur(),
        absl::StrFormat(
            "expected an indented block after 'match' statement on line %d",
            line),
        "IndentationError");
  }
  Advance();
  do {
    if (!AtSoftKeyword("case")) return InvalidSyntax();
    ast::match_case* c = ParseCaseBlock();
    if (c == nullptr) return nullptr;
    s->cases.push_back(c);
  } while (!At(K::kDedent) && !At(K::kEndMarker));
  if (!Accept(K::kDedent) && !(interactive_ && At(K::kEndMarker))) {
    return InvalidSyntax();
  }
  SetLoc(s, start);
  return s;
}

ast::match_case* Parser::ParseCaseBlock() {
  int line = Cur().lineno;
  Advance();  // case
  auto* c = arena_->New<ast::match_case>();
  c->pattern = ParsePatterns();
  if (c->pattern == nullptr) return nullptr;
  if (Accept(K::kIf)) {
    c->guard = ParseNamedExpression();
    if (c->guard == nullptr) return nullptr;
  }
  if (!ExpectColon(false) || !ParseBlock(&c->body, "'case' statement", line)) {
    return nullptr;
  }
  return c;
}

// ---------------------------------------------------------------------------
// Patterns

pattern* Parser::ParsePatterns() {
  int start = pos_;
  pattern* first = ParseMaybeStarPattern();
  if (first == nullptr) return nullptr;
  if (!At(K::kComma)) {
    if (first->kind == ast::PatternKind::MatchStar) return InvalidSyntax();
    return first;
  }
  auto* seq = arena_->New<ast::MatchSequence>();
  seq->patterns.push_back(first);
  while (Accept(K::kComma)) {
    if (!CanStartPattern(Kind())) break;
    pattern* p = ParseMaybeStarPattern();
    if (p == nullptr) return nullptr;
    seq->patterns.push_back(p);
  }
  SetLoc(seq, start);
  return seq;
}

pattern* Parser::ParseMaybeStarPattern() {
  if (!At(K::kStar)) return ParsePattern();
  int start = pos_;
  Advance();
  if (!At(K::kName)) return InvalidSyntax();
  auto* star = arena_->New<ast::MatchStar>();
  if (Text(Cur()) != "_") {
    if (KindAt(1) == K::kDot || KindAt(1) == K::kLpar ||
        KindAt(1) == K::kEqual) {
      Advance();
      return InvalidSyntax();
    }
    star->name = Identifier(Cur());
  }
  Advance();
  SetLoc(star, start);
  return star;
}

pattern* Parser::ParsePattern() {
  DepthGuard guard(this);
  if (depth_ > kMaxDepth) return RecursionError();
  int start = pos_;
  pattern* p = ParseOrPattern();
  if (p == nullptr || !At(K::kAs)) return p;
  Advance();
  if (At(K::kName) && Text(Cur()) == "_") {
    return ErrorAtToken(Cur(), "cannot use '_' as a target");
  }
  if (!At(K::kName)) {
    if (!CanStartExpression(Kind())) return InvalidSyntax();
    expr* e = ParseExpression();
    if (e == nullptr) return nullptr;
    return ErrorAtNode(*e, "invalid pattern target");
  }
  if (KindAt(1) == K::kDot || KindAt(1) == K::kLpar || KindAt(1) == K::kEqual) {
    Advance();
    return InvalidSyntax();
  }
  auto* as = arena_->New<ast::MatchAs>();
  as->pattern = p;
  as->name = Identifier(Cur());
  Advance();
  SetLoc(as, start);
  return as;
}

pattern* Parser::ParseOrPattern() {
  int start = pos_;
  pattern* first = ParseClosedPattern();
  if (first == nullptr || !At(K::kVbar)) return first;
  auto* alt = arena_->New<ast::MatchOr>();
  alt->patterns.push_back(first);
  while (Accept(K::kVbar)) {
    pattern* p = ParseClosedPattern();
    if (p == nullptr) return nullptr;
    alt->patterns.push_back(p);
  }
  SetLoc(alt, start);
  return alt;
}

expr* Parser::ParseNumberToken(int want) {
  if (!At(K::kNumber)) return InvalidSyntax();
  int start = pos_;
  Advance();
  auto* c = Make<ast::Constant>(start);
  ParseNumberLiteral(Text(toks_[start]), &c->value);
  bool imaginary = c->value.kind == ast::ConstantValue::Kind::kComplex;
  ActionScope action(this);  // _PyPegen_ensure_real / _imaginary
  if (want == 1 && imaginary) {
    return ErrorAtNode(*c, "real number required in complex literal");
  }
  if (want == 2 && !imaginary) {
    return ErrorAtNode(*c, "imaginary number required in complex literal");
  }
  return c;
}

expr* Parser::ParseLiteralNumber() {
  int start = pos_;
  bool negative = At(K::kMinus);
  if (negative) Advance();
  bool complex =
      At(K::kNumber) && (KindAt(1) == K::kPlus || KindAt(1) == K::kMinus);
  expr* number = ParseNumberToken(complex ? 1 : 0);
  if (number == nullptr) return nullptr;
  if (negative) {
    auto* u = Make<ast::UnaryOp>(start);
    u->op = ast::unaryop::USub;
    u->operand = number;
    number = u;
  }
  if (!complex) return number;
  ast::operator_ op = At(K::kPlus) ? ast::operator_::Add : ast::operator_::Sub;
  Advance();
  expr* imag = ParseNumberToken(2);
  if (imag == nullptr) return nullptr;
  auto* b = Make<ast::BinOp>(start);
  b->left = number;
  b->op = op;
  b->right = imag;
  return b;
}

expr* Parser::ParseNameOrAttr() {
  int start = pos_;
  if (!At(K::kName)) return InvalidSyntax();
  Advance();
  auto* n = Make<ast::Name>(start);
  n->id = Identifier(toks_[start]);
  expr* e = n;
  while (At(K::kDot)) {
    Advance();
    if (!At(K::kName)) return InvalidSyntax();
    std::string attr = Identifier(Cur());
    Advance();
    auto* a = Make<ast::Attribute>(start);
    a->value = e;
    a->attr = std::move(attr);
    e = a;
  }
  return e;
}

pattern* Parser::ParseClosedPattern() {
  DepthGuard guard(this);
  if (depth_ > kMaxDepth) return RecursionError();
  int start = pos_;
  switch (Kind()) {
    case K::kNumber:
    case K::kMinus: {
      expr* value = ParseLiteralNumber();
      if (value == nullptr) return nullptr;
      auto* p = Make<ast::MatchValue>(start);
      p->value = value;
      return p;
    }
    case K::kString: {
      expr* value = ParseStrings();
      if (value == nullptr) return nullptr;
      auto* p = Make<ast::MatchValue>(start);
      p->value = value;
      return p;
    }
    case K::kNone:
    case K::kTrue:
    case K::kFalse: {
      auto* p = arena_->New<ast::MatchSingleton>();
      p->value = At(K::kNone)   ? ast::ConstantValue::Kind::kNone
                 : At(K::kTrue) ? ast::ConstantValue::Kind::kTrue
                                : ast::ConstantValue::Kind::kFalse;
      Advance();
      SetLoc(p, start);
      return p;
    }
    case K::kName: {
      if (Text(Cur()) == "_") {
        Advance();
        return Make<ast::MatchAs>(start);
      }
      if (KindAt(1) == K::kEqual) {
        Advance();
        return InvalidSyntax();
      }
      if (KindAt(1) != K::kDot && KindAt(1) != K::kLpar) {
        auto* p = arena_->New<ast::MatchAs>();
        p->name = Identifier(Cur());
        Advance();
        SetLoc(p, start);
        return p;
      }
      expr* name = ParseNameOrAttr();
      if (name == nullptr) return nullptr;
      if (At(K::kLpar)) return ParseClassPattern(start, name);
      if (At(K::kEqual)) return InvalidSyntax();
      auto* p = Make<ast::MatchValue>(start);
      p->value = name;
      return p;
    }
    case K::kLpar: {
      DepthGuard bracket(this, kBracketWeight);
      if (depth_ > kMaxDepth) return RecursionError();
      Advance();
      auto* seq = arena_->New<ast::MatchSequence>();
      if (Accept(K::kRpar)) {
        SetLoc(seq, start);
        return seq;
      }
      pattern* first = ParseMaybeStarPattern();
      if (first == nullptr) return nullptr;
      if (At(K::kRpar) && first->kind != ast::PatternKind::MatchStar) {
        Advance();
        return first;  // a group: the pattern keeps its own position
      }
      if (!At(K::kComma)) return InvalidSyntax();
      seq->patterns.push_back(first);
      while (Accept(K::kComma)) {
        if (At(K::kRpar)) break;
        pattern* p = ParseMaybeStarPattern();
        if (p == nullptr) return nullptr;
        seq->patterns.push_back(p);
      }
      if (!Expect(K::kRpar)) return nullptr;
      SetLoc(seq, start);
      return seq;
    }
    case K::kLsqb: {
      DepthGuard bracket(this, kBracketWeight);
      if (depth_ > kMaxDepth) return RecursionError();
      Advance();
      auto* seq = arena_->New<ast::MatchSequence>();
      while (!At(K::kRsqb)) {
        pattern* p = ParseMaybeStarPattern();
        if (p == nullptr) return nullptr;
        seq->patterns.push_back(p);
        if (!Accept(K::kComma)) break;
      }
      if (!Expect(K::kRsqb)) return nullptr;
      SetLoc(seq, start);
      return seq;
    }
    case K::kLbrace:
      return ParseMappingPattern();
    default:
      return InvalidSyntax();
  }
}

pattern* Parser::ParseMappingPattern() {
  DepthGuard bracket(this, kBracketWeight);
  if (depth_ > kMaxDepth) return RecursionError();
  int start = pos_;
  Advance();  // {
  auto* m = arena_->New<ast::MatchMapping>();
  while (!At(K::kRbrace)) {
    if (At(K::kDoubleStar)) {
      Advance();
      if (!At(K::kName) || Text(Cur()) == "_") return InvalidSyntax();
      if (KindAt(1) == K::kDot || KindAt(1) == K::kLpar ||
          KindAt(1) == K::kEqual) {
        Advance();
        return InvalidSyntax();
      }
      m->rest = Identifier(Cur());
      Advance();
      Accept(K::kComma);
      break;
    }
    int key_start = pos_;
    expr* key = nullptr;
    switch (Kind()) {
      case K::kNumber:
      case K::kMinus:
        key = ParseLiteralNumber();
        break;
      case K::kString:
        key = ParseStrings();
        break;
      case K::kNone:
      case K::kTrue:
      case K::kFalse: {
        auto* c = arena_->New<ast::Constant>();
        c->value.kind = At(K::kNone)   ? ast::ConstantValue::Kind::kNone
                        : At(K::kTrue) ? ast::ConstantValue::Kind::kTrue
                                       : ast::ConstantValue::Kind::kFalse;
        Advance();
        SetLoc(c, key_start);
        key = c;
        break;
      }
      case K::kName:
        if (KindAt(1) != K::kDot) {
          Advance();  // CPython looked at the token after the name
          return InvalidSyntax();
        }
        key = ParseNameOrAttr();
        break;
      default:
        return InvalidSyntax();
    }
    if (key == nullptr || !Expect(K::kColon)) return nullptr;
    pattern* value = ParsePattern();
    if (value == nullptr) return nullptr;
    m->keys.push_back(key);
    m->patterns.push_back(value);
    if (!Accept(K::kComma)) break;
  }
  if (!Expect(K::kRbrace)) return nullptr;
  SetLoc(m, start);
  return m;
}

pattern* Parser::ParseClassPattern(int start, expr* cls) {
  DepthGuard bracket(this, kBracketWeight);
  if (depth_ > kMaxDepth) return RecursionError();
  Advance();  // (
  auto* c = arena_->New<ast::MatchClass>();
  c->cls = cls;
  auto at_keyword = [this] { return At(K::kName) && KindAt(1) == K::kEqual; };
  while (!At(K::kRpar)) {
    if (at_keyword()) {
      c->kwd_attrs.push_back(Identifier(Cur()));
      Advance();
      Advance();  // =
      pattern* p = ParsePattern();
      if (p == nullptr) return nullptr;
      c->kwd_patterns.push_back(p);
    } else if (!c->kwd_attrs.empty()) {
      // invalid_class_pattern: the positional patterns after the keywords.
      pattern* first = ParsePattern();
      if (first == nullptr) return nullptr;
      pattern* last = first;
      while (At(K::kComma) && KindAt(1) != K::kRpar &&
             !(KindAt(1) == K::kName && KindAt(2) == K::kEqual)) {
        Advance();
        last = ParsePattern();
        if (last == nullptr) return nullptr;
      }
      return ErrorRange(*first, *last,
                        "positional patterns follow keyword patterns");
    } else {
      pattern* p = ParsePattern();
      if (p == nullptr) return nullptr;
      c->patterns.push_back(p);
    }
    if (!Accept(K::kComma)) break;
  }
  if (!Expect(K::kRpar)) return nullptr;
  SetLoc(c, start);
  return c;
}

}  // namespace minidynamo
