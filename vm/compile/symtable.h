#ifndef MINIDYNAMO_VM_COMPILE_SYMTABLE_H_
#define MINIDYNAMO_VM_COMPILE_SYMTABLE_H_

// Scope analysis (CPython's symtable.c): which names of each scope are locals,
// cells, free variables or globals, decided before code generation.
//
// One Scope per module, class body, function, lambda and comprehension (each
// comprehension is its own function scope in 3.11). Names are resolved as
// Python does: a name bound in a function is local unless declared
// global/nonlocal; a name used but not bound is free if an enclosing function
// binds it (class bodies are skipped), else global. Names that inner scopes
// capture become cells.

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "vm/parse/ast.h"
#include "vm/parse/syntax_error.h"

namespace minidynamo {

enum class ScopeKind { kModule, kClass, kFunction };

enum class NameScope {
  kLocal,           // Fast local (function) or namespace entry (module/class).
  kGlobalExplicit,  // `global x`.
  kGlobalImplicit,  // Used, never bound here or in an enclosing function.
  kFree,            // Bound in an enclosing function.
  kCell,            // Bound here and captured by an inner scope.
};

struct Scope {
  ScopeKind kind;
  std::string name;
  const void* node = nullptr;  // The AST node that opened it.
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;
  int lineno = 0;

  // Flags per name, in first-seen order.
  absl::flat_hash_map<std::string, int> flags;
  std::vector<std::string> order;
  std::vector<std::string> params;  // Parameters, in signature order.

  // Results of the analysis.
  absl::flat_hash_map<std::string, NameScope> resolved;
  // Free names of a class scope that its own body also binds or uses by name:
  // they are read with LOAD_CLASSDEREF (the class dict first).
  bool is_generator = false;
  bool is_coroutine = false;
  bool is_comprehension = false;
  bool has_varargs = false;
  bool has_varkeywords = false;
  bool needs_class_closure =
      false;  // A class whose methods use __class__/super.
  bool child_free_class_names = false;

  NameScope Resolve(const std::string& name) const;
  // The scope for an AST node directly nested in this one.
  Scope* ChildFor(const void* node) const;
};

struct SymbolTable {
  std::unique_ptr<Scope> top;
};

// Builds and analyzes the scopes of a module; SyntaxError details on failure
// (e.g. "name 'x' is used prior to nonlocal declaration", "no binding for
// nonlocal 'x' found", "'return' outside function").
absl::StatusOr<SymbolTable> BuildSymbolTable(const ast::mod& module,
                                             const std::string& filename,
                                             SyntaxErrorInfo* error);

// Private-name mangling (CPython's _Py_Mangle): inside class `cls` (and the
// functions nested in it), an identifier `__x` that does not end in `__`
// means `_cls__x` (leading underscores of the class name dropped). Scopes
// record mangled names; the compiler mangles names, attributes, parameter
// names, keyword-only defaults and annotation keys the same way.
std::string MangleName(const std::string& private_name,
                       const std::string& name);

// Flags (DEF_* in CPython).
inline constexpr int kDefGlobal = 1;
inline constexpr int kDefLocal = 2;
inline constexpr int kDefParam = 4;
inline constexpr int kDefNonlocal = 8;
inline constexpr int kUse = 16;
inline constexpr int kDefFree = 32;  // Free in this scope (set by analysis).
inline constexpr int kDefFreeClass = 64;  // Free in a class passed to methods.
inline constexpr int kDefImport = 128;
inline constexpr int kDefBound = kDefLocal | kDefParam | kDefImport;

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_COMPILE_SYMTABLE_H_
