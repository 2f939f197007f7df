// Expressions: from star_expressions down to atoms, displays, calls,
// subscripts, comprehensions, lambdas and parameter lists.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/parse/number_literal.h"
#include "vm/parse/parser_internal.h"

namespace minidynamo {

using ast::expr;
using ast::ExprKind;
using K = TokenKind;

namespace {

// Restores a flag on scope exit (the `in` restriction of for-targets ends at
// any bracket).
class FlagSaver {
 public:
  FlagSaver(bool* flag, bool value) : flag_(flag), saved_(*flag) {
    *flag = value;
  }
  ~FlagSaver() { *flag_ = saved_; }

 private:
  bool* flag_;
  bool saved_;
};

}  // namespace

// ---------------------------------------------------------------------------
// Expression lists

expr* Parser::ParseExpressions() {
  int start = pos_;
  expr* first = ParseExpression();
  if (first == nullptr || !At(K::kComma)) return first;
  auto* tuple = arena_->New<ast::Tuple>();
  tuple->elts.push_back(first);
  while (Accept(K::kComma)) {
    if (!CanStartExpression(Kind())) break;
    expr* e = ParseExpression();
    if (e == nullptr) return nullptr;
    tuple->elts.push_back(e);
  }
  SetLoc(tuple, start);
  return tuple;
}

expr* Parser::ParseStarExpressions() {
  int start = pos_;
  expr* first = ParseStarExpression();
  if (first == nullptr) return nullptr;
  if (!At(K::kComma)) {
    made_bare_tuple_ = false;
    return first;
  }
  auto* tuple = arena_->New<ast::Tuple>();
  tuple->elts.push_back(first);
  while (Accept(K::kComma)) {
    if (!CanStartExpression(Kind()) && !At(K::kStar)) break;
    expr* e = ParseStarExpression();
    if (e == nullptr) return nullptr;
    tuple->elts.push_back(e);
  }
  SetLoc(tuple, start);
  made_bare_tuple_ = true;
  return tuple;
}

expr* Parser::ParseStarExpression() {
  if (!At(K::kStar)) return ParseExpression();
  int start = pos_;
  Advance();
  expr* value = ParseBitOr();
  if (value == nullptr) return nullptr;
  auto* s = Make<ast::Starred>(start);
  s->value = value;
  return s;
}

expr* Parser::ParseStarNamedExpression() {
  if (!At(K::kStar)) return ParseNamedExpression();
  int start = pos_;
  Advance();
  expr* value = ParseBitOr();
  if (value == nullptr) return nullptr;
  auto* s = Make<ast::Starred>(start);
  s->value = value;
  return s;
}

// ---------------------------------------------------------------------------
// named_expression, expression

expr* Parser::ParseNamedExpression() {
  int start = pos_;
  if (At(K::kName) && KindAt(1) == K::kColonEqual) {
    Advance();
    auto* target = Make<ast::Name>(start);
    target->id = Identifier(toks_[start]);
    target->ctx = ast::expr_context::Store;
    Advance();
    expr* value = ParseExpression();
    if (value == nullptr) return nullptr;
    auto* n = Make<ast::NamedExpr>(start);
    n->target = target;
    n->value = value;
    return n;
  }
  expr* e = ParseExpression();
  if (e == nullptr) return nullptr;
  if (At(K::kColonEqual)) {
    return ErrorAtNode(*e,
                       absl::StrCat("cannot use assignment expressions with ",
                                    ast::DescribeExpr(e)));
  }
  if (At(K::kEqual)) return CheckEqualsAfterNamedExpression(e, start);
  return e;
}

bool Parser::IsBitOrLevel(const expr* e) const {
  if (IsGroup(e)) return true;
  switch (e->kind) {
    case ExprKind::Compare:
    case ExprKind::BoolOp:
    case ExprKind::IfExp:
    case ExprKind::Lambda:
    case ExprKind::NamedExpr:
    case ExprKind::Starred:
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
      return false;
    case ExprKind::UnaryOp:
      return static_cast<const ast::UnaryOp*>(e)->op != ast::unaryop::Not;
    default:
      return true;
  }
}

bool Parser::StartsWithExcludedAtom(const expr* e) const {
  while (true) {
    if (IsGroup(e)) return false;
    switch (e->kind) {
      case ExprKind::BinOp:
        e = static_cast<const ast::BinOp*>(e)->left;
        break;
      case ExprKind::Attribute:
        e = static_cast<const ast::Attribute*>(e)->value;
        break;
      case ExprKind::Subscript:
        e = static_cast<const ast::Subscript*>(e)->value;
        break;
      case ExprKind::Call:
        e = static_cast<const ast::Call*>(e)->func;
        break;
      case ExprKind::Compare:
        e = static_cast<const ast::Compare*>(e)->left;
        break;
      case ExprKind::List:
      case ExprKind::Tuple:
      case ExprKind::GeneratorExp:
        return true;
      case ExprKind::Constant: {
        auto k = static_cast<const ast::Constant*>(e)->value.kind;
        using CK = ast::ConstantValue::Kind;
        return k == CK::kTrue || k == CK::kFalse || k == CK::kNone;
      }
      default:
        return false;
    }
  }
}

expr* Parser::CheckEqualsAfterNamedExpression(expr* e, int start) {
  // CPython's invalid_named_expression: `NAME = bitwise_or` and
  // `bitwise_or = bitwise_or`, when not followed by another '=' or ':='.
  int rhs_end = Probe([this] {
    Advance();
    return ParseBitOr();
  });
  if (rhs_end < 0) return e;
  TokenKind after = toks_[rhs_end].kind;
  if (after == K::kEqual || after == K::kColonEqual) return e;
  bool bare_name = toks_[start].kind == K::kName && pos_ == start + 1;
  if (bare_name) {
    int saved = pos_;
    pos_ = rhs_end;
    const Token& b = PrevToken();
    pos_ = saved;
    return ErrorKnownLocation(
        e->lineno, e->col_offset, b.end_lineno, b.end_col_offset,
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  }
  if (IsBitOrLevel(e) && !StartsWithExcludedAtom(e)) {
    return ErrorAtNode(
        *e, absl::StrCat("cannot assign to ", ast::DescribeExpr(e),
                         " here. Maybe you meant '==' instead of '='?"));
  }
  return e;
}

expr* Parser::ParseExpression() {
  DepthGuard guard(this);
  if (depth_ > kMaxDepth) return RecursionError();
  if (At(K::kLambda)) return ParseLambda();
  int start = pos_;
  expr* body = ParseDisjunction();
  if (body == nullptr) return nullptr;
  last_expr_ = {start, pos_, body};
  if (!At(K::kIf)) return body;
  Advance();
  expr* test = ParseDisjunction();
  if (test == nullptr) return nullptr;
  if (!At(K::kElse)) {
    if (At(K::kColon)) return InvalidSyntax();
    return ErrorRange(*body, *test, "expected 'else' after 'if' expression");
  }
  Advance();
  expr* orelse = ParseExpression();
  if (orelse == nullptr) return nullptr;
  auto* n = Make<ast::IfExp>(start);
  n->test = test;
  n->body = body;
  n->orelse = orelse;
  return n;
}

expr* Parser::ParseYieldExpr() {
  int start = pos_;
  Advance();
  if (Accept(K::kFrom)) {
    expr* value = ParseExpression();
    if (value == nullptr) return nullptr;
    auto* n = Make<ast::YieldFrom>(start);
    n->value = value;
    return n;
  }
  expr* value = nullptr;
  if (CanStartExpression(Kind()) || At(K::kStar)) {
    value = ParseStarExpressions();
    if (value == nullptr) return nullptr;
  }
  auto* n = Make<ast::Yield>(start);
  n->value = value;
  return n;
}

expr* Parser::ParseLambda() {
  int start = pos_;
  Advance();
  ast::arguments* args = ParseParameters(K::kColon, /*is_lambda=*/true);
  if (args == nullptr || !Expect(K::kColon)) return nullptr;
  expr* body = ParseExpression();
  if (body == nullptr) return nullptr;
  auto* n = Make<ast::Lambda>(start);
  n->args = args;
  n->body = body;
  return n;
}

// ---------------------------------------------------------------------------
// Boolean operators and comparisons

expr* Parser::ParseDisjunction() {
  int start = pos_;
  expr* first = ParseConjunction();
  if (first == nullptr || !At(K::kOr)) return first;
  auto* n = arena_->New<ast::BoolOp>();
  n->op = ast::boolop::Or;
  n->values.push_back(first);
  while (Accept(K::kOr)) {
    expr* e = ParseConjunction();
    if (e == nullptr) return nullptr;
    n->values.push_back(e);
  }
  SetLoc(n, start);
  return n;
}

expr* Parser::ParseConjunction() {
  int start = pos_;
  expr* first = ParseInversion();
  if (first == nullptr || !At(K::kAnd)) return first;
  auto* n = arena_->New<ast::BoolOp>();
  n->op = ast::boolop::And;
  n->values.push_back(first);
  while (Accept(K::kAnd)) {
    expr* e = ParseInversion();
    if (e == nullptr) return nullptr;
    n->values.push_back(e);
  }
  SetLoc(n, start);
  return n;
}

expr* Parser::ParseInversion() {
  if (!At(K::kNot)) return ParseComparison();
  DepthGuard guard(this);
  if (depth_ > kMaxDepth) return RecursionError();
  int start = pos_;
  Advance();
  expr* operand = ParseInversion();
  if (operand == nullptr) return nullptr;
  auto* n = Make<ast::UnaryOp>(start);
  n->op = ast::unaryop::Not;
  n->operand = operand;
  return n;
}

expr* Parser::ParseComparison() {
  int start = pos_;
  expr* left = ParseBitOr();
  if (left == nullptr) return nullptr;
  ast::Compare* cmp = nullptr;
  while (true) {
    ast::cmpop op;
    switch (Kind()) {
      case K::kEqEqual:
        op = ast::cmpop::Eq;
        break;
      case K::kNotEqual:
        op = ast::cmpop::NotEq;
        break;
      case K::kLess:
        op = ast::cmpop::Lt;
        break;
      case K::kLessEqual:
        op = ast::cmpop::LtE;
        break;
      case K::kGreater:
        op = ast::cmpop::Gt;
        break;
      case K::kGreaterEqual:
        op = ast::cmpop::GtE;
        break;
      case K::kIn:
        if (no_in_) goto done;
        op = ast::cmpop::In;
        break;
      case K::kNot:
        if (KindAt(1) != K::kIn || no_in_) goto done;
        Advance();
        op = ast::cmpop::NotIn;
        break;
      case K::kIs:
        if (KindAt(1) == K::kNot) {
          Advance();
          op = ast::cmpop::IsNot;
        } else {
          op = ast::cmpop::Is;
        }
        break;
      default:
        goto done;
    }
    Advance();
    {
      expr* right = ParseBitOr();
      if (right == nullptr) return nullptr;
      if (cmp == nullptr) {
        cmp = arena_->New<ast::Compare>();
        cmp->left = left;
      }
      cmp->ops.push_back(op);
      cmp->comparators.push_back(right);
    }
  }
done:
  if (cmp == nullptr) return left;
  SetLoc(cmp, start);
  return cmp;
}

// ---------------------------------------------------------------------------
// Arithmetic: precedence climbing over the binary operators

expr* Parser::ParseBinary(int min_prec) {
  int start = pos_;
  expr* left = ParseFactor();
  if (left == nullptr) return nullptr;
  while (true) {
    int prec;
    ast::operator_ op;
    switch (Kind()) {
      case K::kVbar:
        prec = 1;
        op = ast::operator_::BitOr;
        break;
      case K::kCircumflex:
        prec = 2;
        op = ast::operator_::BitXor;
        break;
      case K::kAmper:
        prec = 3;
        op = ast::operator_::BitAnd;
        break;
      case K::kLeftShift:
        prec = 4;
        op = ast::operator_::LShift;
        break;
      case K::kRightShift:
        prec = 4;
        op = ast::operator_::RShift;
        break;
      case K::kPlus:
        prec = 5;
        op = ast::operator_::Add;
        break;
      case K::kMinus:
        prec = 5;
        op = ast::operator_::Sub;
        break;
      case K::kStar:
        prec = 6;
        op = ast::operator_::Mult;
        break;
      case K::kSlash:
        prec = 6;
        op = ast::operator_::Div;
        break;
      case K::kDoubleSlash:
        prec = 6;
        op = ast::operator_::FloorDiv;
        break;
      case K::kPercent:
        prec = 6;
        op = ast::operator_::Mod;
        break;
      case K::kAt:
        prec = 6;
        op = ast::operator_::MatMult;
        break;
      default:
        return left;
    }
    if (prec < min_prec) return left;
    Advance();
    expr* right = ParseBinary(prec + 1);
    if (right == nullptr) return nullptr;
    auto* b = Make<ast::BinOp>(start);
    b->left = left;
    b->op = op;
    b->right = right;
    left = b;
  }
}

expr* Parser::ParseFactor() {
  ast::unaryop op;
  switch (Kind()) {
    case K::kPlus:
      op = ast::unaryop::UAdd;
      break;
    case K::kMinus:
      op = ast::unaryop::USub;
      break;
    case K::kTilde:
      op = ast::unaryop::Invert;
      break;
    default:
      return ParsePower();
  }
  DepthGuard guard(this);
  if (depth_ > kMaxDepth) return RecursionError();
  int start = pos_;
  Advance();
  expr* operand = ParseFactor();
  if (operand == nullptr) return nullptr;
  auto* n = Make<ast::UnaryOp>(start);
  n->op = op;
  n->operand = operand;
  return n;
}

expr* Parser::ParsePower() {
  int start = pos_;
  expr* base;
  if (At(K::kAwait)) {
    Advance();
    expr* value = ParsePrimary();
    if (value == nullptr) return nullptr;
    auto* a = Make<ast::Await>(start);
    a->value = value;
    base = a;
  } else {
    base = ParsePrimary();
    if (base == nullptr) return nullptr;
  }
  if (!At(K::kDoubleStar)) return base;
  DepthGuard guard(this);
  if (depth_ > kMaxDepth) return RecursionError();
  Advance();
  expr* exponent = ParseFactor();
  if (exponent == nullptr) return nullptr;
  auto* b = Make<ast::BinOp>(start);
  b->left = base;
  b->op = ast::operator_::Pow;
  b->right = exponent;
  return b;
}

// ---------------------------------------------------------------------------
// Primaries and atoms

expr* Parser::ParsePrimary() {
  int start = pos_;
  expr* e = ParseAtom();
  while (e != nullptr) {
    switch (Kind()) {
      case K::kDot: {
        Advance();
        if (!At(K::kName)) return InvalidSyntax();
        std::string attr = Identifier(Cur());
        Advance();
        auto* a = Make<ast::Attribute>(start);
        a->value = e;
        a->attr = std::move(attr);
        e = a;
        break;
      }
      case K::kLpar:
        e = ParseCall(e, start);
        break;
      case K::kLsqb: {
        Advance();
        FlagSaver no_in(&no_in_, false);
        expr* slice = ParseSlices();
        if (slice == nullptr || !Expect(K::kRsqb)) return nullptr;
        auto* s = Make<ast::Subscript>(start);
        s->value = e;
        s->slice = slice;
        e = s;
        break;
      }
      default:
        return e;
    }
  }
  return nullptr;
}

expr* Parser::ParseAtom() {
  int start = pos_;
  using CK = ast::ConstantValue::Kind;
  CK constant;
  switch (Kind()) {
    case K::kName: {
      Advance();
      auto* n = Make<ast::Name>(start);
      n->id = Identifier(toks_[start]);
      return n;
    }
    case K::kNumber: {
      Advance();
      auto* c = Make<ast::Constant>(start);
      ParseNumberLiteral(Text(toks_[start]), &c->value);
      return c;
    }
    case K::kString:
      return ParseStrings();
    case K::kLpar:
      return ParseParenthesized();
    case K::kLsqb:
      return ParseListDisplay();
    case K::kLbrace:
      return ParseBraceDisplay();
    case K::kTrue:
      constant = CK::kTrue;
      break;
    case K::kFalse:
      constant = CK::kFalse;
      break;
    case K::kNone:
      constant = CK::kNone;
      break;
    case K::kEllipsis:
      constant = CK::kEllipsis;
      break;
    default:
      return InvalidSyntax();
  }
  Advance();
  auto* c = Make<ast::Constant>(start);
  c->value.kind = constant;
  return c;
}

expr* Parser::ParseParenthesized() {
  DepthGuard guard(this, kBracketWeight);
  if (depth_ > kMaxDepth) return RecursionError();
  int start = pos_;
  Advance();
  FlagSaver no_in(&no_in_, false);
  if (Accept(K::kRpar)) return Make<ast::Tuple>(start);
  if (At(K::kYield)) {
    expr* y = ParseYieldExpr();
    if (y == nullptr || !Expect(K::kRpar)) return nullptr;
    grouped_.insert(y);
    return y;
  }
  if (At(K::kDoubleStar)) {
    const Token& stars = Cur();
    int end = Probe([this] {
      Advance();
      expr* e = ParseExpression();
      return e != nullptr && At(K::kRpar) ? e : nullptr;
    });
    if (end > 0) {
      return ErrorAtToken(stars, "cannot use double starred expression here");
    }
    return InvalidSyntax();
  }
  expr* first = ParseStarNamedExpression();
  if (first == nullptr) return nullptr;
  if (AtComprehension()) {
    if (first->kind == ExprKind::Starred) {
      return ErrorAtNode(*first,
                         "iterable unpacking cannot be used in comprehension");
    }
    auto* gen = arena_->New<ast::GeneratorExp>();
    gen->elt = first;
    if (!ParseComprehensions(&gen->generators) || !Expect(K::kRpar)) {
      return nullptr;
    }
    SetLoc(gen, start);
    return gen;
  }
  if (At(K::kRpar)) {
    if (first->kind == ExprKind::Starred) {
      return ErrorAtNode(*first, "cannot use starred expression here");
    }
    Advance();
    grouped_.insert(first);
    return first;
  }
  if (!At(K::kComma)) return InvalidSyntax();
  auto* tuple = arena_->New<ast::Tuple>();
  tuple->elts.push_back(first);
  while (Accept(K::kComma)) {
    if (At(K::kRpar)) break;
    expr* e = ParseStarNamedExpression();
    if (e == nullptr) return nullptr;
    tuple->elts.push_back(e);
  }
  if (!Expect(K::kRpar)) return nullptr;
  SetLoc(tuple, start);
  return tuple;
}

expr* Parser::ParseListDisplay() {
  DepthGuard guard(this, kBracketWeight);
  if (depth_ > kMaxDepth) return RecursionError();
  int start = pos_;
  Advance();
  FlagSaver no_in(&no_in_, false);
  if (Accept(K::kRsqb)) return Make<ast::List>(start);
  expr* first = ParseStarNamedExpression();
  if (first == nullptr) return nullptr;
  if (AtComprehension()) {
    if (first->kind == ExprKind::Starred) {
      return ErrorAtNode(*first,
                         "iterable unpacking cannot be used in comprehension");
    }
    auto* comp = arena_->New<ast::ListComp>();
    comp->elt = first;
    if (!ParseComprehensions(&comp->generators) || !Expect(K::kRsqb)) {
      return nullptr;
    }
    SetLoc(comp, start);
    return comp;
  }
  auto* list = arena_->New<ast::List>();
  list->elts.push_back(first);
  while (Accept(K::kComma)) {
    if (At(K::kRsqb)) break;
    if (AtComprehension()) {
      return ErrorRange(*first, TokenLoc(toks_[pos_ - 1]),
                        "did you forget parentheses around the comprehension "
                        "target?");
    }
    expr* e = ParseStarNamedExpression();
    if (e == nullptr) return nullptr;
    list->elts.push_back(e);
  }
  if (AtComprehension() && list->elts.size() > 1) {
    return ErrorRange(*first, *list->elts.back(),
                      "did you forget parentheses around the comprehension "
                      "target?");
  }
  if (!Expect(K::kRsqb)) return nullptr;
  SetLoc(list, start);
  return list;
}

expr* Parser::ParseBraceDisplay() {
  DepthGuard guard(this, kBracketWeight);
  if (depth_ > kMaxDepth) return RecursionError();
  int start = pos_;
  Advance();
  FlagSaver no_in(&no_in_, false);
  if (Accept(K::kRbrace)) return Make<ast::Dict>(start);
  if (At(K::kDoubleStar)) {
    const Token& stars = Cur();
    Advance();
    expr* value = ParseBitOr();
    if (value == nullptr) return nullptr;
    if (AtComprehension()) {
      return ErrorAtToken(
          stars, "dict unpacking cannot be used in dict comprehension");
    }
    return ParseDictRest(start, nullptr, value);
  }
  expr* first = ParseStarNamedExpression();
  if (first == nullptr) return nullptr;
  if (At(K::kColon) && first->kind != ExprKind::Starred &&
      !(first->kind == ExprKind::NamedExpr && !IsGroup(first))) {
    const Token& colon = Cur();
    Advance();
    if (At(K::kStar)) {
      ast::Located star = TokenLoc(Cur());
      Advance();
      if (ParseBitOr() == nullptr) return nullptr;
      return ErrorStartingFrom(
          star, Cur(), "cannot use a starred expression in a dictionary value");
    }
    if (At(K::kRbrace) || At(K::kComma)) {
      return ErrorAtToken(colon,
                          "expression expected after dictionary key and ':'");
    }
    expr* value = ParseExpression();
    if (value == nullptr) return nullptr;
    if (AtComprehension()) {
      auto* comp = arena_->New<ast::DictComp>();
      comp->key = first;
      comp->value = value;
      if (!ParseComprehensions(&comp->generators) || !Expect(K::kRbrace)) {
        return nullptr;
      }
      SetLoc(comp, start);
      return comp;
    }
    return ParseDictRest(start, first, value);
  }
  if (AtComprehension()) {
    if (first->kind == ExprKind::Starred) {
      return ErrorAtNode(*first,
                         "iterable unpacking cannot be used in comprehension");
    }
    auto* comp = arena_->New<ast::SetComp>();
    comp->elt = first;
    if (!ParseComprehensions(&comp->generators) || !Expect(K::kRbrace)) {
      return nullptr;
    }
    SetLoc(comp, start);
    return comp;
  }
  auto* set = arena_->New<ast::Set>();
  set->elts.push_back(first);
  while (Accept(K::kComma)) {
    if (At(K::kRbrace)) break;
    if (AtComprehension()) {
      return ErrorRange(*first, TokenLoc(toks_[pos_ - 1]),
                        "did you forget parentheses around the comprehension "
                        "target?");
    }
    expr* e = ParseStarNamedExpression();
    if (e == nullptr) return nullptr;
    set->elts.push_back(e);
  }
  if (AtComprehension() && set->elts.size() > 1) {
    return ErrorRange(*first, *set->elts.back(),
                      "did you forget parentheses around the comprehension "
                      "target?");
  }
  if (!Expect(K::kRbrace)) return nullptr;
  SetLoc(set, start);
  return set;
}

expr* Parser::ParseDictRest(int start, expr* first_key, expr* first_value) {
  auto* dict = arena_->New<ast::Dict>();
  dict->keys.push_back(first_key);
  dict->values.push_back(first_value);
  while (Accept(K::kComma)) {
    if (At(K::kRbrace)) break;
    if (Accept(K::kDoubleStar)) {
      expr* value = ParseBitOr();
      if (value == nullptr) return nullptr;
      dict->keys.push_back(nullptr);
      dict->values.push_back(value);
      continue;
    }
    expr* key = ParseExpression();
    if (key == nullptr) return nullptr;
    if (!At(K::kColon)) {
      return Raise("SyntaxError", "':' expected after dictionary key",
                   key->lineno, key->end_col_offset, key->end_lineno, 0);
    }
    const Token& colon = Cur();
    Advance();
    if (At(K::kStar)) {
      ast::Located star = TokenLoc(Cur());
      Advance();
      if (ParseBitOr() == nullptr) return nullptr;
      return ErrorStartingFrom(
          star, Cur(), "cannot use a starred expression in a dictionary value");
    }
    if (At(K::kRbrace) || At(K::kComma)) {
      return ErrorAtToken(colon,
                          "expression expected after dictionary key and ':'");
    }
    expr* value = ParseExpression();
    if (value == nullptr) return nullptr;
    dict->keys.push_back(key);
    dict->values.push_back(value);
  }
  if (!Expect(K::kRbrace)) return nullptr;
  SetLoc(dict, start);
  return dict;
}

// ---------------------------------------------------------------------------
// Calls and subscripts

expr* Parser::ParseCall(expr* func, int start) {
  int open = pos_;
  Advance();
  auto* call = arena_->New<ast::Call>();
  call->func = func;
  if (!ParseArguments(open, /*allow_genexp=*/true, &call->args,
                      &call->keywords)) {
    return nullptr;
  }
  SetLoc(call, start);
  return call;
}

bool Parser::ParseArguments(int open_paren, bool allow_genexp,
                            ast::ExprList* args,
                            std::vector<ast::keyword*>* keywords) {
  DepthGuard guard(this, kBracketWeight);
  if (depth_ > kMaxDepth) return RecursionError();
  FlagSaver no_in(&no_in_, false);
  bool seen_keyword = false;
  bool seen_double_star = false;
  if (Accept(K::kRpar)) return true;
  while (true) {
    int arg_start = pos_;
    if (At(K::kStar)) {
      if (seen_double_star) {
        // Reported over the arguments before the ',' (CPython's `args`).
        return ErrorKnownLocation(
            toks_[open_paren + 1].lineno, toks_[open_paren + 1].col_offset,
            toks_[pos_ - 2].end_lineno, toks_[pos_ - 2].end_col_offset,
            "iterable argument unpacking follows keyword argument unpacking");
      }
      Advance();
      expr* value = ParseExpression();
      if (value == nullptr) return false;
      auto* s = Make<ast::Starred>(arg_start);
      s->value = value;
      args->push_back(s);
    } else if (At(K::kDoubleStar)) {
      Advance();
      expr* value = ParseExpression();
      if (value == nullptr) return false;
      auto* kw = Make<ast::keyword>(arg_start);
      kw->value = value;
      keywords->push_back(kw);
      seen_double_star = true;
    } else if (At(K::kName) && KindAt(1) == K::kEqual) {
      const Token& name = Cur();
      const Token& equal = toks_[pos_ + 1];
      Advance();
      Advance();
      expr* value = ParseExpression();
      if (value == nullptr) return false;
      if (AtComprehension()) {
        return ErrorRange(
            TokenLoc(name), TokenLoc(equal),
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
      auto* kw = Make<ast::keyword>(arg_start);
      kw->arg = Identifier(name);
      kw->value = value;
      keywords->push_back(kw);
      seen_keyword = true;
    } else if ((At(K::kTrue) || At(K::kFalse) || At(K::kNone)) &&
               KindAt(1) == K::kEqual) {
      return ErrorRange(
          TokenLoc(Cur()), TokenLoc(toks_[pos_ + 1]),
          absl::StrCat("cannot assign to ", std::string(Text(Cur()))));
    } else {
      expr* e = (At(K::kName) && KindAt(1) == K::kColonEqual)
                    ? ParseNamedExpression()
                    : ParseExpression();
      if (e == nullptr) return false;
      if (At(K::kEqual)) {
        return ErrorRange(
            *e, TokenLoc(Cur()),
            "expression cannot contain assignment, perhaps you meant \"==\"?");
      }
      if (AtComprehension()) {
        int for_pos = pos_;
        auto* gen = arena_->New<ast::GeneratorExp>();
        gen->elt = e;
        if (!ParseComprehensions(&gen->generators)) return false;
        bool sole = args->empty() && keywords->empty() && At(K::kRpar);
        if (sole && !allow_genexp) {
          // class C(x for x in y): a bare generator is not an argument list.
          pos_ = for_pos;
          return InvalidSyntax();
        }
        if (!sole) {
          const ast::comprehension* last = gen->generators.back();
          const expr* last_item =
              last->ifs.empty() ? last->iter : last->ifs.back();
          return ErrorRange(*e, *last_item,
                            "Generator expression must be parenthesized");
        }
        Advance();
        SetLoc(gen, open_paren);
        args->push_back(gen);
        return true;
      }
      if (seen_keyword || seen_double_star) {
        return ErrorAtCurrent(
            seen_double_star
                ? "positional argument follows keyword argument unpacking"
                : "positional argument follows keyword argument");
      }
      args->push_back(e);
    }
    if (Accept(K::kComma)) {
      if (Accept(K::kRpar)) return true;
      continue;
    }
    return Expect(K::kRpar);
  }
}

expr* Parser::ParseSlices() {
  int start = pos_;
  expr* first = ParseSliceItem();
  if (first == nullptr) return nullptr;
  if (!At(K::kComma) && first->kind != ExprKind::Starred) return first;
  auto* tuple = arena_->New<ast::Tuple>();
  tuple->elts.push_back(first);
  while (Accept(K::kComma)) {
    if (At(K::kRsqb)) break;
    expr* e = ParseSliceItem();
    if (e == nullptr) return nullptr;
    tuple->elts.push_back(e);
  }
  SetLoc(tuple, start);
  return tuple;
}

expr* Parser::ParseSliceItem() {
  int start = pos_;
  if (At(K::kStar)) {
    Advance();
    expr* value = ParseExpression();
    if (value == nullptr) return nullptr;
    auto* s = Make<ast::Starred>(start);
    s->value = value;
    return s;
  }
  expr* lower = nullptr;
  if (!At(K::kColon)) {
    lower = ParseNamedExpression();
    if (lower == nullptr || !At(K::kColon)) return lower;
  }
  Advance();
  expr* upper = nullptr;
  if (!At(K::kRsqb) && !At(K::kComma) && !At(K::kColon)) {
    upper = ParseExpression();
    if (upper == nullptr) return nullptr;
  }
  expr* step = nullptr;
  if (Accept(K::kColon) && !At(K::kRsqb) && !At(K::kComma)) {
    step = ParseExpression();
    if (step == nullptr) return nullptr;
  }
  auto* s = Make<ast::Slice>(start);
  s->lower = lower;
  s->upper = upper;
  s->step = step;
  return s;
}

// ---------------------------------------------------------------------------
// Comprehensions and targets

bool Parser::ParseComprehensions(std::vector<ast::comprehension*>* out) {
  while (AtComprehension()) {
    auto* c = arena_->New<ast::comprehension>();
    if (Accept(K::kAsync)) c->is_async = 1;
    Advance();  // for
    c->target = ParseTargetList(TargetsType::kFor);
    if (c->target == nullptr || !Expect(K::kIn)) return false;
    {
      FlagSaver no_in(&no_in_, false);
      c->iter = ParseDisjunction();
      if (c->iter == nullptr) return false;
      while (Accept(K::kIf)) {
        expr* cond = ParseDisjunction();
        if (cond == nullptr) return false;
        c->ifs.push_back(cond);
      }
    }
    out->push_back(c);
  }
  return true;
}

expr* Parser::ParseTargetList(TargetsType type) {
  expr* e;
  {
    FlagSaver no_in(&no_in_, true);
    e = ParseStarExpressions();
  }
  if (e == nullptr || !SetTargetContext(e, type)) return nullptr;
  return e;
}

// ---------------------------------------------------------------------------
// Parameters

ast::arg* Parser::ParseParam(bool is_lambda, bool star_annotation) {
  int start = pos_;
  if (!At(K::kName)) return InvalidSyntax();
  auto* p = arena_->New<ast::arg>();
  p->arg = Identifier(Cur());
  Advance();
  if (!is_lambda && Accept(K::kColon)) {
    p->annotation = star_annotation && At(K::kStar) ? ParseStarExpression()
                                                    : ParseExpression();
    if (p->annotation == nullptr) return nullptr;
  }
  SetLoc(p, start);
  return p;
}

ast::arguments* Parser::ParseParameters(TokenKind close, bool is_lambda) {
  auto* a = arena_->New<ast::arguments>();
  bool seen_default = false;
  bool seen_slash = false;
  bool seen_star = false;
  bool seen_kwarg = false;
  while (!At(close)) {
    if (seen_kwarg) {
      if (At(K::kName)) {
        ast::arg* p = ParseParam(is_lambda, false);
        if (p == nullptr) return nullptr;
        return ErrorAtNode(*p, "arguments cannot follow var-keyword argument");
      }
      if (At(K::kStar) || At(K::kDoubleStar) || At(K::kSlash)) {
        return ErrorAtCurrent("arguments cannot follow var-keyword argument");
      }
      return InvalidSyntax();
    }
    if (At(K::kSlash)) {
      if (seen_slash) return ErrorAtCurrent("/ may appear only once");
      if (seen_star) return ErrorAtCurrent("/ must be ahead of *");
      if (a->args.empty()) {
        if (KindAt(1) == K::kComma) {
          return ErrorAtCurrent("at least one argument must precede /");
        }
        return InvalidSyntax();
      }
      Advance();
      seen_slash = true;
      a->posonlyargs = std::move(a->args);
      a->args.clear();
    } else if (At(K::kStar)) {
      if (seen_star) return ErrorAtCurrent("* argument may appear only once");
      const Token& star = Cur();
      seen_star = true;
      Advance();
      if (At(close) || At(K::kComma)) {
        // A bare '*' must be followed by keyword-only parameters.
        bool bad = At(close)
                       ? true
                       : (KindAt(1) == close || KindAt(1) == K::kDoubleStar);
        if (bad) {
          if (!is_lambda) {
            return ErrorAtToken(star, "named arguments must follow bare *");
          }
          return ErrorAtToken(At(close) ? Cur() : toks_[pos_ + 1],
                              "named arguments must follow bare *");
        }
      } else {
        a->vararg = ParseParam(is_lambda, /*star_annotation=*/true);
        if (a->vararg == nullptr) return nullptr;
        if (At(K::kEqual)) {
          return ErrorAtCurrent(
              "var-positional argument cannot have default value");
        }
      }
    } else if (At(K::kDoubleStar)) {
      Advance();
      a->kwarg = ParseParam(is_lambda, false);
      if (a->kwarg == nullptr) return nullptr;
      if (At(K::kEqual)) {
        return ErrorAtCurrent("var-keyword argument cannot have default value");
      }
      seen_kwarg = true;
    } else if (At(K::kLpar)) {
      // invalid_parameters: '(' param_no_default+ ','? ')'
      const Token& open = Cur();
      int end = Probe([this, is_lambda] {
        Advance();
        do {
          if (ParseParam(is_lambda, false) == nullptr) return false;
        } while (Accept(K::kComma) && !At(K::kRpar));
        return At(K::kRpar);
      });
      if (end > 0) {
        return ErrorRange(TokenLoc(open), TokenLoc(toks_[end]),
                          is_lambda
                              ? "Lambda expression parameters cannot be "
                                "parenthesized"
                              : "Function parameters cannot be parenthesized");
      }
      return InvalidSyntax();
    } else if (At(K::kName)) {
      ast::arg* p = ParseParam(is_lambda, false);
      if (p == nullptr) return nullptr;
      expr* default_value = nullptr;
      if (At(K::kEqual)) {
        const Token& equal = Cur();
        Advance();
        if (At(K::kRpar) || At(K::kComma)) {
          return ErrorAtToken(equal, "expected default value expression");
        }
        default_value = ParseExpression();
        if (default_value == nullptr) return nullptr;
      }
      if (seen_star) {
        a->kwonlyargs.push_back(p);
        a->kw_defaults.push_back(default_value);
      } else if (default_value != nullptr) {
        a->args.push_back(p);
        a->defaults.push_back(default_value);
        seen_default = true;
      } else {
        if (seen_default) {
          return ErrorAtNode(*p,
                             "non-default argument follows default argument");
        }
        a->args.push_back(p);
      }
    } else {
      return InvalidSyntax();
    }
    if (!Accept(K::kComma)) break;
  }
  if (!At(close)) return InvalidSyntax();
  return a;
}

}  // namespace minidynamo
