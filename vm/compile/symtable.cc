#include "vm/compile/symtable.h"

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace minidynamo {

std::string MangleName(const std::string& private_name,
                       const std::string& name) {
  if (private_name.empty() || name.size() < 3 || name[0] != '_' ||
      name[1] != '_') {
    return name;
  }
  if (name[name.size() - 1] == '_' && name[name.size() - 2] == '_') {
    return name;
  }
  if (name.find('.') != std::string::npos) return name;
  size_t start = private_name.find_first_not_of('_');
  if (start == std::string::npos) return name;
  return absl::StrCat("_", private_name.substr(start), name);
}

NameScope Scope::Resolve(const std::string& name) const {
  auto it = resolved.find(name);
  if (it != resolved.end()) return it->second;
  return kind == ScopeKind::kFunction ? NameScope::kGlobalImplicit
                                      : NameScope::kLocal;
}

Scope* Scope::ChildFor(const void* n) const {
  for (const auto& c : children) {
    if (c->node == n) return c.get();
  }
  return nullptr;
}

namespace {

using namespace ast;  // NOLINT: the visitor names every node type.
// ast::Name is also a function (enum names), which hides the struct.
using NameExpr = struct ast::Name;

class Builder {
 public:
  Builder(const std::string& filename, SyntaxErrorInfo* error)
      : filename_(filename), error_(error) {}

  bool Run(const mod& m, SymbolTable* out) {
    out->top = std::make_unique<Scope>();
    out->top->kind = ScopeKind::kModule;
    out->top->name = "top";
    cur_ = out->top.get();
    if (m.kind == ModKind::Module) {
      for (stmt* s : static_cast<const Module&>(m).body) VisitStmt(s);
    } else if (m.kind == ModKind::Interactive) {
      for (stmt* s : static_cast<const Interactive&>(m).body) VisitStmt(s);
    } else {
      VisitExpr(static_cast<const Expression&>(m).body);
    }
    if (failed_) return false;
    absl::flat_hash_set<std::string> none;
    Analyze(cur_, none);
    return !failed_;
  }

 private:
  bool Fail(const std::string& msg, int lineno, int col, int end_lineno = 0,
            int end_col = -1) {
    if (!failed_) {
      error_->type = "SyntaxError";
      error_->msg = msg;
      error_->filename = filename_;
      error_->lineno = lineno;
      error_->offset = col + 1;
      error_->end_lineno = end_lineno;
      error_->end_offset = end_col + 1;
    }
    failed_ = true;
    return false;
  }
  // At a node's whole range, as CPython reports symtable errors.
  bool Fail(const std::string& msg, const Located& at) {
    return Fail(msg, at.lineno, at.col_offset, at.end_lineno,
                at.end_col_offset);
  }

  Scope* Enter(ScopeKind kind, const std::string& name, const void* node,
               int lineno) {
    auto s = std::make_unique<Scope>();
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->parent = cur_;
    s->lineno = lineno;
    Scope* raw = s.get();
    cur_->children.push_back(std::move(s));
    cur_ = raw;
    return raw;
  }
  void Leave() { cur_ = cur_->parent; }

  // Records `raw` (mangled inside a class) in scope `s`.
  void AddDef(Scope* s, const std::string& raw, int flag, int lineno = 0,
              int col = 0) {
    std::string name = Mangle(raw);
    auto it = s->flags.find(name);
    if (it == s->flags.end()) {
      s->order.push_back(name);
      s->flags[name] = flag;
      return;
    }
    int old = it->second;
    if ((flag & kDefParam) && (old & kDefParam)) {
      // The parameter's name (its range, annotation left out).
      Fail(
          absl::StrCat("duplicate argument '", raw, "' in function definition"),
          lineno, col, lineno, col + static_cast<int>(raw.size()));
    }
    it->second = old | flag;
  }
  void AddDef(const std::string& name, int flag, int lineno = 0, int col = 0) {
    AddDef(cur_, name, flag, lineno, col);
  }
  std::string Mangle(const std::string& name) const {
    return MangleName(private_, name);
  }

  void VisitBody(const StmtList& body) {
    for (stmt* s : body) VisitStmt(s);
  }

  void VisitArgsDefaults(const arguments* a) {
    for (expr* d : a->defaults) VisitExpr(d);
    for (expr* d : a->kw_defaults) {
      if (d != nullptr) VisitExpr(d);
    }
  }

  void VisitAnnotations(const arguments* a, const expr* returns) {
    auto visit = [&](const arg* x) {
      if (x != nullptr && x->annotation != nullptr) VisitExpr(x->annotation);
    };
    for (const arg* x : a->posonlyargs) visit(x);
    for (const arg* x : a->args) visit(x);
    visit(a->vararg);
    for (const arg* x : a->kwonlyargs) visit(x);
    visit(a->kwarg);
    if (returns != nullptr) VisitExpr(const_cast<expr*>(returns));
  }

  void AddParams(const arguments* a) {
    auto add = [&](const arg* x) {
      AddDef(x->arg, kDefParam, x->lineno, x->col_offset);
      cur_->params.push_back(Mangle(x->arg));
    };
    for (const arg* x : a->posonlyargs) add(x);
    for (const arg* x : a->args) add(x);
    for (const arg* x : a->kwonlyargs) add(x);
    if (a->vararg != nullptr) {
      add(a->vararg);
      cur_->has_varargs = true;
    }
    if (a->kwarg != nullptr) {
      add(a->kwarg);
      cur_->has_varkeywords = true;
    }
  }

  void VisitFunction(const void* node, const std::string& name,
                     const arguments* args, const StmtList& body,
                     const ExprList& decorators, const expr* returns,
                     int lineno, bool is_async) {
    AddDef(name, kDefLocal);
    for (expr* d : decorators) VisitExpr(d);
    VisitArgsDefaults(args);
    VisitAnnotations(args, returns);
    Scope* s = Enter(ScopeKind::kFunction, name, node, lineno);
    s->is_coroutine = is_async;
    AddParams(args);
    VisitBody(body);
    Leave();
  }

  // Guards recursion on deep trees (see the compiler's DepthGuard).
  bool Deeper() {
    if (++depth_ > 2000) {
      --depth_;
      if (!failed_) {
        failed_ = true;
        error_->type = "RecursionError";
        error_->msg = "maximum recursion depth exceeded during compilation";
      }
      return false;
    }
    return true;
  }

  void VisitStmt(stmt* s) {
    if (failed_ || !Deeper()) return;
    VisitStmtInner(s);
    --depth_;
  }

  void VisitStmtInner(stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        auto* f = Cast<FunctionDef>(s);
        VisitFunction(f, f->name, f->args, f->body, f->decorator_list,
                      f->returns, f->lineno, false);
        break;
      }
      case StmtKind::AsyncFunctionDef: {
        auto* f = Cast<AsyncFunctionDef>(s);
        VisitFunction(f, f->name, f->args, f->body, f->decorator_list,
                      f->returns, f->lineno, true);
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = Cast<ClassDef>(s);
        AddDef(c->name, kDefLocal);
        for (expr* b : c->bases) VisitExpr(b);
        for (keyword* k : c->keywords) VisitExpr(k->value);
        for (expr* d : c->decorator_list) VisitExpr(d);
        Enter(ScopeKind::kClass, c->name, c, c->lineno);
        std::string outer_private = std::move(private_);
        private_ = c->name;
        VisitBody(c->body);
        private_ = std::move(outer_private);
        Leave();
        break;
      }
      case StmtKind::Return: {
        auto* r = Cast<Return>(s);
        if (cur_->kind != ScopeKind::kFunction) {
          Fail("'return' outside function", *s);
        }
        if (r->value != nullptr) VisitExpr(r->value);
        break;
      }
      case StmtKind::Delete:
        for (expr* t : Cast<Delete>(s)->targets) VisitExpr(t);
        break;
      case StmtKind::Assign: {
        auto* a = Cast<Assign>(s);
        for (expr* t : a->targets) VisitExpr(t);
        VisitExpr(a->value);
        break;
      }
      case StmtKind::AugAssign: {
        auto* a = Cast<AugAssign>(s);
        VisitExpr(a->target);
        VisitExpr(a->value);
        break;
      }
      case StmtKind::AnnAssign: {
        auto* a = Cast<AnnAssign>(s);
        if (auto* n = As<NameExpr>(a->target)) {
          auto it = cur_->flags.find(Mangle(n->id));
          if (it != cur_->flags.end() &&
              (it->second & (kDefGlobal | kDefNonlocal)) && a->simple) {
            Fail(
                absl::StrCat("annotated name '", n->id, "' can't be ",
                             (it->second & kDefGlobal) ? "global" : "nonlocal"),
                *s);
          }
        }
        VisitExpr(a->target);
        if (cur_->kind != ScopeKind::kFunction) VisitExpr(a->annotation);
        if (a->value != nullptr) VisitExpr(a->value);
        break;
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* f = static_cast<For*>(s);
        if (s->kind == StmtKind::AsyncFor) {
          auto* af = Cast<AsyncFor>(s);
          VisitExpr(af->target);
          VisitExpr(af->iter);
          VisitBody(af->body);
          VisitBody(af->orelse);
          break;
        }
        VisitExpr(f->target);
        VisitExpr(f->iter);
        VisitBody(f->body);
        VisitBody(f->orelse);
        break;
      }
      case StmtKind::While: {
        auto* w = Cast<While>(s);
        VisitExpr(w->test);
        VisitBody(w->body);
        VisitBody(w->orelse);
        break;
      }
      case StmtKind::If: {
        auto* i = Cast<If>(s);
        VisitExpr(i->test);
        VisitBody(i->body);
        VisitBody(i->orelse);
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        const auto& items = s->kind == StmtKind::With
                                ? Cast<With>(s)->items
                                : Cast<AsyncWith>(s)->items;
        const auto& body = s->kind == StmtKind::With ? Cast<With>(s)->body
                                                     : Cast<AsyncWith>(s)->body;
        for (withitem* w : items) {
          VisitExpr(w->context_expr);
          if (w->optional_vars != nullptr) VisitExpr(w->optional_vars);
        }
        VisitBody(body);
        break;
      }
      case StmtKind::Raise: {
        auto* r = Cast<Raise>(s);
        if (r->exc != nullptr) VisitExpr(r->exc);
        if (r->cause != nullptr) VisitExpr(r->cause);
        break;
      }
      case StmtKind::Try:
      case StmtKind::TryStar: {
        auto* t = static_cast<Try*>(s);
        VisitBody(t->body);
        for (ExceptHandler* h : t->handlers) {
          if (h->type != nullptr) VisitExpr(h->type);
          if (!h->name.empty()) AddDef(h->name, kDefLocal);
          VisitBody(h->body);
        }
        VisitBody(t->orelse);
        VisitBody(t->finalbody);
        break;
      }
      case StmtKind::Assert: {
        auto* a = Cast<Assert>(s);
        VisitExpr(a->test);
        if (a->msg != nullptr) VisitExpr(a->msg);
        break;
      }
      case StmtKind::Import:
        for (alias* a : Cast<Import>(s)->names) {
          std::string name = a->asname.empty()
                                 ? a->name.substr(0, a->name.find('.'))
                                 : a->asname;
          AddDef(name, kDefImport);
        }
        break;
      case StmtKind::ImportFrom:
        for (alias* a : Cast<ImportFrom>(s)->names) {
          if (a->name == "*") {
            if (cur_->kind != ScopeKind::kModule) {
              Fail("import * only allowed at module level", *s);
            }
            continue;
          }
          AddDef(a->asname.empty() ? a->name : a->asname, kDefImport);
        }
        break;
      case StmtKind::Global:
      case StmtKind::Nonlocal: {
        bool is_global = s->kind == StmtKind::Global;
        const auto& names =
            is_global ? Cast<Global>(s)->names : Cast<Nonlocal>(s)->names;
        for (const std::string& n : names) {
          auto it = cur_->flags.find(Mangle(n));
          if (it != cur_->flags.end()) {
            int f = it->second;
            const char* what = is_global ? "global" : "nonlocal";
            if (f & kDefParam) {
              Fail(absl::StrCat("name '", n, "' is parameter and ", what), *s);
              return;
            }
            if (!is_global && (f & kDefGlobal)) {
              Fail(absl::StrCat("name '", n, "' is nonlocal and global"), *s);
              return;
            }
            if (is_global && (f & kDefNonlocal)) {
              Fail(absl::StrCat("name '", n, "' is nonlocal and global"), *s);
              return;
            }
            if (f & kUse) {
              Fail(absl::StrCat("name '", n, "' is used prior to ", what,
                                " declaration"),
                   *s);
              return;
            }
            if (f & kDefLocal) {
              Fail(absl::StrCat("name '", n, "' is assigned to before ", what,
                                " declaration"),
                   *s);
              return;
            }
          }
          if (!is_global && cur_->kind == ScopeKind::kModule) {
            Fail("nonlocal declaration not allowed at module level", *s);
            return;
          }
          AddDef(n, is_global ? kDefGlobal : kDefNonlocal);
        }
        break;
      }
      case StmtKind::Expr:
        VisitExpr(Cast<Expr>(s)->value);
        break;
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        break;
      case StmtKind::Match: {
        auto* m = Cast<Match>(s);
        VisitExpr(m->subject);
        for (match_case* c : m->cases) {
          VisitPattern(c->pattern);
          if (c->guard != nullptr) VisitExpr(c->guard);
          VisitBody(c->body);
        }
        break;
      }
    }
  }

  // Names a pattern captures are assignments (CPython's
  // symtable_visit_pattern).
  void VisitPattern(pattern* p) {
    switch (p->kind) {
      case PatternKind::MatchValue:
        VisitExpr(Cast<MatchValue>(p)->value);
        break;
      case PatternKind::MatchSingleton:
        break;
      case PatternKind::MatchSequence:
        for (pattern* q : Cast<MatchSequence>(p)->patterns) VisitPattern(q);
        break;
      case PatternKind::MatchStar: {
        const std::string& name = Cast<MatchStar>(p)->name;
        if (!name.empty()) AddDef(name, kDefLocal, p->lineno, p->col_offset);
        break;
      }
      case PatternKind::MatchAs: {
        auto* a = Cast<MatchAs>(p);
        if (a->pattern != nullptr) VisitPattern(a->pattern);
        if (!a->name.empty()) {
          AddDef(a->name, kDefLocal, p->lineno, p->col_offset);
        }
        break;
      }
      case PatternKind::MatchOr:
        for (pattern* q : Cast<MatchOr>(p)->patterns) VisitPattern(q);
        break;
      case PatternKind::MatchClass: {
        auto* c = Cast<MatchClass>(p);
        VisitExpr(c->cls);
        for (pattern* q : c->patterns) VisitPattern(q);
        for (pattern* q : c->kwd_patterns) VisitPattern(q);
        break;
      }
      case PatternKind::MatchMapping: {
        auto* m = Cast<MatchMapping>(p);
        for (expr* k : m->keys) VisitExpr(k);
        for (pattern* q : m->patterns) VisitPattern(q);
        if (!m->rest.empty()) {
          AddDef(m->rest, kDefLocal, p->lineno, p->col_offset);
        }
        break;
      }
    }
  }

  void VisitComprehension(const void* node,
                          const std::vector<comprehension*>& gens,
                          std::initializer_list<expr*> elts, const char* name,
                          bool is_generator) {
    // The first iterable is evaluated in the enclosing scope.
    VisitExpr(gens[0]->iter);
    Scope* s = Enter(ScopeKind::kFunction, name, node, 0);
    s->is_comprehension = true;
    s->is_generator = is_generator;
    AddDef(".0", kDefParam);
    s->params.push_back(".0");
    bool first = true;
    for (comprehension* g : gens) {
      if (g->is_async) s->is_coroutine = true;
      VisitExpr(g->target);
      if (!first) VisitExpr(g->iter);
      first = false;
      for (expr* i : g->ifs) VisitExpr(i);
    }
    for (expr* e : elts) VisitExpr(e);
    Leave();
  }

  void VisitName(const std::string& id, expr_context ctx, int lineno, int col) {
    if (ctx == expr_context::Load) {
      AddDef(id, kUse);
      // `super` (or `__class__`) in a function makes the enclosing class
      // provide a
      // __class__ cell.
      if (cur_->kind == ScopeKind::kFunction &&
          (id == "super" || id == "__class__")) {
        AddDef("__class__", kUse);
      }
    } else {
      AddDef(id, kDefLocal, lineno, col);
    }
  }

  void VisitExpr(expr* e) {
    if (e == nullptr || failed_ || !Deeper()) return;
    VisitExprInner(e);
    --depth_;
  }

  void VisitExprInner(expr* e) {
    switch (e->kind) {
      case ExprKind::BoolOp:
        for (expr* v : Cast<BoolOp>(e)->values) VisitExpr(v);
        break;
      case ExprKind::NamedExpr: {
        auto* n = Cast<NamedExpr>(e);
        VisitExpr(n->value);
        auto* target = Cast<NameExpr>(n->target);
        if (cur_->is_comprehension) {
          // Binds in the nearest enclosing non-comprehension scope.
          Scope* s = cur_;
          while (s->is_comprehension) {
            std::string id = Mangle(target->id);
            if (s->flags.count(id) && (s->flags[id] & kDefParam)) break;
            s = s->parent;
          }
          if (s->kind == ScopeKind::kClass) {
            Fail(
                "assignment expression within a comprehension cannot be used "
                "in a class "
                "body",
                *e);
            return;
          }
          for (Scope* c = cur_; c != s; c = c->parent) {
            AddDef(c, target->id,
                   s->kind == ScopeKind::kModule ? kDefGlobal : kDefNonlocal);
          }
          AddDef(s, target->id, kDefLocal);
        } else {
          VisitName(target->id, expr_context::Store, target->lineno,
                    target->col_offset);
        }
        break;
      }
      case ExprKind::BinOp:
        VisitExpr(Cast<BinOp>(e)->left);
        VisitExpr(Cast<BinOp>(e)->right);
        break;
      case ExprKind::UnaryOp:
        VisitExpr(Cast<UnaryOp>(e)->operand);
        break;
      case ExprKind::Lambda: {
        auto* l = Cast<Lambda>(e);
        VisitArgsDefaults(l->args);
        Enter(ScopeKind::kFunction, "<lambda>", l, e->lineno);
        AddParams(l->args);
        VisitExpr(l->body);
        Leave();
        break;
      }
      case ExprKind::IfExp:
        VisitExpr(Cast<IfExp>(e)->test);
        VisitExpr(Cast<IfExp>(e)->body);
        VisitExpr(Cast<IfExp>(e)->orelse);
        break;
      case ExprKind::Dict:
        for (expr* k : Cast<Dict>(e)->keys) VisitExpr(k);
        for (expr* v : Cast<Dict>(e)->values) VisitExpr(v);
        break;
      case ExprKind::Set:
        for (expr* v : Cast<Set>(e)->elts) VisitExpr(v);
        break;
      case ExprKind::ListComp: {
        auto* c = Cast<ListComp>(e);
        VisitComprehension(c, c->generators, {c->elt}, "<listcomp>", false);
        break;
      }
      case ExprKind::SetComp: {
        auto* c = Cast<SetComp>(e);
        VisitComprehension(c, c->generators, {c->elt}, "<setcomp>", false);
        break;
      }
      case ExprKind::DictComp: {
        auto* c = Cast<DictComp>(e);
        VisitComprehension(c, c->generators, {c->key, c->value}, "<dictcomp>",
                           false);
        break;
      }
      case ExprKind::GeneratorExp: {
        auto* c = Cast<GeneratorExp>(e);
        VisitComprehension(c, c->generators, {c->elt}, "<genexpr>", true);
        break;
      }
      case ExprKind::Await:
        VisitExpr(Cast<Await>(e)->value);
        break;
      case ExprKind::Yield:
      case ExprKind::YieldFrom: {
        if (cur_->kind != ScopeKind::kFunction) {
          Fail(absl::StrCat("'",
                            e->kind == ExprKind::Yield ? "yield" : "yield from",
                            "' outside function"),
               *e);
          return;
        }
        cur_->is_generator = true;
        VisitExpr(e->kind == ExprKind::Yield ? Cast<Yield>(e)->value
                                             : Cast<YieldFrom>(e)->value);
        break;
      }
      case ExprKind::Compare:
        VisitExpr(Cast<Compare>(e)->left);
        for (expr* c : Cast<Compare>(e)->comparators) VisitExpr(c);
        break;
      case ExprKind::Call:
        VisitExpr(Cast<Call>(e)->func);
        for (expr* a : Cast<Call>(e)->args) VisitExpr(a);
        for (keyword* k : Cast<Call>(e)->keywords) VisitExpr(k->value);
        break;
      case ExprKind::FormattedValue:
        VisitExpr(Cast<FormattedValue>(e)->value);
        VisitExpr(Cast<FormattedValue>(e)->format_spec);
        break;
      case ExprKind::JoinedStr:
        for (expr* v : Cast<JoinedStr>(e)->values) VisitExpr(v);
        break;
      case ExprKind::Constant:
        break;
      case ExprKind::Attribute:
        VisitExpr(Cast<Attribute>(e)->value);
        break;
      case ExprKind::Subscript:
        VisitExpr(Cast<Subscript>(e)->value);
        VisitExpr(Cast<Subscript>(e)->slice);
        break;
      case ExprKind::Starred:
        VisitExpr(Cast<Starred>(e)->value);
        break;
      case ExprKind::Name: {
        auto* n = Cast<NameExpr>(e);
        VisitName(n->id, n->ctx, e->lineno, e->col_offset);
        break;
      }
      case ExprKind::List:
        for (expr* v : Cast<List>(e)->elts) VisitExpr(v);
        break;
      case ExprKind::Tuple:
        for (expr* v : Cast<Tuple>(e)->elts) VisitExpr(v);
        break;
      case ExprKind::Slice:
        VisitExpr(Cast<Slice>(e)->lower);
        VisitExpr(Cast<Slice>(e)->upper);
        VisitExpr(Cast<Slice>(e)->step);
        break;
    }
  }

  // Resolves the names of `s`, given the names bound by enclosing functions.
  // Returns the names free in `s` (which the parent must provide).
  absl::flat_hash_set<std::string> Analyze(
      Scope* s, const absl::flat_hash_set<std::string>& bound) {
    absl::flat_hash_set<std::string> local;
    for (const std::string& name : s->order) {
      int f = s->flags[name];
      NameScope r;
      if (f & kDefGlobal) {
        r = NameScope::kGlobalExplicit;
      } else if (f & kDefNonlocal) {
        if (!bound.contains(name)) {
          Fail(absl::StrCat("no binding for nonlocal '", name, "' found"),
               s->lineno, 0);
        }
        r = NameScope::kFree;
      } else if (f & kDefBound) {
        r = NameScope::kLocal;
        local.insert(name);
      } else if (s->kind != ScopeKind::kModule && bound.contains(name)) {
        r = NameScope::kFree;
      } else {
        r = s->kind == ScopeKind::kFunction ? NameScope::kGlobalImplicit
                                            : NameScope::kLocal;
        if (s->kind == ScopeKind::kClass) r = NameScope::kGlobalImplicit;
      }
      s->resolved[name] = r;
    }
    // Names visible to children: bindings of enclosing functions, plus this
    // scope's own when it is a function. Globals declared here hide outer
    // bindings.
    absl::flat_hash_set<std::string> child_bound;
    if (s->kind != ScopeKind::kModule) child_bound = bound;
    if (s->kind == ScopeKind::kFunction) {
      for (const auto& n : local) child_bound.insert(n);
      for (const auto& [name, r] : s->resolved) {
        if (r == NameScope::kGlobalExplicit) child_bound.erase(name);
      }
    }
    if (s->kind == ScopeKind::kClass) child_bound.insert("__class__");
    absl::flat_hash_set<std::string> child_free;
    for (auto& c : s->children) {
      for (const auto& n : Analyze(c.get(), child_bound)) child_free.insert(n);
    }
    absl::flat_hash_set<std::string> free;
    for (const auto& [name, r] : s->resolved) {
      if (r == NameScope::kFree) free.insert(name);
    }
    for (const std::string& name : child_free) {
      if (s->kind == ScopeKind::kClass && name == "__class__") {
        s->needs_class_closure = true;
        continue;
      }
      auto it = s->resolved.find(name);
      if (s->kind == ScopeKind::kFunction && it != s->resolved.end() &&
          it->second == NameScope::kLocal) {
        it->second = NameScope::kCell;
        continue;
      }
      if (it != s->resolved.end() && it->second == NameScope::kFree) continue;
      if (s->kind == ScopeKind::kModule) continue;
      // Passes through this scope to the child.
      if (s->kind == ScopeKind::kClass) {
        s->flags[name] |= kDefFreeClass;
        if (it == s->resolved.end()) {
          s->order.push_back(name);
          s->resolved[name] = NameScope::kFree;
        }
      } else if (it == s->resolved.end() ||
                 it->second == NameScope::kGlobalImplicit) {
        if (it == s->resolved.end()) s->order.push_back(name);
        s->resolved[name] = NameScope::kFree;
      }
      free.insert(name);
    }
    return free;
  }

  const std::string& filename_;
  SyntaxErrorInfo* error_;
  Scope* cur_ = nullptr;
  bool failed_ = false;
  int depth_ = 0;
  std::string private_;  // the enclosing class name, for mangling
};

}  // namespace

absl::StatusOr<SymbolTable> BuildSymbolTable(const ast::mod& module,
                                             const std::string& filename,
                                             SyntaxErrorInfo* error) {
  SymbolTable table;
  Builder b(filename, error);
  if (!b.Run(module, &table)) return absl::InvalidArgumentError(error->msg);
  return table;
}

}  // namespace minidynamo
