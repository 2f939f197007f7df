#include "vm/objects/iterator.h"

#include <algorithm>

#include "absl/container/inlined_vector.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/ops.h"
#include "vm/objects/container_iterators.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {

IteratorObject::IteratorObject(TypeObject* type, Kind kind)
    : Object(type), kind(kind) {}

namespace {

// One type per iterator kind, named as CPython names them (type(iter([])) is
// list_iterator). All share the iterator layout and methods.
TypeObject* g_kind_types[static_cast<int>(IteratorObject::Kind::kCount) + 1];

const char* KindTypeName(IteratorObject::Kind kind) {
  using Kind = IteratorObject::Kind;
  switch (kind) {
    case Kind::kList:
      return "list_iterator";
    case Kind::kListReverse:
      return "list_reverseiterator";
    case Kind::kTuple:
      return "tuple_iterator";
    case Kind::kStr:
      return "str_ascii_iterator";
    case Kind::kRange:
      return "range_iterator";
    case Kind::kDictKeys:
      return "dict_keyiterator";
    case Kind::kDictValues:
      return "dict_valueiterator";
    case Kind::kDictItems:
      return "dict_itemiterator";
    case Kind::kSet:
      return "set_iterator";
    case Kind::kSequence:
      return "iterator";
    case Kind::kEnumerate:
      return "enumerate";
    case Kind::kZip:
      return "zip";
    case Kind::kMap:
      return "map";
    case Kind::kFilter:
      return "filter";
    case Kind::kCallable:
      return "callable_iterator";
    case Kind::kBytes:
      return "bytes_iterator";
    case Kind::kReversed:
      return "reversed";
    case Kind::kCount:
      return "count";
  }
  return "iterator";
}

TypeObject* TypeForKind(IteratorObject::Kind kind) {
  TypeObject*& t = g_kind_types[static_cast<int>(kind)];
  if (t == nullptr) {
    t = new TypeObject(g_types.type, KindTypeName(kind), Layout::kIterator);
    t->SetBases({g_types.object});
    t->set_base_type(false);
    using Kind = IteratorObject::Kind;
    AddIteratorMethods(t, kind != Kind::kEnumerate && kind != Kind::kZip &&
                              kind != Kind::kMap && kind != Kind::kFilter &&
                              kind != Kind::kCallable);
  }
  return t;
}

// reversed(dict) and reversed(dict.keys()) iterators share the forward ones'
// code (their kind) but are types of their own, as in CPython.
TypeObject* ReversedDictType(IteratorObject::Kind kind) {
  static TypeObject* types[3] = {};
  int i = static_cast<int>(kind) -
          static_cast<int>(IteratorObject::Kind::kDictKeys);
  static const char* const kNames[3] = {"dict_reversekeyiterator",
                                        "dict_reversevalueiterator",
                                        "dict_reverseitemiterator"};
  TypeObject*& t = types[i];
  if (t == nullptr) {
    t = new TypeObject(g_types.type, kNames[i], Layout::kIterator);
    t->SetBases({g_types.object});
    t->set_base_type(false);
    AddIteratorMethods(t);
  }
  return t;
}

}  // namespace

Value NewReversedDictIterator(IteratorObject::Kind kind, Value source) {
  auto* it = new IteratorObject(ReversedDictType(kind), kind);
  it->source = std::move(source);
  return Value::Steal(it);
}

TypeObject* NewIteratorType(const char* name) {
  auto* type = new TypeObject(g_types.type, name, Layout::kIterator);
  type->SetBases({g_types.object});
  type->set_base_type(false);
  AddIteratorMethods(type);
  return type;
}

Value NewIteratorOfType(TypeObject* type, IteratorObject::Kind kind,
                        Value source) {
  auto* it = new IteratorObject(type, kind);
  it->source = std::move(source);
  return Value::Steal(it);
}

Value NewNonAsciiStrIterator(Value source) {
  static TypeObject* type = NewIteratorType("str_iterator");
  return NewIteratorOfType(type, IteratorObject::Kind::kStr, std::move(source));
}

Value NewIterator(IteratorObject::Kind kind, Value source) {
  auto* it = new IteratorObject(TypeForKind(kind), kind);
  it->source = std::move(source);
  return Value::Steal(it);
}

Value NewSequenceIterator(const Value& seq) {
  return NewIterator(IteratorObject::Kind::kSequence, seq);
}

bool IsBuiltinIterator(const Value& v) {
  // enumerate, zip, map, ... are distinct types with the iterator layout.
  return v.is_object() && v.as_object()->type()->layout() == Layout::kIterator;
}

