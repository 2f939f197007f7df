#include "vm/parse/ast_dump.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/parse/unicode_data.h"
#include "vm/parse/utf8.h"

namespace minidynamo {
namespace {

using namespace ast;  // NOLINT: the dumper names every node type

// repr(float) without the ".0" Python adds to integral floats (complex
// repr omits it).
std::string FloatDigits(double d, bool add_dot_zero) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  char buf[64];
  auto res =
      std::to_chars(buf, buf + sizeof(buf), d, std::chars_format::scientific);
  std::string_view sci(buf, res.ptr - buf);  // "-1.2345e+05"
  std::string out;
  if (sci.front() == '-') {
    out.push_back('-');
    sci.remove_prefix(1);
  }
  size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e)) {
    if (c != '.') digits.push_back(c);
  }
  int exp = std::atoi(std::string(sci.substr(e + 1)).c_str());
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int decpt = exp + 1;  // position of the decimal point in `digits`
  if (decpt <= -4 || decpt > 16) {
    out.push_back(digits[0]);
    if (digits.size() > 1) {
      out.push_back('.');
      out.append(digits, 1, std::string::npos);
    }
    absl::StrAppendFormat(&out, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
    return out;
  }
  if (decpt <= 0) {
    out.append("0.");
    out.append(-decpt, '0');
    out.append(digits);
  } else if (static_cast<size_t>(decpt) >= digits.size()) {
    out.append(digits);
    out.append(decpt - digits.size(), '0');
    if (add_dot_zero) out.append(".0");
  } else {
    out.append(digits, 0, decpt);
    out.push_back('.');
    out.append(digits, decpt, std::string::npos);
  }
  return out;
}

void AppendStrRepr(std::string_view s, std::string* out) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  out->push_back(quote);
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp = utf8::Next(s, &i);
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(cp));
    } else if (cp == '\t') {
      out->append("\\t");
    } else if (cp == '\n') {
      out->append("\\n");
    } else if (cp == '\r') {
      out->append("\\r");
    } else if (cp < 0x20 || cp == 0x7F) {
      absl::StrAppendFormat(out, "\\x%02x", static_cast<uint32_t>(cp));
    } else if (cp < 0x7F) {
      out->push_back(static_cast<char>(cp));
    } else if (unicode::IsPrintable(cp)) {
      utf8::Append(cp, out);
    } else if (cp <= 0xFF) {
      absl::StrAppendFormat(out, "\\x%02x", static_cast<uint32_t>(cp));
    } else if (cp <= 0xFFFF) {
      absl::StrAppendFormat(out, "\\u%04x", static_cast<uint32_t>(cp));
    } else {
      absl::StrAppendFormat(out, "\\U%08x", static_cast<uint32_t>(cp));
    }
  }
  out->push_back(quote);
}

void AppendBytesRepr(std::string_view s, std::string* out) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  out->push_back('b');
  out->push_back(quote);
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out->push_back('\\');
      out->push_back(ch);
    } else if (c == '\t') {
      out->append("\\t");
    } else if (c == '\n') {
      out->append("\\n");
    } else if (c == '\r') {
      out->append("\\r");
    } else if (c < 0x20 || c >= 0x7F) {
      absl::StrAppendFormat(out, "\\x%02x", c);
    } else {
      out->push_back(ch);
    }
  }
  out->push_back(quote);
}

// Builds "Name(field=value, ...)" one field at a time.
class Dumper {
 public:
  explicit Dumper(bool attrs) : attrs_(attrs) {}
  std::string Take() { return std::move(out_); }

  void Mod(const mod& m) {
    switch (m.kind) {
      case ModKind::Module:
        Open("Module");
        Key("body");
        Stmts(static_cast<const Module&>(m).body);
        Key("type_ignores");
        out_.append("[]");
        Close(nullptr);
        break;
      case ModKind::Interactive:
        Open("Interactive");
        Key("body");
        Stmts(static_cast<const Interactive&>(m).body);
        Close(nullptr);
        break;
      case ModKind::Expression:
        Open("Expression");
        Key("body");
        Expr(static_cast<const Expression&>(m).body);
        Close(nullptr);
        break;
    }
  }

