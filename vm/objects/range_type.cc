// range and slice.

#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/ops.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/iterator.h"
#include "vm/objects/native.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {

// Slices are immutable and almost always hold ints or None: as CPython's
// tuples, the collector only tracks one that holds a possible cycle member.
Value NewSlice(Value start, Value stop, Value step) {
  bool track = gc::MayBeTracked(start) || gc::MayBeTracked(stop) ||
               gc::MayBeTracked(step);
  auto* s = new SliceObject(g_types.slice, std::move(start), std::move(stop),
                            std::move(step));
  if (track) gc::Track(s, s->gc_flags_ptr());
  return Value::Steal(s);
}

Value RangeReverseIterator(const Value& range) {
  auto* r = As<RangeObject>(range);
  Value it = NewIterator(IteratorObject::Kind::kRange, range);
  auto* i = As<IteratorObject>(it);
  int64_t n = r->Length();
  i->index = r->start + (n - 1) * r->step;
  i->aux = -r->step;
  i->count = n;
  return it;
}

namespace {

RangeObject* R(const Value& v) { return As<RangeObject>(v); }

Value RangeNewFn(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckNoKwargs("range", kw)) return Value();
  if (nargs == 0)
    return Raise(g_exc.TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3) {
    return RaiseF(g_exc.TypeError, "range expected at most 3 arguments, got %d",
                  nargs);
  }
  int64_t v[3] = {0, 0, 1};
  for (size_t i = 0; i < nargs; ++i) {
    if (!IsIntValue(args[i])) {
      if (!AsIndex(args[i], &v[i])) return Value();
    } else if (!AsIndex(args[i], &v[i])) {
      return Value();
    }
  }
  int64_t start = 0, stop, step = 1;
  if (nargs == 1) {
    stop = v[0];
  } else {
    start = v[0];
    stop = v[1];
    if (nargs == 3) step = v[2];
  }
  if (step == 0)
    return Raise(g_exc.ValueError, "range() arg 3 must not be zero");
  return Value::Steal(new RangeObject(type, start, stop, step));
}

Value RangeLen(Value* a, size_t, TupleObject*) {
  return Value::Int(R(a[0])->Length());
}

Value RangeIter(Value* a, size_t, TupleObject*) {
  Value it = NewIterator(IteratorObject::Kind::kRange, a[0]);
  auto* i = As<IteratorObject>(it);
  i->index = R(a[0])->start;
  i->aux = R(a[0])->step;
  i->count = R(a[0])->Length();
  return it;
}

Value RangeReversed(Value* a, size_t, TupleObject*) {
  return RangeReverseIterator(a[0]);
}

Value RangeGetItem(Value* a, size_t nargs, TupleObject* kw) {
  RangeObject* r = R(a[0]);
  int64_t n = r->Length();
  if (IsInstance(a[1], g_types.slice)) {
    int64_t start, stop, step, len;
    if (!As<SliceObject>(a[1])->Indices(n, &start, &stop, &step, &len))
      return Value();
    (void)len;
    int64_t new_start = r->start + start * r->step;
    int64_t new_step = r->step * step;
    int64_t new_stop = r->start + stop * r->step;
    return Value::Steal(
        new RangeObject(g_types.range, new_start, new_stop, new_step));
  }
  int64_t i;
  if (!AsIndex(a[1], &i)) return Value();
  if (i < 0) i += n;
  if (i < 0 || i >= n)
    return Raise(g_exc.IndexError, "range object index out of range");
  return Value::Int(r->start + i * r->step);
}

bool RangeHas(RangeObject* r, const Value& x, bool* found) {
  *found = false;
  if (!(x.is_int() || x.is_bool())) return false;
  int64_t v = x.as_int();
  if (r->step > 0 ? (v < r->start || v >= r->stop)
                  : (v > r->start || v <= r->stop)) {
    return true;
  }
  *found = (v - r->start) % r->step == 0;
  return true;
}

Value RangeContains(Value* a, size_t, TupleObject*) {
  bool found;
  if (RangeHas(R(a[0]), a[1], &found)) return Value::Bool(found);
  // Slow path for other types: compare with each item.
  RangeObject* r = R(a[0]);
  for (int64_t i = 0, n = r->Length(); i < n; ++i) {
    int eq = Equals(Value::Int(r->start + i * r->step), a[1]);
    if (eq < 0) return Value();
    if (eq) return Value::Bool(true);
  }
  return Value::Bool(false);
}

Value RangeIndex(Value* a, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("index", nargs - 1, kw, 1, 1)) return Value();
  bool found;
  RangeObject* r = R(a[0]);
  if (RangeHas(r, a[1], &found) && found) {
    return Value::Int((a[1].as_int() - r->start) / r->step);
  }
  Value rep = Repr(a[1]);
  if (rep.is_null()) return rep;
  return RaiseF(g_exc.ValueError, "%s is not in range",
                As<StrObject>(rep)->str());
}

