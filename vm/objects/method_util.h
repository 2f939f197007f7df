#ifndef MINIDYNAMO_VM_OBJECTS_METHOD_UTIL_H_
#define MINIDYNAMO_VM_OBJECTS_METHOD_UTIL_H_

// Shared pieces of the builtin container types' methods (str, bytes, list,
// tuple, dict, set): receiver checks, index and slice-argument conversion.
//
// Methods are registered through DefMethod, which wraps them in a check that
// args[0] is an instance of the owning type. Without it `list.append(5, 1)`
// would static_cast an int to a ListObject; with it the call raises CPython's
// "descriptor 'append' for 'list' objects doesn't apply to a 'int' object".

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "vm/core/builtin_types.h"
#include "vm/core/type.h"
#include "vm/interp/ops.h"
#include "vm/objects/dict.h"  // function.h needs DictObject complete.
#include "vm/objects/function.h"
#include "vm/objects/native.h"
#include "vm/objects/tuple.h"

namespace minidynamo {

inline size_t KwCount(TupleObject* kw) {
  return kw != nullptr ? kw->size() : 0;
}

namespace method_util_internal {
void RecordMethodName(NativeFn wrapper, const char* name);
const char* MethodName(NativeFn wrapper);
Value RaiseUnbound(TypeObject* owner, const char* name);
Value RaiseBadReceiver(TypeObject* owner, const char* name, const Value& self);
}  // namespace method_util_internal

// `kOwner()` names the owning type (a function, so that types created at
// start-up, like dict_keys, can be used as template arguments).
template <TypeObject* (*kOwner)(), NativeFn kFn>
Value CheckedMethod(Value* args, size_t nargs, TupleObject* kw) {
  TypeObject* owner = kOwner();
  if (nargs == KwCount(kw)) {
    return method_util_internal::RaiseUnbound(
        owner, method_util_internal::MethodName(&CheckedMethod<kOwner, kFn>));
  }
  TypeObject* t = TypeOf(args[0]);
  if (t != owner && !t->IsSubtypeOf(owner)) {
    return method_util_internal::RaiseBadReceiver(
        owner, method_util_internal::MethodName(&CheckedMethod<kOwner, kFn>),
        args[0]);
  }
  return kFn(args, nargs, kw);
}

template <TypeObject* (*kOwner)(), NativeFn kFn>
void DefMethod(const char* name) {
  NativeFn wrapper = &CheckedMethod<kOwner, kFn>;
  method_util_internal::RecordMethodName(wrapper, name);
  AddMethod(kOwner(), name, wrapper);
}

// Owner functions for the builtin types.
inline TypeObject* StrType() { return g_types.str; }
inline TypeObject* BytesType() { return g_types.bytes; }
inline TypeObject* ListType() { return g_types.list; }
inline TypeObject* TupleType() { return g_types.tuple; }
inline TypeObject* DictType() { return g_types.dict; }
inline TypeObject* SetType() { return g_types.set; }
inline TypeObject* FrozenSetType() { return g_types.frozenset; }

inline bool IsExactType(const Value& v, TypeObject* t) {
  return v.is_object() && v.as_object()->type() == t;
}
// Instance of `t` or of a subclass; false for inline values.
inline bool IsObjectOf(const Value& v, TypeObject* t) {
  return v.is_object() &&
         (v.as_object()->type() == t || v.as_object()->type()->IsSubtypeOf(t));
}

// The positional count of a method call, without the receiver.
inline size_t NumPositional(size_t nargs, TupleObject* kw) {
  return nargs - KwCount(kw) - 1;
}

// Argument checks in the styles of CPython's builtin methods (the caller
// passes the positional count without the receiver):
//   * argument-clinic positional-only methods: "center expected at least 1
//     argument, got 0" and, with keywords, "str.center() takes no keyword
//     arguments" (`qualname`);
bool CheckClinicArgs(const char* qualname, const char* name, size_t npos,
                     TupleObject* kw, size_t min, size_t max);
//   * the older getargs style: "find() takes at least 1 argument (0 given)",
//     "find() takes no keyword arguments";
bool CheckOldStyleArgs(const char* name, size_t npos, TupleObject* kw,
                       size_t min, size_t max);
//   * slot wrappers (__getitem__ called directly): "expected 1 argument, got
//     0", "wrapper __getitem__() takes no keyword arguments".
bool CheckSlotArgs(const char* name, size_t npos, TupleObject* kw, size_t n);

// Positional-or-keyword parameters for methods like str.split(sep, maxsplit):
// fills out[0..names.size()) (null when absent); `args`/`nargs` exclude the
// receiver. CPython's messages: "split() takes at most 2 arguments (5
// given)", "'zzz' is an invalid keyword argument for split()", "argument for
// split() given by name ('sep') and position (1)".
bool ParseKeywordArgs(const char* fname, const Value* args, size_t nargs,
                      TupleObject* kw, std::initializer_list<const char*> names,
                      Value* out);

// An index for a sequence's __getitem__: an int or an object with __index__,
// clamped into int64 (CPython's PyNumber_AsSsize_t with IndexError).
// `*is_index` is false (no exception) when `key` is not index-like at all.
bool SequenceIndex(const Value& key, int64_t* out, bool* is_index);

// The start/end arguments of find(), count(), index(), startswith(): None or
// absent keeps `*out`; an int (or __index__) is clamped into int64. Raises
// "slice indices must be integers or None or have an __index__ method".
bool SliceIndexArg(const Value& v, int64_t* out);
// The same for list.index / tuple.index, which do not accept None ("slice
// indices must be integers or have an __index__ method"); absent keeps *out.
bool SliceIndexArgNotNone(const Value& v, int64_t* out);

// The count of `seq * count`: an int or __index__; a big int raises
// OverflowError("cannot fit 'int' into an index-sized integer").
// *is_index is false (no exception) for other types: the caller returns
// NotImplemented.
bool RepeatCount(const Value& v, int64_t* out, bool* is_index);

// Argument Clinic's Py_ssize_t converter (__index__, then PyLong_AsSsize_t):
// OverflowError("Python int too large to convert to C ssize_t") past int64,
// TypeError for non-integers.
bool SsizeArg(const Value& v, int64_t* out);
// Its int converter (_PyLong_AsInt): the same, past the C int range.
bool CIntArg(const Value& v, int64_t* out);
// PyNumber_Index: an int as is, or what __index__ returns (checked to be an
// int); null with TypeError otherwise.
Value IndexValue(const Value& v);

// CPython's ADJUST_INDICES: negative indices count from `len`, then clamp.
void AdjustIndices(int64_t* start, int64_t* end, int64_t len);

// Whether `v` has an __index__ (int, bool, or a class defining it).
bool HasIndex(const Value& v);

// The items of any iterable, appended to `out` (exact lists and tuples are
// copied without running the iterator protocol). False on error.
bool CollectItems(const Value& iterable, std::vector<Value>* out);

// The length `count` copies of `n` items would have, or false with
// OverflowError/MemoryError ("repeated string is too long" style errors are
// the caller's). Negative counts give 0.
bool RepeatSize(size_t n, int64_t count, size_t* out, size_t item_bytes = 1);

// Lexicographic comparison, as CPython's list and tuple richcompare: the first
// pair that is not == decides, else the lengths. `A` and `B` expose size() and
// at(i); both are re-read at every step because __eq__ may mutate a list.
template <typename A, typename B>
Value CompareSequences(const A& a, const B& b, CompareOp op) {
  size_t i = 0;
  for (; i < a.size() && i < b.size(); ++i) {
    Value x = a.at(i);
    Value y = b.at(i);
    int eq = RichCompareBool(x, y, CompareOp::kEq);
    if (eq < 0) return Value();
    if (!eq) break;
  }
  if (i >= a.size() || i >= b.size()) {
    size_t la = a.size(), lb = b.size();
    switch (op) {
      case CompareOp::kLt:
        return Value::Bool(la < lb);
      case CompareOp::kLe:
        return Value::Bool(la <= lb);
      case CompareOp::kEq:
        return Value::Bool(la == lb);
      case CompareOp::kNe:
        return Value::Bool(la != lb);
      case CompareOp::kGt:
        return Value::Bool(la > lb);
      case CompareOp::kGe:
        return Value::Bool(la >= lb);
    }
  }
  if (op == CompareOp::kEq) return Value::Bool(false);
  if (op == CompareOp::kNe) return Value::Bool(true);
  return RichCompare(a.at(i), b.at(i), op);
}

// Raises KeyError(key) with the key itself as the single argument (so a tuple
// key is not unpacked, and str(exc) is repr(key)). Returns null.
Value RaiseKeyError(const Value& key);

// An object of `type` with the layout of its solid base: for subclasses the
// type is switched after creation (the objects' constructors take the base's).
Value Retype(Value obj, TypeObject* type);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_METHOD_UTIL_H_
