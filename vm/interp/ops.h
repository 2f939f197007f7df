#ifndef MINIDYNAMO_VM_INTERP_OPS_H_
#define MINIDYNAMO_VM_INTERP_OPS_H_

// The object protocol: what Python's operators, builtins and statements do to
// any value, with the special-method dispatch rules of CPython (reflected
// operands, NotImplemented, subclass priority, __getattr__ fallback,
// descriptors). The interpreter calls these after its fast paths; native
// modules call them freely. Every function follows the error convention of
// vm/core/errors.h.

#include <cstdint>
#include <string>

#include "vm/compile/opcodes.h"
#include "vm/core/object.h"

namespace minidynamo {

class NativeFunction;
class ThreadState;
class StrObject;
class TupleObject;
class TypeObject;

// Inline for objects (the common case on every attribute access and call).
TypeObject* ScalarTypeOf(const Value& v);
inline TypeObject* TypeOf(const Value& v) {
  return v.is_object() ? v.as_object()->type() : ScalarTypeOf(v);
}
bool IsInstance(const Value& v,
                TypeObject* type);  // Exact or subclass, no hooks.

// Calls `method`, found on the type of `obj` as a special method, for
// `obj`, as CPython's lookup_maybe_method and call: a function or builtin
// method takes `obj` first; anything else is bound by its own __get__ (a
// staticmethod's callable, a classmethod bound to the type) or, without
// one, called with the arguments alone.
Value CallSpecialMethod(const Value& obj, const Value& method, Value* args,
                        size_t nargs, TupleObject* kwnames = nullptr);

// Attributes.
Value GetAttr(const Value& obj, StrObject* name);
Value GetAttr(const Value& obj, const char* name);
// Like GetAttr, but a missing attribute is a null Value with no exception.
Value GetAttrOptional(const Value& obj, StrObject* name);
bool SetAttr(const Value& obj, StrObject* name, Value value);
bool DelAttr(const Value& obj, StrObject* name);
// For `obj.name(...)`: when the attribute is a plain method found on the type,
// returns the unbound function and sets *is_method, so no bound method is
// allocated.
Value LoadMethod(const Value& obj, StrObject* name, bool* is_method);
// The default attribute lookup (object.__getattribute__).
Value GenericGetAttr(const Value& obj, StrObject* name, bool suppress_missing);
bool GenericSetAttr(const Value& obj, StrObject* name, Value value);

// Conversions. Repr and Str return StrObject values.
Value Repr(const Value& v);
Value Str(const Value& v);
std::string ReprString(
    const Value& v);         // Empty on error (check ErrorOccurred).
int IsTrue(const Value& v);  // 1, 0, or -1 on error.
bool Hash(const Value& v, int64_t* out);
// len(v); -1 on error.
int64_t Length(const Value& v);
// len(v) of an exact list, tuple, str, dict, set or frozenset (no __len__
// call, nothing raised); -1 for anything else.
int64_t ExactLength(const Value& v);
// An int index from a value (int, bool or __index__); false on error.
bool AsIndex(const Value& v, int64_t* out);

// Comparisons.
Value RichCompare(const Value& a, const Value& b, CompareOp op);
// 1 / 0 / -1 on error; `a is b` counts as equal for kEq (as CPython's
// containers do).
int RichCompareBool(const Value& a, const Value& b, CompareOp op);
inline int Equals(const Value& a, const Value& b) {
  return RichCompareBool(a, b, CompareOp::kEq);
}

// Arithmetic. `op` is BINARY_OP's argument (in-place forms try __iop__ first).
Value BinaryOp(const Value& a, const Value& b, BinOp op);
// sum()'s step without BinaryOp: *total += x when both are small ints (and
// the sum fits) or both floats. False, with nothing done, otherwise.
bool AddScalars(Value* total, const Value& x);
Value Negative(const Value& v);
Value Positive(const Value& v);
Value Invert(const Value& v);

// Containers.
Value GetItem(const Value& obj, const Value& key);
bool SetItem(const Value& obj, const Value& key, Value value);
bool DelItem(const Value& obj, const Value& key);
int Contains(const Value& container, const Value& item);  // -1 on error.

// Iteration. IterNext returns null with no exception when the iterator is
// exhausted.
Value GetIter(const Value& v);
Value IterNext(const Value& iter);

// Calls, with CPython's vectorcall convention (see NativeFn).
Value Call(const Value& callable, Value* args, size_t nargs,
           TupleObject* kwnames = nullptr);
// Calls `nf`, a builtin with no bound self whose receiver (if it is a method
// descriptor) is already checked, as Call does: native code calling back
// into Python recurses on the C++ stack, so the call counts against the
// recursion limit; a failed allocation becomes MemoryError.
Value CallNativeFunction(ThreadState* ts, NativeFunction* nf, Value* args,
                         size_t nargs, TupleObject* kwnames);
Value CallNoArgs(const Value& callable);
Value CallOneArg(const Value& callable, Value arg);
Value CallTwoArgs(const Value& callable, Value a, Value b);
// Calls type(obj).name(obj, args...): special-method calls that skip the
// instance dict. A null Value with no exception when the type has no such
// method.
Value CallSpecial(const Value& obj, StrObject* name, Value* args, size_t nargs);
// obj.name(args...) through ordinary attribute lookup.
Value CallMethod(const Value& obj, const char* name, Value* args, size_t nargs);

// callable(self, *args): the arguments on the C++ stack when they are few.
Value CallWithSelf(const Value& callable, const Value& self, Value* args,
                   size_t nargs, TupleObject* kwnames);

// type(...) / calling a class: __new__ then __init__ (object_type.cc).
Value CallType(TypeObject* type, Value* args, size_t nargs,
               TupleObject* kwnames);
// The interpreter's fast path for calling a class: when that is
// object.__new__ and then a Python __init__, makes the instance and sets
// *init to that __init__ function, which the caller runs in a frame of its own
// (CPython 3.12's CALL_ALLOC_AND_ENTER_INIT); else a null Value, no error.
Value NewInstanceForInit(TypeObject* type, Value* init);

// The interned string for an identifier used by the runtime (a static cache).
StrObject* Intern(const char* s);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_INTERP_OPS_H_
