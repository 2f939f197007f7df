#ifndef MINIDYNAMO_VM_OBJECTS_NATIVE_H_
#define MINIDYNAMO_VM_OBJECTS_NATIVE_H_

// Helpers for writing native functions and methods (NativeFn): registration on
// a type or module dict, and argument checks that raise CPython's TypeErrors.
//
// A method of a builtin type receives its receiver as args[0]:
//
//   Value ListAppend(Value* args, size_t nargs, TupleObject* kw) {
//     if (!CheckArgs("append", nargs - 1, kw, 1, 1)) return Value();
//     As<ListObject>(args[0])->items().push_back(args[1]);
//     return Value::None();
//   }
//   AddMethod(g_types.list, "append", ListAppend);

#include <cstddef>
#include <string_view>
#include <vector>

#include "vm/core/value.h"
#include "vm/objects/function.h"

namespace minidynamo {

class DictObject;
class TupleObject;
class TypeObject;

// Adds a method descriptor `name` to `type` (bound to instances on lookup).
void AddMethod(TypeObject* type, const char* name, NativeFn fn);
// Adds a classmethod / staticmethod implemented natively.
void AddClassMethod(TypeObject* type, const char* name, NativeFn fn);
void AddStaticMethod(TypeObject* type, const char* name, NativeFn fn);
// Adds a read-only property computed by `getter(self)`.
void AddGetter(TypeObject* type, const char* name, NativeFn getter);
// Adds a property computed by `getter(self)` and set by `setter(self, value)`
// (read-only when setter is null).
void AddGetSet(TypeObject* type, const char* name, NativeFn getter,
               NativeFn setter);
// A struct-sequence type (sys.version_info, dis.Instruction, ...): a tuple
// subclass whose items are also attributes named `fields`. Instances come from
// `g_types.tuple->new_fn()(type, &items_tuple, 1, nullptr)`.
TypeObject* NewStructSeqType(const char* name, const char* module,
                             const std::vector<const char*>& fields);
// Adds a plain function to a module's (or any) dict.
void AddFunction(DictObject* dict, const char* name, NativeFn fn);

// Checks the positional count (min..max; max -1 for unbounded) and that no
// keyword arguments were passed, with CPython's messages ("append() takes
// exactly one argument (0 given)", "... takes no keyword arguments"). `npos`
// excludes the receiver for methods.
bool CheckArgs(const char* name, size_t npos, TupleObject* kwnames, size_t min,
               long max);
bool CheckNoKwargs(const char* name, TupleObject* kwnames);

// Parses positional-or-keyword arguments by name into `out` (size
// names.size()), leaving absent optional ones null. `args` excludes the
// receiver. A null name is positional-only. Raises for unknown or duplicate
// keywords and missing required ones (the first `required`), with the
// messages of CPython's argument parsers for builtins.
bool ParseArgs(const char* fname, Value* args, size_t nargs,
               TupleObject* kwnames, std::initializer_list<const char*> names,
               size_t required, Value* out);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_NATIVE_H_
