// The compiler: one Unit (code object under construction) per scope, statements
// and expressions visited as CPython 3.11's compile.c does, with the exception
// table built from handlers active at each emitted instruction (see
// CodeBuilder).

#include "vm/compile/compiler.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "vm/bigint/bigint.h"
#include "vm/compile/code_builder.h"
#include "vm/compile/symtable.h"
#include "vm/compile/syntax_warnings.h"
#include "vm/compile/unparse.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/ops.h"
#include "vm/objects/bytes.h"
#include "vm/objects/complex.h"
#include "vm/objects/number.h"
#include "vm/objects/set.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"
#include "vm/parse/parser.h"

namespace minidynamo {

namespace {
SyntaxWarningHook g_syntax_warning_hook = nullptr;
}  // namespace

void SetSyntaxWarningHook(SyntaxWarningHook hook) {
  g_syntax_warning_hook = hook;
}
namespace {

using namespace ast;  // NOLINT: the visitor names every node type.
// ast::Name is also a function (enum names), which hides the struct.
using NameExpr = struct ast::Name;

// What enclosing constructs need done when control leaves them early (break,
// continue, return): CPython's "frame blocks".
enum class BlockKind {
  kWhileLoop,
  kForLoop,         // Holds the iterator on the stack.
  kTryExcept,       // The try body of try/except.
  kFinallyTry,      // The try body of try/finally: run the finally body.
  kFinallyEnd,      // Inside the exceptional finally body: [prev_exc, exc].
  kWith,            // Holds __exit__ on the stack.
  kHandlerCleanup,  // Inside an except body: [prev_exc] (+ a name to clear).
  kExceptionGroupHandler,  // Inside except* clauses: nothing may leave them.
  kPopValue,  // A value to discard (return value during a finally).
};

struct Block {
  BlockKind kind;
  CodeBuilder::Label start = -1;  // continue target
  CodeBuilder::Label exit = -1;   // break target
  const StmtList* finalbody = nullptr;
  std::string name;        // kHandlerCleanup: the `as` name.
  int outer_handler = -1;  // Handler active outside this block.
  int depth = 0;           // Static stack depth at the block's start.
  bool is_async = false;   // kWith: async with (the exit call is awaited).
};

struct Unit {
  Scope* scope = nullptr;
  CodeBuilder b;
  std::string name;
  std::string qualname;
  // The enclosing class's name, for private-name mangling (a class body's
  // own; functions inherit their parent's).
  std::string private_name;
  std::vector<std::string> varnames;
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;
  std::vector<Block> blocks;
  int depth = 0;  // Static stack depth at statement level.
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  int firstlineno = 1;
  uint32_t flags = 0;
  bool in_class_body() const { return scope->kind == ScopeKind::kClass; }
  int VarIndex(const std::string& n) {
    auto it = std::find(varnames.begin(), varnames.end(), n);
    if (it != varnames.end()) return static_cast<int>(it - varnames.begin());
    varnames.push_back(n);
    return static_cast<int>(varnames.size() - 1);
  }
  int DerefIndex(const std::string& n) const {
    auto it = std::find(cellvars.begin(), cellvars.end(), n);
    if (it != cellvars.end()) return static_cast<int>(it - cellvars.begin());
    auto jt = std::find(freevars.begin(), freevars.end(), n);
    if (jt != freevars.end())
      return static_cast<int>(cellvars.size() + (jt - freevars.begin()));
    return -1;
  }
};

class Compiler {
 public:
  Compiler(const std::string& filename, SyntaxErrorInfo* error)
      : filename_(filename), error_(error) {}

  absl::StatusOr<Value> CompileModule(const mod& m, Scope* top,
                                      CompileMode mode) {
    EnterUnit(top, "<module>", 1);
    u_->b.Emit(Opcode::RESUME, 0);
    if (m.kind == ModKind::Expression) {
      Visit(static_cast<const Expression&>(m).body);
      u_->b.Emit(Opcode::RETURN_VALUE);
    } else {
      const StmtList& body = m.kind == ModKind::Module
                                 ? static_cast<const Module&>(m).body
                                 : static_cast<const Interactive&>(m).body;
      interactive_ = mode == CompileMode::kSingle;
      if (!ReadFutureImports(body))
        return absl::InvalidArgumentError(error_->msg);
      if (HasAnnotations(body)) u_->b.Emit(Opcode::SETUP_ANNOTATIONS);
      size_t start = 0;
      if (!interactive_ && !body.empty() && IsDocstring(body[0])) {
        SetPos(body[0]);
        LoadConst(MakeStr(DocString(body[0])));
        StoreName("__doc__");
        start = 1;
      }
      for (size_t i = start; i < body.size(); ++i) VisitStmt(body[i]);
      if (!body.empty()) SetPos(body.back());
      LoadConst(Value::None());
      u_->b.Emit(Opcode::RETURN_VALUE);
    }
    if (failed_) return absl::InvalidArgumentError(error_->msg);
    return LeaveUnit();
  }

 private:
  // ---- Errors and positions ------------------------------------------------

  void Fail(const std::string& msg, const Located* at) {
    if (failed_) return;
    failed_ = true;
    error_->type = "SyntaxError";
    error_->msg = msg;
    error_->filename = filename_;
    if (at != nullptr) {
      error_->lineno = at->lineno;
      error_->offset = at->col_offset + 1;
      error_->end_lineno = at->end_lineno;
      error_->end_offset = at->end_col_offset + 1;
    }
  }

  // A SyntaxWarning (`msg` empty: none) at `at`, through the hook; one the
  // filters turned into an error fails the compile.
  void Warn(const std::string& msg, const Located* at) {
    if (msg.empty() || failed_ || g_syntax_warning_hook == nullptr) return;
    if (!g_syntax_warning_hook(filename_, at->lineno, msg)) Fail(msg, at);
  }

  void SetPos(const Located* n) {
    u_->b.set_position(
        Position{n->lineno, n->end_lineno, n->col_offset, n->end_col_offset});
  }

  // The `from __future__ import` statements that open a module (after its
  // docstring), as CPython's future.c reads them: sets future_annotations_
  // and future_lineno_ (the last such line; a later one is an error), fails
  // on an unknown feature.
  bool ReadFutureImports(const StmtList& body) {
    static const char* const kFeatures[] = {
        "nested_scopes",    "generators",     "division",
        "absolute_import",  "with_statement", "print_function",
        "unicode_literals", "barry_as_FLUFL", "generator_stop",
        "annotations"};
    size_t i = !body.empty() && IsDocstring(body[0]) ? 1 : 0;
    for (; i < body.size(); ++i) {
      auto* f = As<ImportFrom>(body[i]);
      if (f == nullptr || f->module != "__future__" || f->level != 0) break;
      future_lineno_ = f->lineno;
      for (const alias* a : f->names) {
        bool known = false;
        for (const char* k : kFeatures) known = known || a->name == k;
        if (a->name == "annotations") future_annotations_ = true;
        if (known) continue;
        Fail(a->name == "braces"
                 ? std::string("not a chance")
                 : absl::StrCat("future feature ", a->name, " is not defined"),
             f);
        error_->end_lineno = error_->lineno;
        error_->end_offset = error_->offset;
        return false;
      }
    }
    return true;
  }

  // An annotation's value: the expression, or under `from __future__ import
  // annotations` its source text (PEP 563).
  void VisitAnnotation(expr* e) {
    if (future_annotations_) {
      LoadConst(MakeStr(UnparseExpr(e)));
    } else {
      Visit(e);
    }
  }

  void FailRecursion(const Located* at) {
    Fail("maximum recursion depth exceeded during compilation", at);
    error_->type = "RecursionError";
  }

  // ---- Units
  // ------------------------------------------------------------------

  void EnterUnit(Scope* scope, const std::string& name, int firstlineno) {
    auto u = std::make_unique<Unit>();
    u->scope = scope;
    u->name = name;
    u->firstlineno = firstlineno;
    if (scope->kind == ScopeKind::kClass) {
      u->private_name = name;
    } else if (u_ != nullptr) {
      u->private_name = u_->private_name;
    }
    // Qualified name: Outer.<locals>.name for functions, Outer.name for
    // classes.
    if (u_ != nullptr && scope->kind != ScopeKind::kModule) {
      Scope* ps = u_->scope;
      bool global_decl = false;
      if (scope->kind != ScopeKind::kModule && ps->kind != ScopeKind::kModule) {
        auto r = ps->resolved.find(MangleName(u_->private_name, name));
        global_decl =
            r != ps->resolved.end() && r->second == NameScope::kGlobalExplicit;
      }
      if (ps->kind == ScopeKind::kModule || global_decl) {
        u->qualname = name;
      } else if (ps->kind == ScopeKind::kFunction) {
        u->qualname = absl::StrCat(u_->qualname, ".<locals>.", name);
      } else {
        u->qualname = absl::StrCat(u_->qualname, ".", name);
      }
    } else {
      u->qualname = name;
    }
    // Parameters first, then every other local in first-seen order.
    for (const std::string& p : scope->params) u->varnames.push_back(p);
    std::vector<std::string> cells, frees;
    for (const std::string& n : scope->order) {
      NameScope r = scope->Resolve(n);
      if (scope->kind == ScopeKind::kFunction &&
          (r == NameScope::kLocal || r == NameScope::kCell)) {
        if (std::find(u->varnames.begin(), u->varnames.end(), n) ==
                u->varnames.end() &&
            r == NameScope::kLocal) {
          u->varnames.push_back(n);
        }
      }
      if (r == NameScope::kCell) cells.push_back(n);
      if (r == NameScope::kFree ||
          (scope->flags.count(n) && (scope->flags.at(n) & kDefFreeClass))) {
        if (std::find(frees.begin(), frees.end(), n) == frees.end())
          frees.push_back(n);
      }
    }
    if (scope->kind == ScopeKind::kClass && scope->needs_class_closure) {
      cells.push_back("__class__");
    }
    std::sort(cells.begin(), cells.end());
    std::sort(frees.begin(), frees.end());
    u->cellvars = cells;
    u->freevars = frees;
    stack_.push_back(std::move(u));
    u_ = stack_.back().get();
  }

  absl::StatusOr<Value> LeaveUnit() {
    Unit* u = u_;
    auto* code = new CodeObject();
    Value result = Value::Steal(code);
    absl::Status s = u->b.Finish(code);
    if (!s.ok()) {
      // The message names the unit: build it before the unit is freed.
      absl::Status err = absl::InternalError(
          absl::StrCat("compiler: ", s.message(), " in ", u->name));
      stack_.pop_back();
      u_ = stack_.empty() ? nullptr : stack_.back().get();
      return err;
    }
    for (const std::string& v : u->varnames)
      code->varnames.push_back(Interned(v));
    for (const std::string& v : u->cellvars) {
      code->cellvars.push_back(Interned(v));
      auto it = std::find(u->varnames.begin(), u->varnames.end(), v);
      bool is_arg = it != u->varnames.end() &&
                    (it - u->varnames.begin()) <
                        static_cast<long>(u->scope->params.size());
      code->cell2arg.push_back(
          is_arg ? static_cast<int32_t>(it - u->varnames.begin()) : -1);
    }
    for (const std::string& v : u->freevars)
      code->freevars.push_back(Interned(v));
    code->argcount = u->argcount;
    code->posonlyargcount = u->posonlyargcount;
    code->kwonlyargcount = u->kwonlyargcount;
    code->flags = u->flags;
    if (future_annotations_) code->flags |= kCoFutureAnnotations;
    if (u->freevars.empty() && u->cellvars.empty()) code->flags |= kCoNoFree;
    code->firstlineno = u->firstlineno;
    code->name = u->name;
    code->qualname = u->qualname;
    code->filename = filename_;
    stack_.pop_back();
    u_ = stack_.empty() ? nullptr : stack_.back().get();
    return result;
  }

  static Value Interned(const std::string& s) {
    return Value::FromObject(StrObject::Intern(s));
  }
  static Value MakeStr(const std::string& s) {
    // Identifier-like constants are interned, as CPython does.
    bool ident = !s.empty() && s.size() < 64;
    for (char c : s) {
      if (!(isalnum(static_cast<unsigned char>(c)) || c == '_')) ident = false;
    }
    return ident ? Interned(s) : StrObject::New(s);
  }

  // ---- Emission helpers
  // ---------------------------------------------------------

  void Emit(Opcode op, uint32_t arg = 0) { u_->b.Emit(op, arg); }
  void LoadConst(const Value& v) {
    Emit(Opcode::LOAD_CONST, u_->b.AddConst(v));
  }

