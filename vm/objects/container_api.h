#ifndef MINIDYNAMO_VM_OBJECTS_CONTAINER_API_H_
#define MINIDYNAMO_VM_OBJECTS_CONTAINER_API_H_

// C++ entry points into the builtin containers' methods (str_type.cc,
// bytes_type.cc, list_type.cc, tuple_type.cc, dict_type.cc, set_type.cc) for
// the interpreter's fast paths and for native modules, so they need not go
// through attribute lookup. All follow the error convention of
// vm/core/errors.h.

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/core/object.h"  // Value's inline reference counting.

namespace minidynamo {

class DictObject;
class ListObject;
class SetObject;
class TupleObject;
class TypeObject;

// hash(t) for a tuple (CPython 3.11's algorithm; cached in t->cached_hash).
bool TupleHashValue(TupleObject* t, int64_t* out);
// a + b for two tuples (tuple.__add__ once its argument is known to be one).
Value TupleConcat(const Value& a, const Value& b);

// a + b for two lists (list.__add__ once its argument is known to be one).
Value ListConcat(const ListObject* a, const ListObject* b);
// reversed(r) for a range (range.__reversed__), and for a list or an
// instance of a list subclass (list.__reversed__).
Value RangeReverseIterator(const Value& range);
Value ListReverseIterator(const Value& list);
// list.extend(iterable) / list.__init__'s fill.
bool ListExtendWith(ListObject* list, const Value& iterable);
// list.sort(key=key, reverse=reverse); `key` may be null or None.
bool ListSort(ListObject* list, const Value& key, bool reverse);

// dict.update(other): a mapping (keys() + __getitem__) or an iterable of pairs.
bool DictUpdateFrom(DictObject* dict, const Value& other);
// dict(iterable of pairs) into `dict`, with CPython's messages.
bool DictMergeFromSeq2(DictObject* dict, const Value& seq);

// set(iterable) of `type` (set or frozenset), as PySet_New /
// PyFrozenSet_New; a null iterable gives an empty set.
Value NewSetFrom(TypeObject* type, const Value& iterable);
// set.update / set.difference_update / set.symmetric_difference_update with
// one argument, and set.intersection(other), on a set.
bool SetUpdateWith(const Value& set, const Value& other);
bool SetDifferenceUpdateWith(const Value& set, const Value& other);
bool SetSymmetricDifferenceUpdateWith(const Value& set, const Value& other);
Value SetIntersectionWith(const Value& set, const Value& other);
// `key in so` (set.__contains__): 1, 0 or -1 with an exception; an
// unhashable set key is retried as a frozenset, as CPython does.
int SetContainsKey(SetObject* so, const Value& key);

// a + b for two strs (str.__add__ once its argument is known to be one).
Value StrConcat(const Value& a, const Value& b);
// str % args and bytes % args (printf-style formatting).
Value StrPercentFormat(const Value& format, const Value& args);
Value BytesPercentFormat(const Value& format, const Value& args);
// format_string.format(*args, **kwargs): `args` a tuple, `kwargs` a dict or
// null.
Value StrFormatMethod(const Value& format, const Value& args,
                      const Value& kwargs);
// ascii(v): repr(v) with non-ASCII characters escaped.
Value Ascii(const Value& v);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_CONTAINER_API_H_