Value RangeCount(Value* a, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("count", nargs - 1, kw, 1, 1)) return Value();
  bool found;
  if (RangeHas(R(a[0]), a[1], &found)) return Value::Int(found ? 1 : 0);
  return Value::Int(0);
}

Value RangeRepr(Value* a, size_t, TupleObject*) {
  RangeObject* r = R(a[0]);
  if (r->step == 1)
    return StrObject::New(absl::StrCat("range(", r->start, ", ", r->stop, ")"));
  return StrObject::New(
      absl::StrCat("range(", r->start, ", ", r->stop, ", ", r->step, ")"));
}

Value RangeEq(Value* a, size_t, TupleObject*) {
  if (!IsInstance(a[1], g_types.range)) return NotImplemented();
  RangeObject *x = R(a[0]), *y = R(a[1]);
  int64_t n = x->Length();
  if (n != y->Length()) return Value::Bool(false);
  if (n == 0) return Value::Bool(true);
  if (x->start != y->start) return Value::Bool(false);
  if (n == 1) return Value::Bool(true);
  return Value::Bool(x->step == y->step);
}

Value RangeHash(Value* a, size_t, TupleObject*) {
  RangeObject* r = R(a[0]);
  int64_t n = r->Length();
  Value t =
      TupleObject::Of({Value::Int(n), n ? Value::Int(r->start) : Value::None(),
                       n > 1 ? Value::Int(r->step) : Value::None()});
  int64_t h;
  if (!Hash(t, &h)) return Value();
  return Value::Int(h);
}

Value SliceNewFn(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("slice", nargs, kw, 1, 3)) return Value();
  if (nargs == 1) return NewSlice(Value::None(), args[0], Value::None());
  return NewSlice(args[0], args[1], nargs == 3 ? args[2] : Value::None());
}

Value SliceRepr(Value* a, size_t, TupleObject*) {
  auto* s = As<SliceObject>(a[0]);
  std::string out = "slice(";
  for (const Value* v : {&s->start, &s->stop, &s->step}) {
    Value r = Repr(*v);
    if (r.is_null()) return r;
    out += As<StrObject>(r)->str();
    out += v == &s->step ? ")" : ", ";
  }
  return StrObject::New(out);
}

Value SliceIndices(Value* a, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("indices", nargs - 1, kw, 1, 1)) return Value();
  int64_t n;
  if (!AsIndex(a[1], &n)) return Value();
  if (n < 0) return Raise(g_exc.ValueError, "length should not be negative");
  int64_t start, stop, step, len;
  if (!As<SliceObject>(a[0])->Indices(n, &start, &stop, &step, &len))
    return Value();
  return TupleObject::Of(
      {Value::Int(start), Value::Int(stop), Value::Int(step)});
}

Value SliceEq(Value* a, size_t, TupleObject*) {
  if (!IsInstance(a[1], g_types.slice)) return NotImplemented();
  auto *x = As<SliceObject>(a[0]), *y = As<SliceObject>(a[1]);
  Value tx = TupleObject::Of({x->start, x->stop, x->step});
  Value ty = TupleObject::Of({y->start, y->stop, y->step});
  return RichCompare(tx, ty, CompareOp::kEq);
}

}  // namespace

void InitRangeAndSliceTypes() {
  TypeObject* r = g_types.range;
  r->set_new_fn(RangeNewFn);
  AddMethod(r, "__len__", RangeLen);
  AddMethod(r, "__iter__", RangeIter);
  AddMethod(r, "__reversed__", RangeReversed);
  AddMethod(r, "__getitem__", RangeGetItem);
  AddMethod(r, "__contains__", RangeContains);
  AddMethod(r, "__repr__", RangeRepr);
  AddMethod(r, "__eq__", RangeEq);
  AddMethod(r, "__hash__", RangeHash);
  AddMethod(r, "index", RangeIndex);
  AddMethod(r, "count", RangeCount);
  AddGetter(r, "start", [](Value* a, size_t, TupleObject*) {
    return Value::Int(R(a[0])->start);
  });
  AddGetter(r, "stop", [](Value* a, size_t, TupleObject*) {
    return Value::Int(R(a[0])->stop);
  });
  AddGetter(r, "step", [](Value* a, size_t, TupleObject*) {
    return Value::Int(R(a[0])->step);
  });

  TypeObject* s = g_types.slice;
  s->set_new_fn(SliceNewFn);
  AddMethod(s, "__repr__", SliceRepr);
  AddMethod(s, "indices", SliceIndices);
  AddMethod(s, "__eq__", SliceEq);
  s->SetAttribute("__hash__", Value::None());
  AddGetter(s, "start", [](Value* a, size_t, TupleObject*) {
    return As<SliceObject>(a[0])->start;
  });
  AddGetter(s, "stop", [](Value* a, size_t, TupleObject*) {
    return As<SliceObject>(a[0])->stop;
  });
  AddGetter(s, "step", [](Value* a, size_t, TupleObject*) {
    return As<SliceObject>(a[0])->step;
  });
}

}  // namespace minidynamo