  static bool IsDocstring(const stmt* s) {
    auto* e = As<Expr>(s);
    if (e == nullptr) return false;
    auto* c = As<Constant>(e->value);
    return c != nullptr && c->value.kind == ConstantValue::Kind::kStr;
  }
  static std::string DocString(const stmt* s) {
    return Cast<Constant>(Cast<Expr>(s)->value)->value.str_value;
  }
  static bool HasAnnotations(const StmtList& body) {
    for (const stmt* s : body) {
      if (s->kind == StmtKind::AnnAssign) return true;
    }
    return false;
  }

  // Name access by resolved scope (CPython's compiler_nameop).
  enum class NameOp { kLoad, kStore, kDelete };
  void NameOpFor(const std::string& raw, NameOp op) {
    const std::string name = Mangled(raw);
    Scope* sc = u_->scope;
    NameScope r = sc->Resolve(name);
    if (sc->kind == ScopeKind::kClass &&
        (sc->flags.count(name) == 0 || !(sc->flags.at(name) & kDefBound))) {
      // In a class body, a free variable is read through the class dict first.
      if (r == NameScope::kFree && op == NameOp::kLoad) {
        Emit(Opcode::LOAD_CLASSDEREF, u_->DerefIndex(name));
        return;
      }
    }
    switch (r) {
      case NameScope::kFree:
      case NameScope::kCell: {
        int i = u_->DerefIndex(name);
        if (i >= 0 &&
            !(sc->kind == ScopeKind::kClass && r == NameScope::kCell)) {
          Emit(op == NameOp::kLoad    ? Opcode::LOAD_DEREF
               : op == NameOp::kStore ? Opcode::STORE_DEREF
                                      : Opcode::DELETE_DEREF,
               i);
          return;
        }
        break;
      }
      case NameScope::kLocal:
        if (sc->kind == ScopeKind::kFunction) {
          int i = u_->VarIndex(name);
          Emit(op == NameOp::kLoad    ? Opcode::LOAD_FAST
               : op == NameOp::kStore ? Opcode::STORE_FAST
                                      : Opcode::DELETE_FAST,
               i);
          return;
        }
        break;
      case NameScope::kGlobalExplicit: {
        uint32_t i = u_->b.AddName(name);
        Emit(op == NameOp::kLoad    ? Opcode::LOAD_GLOBAL
             : op == NameOp::kStore ? Opcode::STORE_GLOBAL
                                    : Opcode::DELETE_GLOBAL,
             op == NameOp::kLoad ? i << 1 : i);
        return;
      }
      case NameScope::kGlobalImplicit:
        if (sc->kind == ScopeKind::kFunction) {
          uint32_t i = u_->b.AddName(name);
          Emit(op == NameOp::kLoad    ? Opcode::LOAD_GLOBAL
               : op == NameOp::kStore ? Opcode::STORE_GLOBAL
                                      : Opcode::DELETE_GLOBAL,
               op == NameOp::kLoad ? i << 1 : i);
          return;
        }
        break;
    }
    uint32_t i = u_->b.AddName(name);
    Emit(op == NameOp::kLoad    ? Opcode::LOAD_NAME
         : op == NameOp::kStore ? Opcode::STORE_NAME
                                : Opcode::DELETE_NAME,
         i);
  }
  std::string Mangled(const std::string& n) const {
    return MangleName(u_->private_name, n);
  }
  void LoadName(const std::string& n) { NameOpFor(n, NameOp::kLoad); }
  void StoreName(const std::string& n) { NameOpFor(n, NameOp::kStore); }

  // ---- Frame blocks and unwinding
  // ---------------------------------------------

  Block& PushBlock(BlockKind kind) {
    // CPython's CO_MAXBLOCKS, reported at the statement that goes past it.
    if (u_->blocks.size() >= 20) {
      Fail("too many statically nested blocks", current_stmt_);
    }
    Block blk;
    blk.kind = kind;
    blk.outer_handler = u_->b.current_handler();
    blk.depth = u_->depth;
    u_->blocks.push_back(blk);
    return u_->blocks.back();
  }
  void PopBlock() { u_->blocks.pop_back(); }

  // Emits what leaving block `index` early requires. With preserve_tos the
  // value on top of the stack (a return value) stays on top.
  void UnwindBlock(size_t index, bool preserve_tos) {
    const Block blk = u_->blocks[index];
    switch (blk.kind) {
      case BlockKind::kWhileLoop:
      case BlockKind::kTryExcept:
      case BlockKind::kExceptionGroupHandler:  // Rejected before unwinding.
        return;
      case BlockKind::kForLoop:
      case BlockKind::kPopValue:
        if (preserve_tos) Emit(Opcode::SWAP, 2);
        Emit(Opcode::POP_TOP);
        return;
      case BlockKind::kFinallyTry: {
        // Run the finally body on this path, under the handler outside the try
        // and with only the blocks outside the try active.
        u_->b.SetCurrentHandler(blk.outer_handler);
        std::vector<Block> saved_blocks = u_->blocks;
        u_->blocks.resize(index);
        if (preserve_tos) {
          PushBlock(BlockKind::kPopValue);
          ++u_->depth;
        }
        VisitBody(*blk.finalbody);
        if (preserve_tos) {
          --u_->depth;
          PopBlock();
        }
        u_->blocks = saved_blocks;
        u_->b.SetCurrentHandler(blk.outer_handler);
        return;
      }
      case BlockKind::kFinallyEnd:
        if (preserve_tos) Emit(Opcode::SWAP, 2);
        Emit(Opcode::POP_TOP);  // exc
        if (preserve_tos) Emit(Opcode::SWAP, 2);
        u_->b.SetCurrentHandler(blk.outer_handler);
        Emit(Opcode::POP_EXCEPT);
        return;
      case BlockKind::kWith:
        u_->b.SetCurrentHandler(blk.outer_handler);
        if (preserve_tos) Emit(Opcode::SWAP, 2);
        CallExitWithNones();
        if (blk.is_async) EmitAwait(2);
        Emit(Opcode::POP_TOP);
        return;
      case BlockKind::kHandlerCleanup:
        u_->b.SetCurrentHandler(blk.outer_handler);
        if (preserve_tos) Emit(Opcode::SWAP, 2);
        Emit(Opcode::POP_EXCEPT);
        if (!blk.name.empty()) {
          LoadConst(Value::None());
          StoreName(blk.name);
          NameOpFor(blk.name, NameOp::kDelete);
        }
        return;
    }
  }

  void CallExitWithNones() {
    LoadConst(Value::None());
    LoadConst(Value::None());
    LoadConst(Value::None());
    Emit(Opcode::CALL, 2);
  }

  // ---- Statements
  // -------------------------------------------------------------

  void VisitBody(const StmtList& body) {
    for (stmt* s : body) VisitStmt(s);
  }

  void VisitStmt(stmt* s) {
    if (failed_) return;
    DepthGuard guard(this);
    if (depth_ > kMaxDepth) {
      FailRecursion(s);
      return;
    }
    SetPos(s);
    current_stmt_ = s;
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        auto* f = Cast<FunctionDef>(s);
        CompileFunction(f, f->name, f->args, f->body, f->decorator_list, false);
        break;
      }
      case StmtKind::AsyncFunctionDef: {
        auto* f = Cast<AsyncFunctionDef>(s);
        CompileFunction(f, f->name, f->args, f->body, f->decorator_list, true);
        break;
      }
      case StmtKind::ClassDef:
        CompileClass(Cast<ClassDef>(s));
        break;
      case StmtKind::Return: {
        auto* r = Cast<Return>(s);
        if (u_->scope->is_coroutine && u_->scope->is_generator && r->value) {
          Fail("'return' with value in async generator", s);
          return;
        }
        bool preserve = r->value != nullptr;
        if (preserve) Visit(r->value);
        // CPython reports a constant return value on the statement's line.
        bool at_value = r->value != nullptr &&
                        r->value->kind == ExprKind::Constant &&
                        r->value->lineno == s->lineno;
        if (LeavesExceptStar(0, at_value ? static_cast<Located*>(r->value)
                                         : static_cast<Located*>(s))) {
          return;
        }
        int saved = u_->b.current_handler();
        for (size_t i = u_->blocks.size(); i > 0; --i)
          UnwindBlock(i - 1, preserve);
        SetPos(s);
        if (!preserve) LoadConst(Value::None());
        Emit(Opcode::RETURN_VALUE);
        // Code after the return (dead) stays under the block's own handler.
        u_->b.SetCurrentHandler(saved);
        break;
      }
      case StmtKind::Delete:
        for (expr* t : Cast<Delete>(s)->targets)
          VisitTarget(t, NameOp::kDelete);
        break;
      case StmtKind::Assign: {
        auto* a = Cast<Assign>(s);
        Visit(a->value);
        for (size_t i = 0; i < a->targets.size(); ++i) {
          if (i + 1 < a->targets.size()) Emit(Opcode::COPY, 1);
          VisitTarget(a->targets[i], NameOp::kStore);
        }
        break;
      }
      case StmtKind::AugAssign:
        CompileAugAssign(Cast<AugAssign>(s));
        break;
      case StmtKind::AnnAssign: {
        auto* a = Cast<AnnAssign>(s);
        if (a->value != nullptr) {
          Visit(a->value);
          VisitTarget(a->target, NameOp::kStore);
        }
        auto* n = As<NameExpr>(a->target);
        if (n != nullptr && a->simple &&
            u_->scope->kind != ScopeKind::kFunction) {
          // __annotations__[name] = annotation
          VisitAnnotation(a->annotation);
          LoadName("__annotations__");
          LoadConst(MakeStr(Mangled(n->id)));
          Emit(Opcode::STORE_SUBSCR);
        }
        break;
      }
      case StmtKind::For:
        CompileFor(Cast<For>(s));
        break;
      case StmtKind::AsyncFor:
        CompileAsyncFor(Cast<AsyncFor>(s));
        break;
      case StmtKind::While:
        CompileWhile(Cast<While>(s));
        break;
      case StmtKind::If:
        CompileIf(Cast<If>(s));
        break;
      case StmtKind::With:
        CompileWith(Cast<With>(s)->items, Cast<With>(s)->body, 0, false);
        break;
      case StmtKind::AsyncWith:
        CompileWith(Cast<AsyncWith>(s)->items, Cast<AsyncWith>(s)->body, 0,
                    true);
        break;
      case StmtKind::Raise: {
        auto* r = Cast<ast::Raise>(s);
        int n = 0;
        if (r->exc != nullptr) {
          Visit(r->exc);
          n = 1;
          if (r->cause != nullptr) {
            Visit(r->cause);
            n = 2;
          }
        }
        SetPos(s);
        Emit(Opcode::RAISE_VARARGS, n);
        break;
      }
      case StmtKind::Try:
        CompileTry(Cast<Try>(s));
        break;
      case StmtKind::TryStar:
        CompileTry(Cast<TryStar>(s));
        break;
      case StmtKind::Assert: {
        auto* a = Cast<Assert>(s);
        Warn(AssertWarning(*a), s);
        auto end = u_->b.NewLabel();
        Jumpif(a->test, end, true);
        Emit(Opcode::LOAD_ASSERTION_ERROR);
        if (a->msg != nullptr) {
          Visit(a->msg);
          SetPos(s);
          Emit(Opcode::CALL, 0);
        }
        Emit(Opcode::RAISE_VARARGS, 1);
        u_->b.Bind(end);
        break;
      }
      case StmtKind::Import:
        for (alias* a : Cast<Import>(s)->names) {
          LoadConst(Value::Int(0));
          LoadConst(Value::None());
          Emit(Opcode::IMPORT_NAME, u_->b.AddName(Mangled(a->name)));
          if (!a->asname.empty()) {
            // import a.b.c as d: walk down to c.
            size_t dot = a->name.find('.');
            while (dot != std::string::npos) {
              size_t next = a->name.find('.', dot + 1);
              std::string part = a->name.substr(
                  dot + 1, next == std::string::npos ? std::string::npos
                                                     : next - dot - 1);
              Emit(Opcode::IMPORT_FROM, u_->b.AddName(Mangled(part)));
              Emit(Opcode::SWAP, 2);
              Emit(Opcode::POP_TOP);
              dot = next;
            }
            StoreName(a->asname);
          } else {
            StoreName(a->name.substr(0, a->name.find('.')));
          }
        }
        break;
      case StmtKind::ImportFrom: {
        auto* f = Cast<ImportFrom>(s);
        if (f->module == "__future__" && f->level == 0 &&
            f->lineno > future_lineno_) {
          Fail(
              "from __future__ imports must occur at the beginning of the file",
              f);
          break;
        }
        LoadConst(Value::Int(f->level));
        std::vector<Value> names;
        for (alias* a : f->names) names.push_back(MakeStr(a->name));
        LoadConst(TupleObject::FromValues(names.data(), names.size()));
        Emit(Opcode::IMPORT_NAME, u_->b.AddName(Mangled(f->module)));
        if (f->names.size() == 1 && f->names[0]->name == "*") {
          Emit(Opcode::IMPORT_STAR);
          break;
        }
        for (alias* a : f->names) {
          Emit(Opcode::IMPORT_FROM, u_->b.AddName(Mangled(a->name)));
          StoreName(a->asname.empty() ? a->name : a->asname);
        }
        Emit(Opcode::POP_TOP);
        break;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal:
      case StmtKind::Pass:
        Emit(Opcode::NOP);
        break;
      case StmtKind::Match:
        CompileMatch(Cast<Match>(s));
        break;
      case StmtKind::Expr: {
        auto* e = Cast<Expr>(s);
        if (interactive_ && u_->scope->kind == ScopeKind::kModule) {
          // The prompt prints expression statements through sys.displayhook.
          Emit(Opcode::PUSH_NULL);
          LoadName("__displayhook__");
          Visit(e->value);
          Emit(Opcode::CALL, 1);
          Emit(Opcode::POP_TOP);
          break;
        }
        if (As<Constant>(e->value) != nullptr) {
          Emit(Opcode::NOP);  // A docstring-like constant statement does
                              // nothing.
          break;
        }
        Visit(e->value);
        Emit(Opcode::POP_TOP);
        break;
      }
      case StmtKind::Break:
      case StmtKind::Continue: {
        bool is_break = s->kind == StmtKind::Break;
        const Block* loop = nullptr;
        for (int i = static_cast<int>(u_->blocks.size()) - 1; i >= 0; --i) {
          if (u_->blocks[i].kind == BlockKind::kWhileLoop ||
              u_->blocks[i].kind == BlockKind::kForLoop) {
            loop = &u_->blocks[i];
            break;
          }
        }
        size_t loop_index = loop == nullptr ? 0 : loop - &u_->blocks[0] + 1;
        if (LeavesExceptStar(loop_index, s)) return;
        if (loop == nullptr) {
          Fail(is_break ? "'break' outside loop"
                        : "'continue' not properly in loop",
               s);
          return;
        }
        int saved = u_->b.current_handler();
        Block target = *loop;
        for (size_t i = u_->blocks.size(); i > 0; --i) {
          const Block& blk = u_->blocks[i - 1];
          if (blk.kind == BlockKind::kWhileLoop ||
              blk.kind == BlockKind::kForLoop)
            break;
          UnwindBlock(i - 1, false);
        }
        if (is_break) {
          if (target.kind == BlockKind::kForLoop) {
            u_->b.SetCurrentHandler(target.outer_handler);
            Emit(Opcode::POP_TOP);
          }
          u_->b.EmitJump(Opcode::JUMP_FORWARD, target.exit);
        } else {
          u_->b.EmitJump(Opcode::JUMP_BACKWARD, target.start);
        }
        u_->b.SetCurrentHandler(saved);
        break;
      }
    }
  }

