#ifndef MINIDYNAMO_VM_OBJECTS_CONTAINER_ITERATORS_H_
#define MINIDYNAMO_VM_OBJECTS_CONTAINER_ITERATORS_H_

// The step functions of the builtin iterators over str, bytes, dict (keys,
// values, items, forward and reversed) and set/frozenset. iterator.cc's
// FastIterNext dispatches to them by IteratorObject::kind:
//
//   kStr -> StrIteratorNext        kBytes -> BytesIteratorNext
//   kDictKeys / kDictValues / kDictItems -> DictIteratorNext
//   kSet -> SetIteratorNext
//
// Each returns the next item, or null: with no exception when exhausted (the
// iterator drops its source then), with one raised on error ("dictionary
// changed size during iteration", "Set changed size during iteration").
//
// The iterators are made by the New*Iterator functions below, which call
// NewIterator() and then set the fields their step function reads:
//
//   kStr     index: next code point, aux: its byte offset.
//   kBytes   index: next byte.
//   kDict*   index: next entry position (forward) or one past it (reverse);
//            expected_size: the dict's size at creation; count: items left;
//            aux: 1 for reversed(), else 0.
//   kSet     index: next table slot; expected_size: the set's size at
//            creation; count: items left.

#include "vm/core/value.h"
#include "vm/objects/iterator.h"

namespace minidynamo {

Value StrIteratorNext(IteratorObject* it);
Value BytesIteratorNext(IteratorObject* it);
Value DictIteratorNext(IteratorObject* it);
Value SetIteratorNext(IteratorObject* it);

// iter(str), iter(bytes), iter(set), and the dict iterators. `kind` is one of
// kDictKeys, kDictValues, kDictItems.
Value NewStrIterator(const Value& str);
Value NewBytesIterator(const Value& bytes);
Value NewSetIterator(const Value& set);
Value NewDictIterator(const Value& dict, IteratorObject::Kind kind,
                      bool reversed);

// What __length_hint__ reports for these kinds (0 once exhausted).
int64_t ContainerIteratorLengthHint(IteratorObject* it);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_CONTAINER_ITERATORS_H_
