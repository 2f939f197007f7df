// Expression unparsing for PEP 563 annotations, after CPython 3.11's
// Python/ast_unparse.c (same precedence table, same special cases).

#include "vm/compile/unparse.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "vm/format/float_to_string.h"
#include "vm/format/str_repr.h"

namespace minidynamo {
namespace {

using namespace ast;  // NOLINT: the writer names every node type.
using NameExpr = struct ast::Name;

// ast_unparse.c's precedence levels, lowest first.
enum Prec {
  kTuple,
  kTest,  // if-else, lambda
  kOr,
  kAnd,
  kNot,
  kCmp,
  kExpr,
  kBor = kExpr,
  kBxor,
  kBand,
  kShift,
  kArith,
  kTerm,
  kFactor,
  kPower,
  kAwait,
  kAtom,
};

class Unparser {
 public:
  std::string out;

  void Expr(const expr* e, int level) {
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* b = Cast<BoolOp>(e);
        int pr = b->op == boolop::And ? kAnd : kOr;
        Open(level > pr);
        for (size_t i = 0; i < b->values.size(); ++i) {
          if (i > 0) out += b->op == boolop::And ? " and " : " or ";
          Expr(b->values[i], pr + 1);
        }
        Close(level > pr);
        return;
      }
      case ExprKind::NamedExpr: {
        auto* n = Cast<NamedExpr>(e);
        Open(level > kTuple);
        Expr(n->target, kAtom);
        out += " := ";
        Expr(n->value, kAtom);
        Close(level > kTuple);
        return;
      }
      case ExprKind::BinOp:
        BinOpExpr(Cast<BinOp>(e), level);
        return;
      case ExprKind::UnaryOp: {
        auto* u = Cast<UnaryOp>(e);
        const char* op = "~";
        int pr = kFactor;
        switch (u->op) {
          case unaryop::Invert:
            break;
          case unaryop::Not:
            op = "not ";
            pr = kNot;
            break;
          case unaryop::UAdd:
            op = "+";
            break;
          case unaryop::USub:
            op = "-";
            break;
        }
        Open(level > pr);
        out += op;
        Expr(u->operand, pr);
        Close(level > pr);
        return;
      }
      case ExprKind::Lambda: {
        auto* l = Cast<Lambda>(e);
        Open(level > kTest);
        bool positional =
            !l->args->args.empty() || !l->args->posonlyargs.empty();
        out += positional ? "lambda " : "lambda";
        Args(l->args);
        out += ": ";
        Expr(l->body, kTest);
        Close(level > kTest);
        return;
      }
      case ExprKind::IfExp: {
        auto* i = Cast<IfExp>(e);
        Open(level > kTest);
        Expr(i->body, kTest + 1);
        out += " if ";
        Expr(i->test, kTest + 1);
        out += " else ";
        Expr(i->orelse, kTest);
        Close(level > kTest);
        return;
      }
      case ExprKind::Dict: {
        auto* d = Cast<Dict>(e);
        out += "{";
        for (size_t i = 0; i < d->values.size(); ++i) {
          if (i > 0) out += ", ";
          if (d->keys[i] != nullptr) {
            Expr(d->keys[i], kTest);
            out += ": ";
            Expr(d->values[i], kTest);
          } else {
            out += "**";
            Expr(d->values[i], kExpr);
          }
        }
        out += "}";
        return;
      }
      case ExprKind::Set: {
        auto* s = Cast<Set>(e);
        if (s->elts.empty()) {
          out += "{*()}";
          return;
        }
        out += "{";
        Join(s->elts, kTest);
        out += "}";
        return;
      }
      case ExprKind::ListComp: {
        auto* c = Cast<ListComp>(e);
        out += "[";
        Expr(c->elt, kTest);
        Comprehensions(c->generators);
        out += "]";
        return;
      }
      case ExprKind::SetComp: {
        auto* c = Cast<SetComp>(e);
        out += "{";
        Expr(c->elt, kTest);
        Comprehensions(c->generators);
        out += "}";
        return;
      }
      case ExprKind::DictComp: {
        auto* c = Cast<DictComp>(e);
        out += "{";
        Expr(c->key, kTest);
        out += ": ";
        Expr(c->value, kTest);
        Comprehensions(c->generators);
        out += "}";
        return;
      }
      case ExprKind::GeneratorExp: {
        auto* c = Cast<GeneratorExp>(e);
        out += "(";
        Expr(c->elt, kTest);
        Comprehensions(c->generators);
        out += ")";
        return;
      }
      case ExprKind::Await: {
        auto* a = Cast<Await>(e);
        Open(level > kAwait);
        out += "await ";
        Expr(a->value, kAtom);
        Close(level > kAwait);
        return;
      }
      case ExprKind::Yield: {
        auto* y = Cast<Yield>(e);
        if (y->value == nullptr) {
          out += "(yield)";
          return;
        }
        out += "(yield ";
        Expr(y->value, kTest);
        out += ")";
        return;
      }
      case ExprKind::YieldFrom:
        out += "(yield from ";
        Expr(Cast<YieldFrom>(e)->value, kTest);
        out += ")";
        return;
      case ExprKind::Compare: {
        auto* c = Cast<Compare>(e);
        Open(level > kCmp);
        Expr(c->left, kCmp + 1);
        for (size_t i = 0; i < c->ops.size(); ++i) {
          out += CmpOp(c->ops[i]);
          Expr(c->comparators[i], kCmp + 1);
        }
        Close(level > kCmp);
        return;
      }
      case ExprKind::Call: {
        auto* c = Cast<Call>(e);
        Expr(c->func, kAtom);
        if (c->args.size() == 1 && c->keywords.empty() &&
            c->args[0]->kind == ExprKind::GeneratorExp) {
          Expr(c->args[0], kTest);  // f(x for x in y): the genexp's parens
          return;
        }
        out += "(";
        bool first = true;
        for (const expr* a : c->args) {
          if (!first) out += ", ";
          first = false;
          Expr(a, kTest);
        }
        for (const keyword* k : c->keywords) {
          if (!first) out += ", ";
          first = false;
          if (k->arg.empty()) {
            out += "**";
          } else {
            out += k->arg;
            out += "=";
          }
          Expr(k->value, kTest);
        }
        out += ")";
        return;
      }
      case ExprKind::FormattedValue:
        FormattedValueExpr(Cast<FormattedValue>(e));
        return;
      case ExprKind::JoinedStr:
        JoinedStrExpr(Cast<JoinedStr>(e), false);
        return;
      case ExprKind::Constant: {
        auto* c = Cast<Constant>(e);
        if (c->value.kind == ConstantValue::Kind::kEllipsis) {
          out += "...";
          return;
        }
        if (c->kind_u) out += "u";
        out += ConstantRepr(c->value);
        return;
      }
      case ExprKind::Attribute: {
        auto* a = Cast<Attribute>(e);
        Expr(a->value, kAtom);
        // `1 .real`: an int needs a space before the period.
        auto* c = As<Constant>(a->value);
        bool is_int =
            c != nullptr && (c->value.kind == ConstantValue::Kind::kInt ||
                             c->value.kind == ConstantValue::Kind::kBigInt);
        out += is_int ? " ." : ".";
        out += a->attr;
        return;
      }
      case ExprKind::Subscript: {
        auto* s = Cast<Subscript>(e);
        Expr(s->value, kAtom);
        out += "[";
        Expr(s->slice, kTuple);
        out += "]";
        return;
      }
      case ExprKind::Starred:
        out += "*";
        Expr(Cast<Starred>(e)->value, kExpr);
        return;
      case ExprKind::Name:
        out += Cast<NameExpr>(e)->id;
        return;
      case ExprKind::List:
        out += "[";
        Join(Cast<List>(e)->elts, kTest);
        out += "]";
        return;
      case ExprKind::Tuple: {
        auto* t = Cast<Tuple>(e);
        if (t->elts.empty()) {
          out += "()";
          return;
        }
        Open(level > kTuple);
        Join(t->elts, kTest);
        if (t->elts.size() == 1) out += ",";
        Close(level > kTuple);
        return;
      }
      case ExprKind::Slice: {
        auto* s = Cast<Slice>(e);
        if (s->lower != nullptr) Expr(s->lower, kTest);
        out += ":";
        if (s->upper != nullptr) Expr(s->upper, kTest);
        if (s->step != nullptr) {
          out += ":";
          Expr(s->step, kTest);
        }
        return;
      }
    }
  }