  void CompileFunction(stmt* node, const std::string& name, arguments* args,
                       const StmtList& body, const ExprList& decorators,
                       bool is_async) {
    for (expr* d : decorators) Visit(d);
    SetPos(node);
    uint32_t flags = MakeDefaults(args);
    flags |= MakeAnnotations(args, node->kind == StmtKind::FunctionDef
                                       ? Cast<FunctionDef>(node)->returns
                                       : Cast<AsyncFunctionDef>(node)->returns);
    Scope* scope = u_->scope->ChildFor(node);
    int firstlineno = node->lineno;
    if (!decorators.empty()) firstlineno = decorators[0]->lineno;
    EnterUnit(scope, name, firstlineno);
    Unit* fu = u_;
    fu->argcount =
        static_cast<int>(args->posonlyargs.size() + args->args.size());
    fu->posonlyargcount = static_cast<int>(args->posonlyargs.size());
    fu->kwonlyargcount = static_cast<int>(args->kwonlyargs.size());
    fu->flags = kCoOptimized | kCoNewLocals;
    if (args->vararg) fu->flags |= kCoVarargs;
    if (args->kwarg) fu->flags |= kCoVarkeywords;
    if (scope->is_generator) fu->flags |= kCoGenerator;
    if (is_async)
      fu->flags |= scope->is_generator ? kCoAsyncGenerator : kCoCoroutine;
    if (is_async && scope->is_generator) fu->flags &= ~kCoGenerator;
    if (stack_.size() > 2) fu->flags |= kCoNested;
    // co_consts[0] is the docstring, or None.
    size_t start = 0;
    if (!body.empty() && IsDocstring(body[0])) {
      fu->b.AddConst(MakeStr(DocString(body[0])));
      start = 1;
    } else {
      fu->b.AddConst(Value::None());
    }
    SetPos(node);
    Emit(Opcode::RESUME, 0);
    for (size_t i = start; i < body.size(); ++i) VisitStmt(body[i]);
    // Falling off the end returns None (emitted even when unreachable).
    LoadConst(Value::None());
    Emit(Opcode::RETURN_VALUE);
    auto code = LeaveUnit();
    if (!code.ok()) {
      Fail(std::string(code.status().message()), node);
      return;
    }
    SetPos(node);
    MakeClosure(*code, flags);
    for (size_t i = 0; i < decorators.size(); ++i) Emit(Opcode::CALL, 0);
    StoreName(name);
  }

