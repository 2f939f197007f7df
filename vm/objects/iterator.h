#ifndef MINIDYNAMO_VM_OBJECTS_ITERATOR_H_
#define MINIDYNAMO_VM_OBJECTS_ITERATOR_H_

// Builtin iterators. One C++ class with a kind tag covers the iterators of the
// builtin containers and the lazy builtins (enumerate, zip, map, filter,
// reversed), so FOR_ITER can step them without a method call (FastIterNext).

#include <cstdint>
#include <vector>

#include "vm/core/object.h"

namespace minidynamo {

class TypeObject;

class IteratorObject : public Object {
 public:
  enum class Kind : uint8_t {
    kList,         // source: list, index
    kListReverse,  // source: list, index counting down
    kTuple,        // source: tuple, index
    kStr,          // source: str, index (code points), byte offset in `aux`
    kRange,        // start/step/remaining in index/aux/count
    kDictKeys,     // source: dict, index = entry position
    kDictValues,
    kDictItems,
    kSet,        // source: set, index = table position
    kSequence,   // source: any object with __getitem__, index
    kEnumerate,  // sources[0]: iterator, count: next number (may grow big: aux)
    kZip,        // sources: iterators; `strict` flag
    kMap,        // func + sources
    kFilter,     // func + sources[0]
    kCallable,   // iter(callable, sentinel): func, sentinel
    kBytes,
    kReversed,  // reversed(seq) by __getitem__: source, index counting down
    kCount,     // itertools.count: source = the next value, sentinel = step
  };
  IteratorObject(TypeObject* type, Kind kind);

  Kind kind;
  Value source;
  Value func;
  Value sentinel;
  std::vector<Value> sources;
  int64_t index = 0;
  int64_t aux = 0;
  int64_t count = 0;
  uint64_t expected_version = 0;  // Dict/set size-change detection.
  size_t expected_size = 0;
  bool strict = false;
  bool exhausted = false;
  // zip's and enumerate's last result tuple, refilled for the next item when
  // nothing else holds it (NextResult in iterator.cc).
  Value result;

  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(source);
    v.Visit(func);
    v.Visit(sentinel);
    v.Visit(result);
    for (const Value& s : sources) v.Visit(s);
  }
  // The kept result may close a cycle (it holds what the sources yielded,
  // which may be this iterator): dropping it breaks that.
  void ClearRefs() override { result = Value(); }
};

// A kDictKeys/kDictValues/kDictItems iterator typed dict_reverse*iterator.
Value NewReversedDictIterator(IteratorObject::Kind kind, Value source);
Value NewIterator(IteratorObject::Kind kind, Value source);
// A kStr iterator over a non-ASCII str, typed str_iterator (CPython names the
// ASCII one str_ascii_iterator).
Value NewNonAsciiStrIterator(Value source);
// An iterator of `kind` typed `type`, for iterators that share a kind's code
// but not its name (bytearray_iterator is a kSequence over the bytearray).
Value NewIteratorOfType(TypeObject* type, IteratorObject::Kind kind,
                        Value source);
// A new type with the iterator layout and methods.
TypeObject* NewIteratorType(const char* name);
Value NewSequenceIterator(const Value& seq);

// The next item of a builtin iterator: a value, or null (exhausted: no
// exception; error: exception raised). Returns null with no exception and no
// effect for objects that are not builtin iterators; check IsBuiltinIterator to
// tell.
Value FastIterNext(const Value& iter);
bool IsBuiltinIterator(const Value& v);
// __iter__, __next__ and (unless `length_hint` is false: enumerate, zip, map,
// filter and callable_iterator have none) __length_hint__ for a type with the
// iterator layout.
void AddIteratorMethods(TypeObject* t, bool length_hint = true);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_ITERATOR_H_