namespace {

Value Exhaust(IteratorObject* it) {
  it->exhausted = true;
  it->source = Value();
  it->sources.clear();
  it->func = Value();
  return Value();
}

// One item from each source: on the C++ stack for the usual few sources (no
// heap allocation per item).
using ItemBuffer = absl::InlinedVector<Value, 4>;

// The result tuple for zip's and enumerate's next item, its `n` items moved
// from `items`: the previous result refilled when only the iterator still
// holds it (the loop that unpacked it has let it go), as CPython's zip and
// enumerate reuse theirs; else a new tuple, which the iterator keeps. The
// old items leave through `items` once the tuple holds the new ones.
Value NextResult(IteratorObject* it, Value* items, size_t n) {
  if (it->result.is_object() && it->result.as_object()->refcount() == 1) {
    auto* t = As<TupleObject>(it->result);
    if (t->size() == n) {
      for (size_t i = 0; i < n; ++i) t->data()[i].Swap(items[i]);
      t->cached_hash = -1;
      return it->result;
    }
  }
  it->result = TupleObject::FromMoved(items, n);
  return it->result;
}

Value ZipNext(IteratorObject* it) {
  // zip, map, filter and enumerate do not latch at their end, as CPython's:
  // a later next() asks the sources again.
  if (it->sources.empty()) return Value();  // zip() with no iterables.
  const size_t n = it->sources.size();
  ItemBuffer items(n);
  for (size_t i = 0; i < n; ++i) {
    Value x = IterNext(it->sources[i]);
    if (x.is_null()) {
      if (ErrorOccurred()) return Value();
      if (it->strict) {
        if (i > 0) {
          return RaiseF(g_exc.ValueError,
                        "zip() argument %d is shorter than argument%s%d", i + 1,
                        i == 1 ? " " : "s 1-", i);
        }
        for (size_t j = 1; j < it->sources.size(); ++j) {
          Value y = IterNext(it->sources[j]);
          if (!y.is_null()) {
            return RaiseF(g_exc.ValueError,
                          "zip() argument %d is longer than argument%s%d",
                          j + 1, j == 1 ? " " : "s 1-", j);
          }
          if (ErrorOccurred()) return Value();
        }
      }
      return Value();
    }
    items.data()[i] = std::move(x);
  }
  return NextResult(it, items.data(), n);
}

// The iterators that call out (into Python code or other iterators), out of
// line: FastIterNext's list, tuple and range steps then need no saved
// registers.
[[gnu::noinline]] Value CallingIterNext(IteratorObject* it) {
  using Kind = IteratorObject::Kind;
  switch (it->kind) {
    case Kind::kList:
    case Kind::kListReverse:
    case Kind::kTuple:
    case Kind::kRange:
      break;  // FastIterNext's
    case Kind::kReversed: {
      // As CPython's reversed_next, any failure ends the iteration; only
      // IndexError and StopIteration are swallowed.
      if (it->index < 0) return Exhaust(it);
      Value r = GetItem(it->source, Value::Int(it->index));
      if (!r.is_null()) {
        --it->index;
        return r;
      }
      it->index = -1;
      if (ErrorMatches(g_exc.IndexError) || ErrorMatches(g_exc.StopIteration)) {
        ClearError();
      }
      Exhaust(it);
      return Value();
    }
    case Kind::kSequence: {
      Value r = GetItem(it->source, Value::Int(it->index));
      if (r.is_null()) {
        if (ErrorMatches(g_exc.IndexError) ||
            ErrorMatches(g_exc.StopIteration)) {
          ClearError();
          return Exhaust(it);
        }
        return Value();
      }
      ++it->index;
      return r;
    }
    case Kind::kEnumerate: {
      Value x = IterNext(it->sources[0]);
      if (x.is_null()) return Value();
      // Past int64 the count continues as a big int in `sentinel`.
      Value n;
      if (!it->sentinel.is_null()) {
        n = it->sentinel;
      } else if (it->count == INT64_MAX) {
        n = Value::Int(it->count);
      } else {
        n = Value::Int(it->count++);
      }
      if (!it->sentinel.is_null() || it->count == INT64_MAX) {
        it->sentinel = NumberBinaryOp(n, Value::Int(1), BinOp::kAdd);
        if (it->sentinel.is_null()) return Value();
      }
      Value pair[2] = {std::move(n), std::move(x)};
      return NextResult(it, pair, 2);
    }
    case Kind::kZip:
      return ZipNext(it);
    case Kind::kMap: {
      const size_t n = it->sources.size();
      ItemBuffer args(n);
      for (size_t i = 0; i < n; ++i) {
        Value x = IterNext(it->sources[i]);
        if (x.is_null()) return Value();
        args.data()[i] = std::move(x);
      }
      return Call(it->func, args.data(), n);
    }
    case Kind::kFilter: {
      while (true) {
        Value x = IterNext(it->sources[0]);
        if (x.is_null()) return Value();
        int t;
        if (it->func.is_none()) {
          t = IsTrue(x);
        } else {
          Value r = CallOneArg(it->func, x);
          if (r.is_null()) return r;
          t = IsTrue(r);
        }
        if (t < 0) return Value();
        if (t) return x;
      }
    }
    case Kind::kCallable: {
      Value r = CallNoArgs(it->func);
      if (r.is_null()) {
        if (ErrorMatches(g_exc.StopIteration)) {
          ClearError();
          return Exhaust(it);
        }
        return r;
      }
      int eq = Equals(r, it->sentinel);
      if (eq < 0) return Value();
      if (eq) return Exhaust(it);
      return r;
    }
    case Kind::kStr:
      return StrIteratorNext(it);
    case Kind::kDictKeys:
    case Kind::kDictValues:
    case Kind::kDictItems:
      return DictIteratorNext(it);
    case Kind::kSet:
      return SetIteratorNext(it);
    case Kind::kBytes:
      return BytesIteratorNext(it);
    case Kind::kCount: {
      // The value after this one is made first, as CPython's count_next
      // does: an addition that raises leaves the count where it was.
      Value current = it->source;
      int64_t next;
      if (current.is_int() && it->sentinel.is_int() &&
          !__builtin_add_overflow(current.as_int(), it->sentinel.as_int(),
                                  &next)) {
        it->source = Value::Int(next);
        return current;
      }
      Value stepped = BinaryOp(current, it->sentinel, BinOp::kAdd);
      if (stepped.is_null()) return stepped;
      it->source = std::move(stepped);
      return current;
    }
  }
  return Value();
}

}  // namespace