 private:
  void Open(bool cond) {
    if (cond) out += "(";
  }
  void Close(bool cond) {
    if (cond) out += ")";
  }

  void Join(const ExprList& elts, int level) {
    for (size_t i = 0; i < elts.size(); ++i) {
      if (i > 0) out += ", ";
      Expr(elts[i], level);
    }
  }

  void BinOpExpr(const BinOp* b, int level) {
    const char* op = " + ";
    int pr = kArith;
    switch (b->op) {
      case operator_::Add:
        break;
      case operator_::Sub:
        op = " - ";
        break;
      case operator_::Mult:
        op = " * ";
        pr = kTerm;
        break;
      case operator_::MatMult:
        op = " @ ";
        pr = kTerm;
        break;
      case operator_::Div:
        op = " / ";
        pr = kTerm;
        break;
      case operator_::Mod:
        op = " % ";
        pr = kTerm;
        break;
      case operator_::FloorDiv:
        op = " // ";
        pr = kTerm;
        break;
      case operator_::LShift:
        op = " << ";
        pr = kShift;
        break;
      case operator_::RShift:
        op = " >> ";
        pr = kShift;
        break;
      case operator_::BitOr:
        op = " | ";
        pr = kBor;
        break;
      case operator_::BitXor:
        op = " ^ ";
        pr = kBxor;
        break;
      case operator_::BitAnd:
        op = " & ";
        pr = kBand;
        break;
      case operator_::Pow:
        op = " ** ";
        pr = kPower;
        break;
    }
    bool rassoc = b->op == operator_::Pow;
    Open(level > pr);
    Expr(b->left, pr + (rassoc ? 1 : 0));
    out += op;
    Expr(b->right, pr + (rassoc ? 0 : 1));
    Close(level > pr);
  }

