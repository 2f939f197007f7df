#ifndef MINIDYNAMO_VM_OBJECTS_FUNCTION_H_
#define MINIDYNAMO_VM_OBJECTS_FUNCTION_H_

// Callables: Python functions, native functions, bound methods, and the cells
// that closures share.

#include <string>

#include "vm/compile/code.h"
#include "vm/core/builtin_types.h"
#include "vm/core/object.h"
#include "vm/objects/dict.h"

namespace minidynamo {

class DictObject;
class TupleObject;

// A variable shared between a function and the closures it creates.
class CellObject : public Object {
 public:
  static Value New(Value contents);
  explicit CellObject(TypeObject* type) : Object(type) {}
  Value contents;  // Null when empty (unbound).

  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(contents);
  }
  void ClearRefs() override {
    Value old = std::move(contents);
    contents = Value();
  }
};

class FunctionObject : public Object {
 public:
  FunctionObject(TypeObject* type, Value code, Value globals);

  CodeObject* code() const { return As<CodeObject>(code_); }
  const Value& code_value() const { return code_; }
  void set_code(Value code) { code_ = std::move(code); }
  DictObject* globals() const { return As<DictObject>(globals_); }
  const Value& globals_value() const { return globals_; }

  Value defaults;     // Tuple or None.
  Value kwdefaults;   // Dict or None.
  Value closure;      // Tuple of cells or None.
  Value annotations;  // Dict or None.
  Value name;         // __name__ (str)
  Value qualname;     // __qualname__ (str)
  Value module;       // __module__
  Value doc;          // __doc__

  void Traverse(GcVisitor& v) override;
  void ClearRefs() override;

 private:
  Value code_;
  Value globals_;
};

// Native functions take positional arguments followed by keyword values named
// by `kwnames` (null when there are none): CPython's vectorcall convention, so
// calls from the interpreter pass a slice of the value stack without copying.
using NativeFn = Value (*)(Value* args, size_t nargs, TupleObject* kwnames);

class NativeFunction : public Object {
 public:
  // A builtin function (`len`) or a method descriptor of a builtin type
  // (`list.append`, bound to its receiver on attribute access: `self` is
  // args[0]).
  NativeFunction(TypeObject* type, std::string name, NativeFn fn,
                 TypeObject* owner);
  static Value New(std::string name, NativeFn fn, TypeObject* owner = nullptr);

  const std::string& name() const { return name_; }
  NativeFn fn() const { return fn_; }
  // The type whose method this is (nullptr for plain builtins).
  TypeObject* owner() const { return owner_; }
  // `self` bound at creation (a module function's module, or a method object
  // created for a specific receiver); null for unbound.
  Value bound_self;

  // owner_ is borrowed (types outlive their methods).
  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(bound_self);
  }

 private:
  std::string name_;
  NativeFn fn_;
  TypeObject* owner_;
};

// A Python function or a builtin method (a native with an owner type):
// what takes its receiver as the first argument when found on a type, with
// no binding of its own to do (a method call's callee).
inline bool IsFunctionLike(const Value& v) {
  if (!v.is_object()) return false;
  TypeObject* t = v.as_object()->type();
  return t == g_types.function || (t == g_types.native_function &&
                                   As<NativeFunction>(v)->owner() != nullptr);
}

// Whether an unbound call of method descriptor `nf` has a receiver of its
// type (args[0]); raises CPython's TypeError otherwise ("unbound method
// int.bit_length() needs an argument", "descriptor '__add__' requires a 'int'
// object but received a 'str'", ...).
bool CheckNativeReceiver(const NativeFunction* nf, const Value* args,
                         size_t npos);

// `obj.method` for a Python function or a method descriptor.
class BoundMethod : public Object {
 public:
  BoundMethod(TypeObject* type, Value func, Value self);
  static Value New(Value func, Value self);
  Value func;
  Value self;

  // No ClearRefs, as CPython's method objects.
  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(func);
    v.Visit(self);
  }
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_FUNCTION_H_
