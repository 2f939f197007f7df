// The abstract syntax tree, mirroring Python 3.11's `ast` module one-to-one.
//
// Class names, field names and field order are Python's (Parser/Python.asdl),
// so the compiler can follow CPython's compile.c node by node. That is why the
// base classes are spelled `expr`, `stmt` and `mod` and the product types
// `arguments`, `arg`, `keyword`, `alias`, `withitem`, `comprehension` in lower
// case, as in Python; `operator` is a C++ keyword, so that enum is `operator_`.
//
// Representation: nodes live in an Arena owned by the parse result and point to
// each other with raw pointers. `expr` and `stmt` carry a `kind`; downcast with
// ast::Cast<T>() (checked in debug builds) or As<T>() (nullptr on mismatch).
// Optional children are nullptr; optional identifiers (keyword.arg,
// alias.asname, ImportFrom.module, ExceptHandler.name) are empty strings for
// Python's None. Every node with attributes in Python (expr, stmt, arg,
// keyword, alias, excepthandler) has
// lineno/col_offset/end_lineno/end_col_offset with CPython's values (columns
// are UTF-8 byte offsets). type_comment fields and Module.type_ignores are
// always None / [] here and are omitted.
#ifndef MINIDYNAMO_VM_PARSE_AST_H_
#define MINIDYNAMO_VM_PARSE_AST_H_

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace minidynamo::ast {

// ---------------------------------------------------------------------------
// Arena

// Bump allocator for nodes; runs the destructors of what it holds (vectors and
// strings inside nodes) when it dies.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena();

  template <typename T, typename... Args>
  T* New(Args&&... args) {
    void* mem = Allocate(sizeof(T), alignof(T));
    T* obj = new (mem) T(std::forward<Args>(args)...);
    if constexpr (!std::is_trivially_destructible_v<T>) {
      dtors_.push_back({obj, [](void* p) { static_cast<T*>(p)->~T(); }});
    }
    return obj;
  }

  size_t bytes_allocated() const { return bytes_allocated_; }

 private:
  void* Allocate(size_t size, size_t align);

  struct Dtor {
    void* obj;
    void (*fn)(void*);
  };
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* ptr_ = nullptr;
  char* end_ = nullptr;
  size_t bytes_allocated_ = 0;
  std::vector<Dtor> dtors_;
};

// ---------------------------------------------------------------------------
// Enumerations (Python's sum types without fields)

enum class expr_context : uint8_t { Load, Store, Del };
enum class boolop : uint8_t { And, Or };
enum class operator_ : uint8_t {
  Add,
  Sub,
  Mult,
  MatMult,
  Div,
  Mod,
  Pow,
  LShift,
  RShift,
  BitOr,
  BitXor,
  BitAnd,
  FloorDiv
};
enum class unaryop : uint8_t { Invert, Not, UAdd, USub };
enum class cmpop : uint8_t {
  Eq,
  NotEq,
  Lt,
  LtE,
  Gt,
  GtE,
  Is,
  IsNot,
  In,
  NotIn
};

// Python's class names: "Load", "And", "Add", "USub", "NotIn", ...
std::string_view NameOf(expr_context v);
std::string_view NameOf(boolop v);
std::string_view NameOf(operator_ v);
std::string_view NameOf(unaryop v);
std::string_view NameOf(cmpop v);

// ---------------------------------------------------------------------------
// Kinds

// clang-format off
#define MINIDYNAMO_AST_EXPR_KINDS(X)                                          \
  X(BoolOp) X(NamedExpr) X(BinOp) X(UnaryOp) X(Lambda) X(IfExp) X(Dict)      \
  X(Set) X(ListComp) X(SetComp) X(DictComp) X(GeneratorExp) X(Await)         \
  X(Yield) X(YieldFrom) X(Compare) X(Call) X(FormattedValue) X(JoinedStr)    \
  X(Constant) X(Attribute) X(Subscript) X(Starred) X(Name) X(List) X(Tuple)  \
  X(Slice)

#define MINIDYNAMO_AST_STMT_KINDS(X)                                          \
  X(FunctionDef) X(AsyncFunctionDef) X(ClassDef) X(Return) X(Delete)         \
  X(Assign) X(AugAssign) X(AnnAssign) X(For) X(AsyncFor) X(While) X(If)      \
  X(With) X(AsyncWith) X(Raise) X(Try) X(TryStar) X(Assert) X(Import)        \
  X(ImportFrom) X(Global) X(Nonlocal) X(Expr) X(Pass) X(Break) X(Continue)   \
  X(Match)