  // Pushes defaults (a tuple) and keyword defaults (a dict); returns
  // MAKE_FUNCTION's flags for them.
  uint32_t MakeDefaults(arguments* args) {
    uint32_t flags = 0;
    if (!args->defaults.empty()) {
      for (expr* d : args->defaults) Visit(d);
      Emit(Opcode::BUILD_TUPLE, static_cast<uint32_t>(args->defaults.size()));
      flags |= 1;
    }
    std::vector<Value> kwnames;
    for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
      if (args->kw_defaults[i] == nullptr) continue;
      kwnames.push_back(MakeStr(Mangled(args->kwonlyargs[i]->arg)));
      Visit(args->kw_defaults[i]);
    }
    if (!kwnames.empty()) {
      LoadConst(TupleObject::FromValues(kwnames.data(), kwnames.size()));
      Emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<uint32_t>(kwnames.size()));
      flags |= 2;
    }
    return flags;
  }

  // Pushes (name, annotation, ...) for annotated parameters and the return, as
  // MAKE_FUNCTION's annotations (flag 4); the function turns it into a dict.
  uint32_t MakeAnnotations(arguments* args, expr* returns) {
    size_t n = 0;
    // Under PEP 563 every item is a string: one constant tuple, as CPython's
    // constant folding leaves it (the strings stay in co_consts too).
    std::vector<Value> folded;
    auto add = [&](const arg* a) {
      if (a == nullptr || a->annotation == nullptr) return;
      if (future_annotations_) {
        folded.push_back(MakeStr(Mangled(a->arg)));
        folded.push_back(MakeStr(UnparseExpr(a->annotation)));
      } else {
        LoadConst(MakeStr(Mangled(a->arg)));
        VisitAnnotation(a->annotation);
      }
      n += 2;
    };
    // CPython 3.11's order: the ordinary parameters before the positional-only.
    for (const arg* a : args->args) add(a);
    for (const arg* a : args->posonlyargs) add(a);
    add(args->vararg);
    for (const arg* a : args->kwonlyargs) add(a);
    add(args->kwarg);
    if (returns != nullptr) {
      if (future_annotations_) {
        folded.push_back(MakeStr("return"));
        folded.push_back(MakeStr(UnparseExpr(returns)));
      } else {
        LoadConst(MakeStr("return"));
        VisitAnnotation(returns);
      }
      n += 2;
    }
    if (n == 0) return 0;
    if (future_annotations_) {
      for (const Value& v : folded) u_->b.AddConst(v);
      LoadConst(TupleObject::FromValues(folded.data(), folded.size()));
    } else {
      Emit(Opcode::BUILD_TUPLE, static_cast<uint32_t>(n));
    }
    return 4;
  }

  // Pushes the closure tuple (when the code has free variables), the code, and
  // MAKE_FUNCTION.
  void MakeClosure(const Value& code_value, uint32_t flags) {
    auto* code = As<CodeObject>(code_value);
    if (!code->freevars.empty()) {
      for (const Value& fv : code->freevars) {
        const std::string& n = As<StrObject>(fv)->str();
        int i = u_->DerefIndex(n);
        if (i < 0) {
          Fail(absl::StrCat("compiler: no cell for free variable '", n, "'"),
               nullptr);
          return;
        }
        Emit(Opcode::LOAD_CLOSURE, i);
      }
      Emit(Opcode::BUILD_TUPLE, static_cast<uint32_t>(code->freevars.size()));
      flags |= 8;
    }
    LoadConst(code_value);
    Emit(Opcode::MAKE_FUNCTION, flags);
  }

  void CompileClass(ClassDef* c) {
    for (expr* d : c->decorator_list) Visit(d);
    SetPos(c);
    Emit(Opcode::PUSH_NULL);
    Emit(Opcode::LOAD_BUILD_CLASS);
    Scope* scope = u_->scope->ChildFor(c);
    int firstlineno =
        c->decorator_list.empty() ? c->lineno : c->decorator_list[0]->lineno;
    EnterUnit(scope, c->name, firstlineno);
    Unit* cu = u_;
    Emit(Opcode::RESUME, 0);
    LoadName("__name__");
    StoreName("__module__");
    LoadConst(MakeStr(cu->qualname));
    StoreName("__qualname__");
    size_t start = 0;
    if (HasAnnotations(c->body)) Emit(Opcode::SETUP_ANNOTATIONS);
    if (!c->body.empty() && IsDocstring(c->body[0])) {
      SetPos(c->body[0]);
      LoadConst(MakeStr(DocString(c->body[0])));
      StoreName("__doc__");
      start = 1;
    }
    for (size_t i = start; i < c->body.size(); ++i) VisitStmt(c->body[i]);
    if (scope->needs_class_closure) {
      Emit(Opcode::LOAD_CLOSURE, cu->DerefIndex("__class__"));
      Emit(Opcode::COPY, 1);
      StoreName("__classcell__");
    } else {
      LoadConst(Value::None());
    }
    Emit(Opcode::RETURN_VALUE);
    auto code = LeaveUnit();
    if (!code.ok()) {
      Fail(std::string(code.status().message()), c);
      return;
    }
    SetPos(c);
    MakeClosure(*code, 0);
    LoadConst(MakeStr(c->name));
    CompileCallArgs(c->bases, c->keywords, 2, c);
    for (size_t i = 0; i < c->decorator_list.size(); ++i) Emit(Opcode::CALL, 0);
    StoreName(c->name);
  }

  void CompileAugAssign(AugAssign* a) {
    uint32_t op = static_cast<uint32_t>(BinOpFor(a->op)) + kInplaceOffset;
    expr* t = a->target;
    switch (t->kind) {
      case ExprKind::Name:
        LoadName(Cast<NameExpr>(t)->id);
        Visit(a->value);
        SetPos(a);
        Emit(Opcode::BINARY_OP, op);
        StoreName(Cast<NameExpr>(t)->id);
        break;
      case ExprKind::Attribute: {
        auto* at = Cast<Attribute>(t);
        Visit(at->value);
        Emit(Opcode::COPY, 1);
        Emit(Opcode::LOAD_ATTR, u_->b.AddName(Mangled(at->attr)));
        Visit(a->value);
        SetPos(a);
        Emit(Opcode::BINARY_OP, op);
        Emit(Opcode::SWAP, 2);
        Emit(Opcode::STORE_ATTR, u_->b.AddName(Mangled(at->attr)));
        break;
      }
      case ExprKind::Subscript: {
        auto* sub = Cast<Subscript>(t);
        Visit(sub->value);
        Visit(sub->slice);
        Emit(Opcode::COPY, 2);
        Emit(Opcode::COPY, 2);
        Emit(Opcode::BINARY_SUBSCR);
        Visit(a->value);
        SetPos(a);
        Emit(Opcode::BINARY_OP, op);
        Emit(Opcode::SWAP, 3);
        Emit(Opcode::SWAP, 2);
        Emit(Opcode::STORE_SUBSCR);
        break;
      }
      default:
        Fail("'" + std::string(DescribeExpr(t)) +
                 "' is an illegal expression for augmented assignment",
             t);
    }
  }

  void CompileIf(If* s) {
    auto end = u_->b.NewLabel();
    auto next = s->orelse.empty() ? end : u_->b.NewLabel();
    Jumpif(s->test, next, false);
    VisitBody(s->body);
    if (!s->orelse.empty()) {
      u_->b.EmitJump(Opcode::JUMP_FORWARD, end);
      u_->b.Bind(next);
      VisitBody(s->orelse);
    }
    u_->b.Bind(end);
  }

  // ---- Pattern matching
  // ---------------------------------------------------------
  // CPython 3.11's compiler_match and compiler_pattern_*: each case copies the
  // subject (except the last), the pattern consumes the copy, captured values
  // wait on the stack (under anything still being matched) and are stored
  // only when the whole pattern matched. A failing check jumps to
  // fail_pop[n], which pops the n values above the subject and falls into
  // the next case.

  struct PatternContext {
    std::vector<std::string> stores;  // Captured names, first on top.
    bool allow_irrefutable = false;
    std::vector<CodeBuilder::Label> fail_pop;
    int on_top = 0;  // Values above the current subject to keep.
  };

  static bool IsWildcard(const pattern* p) {
    auto* a = As<MatchAs>(p);
    return a != nullptr && a->pattern == nullptr && a->name.empty();
  }
  static bool IsStarWildcard(const pattern* p) {
    auto* s = As<MatchStar>(p);
    return s != nullptr && s->name.empty();
  }

  // CPython's SET_LOC for patterns: positions the following instructions and
  // the compiler errors that follow.
  void SetPatternLoc(const Located* p) {
    pattern_loc_ = p;
    SetPos(p);
  }
  void PatternFail(const std::string& msg) { Fail(msg, pattern_loc_); }

  // The value of a literal pattern or mapping key, folded as CPython's AST
  // optimizer folds `-1` and `1+2j`; null when `e` is not such a literal.
  Value FoldPatternConstant(const expr* e) {
    if (auto* c = As<Constant>(e)) return ConstantToValue(c->value);
    if (auto* u = As<UnaryOp>(e); u != nullptr && u->op == unaryop::USub) {
      Value v = FoldPatternConstant(u->operand);
      if (v.is_null()) return v;
      Value r = Negative(v);
      if (r.is_null()) ClearError();
      return r;
    }
    if (auto* b = As<ast::BinOp>(e);
        b != nullptr && (b->op == operator_::Add || b->op == operator_::Sub)) {
      Value l = FoldPatternConstant(b->left);
      Value r = FoldPatternConstant(b->right);
      if (l.is_null() || r.is_null()) return Value();
      Value v =
          BinaryOp(l, r,
                   b->op == operator_::Add ? minidynamo::BinOp::kAdd
                                           : minidynamo::BinOp::kSubtract);
      if (v.is_null()) ClearError();
      return v;
    }
    return Value();
  }

  void CompileMatch(Match* s) {
    Visit(s->subject);
    auto end = u_->b.NewLabel();
    size_t cases = s->cases.size();
    bool has_default = IsWildcard(s->cases.back()->pattern) && cases > 1;
    for (size_t i = 0; i < cases - has_default && !failed_; ++i) {
      match_case* m = s->cases[i];
      SetPatternLoc(m->pattern);
      bool copy = i != cases - has_default - 1;
      if (copy) Emit(Opcode::COPY, 1);
      PatternContext pc;
      // Irrefutable cases must be either guarded, last, or both.
      pc.allow_irrefutable = m->guard != nullptr || i == cases - 1;
      CompilePattern(m->pattern, &pc);
      if (failed_) return;
      for (const std::string& name : pc.stores) StoreName(name);
      if (m->guard != nullptr) {
        EnsureFailPop(&pc, 0);
        Jumpif(m->guard, pc.fail_pop[0], false);
      }
      if (copy) Emit(Opcode::POP_TOP);
      VisitBody(m->body);
      u_->b.EmitJump(Opcode::JUMP_FORWARD, end);
      SetPatternLoc(m->pattern);
      EmitAndResetFailPop(&pc);
    }
    if (has_default && !failed_) {
      match_case* m = s->cases.back();
      SetPatternLoc(m->pattern);
      Emit(Opcode::NOP);
      if (m->guard != nullptr) Jumpif(m->guard, end, false);
      VisitBody(m->body);
    }
    u_->b.Bind(end);
  }

  void EnsureFailPop(PatternContext* pc, size_t n) {
    while (pc->fail_pop.size() < n + 1) {
      pc->fail_pop.push_back(u_->b.NewLabel());
    }
  }
  // Jumps (with `op`) to the cleanup that pops what is on the stack above
  // the subject of the current case: kept values and captures.
  void JumpToFailPop(PatternContext* pc, Opcode op) {
    size_t pops = pc->on_top + pc->stores.size();
    EnsureFailPop(pc, pops);
    u_->b.EmitJump(op, pc->fail_pop[pops]);
  }
  void EmitAndResetFailPop(PatternContext* pc) {
    if (pc->fail_pop.empty()) return;
    for (size_t i = pc->fail_pop.size() - 1; i > 0; --i) {
      u_->b.Bind(pc->fail_pop[i]);
      Emit(Opcode::POP_TOP);
    }
    u_->b.Bind(pc->fail_pop[0]);
    pc->fail_pop.clear();
  }
  // Moves the top of the stack `count` places down.
  void RotateTop(int count) {
    while (count > 1) Emit(Opcode::SWAP, count--);
  }
  void StorePatternName(const std::string& name, PatternContext* pc) {
    if (name.empty()) {
      Emit(Opcode::POP_TOP);
      return;
    }
    if (name == "__debug__") return PatternFail("cannot assign to __debug__");
    if (std::find(pc->stores.begin(), pc->stores.end(), name) !=
        pc->stores.end()) {
      return PatternFail("multiple assignments to name '" + name +
                         "' in pattern");
    }
    // Under everything that must stay on top, and under earlier captures.
    RotateTop(pc->on_top + static_cast<int>(pc->stores.size()) + 1);
    pc->stores.push_back(name);
  }

  void CompileSubpattern(pattern* p, PatternContext* pc) {
    bool allow = pc->allow_irrefutable;
    pc->allow_irrefutable = true;
    CompilePattern(p, pc);
    pc->allow_irrefutable = allow;
  }

  void CompilePattern(pattern* p, PatternContext* pc) {
    if (failed_) return;
    DepthGuard guard(this);
    if (depth_ > kMaxDepth) {
      FailRecursion(p);
      return;
    }
    SetPatternLoc(p);
    switch (p->kind) {
      case PatternKind::MatchValue: {
        expr* v = Cast<MatchValue>(p)->value;
        if (v->kind == ExprKind::Attribute) {
          Visit(v);
        } else {
          Value c = FoldPatternConstant(v);
          if (c.is_null()) {
            return PatternFail(
                "patterns may only match literals and attribute lookups");
          }
          LoadConst(c);
        }
        Emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::kEq));
        JumpToFailPop(pc, Opcode::POP_JUMP_IF_FALSE);
        break;
      }
      case PatternKind::MatchSingleton: {
        ConstantValue c;
        c.kind = Cast<MatchSingleton>(p)->value;
        LoadConst(ConstantToValue(c));
        Emit(Opcode::IS_OP, 0);
        JumpToFailPop(pc, Opcode::POP_JUMP_IF_FALSE);
        break;
      }
      case PatternKind::MatchSequence:
        CompileSequencePattern(Cast<MatchSequence>(p), pc);
        break;
      case PatternKind::MatchMapping:
        CompileMappingPattern(Cast<MatchMapping>(p), pc);
        break;
      case PatternKind::MatchClass:
        CompileClassPattern(Cast<MatchClass>(p), pc);
        break;
      case PatternKind::MatchStar:
        StorePatternName(Cast<MatchStar>(p)->name, pc);
        break;
      case PatternKind::MatchAs: {
        auto* a = Cast<MatchAs>(p);
        if (a->pattern == nullptr) {
          if (!pc->allow_irrefutable) {
            if (!a->name.empty()) {
              return PatternFail("name capture '" + a->name +
                                 "' makes remaining patterns unreachable");
            }
            return PatternFail("wildcard makes remaining patterns unreachable");
          }
          StorePatternName(a->name, pc);
          break;
        }
        // Keep a copy to store if the sub-pattern matches.
        ++pc->on_top;
        Emit(Opcode::COPY, 1);
        CompilePattern(a->pattern, pc);
        if (failed_) return;
        --pc->on_top;
        StorePatternName(a->name, pc);
        break;
      }
      case PatternKind::MatchOr:
        CompileOrPattern(Cast<MatchOr>(p), pc);
        break;
    }
  }

  void CompileSequencePattern(MatchSequence* p, PatternContext* pc) {
    const PatternList& patterns = p->patterns;
    int size = static_cast<int>(patterns.size());
    int star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < size; ++i) {
      if (patterns[i]->kind == PatternKind::MatchStar) {
        if (star >= 0) {
          return PatternFail("multiple starred names in sequence pattern");
        }
        star_wildcard = IsStarWildcard(patterns[i]);
        only_wildcard &= star_wildcard;
        star = i;
        continue;
      }
      only_wildcard &= IsWildcard(patterns[i]);
    }
    // The subject stays on top during the sequence and length checks.
    ++pc->on_top;
    Emit(Opcode::MATCH_SEQUENCE);
    JumpToFailPop(pc, Opcode::POP_JUMP_IF_FALSE);
    if (star < 0 || size > 1) {
      // len(subject) == size, or >= size - 1 with a star.
      Emit(Opcode::GET_LEN);
      LoadConst(Value::Int(star < 0 ? size : size - 1));
      Emit(Opcode::COMPARE_OP,
           static_cast<uint32_t>(star < 0 ? CompareOp::kEq : CompareOp::kGe));
      JumpToFailPop(pc, Opcode::POP_JUMP_IF_FALSE);
    }
    --pc->on_top;
    if (only_wildcard) {
      Emit(Opcode::POP_TOP);  // [] / [_, _] / [*_] / [_, *_] ...
    } else if (star_wildcard) {
      // [first, *_, last]: index the items instead of unpacking them all.
      ++pc->on_top;
      for (int i = 0; i < size && !failed_; ++i) {
        pattern* q = patterns[i];
        if (IsWildcard(q) || i == star) continue;
        Emit(Opcode::COPY, 1);
        if (i < star) {
          LoadConst(Value::Int(i));
        } else {
          // The subject may not support negative indexes.
          Emit(Opcode::GET_LEN);
          LoadConst(Value::Int(size - i));
          Emit(Opcode::BINARY_OP,
               static_cast<uint32_t>(minidynamo::BinOp::kSubtract));
        }
        Emit(Opcode::BINARY_SUBSCR);
        CompileSubpattern(q, pc);
      }
      --pc->on_top;
      Emit(Opcode::POP_TOP);
    } else {
      if (star >= 0) {
        Emit(Opcode::UNPACK_EX, star | ((size - star - 1) << 8));
      } else {
        Emit(Opcode::UNPACK_SEQUENCE, size);
      }
      pc->on_top += size;
      for (int i = 0; i < size && !failed_; ++i) {
        --pc->on_top;
        CompileSubpattern(patterns[i], pc);
      }
    }
  }

  void CompileMappingPattern(MatchMapping* p, PatternContext* pc) {
    int size = static_cast<int>(p->keys.size());
    // The subject stays on top during the mapping and length checks.
    ++pc->on_top;
    Emit(Opcode::MATCH_MAPPING);
    JumpToFailPop(pc, Opcode::POP_JUMP_IF_FALSE);
    if (size == 0 && p->rest.empty()) {
      --pc->on_top;
      Emit(Opcode::POP_TOP);  // `{}` matches any mapping
      return;
    }
    if (size > 0) {
      Emit(Opcode::GET_LEN);
      LoadConst(Value::Int(size));
      Emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::kGe));
      JumpToFailPop(pc, Opcode::POP_JUMP_IF_FALSE);
    }
    // The keys, as one tuple: literals (checked for duplicates, as CPython's
    // compiler does) or attribute lookups.
    Value seen = SetObject::New(g_types.set);
    std::vector<Value> constants;
    bool all_constant = true;
    for (expr* key : p->keys) {
      if (key->kind == ExprKind::Attribute) {
        all_constant = false;
        continue;
      }
      Value c = FoldPatternConstant(key);
      if (c.is_null()) {
        return PatternFail(
            "mapping pattern keys may only match literals and attribute "
            "lookups");
      }
      int dup = As<SetObject>(seen)->Contains(c);
      if (dup != 0) {
        if (dup < 0) ClearError();
        std::string r = ReprString(c);
        if (r.empty()) ClearError();
        return PatternFail("mapping pattern checks duplicate key (" + r + ")");
      }
      if (!As<SetObject>(seen)->Add(c)) ClearError();
      constants.push_back(c);
    }
    if (all_constant) {
      LoadConst(TupleObject::FromValues(constants.data(), constants.size()));
    } else {
      size_t next_constant = 0;
      for (expr* key : p->keys) {
        if (key->kind == ExprKind::Attribute) {
          Visit(key);
        } else {
          LoadConst(constants[next_constant++]);
        }
      }
      Emit(Opcode::BUILD_TUPLE, size);
    }
    SetPatternLoc(p);
    Emit(Opcode::MATCH_KEYS);
    // The keys and the values (or None) sit on the subject now.
    pc->on_top += 2;
    Emit(Opcode::COPY, 1);
    JumpToFailPop(pc, Opcode::POP_JUMP_IF_NONE);
    Emit(Opcode::UNPACK_SEQUENCE, size);
    pc->on_top += size - 1;
    for (int i = 0; i < size && !failed_; ++i) {
      --pc->on_top;
      CompileSubpattern(p->patterns[i], pc);
    }
    if (failed_) return;
    pc->on_top -= 2;
    if (!p->rest.empty()) {
      // rest = dict(subject); del rest[key] for each key.
      Emit(Opcode::BUILD_MAP, 0);           // subject keys {}
      Emit(Opcode::SWAP, 3);                // {} keys subject
      Emit(Opcode::DICT_UPDATE, 2);         // rest keys
      Emit(Opcode::UNPACK_SEQUENCE, size);  // rest key...
      for (int n = size; n > 0; --n) {
        Emit(Opcode::COPY, 1 + n);  // rest key... rest
        Emit(Opcode::SWAP, 2);      // rest key... rest key
        Emit(Opcode::DELETE_SUBSCR);
      }
      StorePatternName(p->rest, pc);
    } else {
      Emit(Opcode::POP_TOP);  // the keys
      Emit(Opcode::POP_TOP);  // the subject
    }
  }

  void CompileClassPattern(MatchClass* p, PatternContext* pc) {
    const PatternList& patterns = p->patterns;
    const std::vector<std::string>& attrs = p->kwd_attrs;
    int nargs = static_cast<int>(patterns.size());
    int nattrs = static_cast<int>(attrs.size());
    for (int i = 0; i < nattrs; ++i) {
      SetPatternLoc(p->kwd_patterns[i]);
      if (attrs[i] == "__debug__") {
        return PatternFail("cannot assign to __debug__");
      }
      for (int j = i + 1; j < nattrs; ++j) {
        if (attrs[j] == attrs[i]) {
          SetPatternLoc(p->kwd_patterns[j]);
          return PatternFail("attribute name repeated in class pattern: " +
                             attrs[i]);
        }
      }
    }
    SetPatternLoc(p);
    Visit(p->cls);
    std::vector<Value> names;
    for (const std::string& a : attrs) names.push_back(Interned(a));
    LoadConst(TupleObject::FromValues(names.data(), names.size()));
    SetPatternLoc(p);
    Emit(Opcode::MATCH_CLASS, nargs);
    // A tuple of nargs + nattrs attributes, or None.
    ++pc->on_top;
    Emit(Opcode::COPY, 1);
    JumpToFailPop(pc, Opcode::POP_JUMP_IF_NONE);
    Emit(Opcode::UNPACK_SEQUENCE, nargs + nattrs);
    pc->on_top += nargs + nattrs - 1;
    for (int i = 0; i < nargs + nattrs && !failed_; ++i) {
      --pc->on_top;
      pattern* q = i < nargs ? patterns[i] : p->kwd_patterns[i - nargs];
      if (IsWildcard(q)) {
        Emit(Opcode::POP_TOP);
        continue;
      }
      CompileSubpattern(q, pc);
    }
  }

  void CompileOrPattern(MatchOr* p, PatternContext* pc) {
    auto end = u_->b.NewLabel();
    size_t size = p->patterns.size();
    PatternContext old = *pc;
    // The names the first alternative binds: the others must bind the same
    // ones, and their values are reordered to its order.
    std::vector<std::string> control;
    for (size_t i = 0; i < size; ++i) {
      pattern* alt = p->patterns[i];
      SetPatternLoc(alt);
      pc->stores.clear();
      // An irrefutable alternative must be last, if it is allowed at all.
      pc->allow_irrefutable = i == size - 1 && old.allow_irrefutable;
      pc->fail_pop.clear();
      pc->on_top = 0;
      Emit(Opcode::COPY, 1);
      CompilePattern(alt, pc);
      if (failed_) return;
      size_t nstores = pc->stores.size();
      if (i == 0) {
        control = pc->stores;
      } else if (nstores != control.size()) {
        return PatternFail("alternative patterns bind different names");
      } else if (nstores > 0) {
        for (size_t ic = nstores; ic-- > 0;) {
          auto it =
              std::find(pc->stores.begin(), pc->stores.end(), control[ic]);
          if (it == pc->stores.end()) {
            return PatternFail("alternative patterns bind different names");
          }
          size_t is = static_cast<size_t>(it - pc->stores.begin());
          if (is != ic) {
            // Move the first is + 1 names (and values) below the next
            // ic - is ones.
            size_t rotations = is + 1;
            std::vector<std::string> rotated(pc->stores.begin(),
                                             pc->stores.begin() + rotations);
            pc->stores.erase(pc->stores.begin(),
                             pc->stores.begin() + rotations);
            pc->stores.insert(pc->stores.begin() + (ic - is), rotated.begin(),
                              rotated.end());
            while (rotations--) RotateTop(static_cast<int>(ic) + 1);
          }
        }
      }
      u_->b.EmitJump(Opcode::JUMP_FORWARD, end);
      EmitAndResetFailPop(pc);
    }
    *pc = old;
    // No alternative matched: pop the subject's copy and fail.
    Emit(Opcode::POP_TOP);
    JumpToFailPop(pc, Opcode::JUMP_FORWARD);
    u_->b.Bind(end);
    // Move each capture below the subject, what is kept on top, and the
    // earlier captures.
    int nrots = static_cast<int>(control.size()) + 1 + pc->on_top +
                static_cast<int>(pc->stores.size());
    for (const std::string& name : control) {
      RotateTop(nrots);
      if (std::find(pc->stores.begin(), pc->stores.end(), name) !=
          pc->stores.end()) {
        return PatternFail("multiple assignments to name '" + name +
                           "' in pattern");
      }
      pc->stores.push_back(name);
    }
    Emit(Opcode::POP_TOP);  // the subject
  }

  void CompileWhile(While* s) {
    auto top = u_->b.NewLabel(), orelse = u_->b.NewLabel(),
         end = u_->b.NewLabel();
    u_->b.Bind(top);
    Jumpif(s->test, orelse, false);
    Block& blk = PushBlock(BlockKind::kWhileLoop);
    blk.start = top;
    blk.exit = end;
    VisitBody(s->body);
    PopBlock();
    SetPos(s);
    u_->b.EmitJump(Opcode::JUMP_BACKWARD, top);
    u_->b.Bind(orelse);
    VisitBody(s->orelse);
    u_->b.Bind(end);
  }

  void CompileFor(For* s) {
    auto top = u_->b.NewLabel(), cleanup = u_->b.NewLabel(),
         end = u_->b.NewLabel();
    Visit(s->iter);
    SetPos(s);
    Emit(Opcode::GET_ITER);
    u_->b.Bind(top);
    u_->b.EmitJump(Opcode::FOR_ITER, cleanup);
    ++u_->depth;
    Block& blk = PushBlock(BlockKind::kForLoop);
    blk.start = top;
    blk.exit = end;
    blk.depth = u_->depth - 1;
    VisitTarget(s->target, NameOp::kStore);
    VisitBody(s->body);
    PopBlock();
    --u_->depth;
    SetPos(s);
    u_->b.EmitJump(Opcode::JUMP_BACKWARD, top);
    u_->b.Bind(cleanup);
    VisitBody(s->orelse);
    u_->b.Bind(end);
  }

  // `await` of the awaitable on top of the stack (GET_AWAITABLE's argument says
  // where it came from: 1 __aenter__, 2 __aexit__, 0 an await expression).
  void EmitAwait(uint32_t where) {
    Emit(Opcode::GET_AWAITABLE, where);
    LoadConst(Value::None());
    EmitYieldFromLoop();
  }

  // async for: __aiter__ once, then await __anext__ until StopAsyncIteration.
  void CompileAsyncFor(AsyncFor* s) {
    auto top = u_->b.NewLabel(), done = u_->b.NewLabel(),
         end = u_->b.NewLabel();
    Visit(s->iter);
    SetPos(s);
    Emit(Opcode::GET_AITER);
    ++u_->depth;  // The async iterator stays for the loop.
    u_->b.Bind(top);
    // StopAsyncIteration from __anext__ lands at `done` with [aiter, exc].
    u_->b.PushHandler(done, u_->depth, false);
    Emit(Opcode::GET_ANEXT);
    LoadConst(Value::None());
    EmitYieldFromLoop();
    u_->b.PopHandler();
    Block& blk = PushBlock(BlockKind::kForLoop);
    blk.start = top;
    blk.exit = end;
    VisitTarget(s->target, NameOp::kStore);
    VisitBody(s->body);
    PopBlock();
    SetPos(s);
    u_->b.EmitJump(Opcode::JUMP_BACKWARD, top);
    u_->b.Bind(done);
    Emit(Opcode::END_ASYNC_FOR);
    --u_->depth;
    VisitBody(s->orelse);
    u_->b.Bind(end);
  }

  void CompileWith(const std::vector<withitem*>& items, const StmtList& body,
                   size_t i, bool is_async) {
    withitem* item = items[i];
    auto final_label = u_->b.NewLabel(), exit_label = u_->b.NewLabel(),
         cleanup = u_->b.NewLabel();
    Visit(item->context_expr);
    SetPos(item->context_expr);
    if (is_async) {
      Emit(Opcode::BEFORE_ASYNC_WITH);  // aexit, awaitable
      EmitAwait(1);                     // aexit, enter-result
    } else {
      Emit(Opcode::BEFORE_WITH);  // exit, enter-result
    }
    int outer = u_->b.current_handler();
    u_->depth += 1;  // __exit__ stays on the stack for the block.
    // On an exception: cut to [exit], push lasti and the exception.
    u_->b.PushHandler(final_label, u_->depth, true);
    Block& blk = PushBlock(BlockKind::kWith);
    blk.outer_handler = outer;
    blk.is_async = is_async;
    if (item->optional_vars != nullptr) {
      VisitTarget(item->optional_vars, NameOp::kStore);
    } else {
      Emit(Opcode::POP_TOP);
    }
    if (i + 1 < items.size()) {
      CompileWith(items, body, i + 1, is_async);
    } else {
      VisitBody(body);
    }
    PopBlock();
    u_->b.PopHandler();
    u_->depth -= 1;
    // Normal exit: __exit__(None, None, None).
    CallExitWithNones();
    if (is_async) EmitAwait(2);
    Emit(Opcode::POP_TOP);
    u_->b.EmitJump(Opcode::JUMP_FORWARD, exit_label);
    // Exceptional exit: [exit, lasti, exc]; after PUSH_EXC_INFO
    // [exit, lasti, prev_exc, exc]. A failure in __exit__ cuts to prev_exc.
    u_->b.Bind(final_label);
    u_->b.PushHandler(cleanup, u_->depth + 3, true);
    Emit(Opcode::PUSH_EXC_INFO);      // exit, lasti, prev_exc, exc
    Emit(Opcode::WITH_EXCEPT_START);  // ..., res
    if (is_async) EmitAwait(2);
    auto suppress = u_->b.NewLabel();
    u_->b.EmitJump(Opcode::POP_JUMP_IF_TRUE, suppress);
    Emit(Opcode::RERAISE, 2);
    u_->b.Bind(suppress);
    Emit(Opcode::POP_TOP);  // exc
    u_->b.PopHandler();
    Emit(Opcode::POP_EXCEPT);
    Emit(Opcode::POP_TOP);  // lasti
    Emit(Opcode::POP_TOP);  // exit
    u_->b.EmitJump(Opcode::JUMP_FORWARD, exit_label);
    u_->b.Bind(cleanup);
    EmitPopExceptAndReraise();
    u_->b.Bind(exit_label);
  }

  void EmitPopExceptAndReraise() {
    Emit(Opcode::COPY, 3);
    Emit(Opcode::POP_EXCEPT);
    Emit(Opcode::RERAISE, 1);
  }

  // break, continue and return must not leave an except* clause: true (and
  // failed) when a block above blocks[from] is one.
  // As CPython, which unwinds the blocks above the except* first, the error
  // has no location (line -1) when a with or finally block was among them.
  bool LeavesExceptStar(size_t from, const Located* at) {
    bool unset = false;
    for (size_t i = u_->blocks.size(); i > from; --i) {
      BlockKind kind = u_->blocks[i - 1].kind;
      if (kind == BlockKind::kExceptionGroupHandler) {
        Fail(
            "'break', 'continue' and 'return' cannot appear in an except* "
            "block",
            unset ? nullptr : at);
        if (unset) {
          error_->lineno = error_->end_lineno = -1;
          error_->offset = error_->end_offset = 0;
        }
        return true;
      }
      unset =
          unset || kind == BlockKind::kWith || kind == BlockKind::kFinallyTry;
    }
    return false;
  }

  // Try and TryStar: the same fields, compiled alike but for the handlers.
  template <typename TryNode>
  void CompileTry(TryNode* t) {
    if (!t->finalbody.empty()) {
      CompileTryFinally(t);
    } else {
      CompileTryExcept(t);
    }
  }

  template <typename TryNode>
  void CompileTryFinally(TryNode* t) {
    auto end = u_->b.NewLabel(), exit = u_->b.NewLabel(),
         cleanup = u_->b.NewLabel();
    int outer = u_->b.current_handler();
    u_->b.PushHandler(end, u_->depth, false);
    Block& blk = PushBlock(BlockKind::kFinallyTry);
    blk.finalbody = &t->finalbody;
    blk.outer_handler = outer;
    if (!t->handlers.empty()) {
      CompileTryExcept(t);
    } else {
      VisitBody(t->body);
    }
    PopBlock();
    u_->b.PopHandler();
    VisitBody(t->finalbody);
    u_->b.EmitJump(Opcode::JUMP_FORWARD, exit);
    // Exceptional path: [exc] at depth.
    u_->b.Bind(end);
    u_->b.PushHandler(cleanup, u_->depth + 1, true);
    Emit(Opcode::PUSH_EXC_INFO);
    u_->depth += 2;
    Block& fe = PushBlock(BlockKind::kFinallyEnd);
    fe.outer_handler = outer;
    VisitBody(t->finalbody);
    PopBlock();
    u_->depth -= 2;
    Emit(Opcode::RERAISE, 0);
    u_->b.PopHandler();
    u_->b.Bind(cleanup);
    EmitPopExceptAndReraise();
    u_->b.Bind(exit);
  }

  // The part try/except and try/except* share: the body under a handler
  // jumping to `except`, then the else block and a jump to `end`. Returns the
  // handler that was current before (the one the except clauses run under).
  int CompileTryBodyAndElse(const StmtList& body, const StmtList& orelse,
                            CodeBuilder::Label except, CodeBuilder::Label end) {
    int outer = u_->b.current_handler();
    u_->b.PushHandler(except, u_->depth, false);
    Block& blk = PushBlock(BlockKind::kTryExcept);
    blk.outer_handler = outer;
    VisitBody(body);
    PopBlock();
    u_->b.PopHandler();
    VisitBody(orelse);
    u_->b.EmitJump(Opcode::JUMP_FORWARD, end);
    return outer;
  }

  void CompileTryExcept(Try* t) {
    auto except = u_->b.NewLabel(), end = u_->b.NewLabel(),
         cleanup = u_->b.NewLabel();
    int outer = CompileTryBodyAndElse(t->body, t->orelse, except, end);
    // [exc]
    u_->b.Bind(except);
    u_->b.PushHandler(cleanup, u_->depth + 1, true);
    int cleanup_handler = u_->b.current_handler();
    Emit(Opcode::PUSH_EXC_INFO);  // prev_exc, exc
    u_->depth += 2;
    for (size_t i = 0; i < t->handlers.size(); ++i) {
      ExceptHandler* h = t->handlers[i];
      SetPos(h);
      if (h->type == nullptr && i + 1 < t->handlers.size()) {
        Fail("default 'except:' must be last", h);
        return;
      }
      auto next = u_->b.NewLabel();
      if (h->type != nullptr) {
        Visit(h->type);
        Emit(Opcode::CHECK_EXC_MATCH);
        u_->b.EmitJump(Opcode::POP_JUMP_IF_FALSE, next);
      }
      if (!h->name.empty()) {
        auto cleanup_end = u_->b.NewLabel();
        StoreName(h->name);
        u_->depth -= 1;  // exc stored
        u_->b.PushHandler(cleanup_end, u_->depth, true);
        Block& hb = PushBlock(BlockKind::kHandlerCleanup);
        hb.name = h->name;
        hb.outer_handler = outer;
        VisitBody(h->body);
        PopBlock();
        u_->b.PopHandler();
        u_->b.SetCurrentHandler(outer);
        Emit(Opcode::POP_EXCEPT);
        LoadConst(Value::None());
        StoreName(h->name);
        NameOpFor(h->name, NameOp::kDelete);
        u_->b.EmitJump(Opcode::JUMP_FORWARD, end);
        u_->b.SetCurrentHandler(cleanup_handler);
        u_->b.Bind(cleanup_end);
        LoadConst(Value::None());
        StoreName(h->name);
        NameOpFor(h->name, NameOp::kDelete);
        Emit(Opcode::RERAISE, 1);
        u_->depth += 1;
      } else {
        Emit(Opcode::POP_TOP);
        u_->depth -= 1;
        Block& hb = PushBlock(BlockKind::kHandlerCleanup);
        hb.outer_handler = outer;
        VisitBody(h->body);
        PopBlock();
        u_->b.SetCurrentHandler(outer);
        Emit(Opcode::POP_EXCEPT);
        u_->b.EmitJump(Opcode::JUMP_FORWARD, end);
        u_->b.SetCurrentHandler(cleanup_handler);
        u_->depth += 1;
      }
      u_->b.Bind(next);
    }
    Emit(Opcode::RERAISE, 0);
    u_->depth -= 2;
    u_->b.SetCurrentHandler(outer);
    u_->b.Bind(cleanup);
    EmitPopExceptAndReraise();
    u_->b.Bind(end);
  }

  // try/except*, in the shape of CPython 3.11's compiler_try_star_except. The
  // handlers run with [prev_exc, orig, raised, exc] on the stack: `orig` the
  // exception caught, `raised` a list collecting what each clause raises, `exc`
  // what is left to match. CHECK_EG_MATCH splits `exc` into [rest, match]
  // (match None: no match); a clause that raises appends its exception to
  // `raised`; the unmatched rest is appended last, and PREP_RERAISE_STAR
  // combines the list into the exception to re-raise (None: nothing).
  void CompileTryExcept(TryStar* t) {
    auto except = u_->b.NewLabel(), end = u_->b.NewLabel(),
         cleanup = u_->b.NewLabel(), reraise_star = u_->b.NewLabel(),
         reraise = u_->b.NewLabel();
    int outer = CompileTryBodyAndElse(t->body, t->orelse, except, end);
    // [exc]
    u_->b.Bind(except);
    u_->b.PushHandler(cleanup, u_->depth + 1, true);
    Emit(Opcode::PUSH_EXC_INFO);  // prev_exc, exc
    u_->depth += 2;
    Block& egh = PushBlock(BlockKind::kExceptionGroupHandler);
    egh.outer_handler = outer;
    for (size_t i = 0; i < t->handlers.size(); ++i) {
      ExceptHandler* h = t->handlers[i];
      SetPos(h);
      auto next = u_->b.NewLabel(), no_match = u_->b.NewLabel(),
           with_error = u_->b.NewLabel(), cleanup_end = u_->b.NewLabel();
      if (i == 0) {
        Emit(Opcode::COPY, 1);        // prev_exc, orig, exc
        Emit(Opcode::BUILD_LIST, 0);  // prev_exc, orig, exc, raised
        Emit(Opcode::SWAP, 2);        // prev_exc, orig, raised, exc
        u_->depth += 2;
      }
      if (h->type == nullptr) {  // The parser requires a type.
        Fail("expected one or more exception types", h);
        return;
      }
      Visit(h->type);
      SetPos(h);
      Emit(Opcode::CHECK_EG_MATCH);  // ..., rest, match
      Emit(Opcode::COPY, 1);
      u_->b.EmitJump(Opcode::POP_JUMP_IF_NONE, no_match);
      if (!h->name.empty()) {
        StoreName(h->name);
      } else {
        Emit(Opcode::POP_TOP);
      }
      // [prev_exc, orig, raised, rest]: an exception from the body lands at
      // cleanup_end with [..., rest, lasti, exc].
      u_->b.PushHandler(cleanup_end, u_->depth, true);
      VisitBody(h->body);
      u_->b.PopHandler();
      if (!h->name.empty()) {
        LoadConst(Value::None());
        StoreName(h->name);
        NameOpFor(h->name, NameOp::kDelete);
      }
      u_->b.EmitJump(Opcode::JUMP_FORWARD, next);
      u_->b.Bind(cleanup_end);
      if (!h->name.empty()) {
        LoadConst(Value::None());
        StoreName(h->name);
        NameOpFor(h->name, NameOp::kDelete);
      }
      Emit(Opcode::LIST_APPEND, 3);  // raised.append(exc)
      Emit(Opcode::POP_TOP);         // lasti
      u_->b.EmitJump(Opcode::JUMP_FORWARD, with_error);
      u_->b.Bind(next);
      Emit(Opcode::NOP);
      u_->b.EmitJump(Opcode::JUMP_FORWARD, with_error);
      u_->b.Bind(no_match);
      Emit(Opcode::POP_TOP);  // match (None)
      u_->b.Bind(with_error);
      if (i + 1 == t->handlers.size()) {
        // The unhandled rest (maybe None) goes into the list last.
        Emit(Opcode::LIST_APPEND, 1);
        u_->b.EmitJump(Opcode::JUMP_FORWARD, reraise_star);
      }
    }
    PopBlock();
    // [prev_exc, orig, raised]
    u_->b.Bind(reraise_star);
    Emit(Opcode::PREP_RERAISE_STAR);  // prev_exc, exc | None
    Emit(Opcode::COPY, 1);
    u_->b.EmitJump(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
    Emit(Opcode::POP_TOP);
    u_->b.SetCurrentHandler(outer);
    Emit(Opcode::POP_EXCEPT);
    u_->b.EmitJump(Opcode::JUMP_FORWARD, end);
    u_->b.Bind(reraise);  // prev_exc, exc
    Emit(Opcode::SWAP, 2);
    Emit(Opcode::POP_EXCEPT);
    Emit(Opcode::RERAISE, 0);
    u_->depth -= 4;
    u_->b.Bind(cleanup);  // [prev_exc, lasti, exc]
    EmitPopExceptAndReraise();
    u_->b.Bind(end);
  }

  // ---- Targets
  // ----------------------------------------------------------------

  void VisitTarget(expr* t, NameOp op) {
    SetPos(t);
    switch (t->kind) {
      case ExprKind::Name:
        NameOpFor(Cast<NameExpr>(t)->id, op);
        break;
      case ExprKind::Attribute: {
        auto* a = Cast<Attribute>(t);
        Visit(a->value);
        SetPos(t);
        Emit(op == NameOp::kStore ? Opcode::STORE_ATTR : Opcode::DELETE_ATTR,
             u_->b.AddName(Mangled(a->attr)));
        break;
      }
      case ExprKind::Subscript: {
        auto* s = Cast<Subscript>(t);
        Visit(s->value);
        Visit(s->slice);
        SetPos(t);
        Emit(op == NameOp::kStore ? Opcode::STORE_SUBSCR
                                  : Opcode::DELETE_SUBSCR);
        break;
      }
      case ExprKind::Tuple:
      case ExprKind::List: {
        const ExprList& elts = t->kind == ExprKind::Tuple ? Cast<Tuple>(t)->elts
                                                          : Cast<List>(t)->elts;
        if (op == NameOp::kDelete) {
          for (expr* e : elts) VisitTarget(e, op);
          break;
        }
        int star = -1;
        for (size_t i = 0; i < elts.size(); ++i) {
          if (elts[i]->kind == ExprKind::Starred) {
            if (star >= 0) {
              Fail("multiple starred expressions in assignment", elts[i]);
              return;
            }
            star = static_cast<int>(i);
          }
        }
        if (star >= 0) {
          uint32_t before = star,
                   after = static_cast<uint32_t>(elts.size() - star - 1);
          Emit(Opcode::UNPACK_EX, before | (after << 8));
        } else {
          Emit(Opcode::UNPACK_SEQUENCE, static_cast<uint32_t>(elts.size()));
        }
        for (expr* e : elts) {
          VisitTarget(
              e->kind == ExprKind::Starred ? Cast<Starred>(e)->value : e, op);
        }
        break;
      }
      case ExprKind::Starred:
        Fail("starred assignment target must be in a list or tuple", t);
        break;
      default:
        Fail(absl::StrCat("cannot ",
                          op == NameOp::kDelete ? "delete " : "assign to ",
                          std::string(DescribeExpr(t))),
             t);
    }
  }

  // ---- Expressions
  // ------------------------------------------------------------

  static minidynamo::BinOp BinOpFor(operator_ op) {
    switch (op) {
      case operator_::Add:
        return minidynamo::BinOp::kAdd;
      case operator_::Sub:
        return minidynamo::BinOp::kSubtract;
      case operator_::Mult:
        return minidynamo::BinOp::kMultiply;
      case operator_::MatMult:
        return minidynamo::BinOp::kMatrixMultiply;
      case operator_::Div:
        return minidynamo::BinOp::kTrueDivide;
      case operator_::Mod:
        return minidynamo::BinOp::kRemainder;
      case operator_::Pow:
        return minidynamo::BinOp::kPower;
      case operator_::LShift:
        return minidynamo::BinOp::kLshift;
      case operator_::RShift:
        return minidynamo::BinOp::kRshift;
      case operator_::BitOr:
        return minidynamo::BinOp::kOr;
      case operator_::BitXor:
        return minidynamo::BinOp::kXor;
      case operator_::BitAnd:
        return minidynamo::BinOp::kAnd;
      case operator_::FloorDiv:
        return minidynamo::BinOp::kFloorDivide;
    }
    return minidynamo::BinOp::kAdd;
  }

  // Jumps to `target` when `e` is (cond=true) truthy / (false) falsy.
  void Jumpif(expr* e, CodeBuilder::Label target, bool cond) {
    if (auto* u = As<UnaryOp>(e); u != nullptr && u->op == unaryop::Not) {
      Jumpif(u->operand, target, !cond);
      return;
    }
    if (auto* b = As<BoolOp>(e)) {
      bool is_and = b->op == boolop::And;
      if (is_and != cond) {
        // `a and b` jumping on false: each false jumps; `a or b` on true
        // likewise.
        for (expr* v : b->values) Jumpif(v, target, cond);
      } else {
        auto skip = u_->b.NewLabel();
        for (size_t i = 0; i + 1 < b->values.size(); ++i)
          Jumpif(b->values[i], skip, !cond);
        Jumpif(b->values.back(), target, cond);
        u_->b.Bind(skip);
      }
      return;
    }
    Visit(e);
    SetPos(e);
    u_->b.EmitJump(cond ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE,
                   target);
  }

  Value ConstantToValue(const ConstantValue& c) {
    switch (c.kind) {
      case ConstantValue::Kind::kNone:
        return Value::None();
      case ConstantValue::Kind::kTrue:
        return Value::Bool(true);
      case ConstantValue::Kind::kFalse:
        return Value::Bool(false);
      case ConstantValue::Kind::kEllipsis:
        return Ellipsis();
      case ConstantValue::Kind::kInt:
        return Value::Int(c.int_value);
      case ConstantValue::Kind::kBigInt: {
        auto b = BigInt::FromString(c.str_value, 10);
        return b.ok() ? MakeInt(*std::move(b)) : Value::Int(0);
      }
      case ConstantValue::Kind::kFloat:
        return Value::Float(c.float_value);
      case ConstantValue::Kind::kComplex:
        return NewComplex(0.0, c.float_value);
      case ConstantValue::Kind::kStr:
        return MakeStr(c.str_value);
      case ConstantValue::Kind::kBytes:
        return BytesObject::New(c.str_value);
    }
    return Value::None();
  }

  // Deeply nested expressions (200,000-term sums parse into trees that deep)
  // must not overflow the C++ stack: fail like CPython's compiler does.
  struct DepthGuard {
    explicit DepthGuard(Compiler* c) : c(c) { ++c->depth_; }
    ~DepthGuard() { --c->depth_; }
    Compiler* c;
  };

  void Visit(expr* e) {
    if (failed_ || e == nullptr) return;
    DepthGuard guard(this);
    if (depth_ > kMaxDepth) {
      FailRecursion(e);
      return;
    }
    SetPos(e);
    switch (e->kind) {
      case ExprKind::Constant: {
        auto* c = Cast<Constant>(e);
        LoadConst(ConstantToValue(c->value));
        break;
      }
      case ExprKind::Name:
        LoadName(Cast<NameExpr>(e)->id);
        break;
      case ExprKind::BoolOp: {
        auto* b = Cast<BoolOp>(e);
        auto end = u_->b.NewLabel();
        Opcode jump = b->op == boolop::And ? Opcode::JUMP_IF_FALSE_OR_POP
                                           : Opcode::JUMP_IF_TRUE_OR_POP;
        for (size_t i = 0; i + 1 < b->values.size(); ++i) {
          Visit(b->values[i]);
          u_->b.EmitJump(jump, end);
        }
        Visit(b->values.back());
        u_->b.Bind(end);
        break;
      }
      case ExprKind::NamedExpr: {
        auto* n = Cast<NamedExpr>(e);
        Visit(n->value);
        Emit(Opcode::COPY, 1);
        VisitTarget(n->target, NameOp::kStore);
        break;
      }
      case ExprKind::BinOp: {
        auto* b = Cast<ast::BinOp>(e);
        Visit(b->left);
        Visit(b->right);
        SetPos(e);
        Emit(Opcode::BINARY_OP, static_cast<uint32_t>(BinOpFor(b->op)));
        break;
      }
      case ExprKind::UnaryOp: {
        auto* un = Cast<UnaryOp>(e);
        Visit(un->operand);
        SetPos(e);
        switch (un->op) {
          case unaryop::Invert:
            Emit(Opcode::UNARY_INVERT);
            break;
          case unaryop::Not:
            Emit(Opcode::UNARY_NOT);
            break;
          case unaryop::UAdd:
            Emit(Opcode::UNARY_POSITIVE);
            break;
          case unaryop::USub:
            Emit(Opcode::UNARY_NEGATIVE);
            break;
        }
        break;
      }
      case ExprKind::Lambda: {
        auto* l = Cast<Lambda>(e);
        uint32_t flags = MakeDefaults(l->args);
        Scope* scope = u_->scope->ChildFor(l);
        EnterUnit(scope, "<lambda>", e->lineno);
        Unit* lu = u_;
        lu->argcount = static_cast<int>(l->args->posonlyargs.size() +
                                        l->args->args.size());
        lu->posonlyargcount = static_cast<int>(l->args->posonlyargs.size());
        lu->kwonlyargcount = static_cast<int>(l->args->kwonlyargs.size());
        lu->flags = kCoOptimized | kCoNewLocals;
        if (l->args->vararg) lu->flags |= kCoVarargs;
        if (l->args->kwarg) lu->flags |= kCoVarkeywords;
        if (scope->is_generator) lu->flags |= kCoGenerator;
        if (stack_.size() > 2) lu->flags |= kCoNested;
        lu->b.AddConst(Value::None());
        SetPos(e);
        Emit(Opcode::RESUME, 0);
        Visit(l->body);
        Emit(Opcode::RETURN_VALUE);
        auto code = LeaveUnit();
        if (!code.ok()) {
          Fail(std::string(code.status().message()), e);
          return;
        }
        SetPos(e);
        MakeClosure(*code, flags);
        break;
      }
      case ExprKind::IfExp: {
        auto* i = Cast<IfExp>(e);
        auto orelse = u_->b.NewLabel(), end = u_->b.NewLabel();
        Jumpif(i->test, orelse, false);
        Visit(i->body);
        u_->b.EmitJump(Opcode::JUMP_FORWARD, end);
        u_->b.Bind(orelse);
        Visit(i->orelse);
        u_->b.Bind(end);
        break;
      }
      case ExprKind::Dict: {
        auto* d = Cast<Dict>(e);
        size_t pending = 0;
        bool built = false;
        for (size_t i = 0; i < d->keys.size(); ++i) {
          if (d->keys[i] == nullptr) {
            if (!built || pending > 0) {
              Emit(Opcode::BUILD_MAP, static_cast<uint32_t>(pending));
              if (built) Emit(Opcode::DICT_UPDATE, 1);
              built = true;
              pending = 0;
            }
            Visit(d->values[i]);
            Emit(Opcode::DICT_UPDATE, 1);
            continue;
          }
          Visit(d->keys[i]);
          Visit(d->values[i]);
          ++pending;
        }
        if (!built || pending > 0) {
          Emit(Opcode::BUILD_MAP, static_cast<uint32_t>(pending));
          if (built) Emit(Opcode::DICT_UPDATE, 1);
        }
        break;
      }
      case ExprKind::Set:
        BuildSequence(Cast<Set>(e)->elts, Opcode::BUILD_SET, Opcode::SET_UPDATE,
                      false);
        break;
      case ExprKind::List:
        BuildSequence(Cast<List>(e)->elts, Opcode::BUILD_LIST,
                      Opcode::LIST_EXTEND, false);
        break;
      case ExprKind::Tuple:
        BuildSequence(Cast<Tuple>(e)->elts, Opcode::BUILD_TUPLE,
                      Opcode::LIST_EXTEND, true);
        break;
      case ExprKind::ListComp: {
        auto* c = Cast<ListComp>(e);
        CompileComprehension(c, "<listcomp>", c->generators, c->elt, nullptr,
                             Opcode::BUILD_LIST);
        break;
      }
      case ExprKind::SetComp: {
        auto* c = Cast<SetComp>(e);
        CompileComprehension(c, "<setcomp>", c->generators, c->elt, nullptr,
                             Opcode::BUILD_SET);
        break;
      }
      case ExprKind::DictComp: {
        auto* c = Cast<DictComp>(e);
        CompileComprehension(c, "<dictcomp>", c->generators, c->key, c->value,
                             Opcode::BUILD_MAP);
        break;
      }
      case ExprKind::GeneratorExp: {
        auto* c = Cast<GeneratorExp>(e);
        CompileComprehension(c, "<genexpr>", c->generators, c->elt, nullptr,
                             Opcode::NOP);
        break;
      }
      case ExprKind::Await:
        Visit(Cast<Await>(e)->value);
        SetPos(e);
        EmitAwait(0);
        break;
      case ExprKind::Yield: {
        auto* y = Cast<Yield>(e);
        if (y->value != nullptr) {
          Visit(y->value);
        } else {
          LoadConst(Value::None());
        }
        SetPos(e);
        // In an async generator a yield is marked, so the driver can tell it
        // from the suspensions of awaits inside the body.
        if (u_->scope->is_coroutine) Emit(Opcode::ASYNC_GEN_WRAP);
        Emit(Opcode::YIELD_VALUE);
        Emit(Opcode::RESUME, 1);
        break;
      }
      case ExprKind::YieldFrom:
        Visit(Cast<YieldFrom>(e)->value);
        Emit(Opcode::GET_YIELD_FROM_ITER);
        LoadConst(Value::None());
        EmitYieldFromLoop();
        break;
      case ExprKind::Compare:
        CompileCompare(Cast<Compare>(e));
        break;
      case ExprKind::Call:
        CompileCall(Cast<ast::Call>(e));
        break;
      case ExprKind::FormattedValue: {
        auto* f = Cast<FormattedValue>(e);
        Visit(f->value);
        uint32_t oparg = f->conversion == 's'   ? 1
                         : f->conversion == 'r' ? 2
                         : f->conversion == 'a' ? 3
                                                : 0;
        if (f->format_spec != nullptr) {
          Visit(f->format_spec);
          oparg |= 4;
        }
        SetPos(e);
        Emit(Opcode::FORMAT_VALUE, oparg);
        break;
      }
      case ExprKind::JoinedStr: {
        auto* j = Cast<JoinedStr>(e);
        for (expr* v : j->values) Visit(v);
        if (j->values.size() != 1) {
          Emit(Opcode::BUILD_STRING, static_cast<uint32_t>(j->values.size()));
        } else if (j->values[0]->kind != ExprKind::FormattedValue) {
          // A lone constant piece is already a str.
        }
        break;
      }
      case ExprKind::Attribute: {
        auto* a = Cast<Attribute>(e);
        Visit(a->value);
        SetPos(e);
        Emit(Opcode::LOAD_ATTR, u_->b.AddName(Mangled(a->attr)));
        break;
      }
      case ExprKind::Subscript: {
        auto* s = Cast<Subscript>(e);
        Warn(SubscriptWarning(*s), e);
        Visit(s->value);
        Visit(s->slice);
        SetPos(e);
        Emit(Opcode::BINARY_SUBSCR);
        break;
      }
      case ExprKind::Starred:
        Fail("can't use starred expression here", e);
        break;
      case ExprKind::Slice: {
        auto* s = Cast<Slice>(e);
        uint32_t n = 2;
        if (s->lower)
          Visit(s->lower);
        else
          LoadConst(Value::None());
        if (s->upper)
          Visit(s->upper);
        else
          LoadConst(Value::None());
        if (s->step) {
          Visit(s->step);
          n = 3;
        }
        Emit(Opcode::BUILD_SLICE, n);
        break;
      }
    }
  }

  void EmitYieldFromLoop() {
    // receiver value -- result
    auto send = u_->b.NewLabel(), exit = u_->b.NewLabel();
    u_->b.Bind(send);
    u_->b.EmitJump(Opcode::SEND, exit);
    Emit(Opcode::YIELD_VALUE);
    Emit(Opcode::RESUME, 2);
    u_->b.EmitJump(Opcode::JUMP_BACKWARD, send);
    u_->b.Bind(exit);
    Emit(Opcode::END_SEND);
  }

  // A list/tuple/set display, with starred items merged in by *_EXTEND/UPDATE.
  void BuildSequence(const ExprList& elts, Opcode build, Opcode extend,
                     bool tuple) {
    bool has_star = false;
    for (expr* x : elts) has_star |= x->kind == ExprKind::Starred;
    if (!has_star) {
      for (expr* x : elts) Visit(x);
      Emit(build, static_cast<uint32_t>(elts.size()));
      return;
    }
    Opcode start = tuple ? Opcode::BUILD_LIST : build;
    Opcode append =
        build == Opcode::BUILD_SET ? Opcode::SET_ADD : Opcode::LIST_APPEND;
    Emit(start, 0);
    for (expr* x : elts) {
      if (x->kind == ExprKind::Starred) {
        Visit(Cast<Starred>(x)->value);
        Emit(extend, 1);
      } else {
        Visit(x);
        Emit(append, 1);
      }
    }
    if (tuple) Emit(Opcode::LIST_TO_TUPLE);
  }

  void CompileCompare(Compare* c) {
    Warn(CompareWarning(*c), c);
    Visit(c->left);
    size_t n = c->ops.size();
    auto emit_op = [&](cmpop op) {
      // Indexed by cmpop: the opcode and its argument.
      static constexpr std::pair<Opcode, uint32_t> kOps[] = {
          {Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::kEq)},
          {Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::kNe)},
          {Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::kLt)},
          {Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::kLe)},
          {Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::kGt)},
          {Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::kGe)},
          {Opcode::IS_OP, 0},
          {Opcode::IS_OP, 1},
          {Opcode::CONTAINS_OP, 0},
          {Opcode::CONTAINS_OP, 1},
      };
      const auto& entry = kOps[static_cast<int>(op)];
      Emit(entry.first, entry.second);
    };
    if (n == 1) {
      Visit(c->comparators[0]);
      SetPos(c);
      emit_op(c->ops[0]);
      return;
    }
    auto cleanup = u_->b.NewLabel(), end = u_->b.NewLabel();
    for (size_t i = 0; i + 1 < n; ++i) {
      Visit(c->comparators[i]);
      SetPos(c);
      Emit(Opcode::SWAP, 2);
      Emit(Opcode::COPY, 2);
      emit_op(c->ops[i]);
      u_->b.EmitJump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
    }
    Visit(c->comparators[n - 1]);
    SetPos(c);
    emit_op(c->ops[n - 1]);
    u_->b.EmitJump(Opcode::JUMP_FORWARD, end);
    u_->b.Bind(cleanup);
    Emit(Opcode::SWAP, 2);
    Emit(Opcode::POP_TOP);
    u_->b.Bind(end);
  }

  void CompileCall(ast::Call* c) {
    Warn(CallWarning(*c->func), c);
    // obj.method(...) without * or ** uses LOAD_METHOD.
    bool simple = true;
    for (expr* a : c->args) simple &= a->kind != ExprKind::Starred;
    for (keyword* k : c->keywords) simple &= !k->arg.empty();
    if (auto* attr = As<Attribute>(c->func); attr != nullptr && simple) {
      Visit(attr->value);
      SetPos(attr);
      Emit(Opcode::LOAD_METHOD, u_->b.AddName(Mangled(attr->attr)));
      CompileCallArgs(c->args, c->keywords, 0, c);
      return;
    }
    if (auto* n = As<NameExpr>(c->func);
        n != nullptr && u_->scope->kind == ScopeKind::kFunction) {
      std::string id = Mangled(n->id);
      NameScope r = u_->scope->Resolve(id);
      if (r == NameScope::kGlobalImplicit || r == NameScope::kGlobalExplicit) {
        SetPos(n);
        Emit(Opcode::LOAD_GLOBAL, (u_->b.AddName(id) << 1) | 1);
        CompileCallArgs(c->args, c->keywords, 0, c);
        return;
      }
    }
    Emit(Opcode::PUSH_NULL);
    Visit(c->func);
    CompileCallArgs(c->args, c->keywords, 0, c);
  }

  // The arguments and the CALL (or CALL_FUNCTION_EX); `extra` positional values
  // are already on the stack after the callable. `at` positions the call.
  void CompileCallArgs(const ExprList& args,
                       const std::vector<keyword*>& keywords, uint32_t extra,
                       const Located* at) {
    bool starred = false;
    for (expr* a : args) starred |= a->kind == ExprKind::Starred;
    for (keyword* k : keywords) starred |= k->arg.empty();
    // Duplicate keyword check, as CPython's compiler does.
    for (size_t i = 0; i < keywords.size(); ++i) {
      for (size_t j = i + 1; j < keywords.size(); ++j) {
        if (!keywords[i]->arg.empty() && keywords[i]->arg == keywords[j]->arg) {
          Fail(absl::StrCat("keyword argument repeated: ", keywords[i]->arg),
               keywords[j]);
          return;
        }
      }
    }
    if (!starred) {
      for (expr* a : args) Visit(a);
      std::vector<Value> names;
      for (keyword* k : keywords) {
        Visit(k->value);
        names.push_back(MakeStr(k->arg));
      }
      u_->b.set_position(Position{at->lineno, at->end_lineno, at->col_offset,
                                  at->end_col_offset});
      if (!names.empty()) {
        Emit(Opcode::KW_NAMES, u_->b.AddConst(TupleObject::FromValues(
                                   names.data(), names.size())));
      }
      Emit(Opcode::CALL,
           static_cast<uint32_t>(extra + args.size() + keywords.size()));
      return;
    }
    // f(*a, **k): a tuple of positionals and a dict of keywords. Values already
    // on the stack (class name and function for __build_class__) start the
    // list.
    Emit(Opcode::BUILD_LIST, extra);
    for (expr* a : args) {
      if (a->kind == ExprKind::Starred) {
        Visit(Cast<Starred>(a)->value);
        Emit(Opcode::LIST_EXTEND, 1);
      } else {
        Visit(a);
        Emit(Opcode::LIST_APPEND, 1);
      }
    }
    Emit(Opcode::LIST_TO_TUPLE);
    bool has_kw = !keywords.empty();
    if (has_kw) {
      Emit(Opcode::BUILD_MAP, 0);
      for (keyword* k : keywords) {
        if (k->arg.empty()) {
          Visit(k->value);
          Emit(Opcode::DICT_MERGE, 1);
        } else {
          LoadConst(MakeStr(k->arg));
          Visit(k->value);
          Emit(Opcode::BUILD_MAP, 1);
          Emit(Opcode::DICT_MERGE, 1);
        }
      }
    }
    u_->b.set_position(Position{at->lineno, at->end_lineno, at->col_offset,
                                at->end_col_offset});
    Emit(Opcode::CALL_FUNCTION_EX, has_kw ? 1 : 0);
  }

  void CompileComprehension(expr* node, const char* name,
                            const std::vector<comprehension*>& gens, expr* elt,
                            expr* value, Opcode build) {
    Scope* scope = u_->scope->ChildFor(node);
    bool is_gen = build == Opcode::NOP;
    EnterUnit(scope, name, node->lineno);
    Unit* cu = u_;
    cu->argcount = 1;
    cu->flags = kCoOptimized | kCoNewLocals;
    // A comprehension with `async for` (or awaits) is a coroutine, an async
    // generator for a generator expression, as in CPython.
    const bool is_async = scope->is_coroutine;
    if (is_gen) cu->flags |= is_async ? kCoAsyncGenerator : kCoGenerator;
    if (!is_gen && is_async) cu->flags |= kCoCoroutine;
    if (stack_.size() > 2) cu->flags |= kCoNested;
    SetPos(node);
    Emit(Opcode::RESUME, 0);
    if (!is_gen) Emit(build, 0);
    CompileComprehensionLevel(gens, 0, elt, value, build, is_gen);
    if (is_gen) LoadConst(Value::None());
    Emit(Opcode::RETURN_VALUE);
    auto code = LeaveUnit();
    if (!code.ok()) {
      Fail(std::string(code.status().message()), node);
      return;
    }
    SetPos(node);
    MakeClosure(*code, 0);
    Visit(gens[0]->iter);
    SetPos(node);
    Emit(gens[0]->is_async ? Opcode::GET_AITER : Opcode::GET_ITER);
    Emit(Opcode::CALL, 0);
    if (scope->is_coroutine && !is_gen) EmitAwait(0);
  }

  void CompileComprehensionLevel(const std::vector<comprehension*>& gens,
                                 size_t level, expr* elt, expr* value,
                                 Opcode build, bool is_gen) {
    comprehension* g = gens[level];
    auto top = u_->b.NewLabel(), end = u_->b.NewLabel();
    if (level == 0) {
      Emit(Opcode::LOAD_FAST, u_->VarIndex(".0"));
    } else {
      Visit(g->iter);
      Emit(g->is_async ? Opcode::GET_AITER : Opcode::GET_ITER);
    }
    u_->b.Bind(top);
    if (g->is_async) {
      // Await __anext__ until StopAsyncIteration, which lands at `end` with the
      // stack cut to [accumulator, iterators...].
      int depth = (is_gen ? 0 : 1) + static_cast<int>(level) + 1;
      u_->b.PushHandler(end, depth, false);
      Emit(Opcode::GET_ANEXT);
      LoadConst(Value::None());
      EmitYieldFromLoop();
      u_->b.PopHandler();
    } else {
      u_->b.EmitJump(Opcode::FOR_ITER, end);
    }
    VisitTarget(g->target, NameOp::kStore);
    for (expr* cond : g->ifs) Jumpif(cond, top, false);
    if (level + 1 < gens.size()) {
      CompileComprehensionLevel(gens, level + 1, elt, value, build, is_gen);
    } else {
      // The accumulator sits below one iterator per level.
      uint32_t depth = static_cast<uint32_t>(gens.size()) + 1;
      if (is_gen) {
        Visit(elt);
        if (u_->scope->is_coroutine) Emit(Opcode::ASYNC_GEN_WRAP);
        Emit(Opcode::YIELD_VALUE);
        Emit(Opcode::RESUME, 1);
        Emit(Opcode::POP_TOP);
      } else if (build == Opcode::BUILD_MAP) {
        Visit(elt);
        Visit(value);
        Emit(Opcode::MAP_ADD, depth);
      } else {
        Visit(elt);
        Emit(
            build == Opcode::BUILD_LIST ? Opcode::LIST_APPEND : Opcode::SET_ADD,
            depth);
      }
    }
    u_->b.EmitJump(Opcode::JUMP_BACKWARD, top);
    u_->b.Bind(end);
    if (g->is_async) Emit(Opcode::END_ASYNC_FOR);
  }

  const std::string& filename_;
  SyntaxErrorInfo* error_;
  std::vector<std::unique_ptr<Unit>> stack_;
  Unit* u_ = nullptr;
  bool failed_ = false;
  const Located* current_stmt_ = nullptr;  // the statement being compiled
  // The pattern being compiled, where pattern errors point (CPython's
  // SET_LOC inside compiler_pattern).
  const Located* pattern_loc_ = nullptr;
  bool interactive_ = false;
  bool future_annotations_ = false;  // from __future__ import annotations
  int future_lineno_ = 0;  // Line of the last leading __future__ import.
  int depth_ = 0;
  static constexpr int kMaxDepth = 2000;
};

}  // namespace