Value FastIterNext(const Value& iter) {
  if (!IsBuiltinIterator(iter)) return Value();
  auto* it = As<IteratorObject>(iter);
  if (it->exhausted) return Value();
  using Kind = IteratorObject::Kind;
  switch (it->kind) {
    case Kind::kList: {
      auto& items = As<ListObject>(it->source)->items();
      if (it->index < static_cast<int64_t>(items.size()))
        return items[it->index++];
      return Exhaust(it);
    }
    case Kind::kListReverse: {
      auto& items = As<ListObject>(it->source)->items();
      if (it->index >= 0 && it->index < static_cast<int64_t>(items.size())) {
        return items[it->index--];
      }
      return Exhaust(it);
    }
    case Kind::kTuple: {
      auto* t = As<TupleObject>(it->source);
      if (it->index < static_cast<int64_t>(t->size()))
        return t->get(it->index++);
      return Exhaust(it);
    }
    case Kind::kRange: {
      // index: next value; aux: step; count: items left.
      if (it->count <= 0) return Exhaust(it);
      --it->count;
      int64_t v = it->index;
      it->index += it->aux;
      return Value::Int(v);
    }
    default:
      return CallingIterNext(it);
  }
}

namespace {

// __length_hint__ as CPython's iterators compute it: what is left, 0 once
// exhausted; NotImplemented for a sequence iterator over an object without
// __len__.
Value LengthHint(IteratorObject* it) {
  using Kind = IteratorObject::Kind;
  if (it->exhausted || it->source.is_null()) {
    return Value::Int(it->kind == Kind::kRange ? it->count : 0);
  }
  switch (it->kind) {
    case Kind::kList: {
      int64_t n = static_cast<int64_t>(As<ListObject>(it->source)->size());
      return Value::Int(std::max<int64_t>(0, n - it->index));
    }
    case Kind::kListReverse: {
      int64_t n = static_cast<int64_t>(As<ListObject>(it->source)->size());
      int64_t left = it->index + 1;
      return Value::Int(left < 0 || n < left ? 0 : left);
    }
    case Kind::kTuple: {
      int64_t n = static_cast<int64_t>(As<TupleObject>(it->source)->size());
      return Value::Int(std::max<int64_t>(0, n - it->index));
    }
    case Kind::kRange:
      return Value::Int(it->count);
    case Kind::kReversed: {
      int64_t n = Length(it->source);
      if (n < 0) return Value();
      int64_t left = it->index + 1;
      return Value::Int(n < left ? 0 : left);
    }
    case Kind::kSequence: {
      static StrObject* len = Intern("__len__");
      if (TypeOf(it->source)->Lookup(len).is_null()) return NotImplemented();
      int64_t n = Length(it->source);
      if (n < 0) return Value();
      return Value::Int(std::max<int64_t>(0, n - it->index));
    }
    default:
      return Value::Int(ContainerIteratorLengthHint(it));
  }
}

}  // namespace

void AddIteratorMethods(TypeObject* t, bool length_hint) {
  AddMethod(t, "__iter__", [](Value* a, size_t, TupleObject*) { return a[0]; });
  AddMethod(t, "__next__", [](Value* a, size_t, TupleObject*) -> Value {
    Value r = FastIterNext(a[0]);
    if (r.is_null() && !ErrorOccurred())
      return RaiseValue(Value::FromObject(g_exc.StopIteration));
    return r;
  });
  if (!length_hint) return;
  AddMethod(t, "__length_hint__", [](Value* a, size_t, TupleObject*) {
    return LengthHint(As<IteratorObject>(a[0]));
  });
}

void InitIteratorTypes() { AddIteratorMethods(g_types.iterator); }

}  // namespace minidynamo