#define MINIDYNAMO_AST_PATTERN_KINDS(X)                                       \
  X(MatchValue) X(MatchSingleton) X(MatchSequence) X(MatchMapping)           \
  X(MatchClass) X(MatchStar) X(MatchAs) X(MatchOr)
// clang-format on

#define MINIDYNAMO_AST_ENUMERATOR(name) name,
enum class ExprKind : uint8_t {
  MINIDYNAMO_AST_EXPR_KINDS(MINIDYNAMO_AST_ENUMERATOR)
};
enum class StmtKind : uint8_t {
  MINIDYNAMO_AST_STMT_KINDS(MINIDYNAMO_AST_ENUMERATOR)
};
enum class PatternKind : uint8_t {
  MINIDYNAMO_AST_PATTERN_KINDS(MINIDYNAMO_AST_ENUMERATOR)
};
#undef MINIDYNAMO_AST_ENUMERATOR
enum class ModKind : uint8_t { Module, Interactive, Expression };

std::string_view NameOf(ExprKind k);     // "BoolOp", ...
std::string_view NameOf(StmtKind k);     // "FunctionDef", ...
std::string_view NameOf(PatternKind k);  // "MatchValue", ...

// ---------------------------------------------------------------------------
// Base classes

struct expr;
struct stmt;
struct arguments;
struct arg;
struct keyword;
struct alias;
struct withitem;
struct comprehension;
struct ExceptHandler;
struct pattern;
struct match_case;

using ExprList = std::vector<expr*>;
using StmtList = std::vector<stmt*>;
using PatternList = std::vector<pattern*>;

// The four position attributes (1-based lines, 0-based UTF-8 byte columns).
struct Located {
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

struct expr : Located {
  const ExprKind kind;

 protected:
  explicit expr(ExprKind k) : kind(k) {}
};

struct stmt : Located {
  const StmtKind kind;

 protected:
  explicit stmt(StmtKind k) : kind(k) {}
};

struct pattern : Located {
  const PatternKind kind;

 protected:
  explicit pattern(PatternKind k) : kind(k) {}
};

struct mod {
  const ModKind kind;