absl::StatusOr<Value> CompileAst(const ast::mod& module,
                                 const std::string& filename, CompileMode mode,
                                 SyntaxErrorInfo* error) {
  absl::StatusOr<SymbolTable> table = BuildSymbolTable(module, filename, error);
  if (!table.ok()) return table.status();
  Compiler c(filename, error);
  return c.CompileModule(module, table->top.get(), mode);
}

absl::StatusOr<Value> CompileSource(const std::string& source,
                                    const std::string& filename,
                                    CompileMode mode, SyntaxErrorInfo* error) {
  ParseMode pm = mode == CompileMode::kExec   ? ParseMode::kExec
                 : mode == CompileMode::kEval ? ParseMode::kEval
                                              : ParseMode::kSingle;
  absl::StatusOr<ParseResult> parsed = Parse(source, filename, pm, error);
  if (!parsed.ok()) return parsed.status();
  absl::StatusOr<Value> code =
      CompileAst(parsed->tree(), filename, mode, error);
  if (!code.ok() && error->text.empty() && error->lineno > 0) {
    // Errors found after parsing show the source line, as CPython's do (it
    // reads the line back from the file, newline included).
    size_t start = 0;
    for (int line = 1; line < error->lineno && start != std::string::npos;
         ++line) {
      start = source.find('\n', start);
      if (start != std::string::npos) ++start;
    }
    if (start != std::string::npos && start < source.size()) {
      size_t end = source.find('\n', start);
      error->text = end == std::string::npos
                        ? source.substr(start)
                        : source.substr(start, end - start + 1);
    }
  }
  return code;
}

}  // namespace minidynamo
