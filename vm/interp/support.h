#ifndef MINIDYNAMO_VM_INTERP_SUPPORT_H_
#define MINIDYNAMO_VM_INTERP_SUPPORT_H_

// Operations the eval loop delegates: the bodies of opcodes too big to inline.

#include "vm/core/value.h"
#include "vm/interp/frame.h"

namespace minidynamo {

class CodeObject;
class StrObject;
class DictObject;
class TupleObject;

// MAKE_FUNCTION: a function for `code`, with the optional parts popped per
// `flags` (1 defaults, 2 kwdefaults, 4 annotations, 8 closure).
Value MakeFunction(Value code, DictObject* globals, Value defaults,
                   Value kwdefaults, Value annotations, Value closure);

// UNPACK_SEQUENCE / UNPACK_EX: constructs the items in out[0..] in stack order
// (the last item first), so out can be the stack itself: slots holding no
// value (or nulls). False on error, with nothing written.
bool UnpackSequence(const Value& seq, size_t n, Value* out);
bool UnpackEx(const Value& seq, size_t before, size_t after, Value* out);

// FORMAT_VALUE: conversion is 0 (none), 1 str, 2 repr, 3 ascii.
Value FormatValue(const Value& v, int conversion, const Value& spec);
// format(value, spec) through __format__.
Value Format(const Value& v, const Value& spec);

// CALL_FUNCTION_EX: f(*args, **kwargs) with args a tuple and kwargs a dict or
// null.
Value CallWithTupleAndDict(const Value& func, const Value& args,
                           const Value& kwargs);

// Imports (IMPORT_NAME, IMPORT_FROM, IMPORT_STAR).
Value ImportName(const Value& name, DictObject* globals, const Value& fromlist,
                 const Value& level);
Value ImportFrom(const Value& module, const Value& name);
bool ImportStar(const Value& module, const Value& locals);

// Exception machinery.
// Records that the exception passed through `frame` at its current instruction.
void AddTraceback(const Value& exc, Frame* frame);
// RAISE_VARARGS: `raise`, `raise exc`, `raise exc from cause`.
bool DoRaise(const Value& exc, const Value& cause);
// CHECK_EXC_MATCH: isinstance check against a class or tuple of classes, with
// CPython's TypeError for non-exception classes.
int ExceptionMatches(const Value& exc, const Value& type);
// isinstance(obj, cls) with __instancecheck__ hooks: 1, 0, or -1 on error.
int ObjectIsInstance(const Value& obj, const Value& cls);
// Links a newly raised exception to the one being handled (__context__).
void ChainContext(const Value& exc);

// Name lookups that fail with NameError/UnboundLocalError messages.
Value RaiseNameError(const Value& name);
Value RaiseUnboundLocal(const Value& name);
Value RaiseUnboundFree(const Value& name);
// LOAD_DEREF/DELETE_DEREF of an empty cell: a cell variable of the frame is a
// local (UnboundLocalError), a free variable is the enclosing scope's
// (NameError), as CPython 3.11 words them.
Value RaiseUnboundDeref(const CodeObject& code, int oparg);

// LOAD_BUILD_CLASS's builtins.__build_class__.
Value BuildClassFunction();

// Container building for displays and unpacking (BUILD_SET, *args, **kwargs,
// ...).
Value NewSlice(Value start, Value stop, Value step);
Value NewSet(const Value* items, size_t n);
bool SetAdd(const Value& set, const Value& item);
bool SetUpdate(const Value& set, const Value& iterable);
bool ListExtend(const Value& list, const Value& iterable);
bool HasIter(const Value& v);
// DICT_UPDATE / DICT_MERGE: merge=true rejects duplicate keys and non-mappings
// with the messages of a call's ** argument (naming `func`).
bool DictUpdate(const Value& dict, const Value& other, bool merge,
                const Value& func);

// type(obj).name bound to obj (for `with`), or null with no exception if
// missing.
Value GetSpecialMethod(const Value& obj, StrObject* name);
// `await v`: the iterator to drive.
Value GetAwaitable(const Value& v);
// StopIteration(value).value, from a fetched exception.
Value StopIterationValue(const Value& exc);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_INTERP_SUPPORT_H_