 protected:
  explicit mod(ModKind k) : kind(k) {}
};

template <typename T, typename B>
T* Cast(B* node) {
  assert(node != nullptr && node->kind == T::kKind);
  return static_cast<T*>(node);
}
template <typename T, typename B>
const T* Cast(const B* node) {
  assert(node != nullptr && node->kind == T::kKind);
  return static_cast<const T*>(node);
}
template <typename T, typename B>
T* As(B* node) {
  return node != nullptr && node->kind == T::kKind ? static_cast<T*>(node)
                                                   : nullptr;
}
template <typename T, typename B>
const T* As(const B* node) {
  return node != nullptr && node->kind == T::kKind ? static_cast<const T*>(node)
                                                   : nullptr;
}

#define MINIDYNAMO_AST_EXPR_NODE(name)              \
  static constexpr ExprKind kKind = ExprKind::name; \
  name() : expr(kKind) {}
#define MINIDYNAMO_AST_STMT_NODE(name)              \
  static constexpr StmtKind kKind = StmtKind::name; \
  name() : stmt(kKind) {}
#define MINIDYNAMO_AST_PATTERN_NODE(name)                 \
  static constexpr PatternKind kKind = PatternKind::name; \
  name() : ast::pattern(kKind) {}

// ---------------------------------------------------------------------------
// mod

struct Module : mod {
  static constexpr ModKind kKind = ModKind::Module;
  Module() : mod(kKind) {}
  StmtList body;  // type_ignores is always []
};

struct Interactive : mod {
  static constexpr ModKind kKind = ModKind::Interactive;
  Interactive() : mod(kKind) {}
  StmtList body;
};

struct Expression : mod {
  static constexpr ModKind kKind = ModKind::Expression;
  Expression() : mod(kKind) {}
  expr* body = nullptr;
};

// ---------------------------------------------------------------------------
// stmt

struct FunctionDef : stmt {
  MINIDYNAMO_AST_STMT_NODE(FunctionDef)
  std::string name;
  arguments* args = nullptr;
  StmtList body;
  ExprList decorator_list;
  expr* returns = nullptr;
};

struct AsyncFunctionDef : stmt {
  MINIDYNAMO_AST_STMT_NODE(AsyncFunctionDef)
  std::string name;
  arguments* args = nullptr;
  StmtList body;
  ExprList decorator_list;
  expr* returns = nullptr;
};

struct ClassDef : stmt {
  MINIDYNAMO_AST_STMT_NODE(ClassDef)
  std::string name;
  ExprList bases;
  std::vector<keyword*> keywords;
  StmtList body;
  ExprList decorator_list;
};

struct Return : stmt {
  MINIDYNAMO_AST_STMT_NODE(Return)
  expr* value = nullptr;
};

struct Delete : stmt {
  MINIDYNAMO_AST_STMT_NODE(Delete)
  ExprList targets;
};

struct Assign : stmt {
  MINIDYNAMO_AST_STMT_NODE(Assign)
  ExprList targets;
  expr* value = nullptr;
};

struct AugAssign : stmt {
  MINIDYNAMO_AST_STMT_NODE(AugAssign)
  expr* target = nullptr;
  operator_ op = operator_::Add;
  expr* value = nullptr;
};

struct AnnAssign : stmt {
  MINIDYNAMO_AST_STMT_NODE(AnnAssign)
  expr* target = nullptr;
  expr* annotation = nullptr;
  expr* value = nullptr;
  int simple = 0;
};

struct For : stmt {
  MINIDYNAMO_AST_STMT_NODE(For)
  expr* target = nullptr;
  expr* iter = nullptr;
  StmtList body;
  StmtList orelse;
};

struct AsyncFor : stmt {
  MINIDYNAMO_AST_STMT_NODE(AsyncFor)
  expr* target = nullptr;
  expr* iter = nullptr;
  StmtList body;
  StmtList orelse;
};

struct While : stmt {
  MINIDYNAMO_AST_STMT_NODE(While)
  expr* test = nullptr;
  StmtList body;
  StmtList orelse;
};

struct If : stmt {
  MINIDYNAMO_AST_STMT_NODE(If)
  expr* test = nullptr;
  StmtList body;
  StmtList orelse;
};

struct With : stmt {
  MINIDYNAMO_AST_STMT_NODE(With)
  std::vector<withitem*> items;
  StmtList body;
};

struct AsyncWith : stmt {
  MINIDYNAMO_AST_STMT_NODE(AsyncWith)
  std::vector<withitem*> items;
  StmtList body;
};

struct Raise : stmt {
  MINIDYNAMO_AST_STMT_NODE(Raise)
  expr* exc = nullptr;
  expr* cause = nullptr;
};

struct Try : stmt {
  MINIDYNAMO_AST_STMT_NODE(Try)
  StmtList body;
  std::vector<ExceptHandler*> handlers;
  StmtList orelse;
  StmtList finalbody;
};

struct TryStar : stmt {
  MINIDYNAMO_AST_STMT_NODE(TryStar)
  StmtList body;
  std::vector<ExceptHandler*> handlers;
  StmtList orelse;
  StmtList finalbody;
};

struct Assert : stmt {
  MINIDYNAMO_AST_STMT_NODE(Assert)
  expr* test = nullptr;
  expr* msg = nullptr;
};

struct Import : stmt {
  MINIDYNAMO_AST_STMT_NODE(Import)
  std::vector<alias*> names;
};

struct ImportFrom : stmt {
  MINIDYNAMO_AST_STMT_NODE(ImportFrom)
  std::string module;  // empty for `from . import x`
  std::vector<alias*> names;
  int level = 0;
};

struct Global : stmt {
  MINIDYNAMO_AST_STMT_NODE(Global)
  std::vector<std::string> names;
};

struct Nonlocal : stmt {
  MINIDYNAMO_AST_STMT_NODE(Nonlocal)
  std::vector<std::string> names;
};

// The expression statement (Python's ast.Expr, not the `expr` base class).
struct Expr : stmt {
  MINIDYNAMO_AST_STMT_NODE(Expr)
  expr* value = nullptr;
};

struct Pass : stmt {
  MINIDYNAMO_AST_STMT_NODE(Pass)
};

struct Break : stmt {
  MINIDYNAMO_AST_STMT_NODE(Break)
};

struct Continue : stmt {
  MINIDYNAMO_AST_STMT_NODE(Continue)
};

// `match subject:` with its cases (soft keywords `match`/`case`).
struct Match : stmt {
  MINIDYNAMO_AST_STMT_NODE(Match)
  expr* subject = nullptr;
  std::vector<match_case*> cases;
};

// ---------------------------------------------------------------------------
// expr

struct BoolOp : expr {
  MINIDYNAMO_AST_EXPR_NODE(BoolOp)
  boolop op = boolop::And;
  ExprList values;
};

struct NamedExpr : expr {
  MINIDYNAMO_AST_EXPR_NODE(NamedExpr)
  expr* target = nullptr;
  expr* value = nullptr;
};

struct BinOp : expr {
  MINIDYNAMO_AST_EXPR_NODE(BinOp)
  expr* left = nullptr;
  operator_ op = operator_::Add;
  expr* right = nullptr;
};

struct UnaryOp : expr {
  MINIDYNAMO_AST_EXPR_NODE(UnaryOp)
  unaryop op = unaryop::Not;
  expr* operand = nullptr;
};

struct Lambda : expr {
  MINIDYNAMO_AST_EXPR_NODE(Lambda)
  arguments* args = nullptr;
  expr* body = nullptr;
};

struct IfExp : expr {
  MINIDYNAMO_AST_EXPR_NODE(IfExp)
  expr* test = nullptr;
  expr* body = nullptr;
  expr* orelse = nullptr;
};

struct Dict : expr {
  MINIDYNAMO_AST_EXPR_NODE(Dict)
  ExprList keys;  // nullptr for a `**mapping` entry
  ExprList values;
};

struct Set : expr {
  MINIDYNAMO_AST_EXPR_NODE(Set)
  ExprList elts;
};

struct ListComp : expr {
  MINIDYNAMO_AST_EXPR_NODE(ListComp)
  expr* elt = nullptr;
  std::vector<comprehension*> generators;
};

struct SetComp : expr {
  MINIDYNAMO_AST_EXPR_NODE(SetComp)
  expr* elt = nullptr;
  std::vector<comprehension*> generators;
};

struct DictComp : expr {
  MINIDYNAMO_AST_EXPR_NODE(DictComp)
  expr* key = nullptr;
  expr* value = nullptr;
  std::vector<comprehension*> generators;
};

struct GeneratorExp : expr {
  MINIDYNAMO_AST_EXPR_NODE(GeneratorExp)
  expr* elt = nullptr;
  std::vector<comprehension*> generators;
};

struct Await : expr {
  MINIDYNAMO_AST_EXPR_NODE(Await)
  expr* value = nullptr;
};

struct Yield : expr {
  MINIDYNAMO_AST_EXPR_NODE(Yield)
  expr* value = nullptr;
};

struct YieldFrom : expr {
  MINIDYNAMO_AST_EXPR_NODE(YieldFrom)
  expr* value = nullptr;
};

struct Compare : expr {
  MINIDYNAMO_AST_EXPR_NODE(Compare)
  expr* left = nullptr;
  std::vector<cmpop> ops;
  ExprList comparators;
};

struct Call : expr {
  MINIDYNAMO_AST_EXPR_NODE(Call)
  expr* func = nullptr;
  ExprList args;
  std::vector<keyword*> keywords;
};

struct FormattedValue : expr {
  MINIDYNAMO_AST_EXPR_NODE(FormattedValue)
  expr* value = nullptr;
  int conversion = -1;  // -1, or 's', 'r', 'a'
  expr* format_spec = nullptr;
};

struct JoinedStr : expr {
  MINIDYNAMO_AST_EXPR_NODE(JoinedStr)
  ExprList values;
};

// The value of a Constant: Python's None, True, False, Ellipsis, int, float,
// complex (pure imaginary literals only), str or bytes.
struct ConstantValue {
  enum class Kind : uint8_t {
    kNone,
    kTrue,
    kFalse,
    kEllipsis,
    kInt,      // int_value
    kBigInt,   // str_value: decimal digits of an int that does not fit int64
    kFloat,    // float_value
    kComplex,  // float_value is the imaginary part; the real part is 0
    kStr,      // str_value, UTF-8 (lone surrogates as 3-byte sequences)
    kBytes,    // str_value, raw bytes
  };
  Kind kind = Kind::kNone;
  int64_t int_value = 0;
  double float_value = 0;
  std::string str_value;
};

struct Constant : expr {
  MINIDYNAMO_AST_EXPR_NODE(Constant)
  ConstantValue value;
  // Python's Constant.kind ("u" for u-prefixed strings, else None); renamed
  // because `kind` is the node-kind tag here.
  bool kind_u = false;
};

struct Attribute : expr {
  MINIDYNAMO_AST_EXPR_NODE(Attribute)
  expr* value = nullptr;
  std::string attr;
  expr_context ctx = expr_context::Load;
};

struct Subscript : expr {
  MINIDYNAMO_AST_EXPR_NODE(Subscript)
  expr* value = nullptr;
  expr* slice = nullptr;
  expr_context ctx = expr_context::Load;
};

struct Starred : expr {
  MINIDYNAMO_AST_EXPR_NODE(Starred)
  expr* value = nullptr;
  expr_context ctx = expr_context::Load;
};

struct Name : expr {
  MINIDYNAMO_AST_EXPR_NODE(Name)
  std::string id;
  expr_context ctx = expr_context::Load;
};

struct List : expr {
  MINIDYNAMO_AST_EXPR_NODE(List)
  ExprList elts;
  expr_context ctx = expr_context::Load;
};

struct Tuple : expr {
  MINIDYNAMO_AST_EXPR_NODE(Tuple)
  ExprList elts;
  expr_context ctx = expr_context::Load;
};

struct Slice : expr {
  MINIDYNAMO_AST_EXPR_NODE(Slice)
  expr* lower = nullptr;
  expr* upper = nullptr;
  expr* step = nullptr;
};

// ---------------------------------------------------------------------------
// Product types and the exception handler

struct comprehension {
  expr* target = nullptr;
  expr* iter = nullptr;
  ExprList ifs;
  int is_async = 0;
};

struct ExceptHandler : Located {
  expr* type = nullptr;
  std::string name;  // empty: no `as` name
  StmtList body;
};

struct arguments {
  std::vector<arg*> posonlyargs;
  std::vector<arg*> args;
  arg* vararg = nullptr;
  std::vector<arg*> kwonlyargs;
  ExprList kw_defaults;  // one per kwonlyarg; nullptr where there is no default
  arg* kwarg = nullptr;
  ExprList defaults;  // for the last len(defaults) of posonlyargs + args
};

struct arg : Located {
  std::string arg;
  expr* annotation = nullptr;
};

struct keyword : Located {
  std::string arg;  // empty for `**mapping`
  expr* value = nullptr;
};

struct alias : Located {
  std::string name;    // dotted, e.g. "os.path"; "*" for `from m import *`
  std::string asname;  // empty: no `as`
};

struct withitem {
  expr* context_expr = nullptr;
  expr* optional_vars = nullptr;
};

// ---------------------------------------------------------------------------
// Patterns (match statements). Optional identifiers are empty strings for
// Python's None, as elsewhere.

// One `case pattern if guard: body` (no position attributes, as in Python).
struct match_case {
  ast::pattern* pattern = nullptr;
  expr* guard = nullptr;
  StmtList body;
};

// A literal (Constant, signed number, complex `1+2j`) or a dotted name.
struct MatchValue : pattern {
  MINIDYNAMO_AST_PATTERN_NODE(MatchValue)
  expr* value = nullptr;
};

// None, True or False (compared with `is`).
struct MatchSingleton : pattern {
  MINIDYNAMO_AST_PATTERN_NODE(MatchSingleton)
  ConstantValue::Kind value = ConstantValue::Kind::kNone;
};

struct MatchSequence : pattern {
  MINIDYNAMO_AST_PATTERN_NODE(MatchSequence)
  PatternList patterns;
};

struct MatchMapping : pattern {
  MINIDYNAMO_AST_PATTERN_NODE(MatchMapping)
  ExprList keys;
  PatternList patterns;
  std::string rest;  // empty: no `**rest`
};

struct MatchClass : pattern {
  MINIDYNAMO_AST_PATTERN_NODE(MatchClass)
  expr* cls = nullptr;
  PatternList patterns;
  std::vector<std::string> kwd_attrs;
  PatternList kwd_patterns;
};

// `*name` in a sequence pattern (`*_`: empty name).
struct MatchStar : pattern {
  MINIDYNAMO_AST_PATTERN_NODE(MatchStar)
  std::string name;
};

// `pattern as name`, a capture `name` (no pattern), or the wildcard `_`
// (neither).
struct MatchAs : pattern {
  MINIDYNAMO_AST_PATTERN_NODE(MatchAs)
  ast::pattern* pattern = nullptr;
  std::string name;
};

struct MatchOr : pattern {
  MINIDYNAMO_AST_PATTERN_NODE(MatchOr)
  PatternList patterns;
};

#undef MINIDYNAMO_AST_EXPR_NODE
#undef MINIDYNAMO_AST_STMT_NODE
#undef MINIDYNAMO_AST_PATTERN_NODE

// What _PyPegen_get_expr_name calls a node in messages ("function call",
// "literal", "comparison", ...).
const char* DescribeExpr(const expr* e);

}  // namespace minidynamo::ast

#endif  // MINIDYNAMO_VM_PARSE_AST_H_