  static const char* CmpOp(cmpop op) {
    switch (op) {
      case cmpop::Eq:
        return " == ";
      case cmpop::NotEq:
        return " != ";
      case cmpop::Lt:
        return " < ";
      case cmpop::LtE:
        return " <= ";
      case cmpop::Gt:
        return " > ";
      case cmpop::GtE:
        return " >= ";
      case cmpop::Is:
        return " is ";
      case cmpop::IsNot:
        return " is not ";
      case cmpop::In:
        return " in ";
      case cmpop::NotIn:
        return " not in ";
    }
    return " ? ";
  }

  void Comprehensions(const std::vector<comprehension*>& gens) {
    for (const comprehension* g : gens) {
      out += g->is_async ? " async for " : " for ";
      Expr(g->target, kTuple);
      out += " in ";
      Expr(g->iter, kTest + 1);
      for (const expr* cond : g->ifs) {
        out += " if ";
        Expr(cond, kTest + 1);
      }
    }
  }

  void Arg(const arg* a) {
    out += a->arg;
    if (a->annotation != nullptr) {
      out += ": ";
      Expr(a->annotation, kTest);
    }
  }

  void Args(const arguments* args) {
    bool first = true;
    auto comma = [&] {
      if (!first) out += ", ";
      first = false;
    };
    size_t arg_count = args->posonlyargs.size() + args->args.size();
    size_t default_count = args->defaults.size();
    for (size_t i = 0; i < arg_count; ++i) {
      comma();
      const arg* a = i < args->posonlyargs.size()
                         ? args->posonlyargs[i]
                         : args->args[i - args->posonlyargs.size()];
      Arg(a);
      if (i + default_count >= arg_count) {
        out += "=";
        Expr(args->defaults[i + default_count - arg_count], kTest);
      }
      if (!args->posonlyargs.empty() && i + 1 == args->posonlyargs.size())
        out += ", /";
    }
    if (args->vararg != nullptr || !args->kwonlyargs.empty()) {
      comma();
      out += "*";
      if (args->vararg != nullptr) Arg(args->vararg);
    }
    for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
      comma();
      Arg(args->kwonlyargs[i]);
      if (i < args->kw_defaults.size() && args->kw_defaults[i] != nullptr) {
        out += "=";
        Expr(args->kw_defaults[i], kTest);
      }
    }
    if (args->kwarg != nullptr) {
      comma();
      out += "**";
      Arg(args->kwarg);
    }
  }

  static std::string ConstantRepr(const ConstantValue& c) {
    switch (c.kind) {
      case ConstantValue::Kind::kNone:
        return "None";
      case ConstantValue::Kind::kTrue:
        return "True";
      case ConstantValue::Kind::kFalse:
        return "False";
      case ConstantValue::Kind::kEllipsis:
        return "...";
      case ConstantValue::Kind::kInt:
        return absl::StrCat(c.int_value);
      case ConstantValue::Kind::kBigInt:
        return c.str_value;
      case ConstantValue::Kind::kFloat:
        // An infinite literal (1e999) is written so that it reads back.
        return absl::StrReplaceAll(FloatRepr(c.float_value),
                                   {{"inf", "1e309"}});
      case ConstantValue::Kind::kComplex: {
        // repr(2j) is '2j': the imaginary part without a forced ".0".
        std::string imag = FloatRepr(c.float_value);
        if (imag.size() > 2 && imag.compare(imag.size() - 2, 2, ".0") == 0)
          imag.resize(imag.size() - 2);
        return absl::StrReplaceAll(imag + "j", {{"inf", "1e309"}});
      }
      case ConstantValue::Kind::kStr:
        return StrRepr(c.str_value);
      case ConstantValue::Kind::kBytes:
        return BytesRepr(c.str_value);
    }
    return "";
  }

  // The body of an f-string (between the quotes) for `values`.
  static std::string FStringBody(const ExprList& values) {
    Unparser u;
    for (const expr* v : values) u.FStringElement(v);
    return u.out;
  }

  void FStringElement(const expr* e) {
    if (auto* c = As<Constant>(e)) {
      out +=
          absl::StrReplaceAll(c->value.str_value, {{"{", "{{"}, {"}", "}}"}});
    } else if (auto* j = As<JoinedStr>(e)) {
      JoinedStrExpr(j, true);
    } else if (auto* f = As<FormattedValue>(e)) {
      FormattedValueExpr(f);
    }
  }

  void JoinedStrExpr(const JoinedStr* j, bool is_format_spec) {
    std::string body = FStringBody(j->values);
    if (is_format_spec) {
      out += body;
    } else {
      out += "f";
      out += StrRepr(body);
    }
  }

  void FormattedValueExpr(const FormattedValue* f) {
    Unparser inner;
    inner.Expr(f->value, kTest + 1);
    // An expression that starts with a brace is set off from the outer one.
    out += !inner.out.empty() && inner.out[0] == '{' ? "{ " : "{";
    out += inner.out;
    if (f->conversion > 0) {
      out += "!";
      out += static_cast<char>(f->conversion);
    }
    if (f->format_spec != nullptr) {
      out += ":";
      FStringElement(f->format_spec);
    }
    out += "}";
  }
};

}  // namespace

std::string UnparseExpr(const ast::expr* e) {
  Unparser u;
  u.Expr(e, kTest);
  return u.out;
}

}  // namespace minidynamo