  void Expr(const expr* e) {
    if (e == nullptr) {
      out_.append("None");
      return;
    }
    if (TooDeep()) return;
    DepthCount count(this);
    Open(ast::NameOf(e->kind));
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* n = static_cast<const BoolOp*>(e);
        Key("op");
        Enum(ast::NameOf(n->op));
        Key("values");
        Exprs(n->values);
        break;
      }
      case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        Field("target", n->target);
        Field("value", n->value);
        break;
      }
      case ExprKind::BinOp: {
        auto* n = static_cast<const BinOp*>(e);
        Field("left", n->left);
        Key("op");
        Enum(ast::NameOf(n->op));
        Field("right", n->right);
        break;
      }
      case ExprKind::UnaryOp: {
        auto* n = static_cast<const UnaryOp*>(e);
        Key("op");
        Enum(ast::NameOf(n->op));
        Field("operand", n->operand);
        break;
      }
      case ExprKind::Lambda: {
        auto* n = static_cast<const Lambda*>(e);
        Key("args");
        Arguments(*n->args);
        Field("body", n->body);
        break;
      }
      case ExprKind::IfExp: {
        auto* n = static_cast<const IfExp*>(e);
        Field("test", n->test);
        Field("body", n->body);
        Field("orelse", n->orelse);
        break;
      }
      case ExprKind::Dict: {
        auto* n = static_cast<const Dict*>(e);
        Key("keys");
        Exprs(n->keys);
        Key("values");
        Exprs(n->values);
        break;
      }
      case ExprKind::Set:
        Key("elts");
        Exprs(static_cast<const Set*>(e)->elts);
        break;
      case ExprKind::ListComp: {
        auto* n = static_cast<const ListComp*>(e);
        Field("elt", n->elt);
        Generators(n->generators);
        break;
      }
      case ExprKind::SetComp: {
        auto* n = static_cast<const SetComp*>(e);
        Field("elt", n->elt);
        Generators(n->generators);
        break;
      }
      case ExprKind::DictComp: {
        auto* n = static_cast<const DictComp*>(e);
        Field("key", n->key);
        Field("value", n->value);
        Generators(n->generators);
        break;
      }
      case ExprKind::GeneratorExp: {
        auto* n = static_cast<const GeneratorExp*>(e);
        Field("elt", n->elt);
        Generators(n->generators);
        break;
      }
      case ExprKind::Await:
        Field("value", static_cast<const Await*>(e)->value);
        break;
      case ExprKind::Yield:
        OptField("value", static_cast<const Yield*>(e)->value);
        break;
      case ExprKind::YieldFrom:
        Field("value", static_cast<const YieldFrom*>(e)->value);
        break;
      case ExprKind::Compare: {
        auto* n = static_cast<const Compare*>(e);
        Field("left", n->left);
        Key("ops");
        out_.push_back('[');
        for (size_t i = 0; i < n->ops.size(); ++i) {
          if (i) out_.append(", ");
          Enum(ast::NameOf(n->ops[i]));
        }
        out_.push_back(']');
        Key("comparators");
        Exprs(n->comparators);
        break;
      }
      case ExprKind::Call: {
        auto* n = static_cast<const Call*>(e);
        Field("func", n->func);
        Key("args");
        Exprs(n->args);
        Key("keywords");
        Keywords(n->keywords);
        break;
      }
      case ExprKind::FormattedValue: {
        auto* n = static_cast<const FormattedValue*>(e);
        Field("value", n->value);
        Key("conversion");
        absl::StrAppend(&out_, n->conversion);
        OptField("format_spec", n->format_spec);
        break;
      }
      case ExprKind::JoinedStr:
        Key("values");
        Exprs(static_cast<const JoinedStr*>(e)->values);
        break;
      case ExprKind::Constant: {
        auto* n = static_cast<const Constant*>(e);
        Key("value");
        out_.append(ReprConstant(n->value));
        if (n->kind_u) {
          Key("kind");
          out_.append("'u'");
        }
        break;
      }
      case ExprKind::Attribute: {
        auto* n = static_cast<const Attribute*>(e);
        Field("value", n->value);
        Key("attr");
        AppendStrRepr(n->attr, &out_);
        Ctx(n->ctx);
        break;
      }
      case ExprKind::Subscript: {
        auto* n = static_cast<const Subscript*>(e);
        Field("value", n->value);
        Field("slice", n->slice);
        Ctx(n->ctx);
        break;
      }
      case ExprKind::Starred: {
        auto* n = static_cast<const Starred*>(e);
        Field("value", n->value);
        Ctx(n->ctx);
        break;
      }
      case ExprKind::Name: {
        auto* n = static_cast<const ast::Name*>(e);
        Key("id");
        AppendStrRepr(n->id, &out_);
        Ctx(n->ctx);
        break;
      }
      case ExprKind::List: {
        auto* n = static_cast<const List*>(e);
        Key("elts");
        Exprs(n->elts);
        Ctx(n->ctx);
        break;
      }
      case ExprKind::Tuple: {
        auto* n = static_cast<const Tuple*>(e);
        Key("elts");
        Exprs(n->elts);
        Ctx(n->ctx);
        break;
      }
      case ExprKind::Slice: {
        auto* n = static_cast<const Slice*>(e);
        OptField("lower", n->lower);
        OptField("upper", n->upper);
        OptField("step", n->step);
        break;
      }
    }
    Close(e);
  }

  void Stmt(const stmt* s) {
    if (TooDeep()) return;
    DepthCount count(this);
    Open(ast::NameOf(s->kind));
    switch (s->kind) {
      case StmtKind::FunctionDef:
        FunctionLike(*static_cast<const FunctionDef*>(s));
        break;
      case StmtKind::AsyncFunctionDef:
        FunctionLike(*static_cast<const AsyncFunctionDef*>(s));
        break;
      case StmtKind::ClassDef: {
        auto* n = static_cast<const ClassDef*>(s);
        Key("name");
        AppendStrRepr(n->name, &out_);
        Key("bases");
        Exprs(n->bases);
        Key("keywords");
        Keywords(n->keywords);
        Key("body");
        Stmts(n->body);
        Key("decorator_list");
        Exprs(n->decorator_list);
        break;
      }
      case StmtKind::Return:
        OptField("value", static_cast<const Return*>(s)->value);
        break;
      case StmtKind::Delete:
        Key("targets");
        Exprs(static_cast<const Delete*>(s)->targets);
        break;
      case StmtKind::Assign: {
        auto* n = static_cast<const Assign*>(s);
        Key("targets");
        Exprs(n->targets);
        Field("value", n->value);
        break;
      }
      case StmtKind::AugAssign: {
        auto* n = static_cast<const AugAssign*>(s);
        Field("target", n->target);
        Key("op");
        Enum(ast::NameOf(n->op));
        Field("value", n->value);
        break;
      }
      case StmtKind::AnnAssign: {
        auto* n = static_cast<const AnnAssign*>(s);
        Field("target", n->target);
        Field("annotation", n->annotation);
        OptField("value", n->value);
        Key("simple");
        absl::StrAppend(&out_, n->simple);
        break;
      }
      case StmtKind::For:
        ForLike(*static_cast<const For*>(s));
        break;
      case StmtKind::AsyncFor:
        ForLike(*static_cast<const AsyncFor*>(s));
        break;
      case StmtKind::While: {
        auto* n = static_cast<const While*>(s);
        Field("test", n->test);
        Key("body");
        Stmts(n->body);
        Key("orelse");
        Stmts(n->orelse);
        break;
      }
      case StmtKind::If: {
        auto* n = static_cast<const If*>(s);
        Field("test", n->test);
        Key("body");
        Stmts(n->body);
        Key("orelse");
        Stmts(n->orelse);
        break;
      }
      case StmtKind::With:
        WithLike(*static_cast<const With*>(s));
        break;
      case StmtKind::AsyncWith:
        WithLike(*static_cast<const AsyncWith*>(s));
        break;
      case StmtKind::Raise: {
        auto* n = static_cast<const Raise*>(s);
        OptField("exc", n->exc);
        OptField("cause", n->cause);
        break;
      }
      case StmtKind::Try:
        TryLike(*static_cast<const Try*>(s));
        break;
      case StmtKind::TryStar:
        TryLike(*static_cast<const TryStar*>(s));
        break;
      case StmtKind::Assert: {
        auto* n = static_cast<const Assert*>(s);
        Field("test", n->test);
        OptField("msg", n->msg);
        break;
      }
      case StmtKind::Import:
        Key("names");
        Aliases(static_cast<const Import*>(s)->names);
        break;
      case StmtKind::ImportFrom: {
        auto* n = static_cast<const ImportFrom*>(s);
        if (!n->module.empty()) {
          Key("module");
          AppendStrRepr(n->module, &out_);
        }
        Key("names");
        Aliases(n->names);
        Key("level");
        absl::StrAppend(&out_, n->level);
        break;
      }
      case StmtKind::Global:
        Key("names");
        Identifiers(static_cast<const Global*>(s)->names);
        break;
      case StmtKind::Nonlocal:
        Key("names");
        Identifiers(static_cast<const Nonlocal*>(s)->names);
        break;
      case StmtKind::Expr:
        Field("value", static_cast<const ast::Expr*>(s)->value);
        break;
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        break;
      case StmtKind::Match: {
        auto* n = static_cast<const Match*>(s);
        Field("subject", n->subject);
        Key("cases");
        out_.push_back('[');
        for (size_t i = 0; i < n->cases.size(); ++i) {
          if (i) out_.append(", ");
          const match_case* c = n->cases[i];
          Open("match_case");
          Key("pattern");
          Pattern(c->pattern);
          OptField("guard", c->guard);
          Key("body");
          Stmts(c->body);
          Close(nullptr);
        }
        out_.push_back(']');
        break;
      }
    }
    Close(s);
  }

  void Pattern(const pattern* p) {
    if (TooDeep()) return;
    DepthCount count(this);
    Open(ast::NameOf(p->kind));
    switch (p->kind) {
      case PatternKind::MatchValue:
        Field("value", static_cast<const MatchValue*>(p)->value);
        break;
      case PatternKind::MatchSingleton: {
        Key("value");
        ConstantValue v;
        v.kind = static_cast<const MatchSingleton*>(p)->value;
        out_.append(ReprConstant(v));
        break;
      }
      case PatternKind::MatchSequence:
        Key("patterns");
        Patterns(static_cast<const MatchSequence*>(p)->patterns);
        break;
      case PatternKind::MatchMapping: {
        auto* n = static_cast<const MatchMapping*>(p);
        Key("keys");
        Exprs(n->keys);
        Key("patterns");
        Patterns(n->patterns);
        OptIdentifier("rest", n->rest);
        break;
      }
      case PatternKind::MatchClass: {
        auto* n = static_cast<const MatchClass*>(p);
        Field("cls", n->cls);
        Key("patterns");
        Patterns(n->patterns);
        Key("kwd_attrs");
        Identifiers(n->kwd_attrs);
        Key("kwd_patterns");
        Patterns(n->kwd_patterns);
        break;
      }
      case PatternKind::MatchStar:
        OptIdentifier("name", static_cast<const MatchStar*>(p)->name);
        break;
      case PatternKind::MatchAs: {
        auto* n = static_cast<const MatchAs*>(p);
        if (n->pattern != nullptr) {
          Key("pattern");
          Pattern(n->pattern);
        }
        OptIdentifier("name", n->name);
        break;
      }
      case PatternKind::MatchOr:
        Key("patterns");
        Patterns(static_cast<const MatchOr*>(p)->patterns);
        break;
    }
    Close(p);
  }

 private:
  // Trees from long flat chains (1+1+...+1) are as deep as they are long;
  // past this depth the dump shows "..." instead of overflowing the stack
  // (CPython's ast.dump raises RecursionError far earlier).
  static constexpr int kMaxDepth = 3000;
  struct DepthCount {
    explicit DepthCount(Dumper* d) : d(d) { ++d->depth_; }
    ~DepthCount() { --d->depth_; }
    Dumper* d;
  };
  bool TooDeep() {
    if (depth_ < kMaxDepth) return false;
    out_.append("...");
    return true;
  }

  void Open(std::string_view name) {
    out_.append(name);
    out_.push_back('(');
    first_.push_back(true);
  }
  void Close(const Located* loc) {
    if (attrs_ && loc != nullptr) {
      Key("lineno");
      absl::StrAppend(&out_, loc->lineno);
      Key("col_offset");
      absl::StrAppend(&out_, loc->col_offset);
      Key("end_lineno");
      absl::StrAppend(&out_, loc->end_lineno);
      Key("end_col_offset");
      absl::StrAppend(&out_, loc->end_col_offset);
    }
    out_.push_back(')');
    first_.pop_back();
  }
  void Key(std::string_view name) {
    if (!first_.back()) out_.append(", ");
    first_.back() = false;
    out_.append(name);
    out_.push_back('=');
  }
  void Enum(std::string_view name) {
    out_.append(name);
    out_.append("()");
  }
  void Field(std::string_view name, const expr* e) {
    Key(name);
    Expr(e);
  }
  void OptField(std::string_view name, const expr* e) {
    if (e != nullptr) Field(name, e);
  }
  void Ctx(expr_context ctx) {
    Key("ctx");
    Enum(ast::NameOf(ctx));
  }
  void Exprs(const ExprList& list) {
    out_.push_back('[');
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out_.append(", ");
      Expr(list[i]);
    }
    out_.push_back(']');
  }
  void Stmts(const StmtList& list) {
    out_.push_back('[');
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out_.append(", ");
      Stmt(list[i]);
    }
    out_.push_back(']');
  }
  void Patterns(const PatternList& list) {
    out_.push_back('[');
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out_.append(", ");
      Pattern(list[i]);
    }
    out_.push_back(']');
  }
  void OptIdentifier(std::string_view name, const std::string& id) {
    if (id.empty()) return;
    Key(name);
    AppendStrRepr(id, &out_);
  }
  void Identifiers(const std::vector<std::string>& names) {
    out_.push_back('[');
    for (size_t i = 0; i < names.size(); ++i) {
      if (i) out_.append(", ");
      AppendStrRepr(names[i], &out_);
    }
    out_.push_back(']');
  }
  void Keywords(const std::vector<keyword*>& list) {
    out_.push_back('[');
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out_.append(", ");
      Open("keyword");
      if (!list[i]->arg.empty()) {
        Key("arg");
        AppendStrRepr(list[i]->arg, &out_);
      }
      Field("value", list[i]->value);
      Close(list[i]);
    }
    out_.push_back(']');
  }
  void Aliases(const std::vector<alias*>& list) {
    out_.push_back('[');
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out_.append(", ");
      Open("alias");
      Key("name");
      AppendStrRepr(list[i]->name, &out_);
      if (!list[i]->asname.empty()) {
        Key("asname");
        AppendStrRepr(list[i]->asname, &out_);
      }
      Close(list[i]);
    }
    out_.push_back(']');
  }
  void Generators(const std::vector<comprehension*>& gens) {
    Key("generators");
    out_.push_back('[');
    for (size_t i = 0; i < gens.size(); ++i) {
      if (i) out_.append(", ");
      Open("comprehension");
      Field("target", gens[i]->target);
      Field("iter", gens[i]->iter);
      Key("ifs");
      Exprs(gens[i]->ifs);
      Key("is_async");
      absl::StrAppend(&out_, gens[i]->is_async);
      Close(nullptr);
    }
    out_.push_back(']');
  }
  void Arg(const arg* a) {
    if (a == nullptr) {
      out_.append("None");
      return;
    }
    Open("arg");
    Key("arg");
    AppendStrRepr(a->arg, &out_);
    OptField("annotation", a->annotation);
    Close(a);
  }
  void Args(const std::vector<arg*>& list) {
    out_.push_back('[');
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out_.append(", ");
      Arg(list[i]);
    }
    out_.push_back(']');
  }
  void Arguments(const arguments& a) {
    Open("arguments");
    Key("posonlyargs");
    Args(a.posonlyargs);
    Key("args");
    Args(a.args);
    if (a.vararg != nullptr) {
      Key("vararg");
      Arg(a.vararg);
    }
    Key("kwonlyargs");
    Args(a.kwonlyargs);
    Key("kw_defaults");
    Exprs(a.kw_defaults);
    if (a.kwarg != nullptr) {
      Key("kwarg");
      Arg(a.kwarg);
    }
    Key("defaults");
    Exprs(a.defaults);
    Close(nullptr);
  }
  template <typename F>
  void FunctionLike(const F& n) {
    Key("name");
    AppendStrRepr(n.name, &out_);
    Key("args");
    Arguments(*n.args);
    Key("body");
    Stmts(n.body);
    Key("decorator_list");
    Exprs(n.decorator_list);
    OptField("returns", n.returns);
  }
  template <typename F>
  void ForLike(const F& n) {
    Field("target", n.target);
    Field("iter", n.iter);
    Key("body");
    Stmts(n.body);
    Key("orelse");
    Stmts(n.orelse);
  }
  template <typename W>
  void WithLike(const W& n) {
    Key("items");
    out_.push_back('[');
    for (size_t i = 0; i < n.items.size(); ++i) {
      if (i) out_.append(", ");
      Open("withitem");
      Field("context_expr", n.items[i]->context_expr);
      OptField("optional_vars", n.items[i]->optional_vars);
      Close(nullptr);
    }
    out_.push_back(']');
    Key("body");
    Stmts(n.body);
  }
  template <typename T>
  void TryLike(const T& n) {
    Key("body");
    Stmts(n.body);
    Key("handlers");
    out_.push_back('[');
    for (size_t i = 0; i < n.handlers.size(); ++i) {
      if (i) out_.append(", ");
      const ExceptHandler* h = n.handlers[i];
      Open("ExceptHandler");
      OptField("type", h->type);
      if (!h->name.empty()) {
        Key("name");
        AppendStrRepr(h->name, &out_);
      }
      Key("body");
      Stmts(h->body);
      Close(h);
    }
    out_.push_back(']');
    Key("orelse");
    Stmts(n.orelse);
    Key("finalbody");
    Stmts(n.finalbody);
  }

  bool attrs_;
  int depth_ = 0;
  std::string out_;
  std::vector<bool> first_;
};

}  // namespace

std::string ReprFloat(double d) { return FloatDigits(d, true); }

std::string ReprConstant(const ast::ConstantValue& v) {
  using K = ast::ConstantValue::Kind;
  switch (v.kind) {
    case K::kNone:
      return "None";
    case K::kTrue:
      return "True";
    case K::kFalse:
      return "False";
    case K::kEllipsis:
      return "Ellipsis";
    case K::kInt:
      return absl::StrCat(v.int_value);
    case K::kBigInt:
      return v.str_value;
    case K::kFloat:
      return FloatDigits(v.float_value, true);
    case K::kComplex:
      return FloatDigits(v.float_value, false) + "j";
    case K::kStr: {
      std::string out;
      AppendStrRepr(v.str_value, &out);
      return out;
    }
    case K::kBytes: {
      std::string out;
      AppendBytesRepr(v.str_value, &out);
      return out;
    }
  }
  return "None";
}

std::string DumpAst(const ast::mod& tree, bool include_attributes) {
  Dumper d(include_attributes);
  d.Mod(tree);
  return d.Take();
}

std::string DumpExpr(const ast::expr& e, bool include_attributes) {
  Dumper d(include_attributes);
  d.Expr(&e);
  return d.Take();
}

}  // namespace minidynamo
