// The builtins module: builtin functions, the builtin types and exceptions by
// name, and __build_class__.

#include <cstdio>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "vm/compile/compiler.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/format/str_repr.h"
#include "vm/interp/eval.h"
#include "vm/interp/generator.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/interp/source_file.h"
#include "vm/interp/support.h"
#include "vm/objects/bytes.h"
#include "vm/objects/bytes_internal.h"
#include "vm/objects/complex.h"
#include "vm/objects/container_api.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/function.h"
#include "vm/objects/iterator.h"
#include "vm/objects/list.h"
#include "vm/objects/method_util.h"
#include "vm/objects/native.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"
#include "vm/objects/type_inits.h"
#include "vm/objects/union_type.h"

namespace minidynamo {
namespace {

size_t NumKw(TupleObject* kw) { return kw ? kw->size() : 0; }

// print(*objects, sep=' ', end='\n', file=None, flush=False)
Value Print(Value* args, size_t nargs, TupleObject* kw) {
  size_t npos = nargs - NumKw(kw);
  Value sep, end, file, flush;
  for (size_t i = 0; i < NumKw(kw); ++i) {
    const std::string& k = As<StrObject>(kw->get(i))->str();
    Value& v = args[npos + i];
    if (k == "sep")
      sep = v;
    else if (k == "end")
      end = v;
    else if (k == "file")
      file = v;
    else if (k == "flush")
      flush = v;
    else
      return RaiseF(g_exc.TypeError,
                    "'%s' is an invalid keyword argument for print()", k);
  }
  for (Value* v : {&sep, &end}) {
    if (!v->is_null() && !v->is_none() && !IsInstance(*v, g_types.str)) {
      return RaiseF(g_exc.TypeError, "%s must be None or a string, not %s",
                    v == &sep ? "sep" : "end", TypeName(*v));
    }
  }
  std::string sep_s =
      sep.is_null() || sep.is_none() ? " " : As<StrObject>(sep)->str();
  std::string end_s =
      end.is_null() || end.is_none() ? "\n" : As<StrObject>(end)->str();
  std::string out;
  for (size_t i = 0; i < npos; ++i) {
    if (i > 0) out += sep_s;
    Value s = Str(args[i]);
    if (s.is_null()) return s;
    out += As<StrObject>(s)->str();
  }
  out += end_s;
  if (file.is_null() || file.is_none()) file = SysStdout();
  if (!WriteToFile(file, out)) return Value();
  if (!flush.is_null() && IsTrue(flush) > 0) FlushFile(file);
  return Value::None();
}

Value Len(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("len", nargs, kw, 1, 1)) return Value();
  int64_t n = Length(args[0]);
  return n < 0 ? Value() : Value::Int(n);
}

Value ReprFn(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("repr", nargs, kw, 1, 1)) return Value();
  return Repr(args[0]);
}

Value AsciiFn(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("ascii", nargs, kw, 1, 1)) return Value();
  return Ascii(args[0]);
}

Value Abs(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("abs", nargs, kw, 1, 1)) return Value();
  Value r = NumberAbs(args[0]);
  if (!r.Is(NotImplemented())) return r;
  static StrObject* abs = Intern("__abs__");
  r = CallSpecial(args[0], abs, nullptr, 0);
  if (r.is_null() && !ErrorOccurred()) {
    return RaiseF(g_exc.TypeError, "bad operand type for abs(): '%s'",
                  TypeName(args[0]));
  }
  return r;
}

Value AllAny(Value* args, size_t nargs, TupleObject* kw, bool all) {
  if (!CheckArgs(all ? "all" : "any", nargs, kw, 1, 1)) return Value();
  Value it = GetIter(args[0]);
  if (it.is_null()) return it;
  GeneratorFold fold{all ? GeneratorFold::Kind::kAll
                         : GeneratorFold::Kind::kAny};
  while (true) {
    Value x = IterNextFolding(it, &fold);
    if (x.is_null()) return ErrorOccurred() ? Value() : Value::Bool(all);
    int t = IsTrue(x);
    if (t < 0) return Value();
    if (all && !t) return Value::Bool(false);
    if (!all && t) return Value::Bool(true);
  }
}
Value All(Value* a, size_t n, TupleObject* kw) {
  return AllAny(a, n, kw, true);
}
Value Any(Value* a, size_t n, TupleObject* kw) {
  return AllAny(a, n, kw, false);
}

Value IntBase(Value* args, size_t nargs, TupleObject* kw, const char* name,
              int base) {
  if (!CheckArgs(name, nargs, kw, 1, 1)) return Value();
  Value v = IndexValue(args[0]);
  if (v.is_null()) return v;
  return StrObject::New(ToBigInt(v).ToPrefixedString(base));
}
Value Bin(Value* a, size_t n, TupleObject* kw) {
  return IntBase(a, n, kw, "bin", 2);
}
Value Oct(Value* a, size_t n, TupleObject* kw) {
  return IntBase(a, n, kw, "oct", 8);
}
Value Hex(Value* a, size_t n, TupleObject* kw) {
  return IntBase(a, n, kw, "hex", 16);
}

Value CallableFn(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("callable", nargs, kw, 1, 1)) return Value();
  static StrObject* call = Intern("__call__");
  TypeObject* t = TypeOf(args[0]);
  return Value::Bool(t == g_types.function || t == g_types.native_function ||
                     t == g_types.method || t->IsSubtypeOf(g_types.type) ||
                     !t->Lookup(call).is_null());
}

Value Chr(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("chr", nargs, kw, 1, 1)) return Value();
  int64_t c;
  if (!CIntArg(args[0], &c)) return Value();
  if (c < 0 || c > 0x10FFFF)
    return Raise(g_exc.ValueError, "chr() arg not in range(0x110000)");
  std::string s;
  AppendUtf8(&s, static_cast<uint32_t>(c));
  return StrObject::New(s);
}

Value Ord(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("ord", nargs, kw, 1, 1)) return Value();
  if (IsInstance(args[0], g_types.str)) {
    auto* s = As<StrObject>(args[0]);
    if (s->length() != 1) {
      return RaiseF(g_exc.TypeError,
                    "ord() expected a character, but string of length %d found",
                    s->length());
    }
    size_t i = 0;
    return Value::Int(DecodeUtf8(s->str(), &i));
  }
  // Bytes-like objects of length 1 give their byte (CPython's wording, with
  // "string", for other lengths).
  std::string_view bytes;
  if (BytesLikeView(args[0], &bytes)) {
    if (bytes.size() != 1) {
      return RaiseF(g_exc.TypeError,
                    "ord() expected a character, but string of length %d found",
                    bytes.size());
    }
    return Value::Int(static_cast<unsigned char>(bytes[0]));
  }
  return RaiseF(g_exc.TypeError,
                "ord() expected string of length 1, but %s found",
                TypeName(args[0]));
}

Value Divmod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("divmod", nargs, kw, 2, 2)) return Value();
  static StrObject* dm = Intern("__divmod__");
  static StrObject* rdm = Intern("__rdivmod__");
  Value r = CallSpecial(args[0], dm, &args[1], 1);
  if (r.is_null() && ErrorOccurred()) return r;
  if (!r.is_null() && !r.Is(NotImplemented())) return r;
  r = CallSpecial(args[1], rdm, &args[0], 1);
  if (r.is_null() && ErrorOccurred()) return r;
  if (!r.is_null() && !r.Is(NotImplemented())) return r;
  return RaiseF(g_exc.TypeError,
                "unsupported operand type(s) for divmod(): '%s' and '%s'",
                TypeName(args[0]), TypeName(args[1]));
}

Value Pow(Value* args, size_t nargs, TupleObject* kw) {
  Value p[3];
  if (!ParseArgs("pow", args, nargs, kw, {"base", "exp", "mod"}, 2, p))
    return Value();
  if (!p[2].is_null() && !p[2].is_none()) return NumberPowMod(p[0], p[1], p[2]);
  return BinaryOp(p[0], p[1], BinOp::kPower);
}

Value Round(Value* args, size_t nargs, TupleObject* kw) {
  Value p[2];
  if (!ParseArgs("round", args, nargs, kw, {"number", "ndigits"}, 1, p))
    return Value();
  static StrObject* round = Intern("__round__");
  Value r = p[1].is_null() ? CallSpecial(p[0], round, nullptr, 0)
                           : CallSpecial(p[0], round, &p[1], 1);
  if (r.is_null() && !ErrorOccurred()) {
    return RaiseF(g_exc.TypeError, "type %s doesn't define __round__ method",
                  TypeName(p[0]));
  }
  return r;
}

Value HashFn(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("hash", nargs, kw, 1, 1)) return Value();
  int64_t h;
  if (!Hash(args[0], &h)) return Value();
  return Value::Int(h);
}

Value Id(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("id", nargs, kw, 1, 1)) return Value();
  const Value& v = args[0];
  if (v.is_object()) {
    return Value::Int(
        static_cast<int64_t>(reinterpret_cast<uintptr_t>(v.as_object())));
  }
  // Inline values: equal values are the same object, as CPython's small ints
  // are.
  int64_t h;
  Hash(v, &h);
  return Value::Int((static_cast<int64_t>(v.tag()) << 56) ^ h);
}

Value IsinstanceImpl(const Value& obj, const Value& cls_in, bool subclass) {
  Value union_members = UnionMembers(cls_in);
  const Value& cls = union_members.is_null() ? cls_in : union_members;
  if (IsInstance(cls, g_types.tuple)) {
    auto* t = As<TupleObject>(cls);
    for (size_t i = 0; i < t->size(); ++i) {
      Value r = IsinstanceImpl(obj, t->get(i), subclass);
      if (r.is_null() || r.as_bool()) return r;
    }
    return Value::Bool(false);
  }
  if (!IsInstance(cls, g_types.type)) {
    static StrObject* subclass_check = Intern("__subclasscheck__");
    static StrObject* instance_check = Intern("__instancecheck__");
    Value m = TypeOf(cls)->Lookup(subclass ? subclass_check : instance_check);
    if (!m.is_null()) {
      Value a[2] = {cls, obj};
      Value r = Call(m, a, 2);
      if (r.is_null()) return r;
      int t = IsTrue(r);
      return t < 0 ? Value() : Value::Bool(t);
    }
    return Raise(
        g_exc.TypeError,
        subclass ? "issubclass() arg 2 must be a class, a tuple of classes, or "
                   "a union"
                 : "isinstance() arg 2 must be a type, a tuple of types, or a "
                   "union");
  }
  auto* t = As<TypeObject>(cls);
  // An exact type match never consults hooks (CPython's fast path).
  if (!subclass && TypeOf(obj) == t) return Value::Bool(true);
  // A metaclass may override __instancecheck__/__subclasscheck__ (abc-style
  // classes); type's own versions are the plain subtype checks below.
  if (TypeOf(cls) != g_types.type) {
    StrObject* hook =
        Intern(subclass ? "__subclasscheck__" : "__instancecheck__");
    Value m = TypeOf(cls)->Lookup(hook);
    Value base = g_types.type->dict()->GetStr(hook);
    if (!m.is_null() && !m.Is(base)) {
      Value a[2] = {cls, obj};
      Value r = Call(m, a, 2);
      if (r.is_null()) return r;
      int tr = IsTrue(r);
      return tr < 0 ? Value() : Value::Bool(tr);
    }
  }
  if (subclass) {
    if (!IsInstance(obj, g_types.type)) {
      return Raise(g_exc.TypeError, "issubclass() arg 1 must be a class");
    }
    return Value::Bool(As<TypeObject>(obj)->IsSubtypeOf(t));
  }
  return Value::Bool(TypeOf(obj)->IsSubtypeOf(t));
}

Value Isinstance(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("isinstance", nargs, kw, 2, 2)) return Value();
  return IsinstanceImpl(args[0], args[1], false);
}
Value Issubclass(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("issubclass", nargs, kw, 2, 2)) return Value();
  return IsinstanceImpl(args[0], args[1], true);
}

StrObject* AttrName(const Value& v, const char* fn) {
  if (!IsInstance(v, g_types.str)) {
    RaiseF(g_exc.TypeError, "%s(): attribute name must be string", fn);
    return nullptr;
  }
  return StrObject::Intern(As<StrObject>(v)->str());
}

Value Getattr(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("getattr", nargs, kw, 2, 3)) return Value();
  StrObject* name = AttrName(args[1], "getattr");
  if (name == nullptr) return Value();
  if (nargs == 3) {
    Value r = GetAttrOptional(args[0], name);
    if (r.is_null() && !ErrorOccurred()) return args[2];
    return r;
  }
  return GetAttr(args[0], name);
}

Value Hasattr(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("hasattr", nargs, kw, 2, 2)) return Value();
  StrObject* name = AttrName(args[1], "hasattr");
  if (name == nullptr) return Value();
  Value r = GetAttrOptional(args[0], name);
  if (r.is_null() && ErrorOccurred()) return Value();
  return Value::Bool(!r.is_null());
}

Value Setattr(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("setattr", nargs, kw, 3, 3)) return Value();
  StrObject* name = AttrName(args[1], "setattr");
  if (name == nullptr || !SetAttr(args[0], name, args[2])) return Value();
  return Value::None();
}

Value Delattr(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("delattr", nargs, kw, 2, 2)) return Value();
  StrObject* name = AttrName(args[1], "delattr");
  if (name == nullptr || !DelAttr(args[0], name)) return Value();
  return Value::None();
}

Value Iter(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("iter", nargs, kw, 1, 2)) return Value();
  if (nargs == 2) {
    Value v = NewIterator(IteratorObject::Kind::kCallable, Value());
    auto* it = As<IteratorObject>(v);
    it->func = args[0];
    it->sentinel = args[1];
    return v;
  }
  return GetIter(args[0]);
}

Value Next(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("next", nargs, kw, 1, 2)) return Value();
  static StrObject* next = Intern("__next__");
  if (!IsBuiltinIterator(args[0]) && TypeOf(args[0])->Lookup(next).is_null()) {
    return RaiseF(g_exc.TypeError, "'%s' object is not an iterator",
                  TypeName(args[0]));
  }
  Value r;
  if (IsBuiltinIterator(args[0])) {
    r = FastIterNext(args[0]);
    if (r.is_null() && !ErrorOccurred() && nargs == 1) {
      return RaiseValue(Value::FromObject(g_exc.StopIteration));
    }
  } else {
    r = CallSpecial(args[0], next, nullptr, 0);
    if (r.is_null() && nargs == 2 && ErrorMatches(g_exc.StopIteration))
      ClearError();
  }
  if (r.is_null() && nargs == 2 && !ErrorOccurred()) return args[1];
  return r;
}

Value MakeIter(IteratorObject::Kind kind, Value* srcs, size_t n) {
  auto* it = new IteratorObject(g_types.iterator, kind);
  Value result = Value::Steal(it);
  it->sources.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    Value x = GetIter(srcs[i]);
    if (x.is_null()) return x;
    it->sources.push_back(std::move(x));
  }
  return result;
}

Value Enumerate(Value* args, size_t nargs, TupleObject* kw) {
  Value p[2];
  if (!ParseArgs("enumerate", args, nargs, kw, {"iterable", "start"}, 1, p))
    return Value();
  Value it = MakeIter(IteratorObject::Kind::kEnumerate, p, 1);
  if (it.is_null()) return it;
  if (!p[1].is_null()) {
    // A start past int64 counts as a big int (kept in `sentinel`).
    Value start = IndexValue(p[1]);
    if (start.is_null()) return start;
    auto* e = As<IteratorObject>(it);
    if (start.is_int() || start.is_bool()) {
      e->count = start.as_int();
    } else if (ToBigInt(start).FitsInt64()) {
      e->count = ToBigInt(start).ToInt64();
    } else {
      e->sentinel = MakeInt(ToBigInt(start));
    }
  }
  return it;
}

// CPython's PyNumber_Check: an int, float or complex, or an object whose
// class converts with __index__, __int__ or __float__.
bool PassesNumberCheck(const Value& v) {
  if (!v.is_object()) return !v.is_null() && !v.is_none();
  TypeObject* t = v.as_object()->type();
  if (IsNumber(v) || t->IsSubtypeOf(As<TypeObject>(ComplexType()))) {
    return true;
  }
  for (const char* name : {"__index__", "__int__", "__float__"}) {
    if (!t->Lookup(Intern(name)).is_null()) return true;
  }
  return false;
}

// An int (or bool) equal to 1: count's step that CPython's fast mode and
// repr single out.
bool IsIntOne(const Value& v) {
  return IsIntValue(v) && Equals(v, Value::Int(1)) == 1;
}

// itertools.count(start=0, step=1). An int start that fits and a step equal
// to the int 1 count as plain ints (CPython's fast mode: count(True) counts
// 1, 2, 3); anything else is added as given, start first.
Value Count(Value* args, size_t nargs, TupleObject* kw) {
  Value p[2];
  if (!ParseArgs("count", args, nargs, kw, {"start", "step"}, 0, p)) {
    return Value();
  }
  Value start = p[0].is_null() ? Value::Int(0) : p[0];
  Value step = p[1].is_null() ? Value::Int(1) : p[1];
  if (!PassesNumberCheck(start) || !PassesNumberCheck(step)) {
    return Raise(g_exc.TypeError, "a number is required");
  }
  if (IsIntOne(step) && IsIntValue(start) && ToBigInt(start).FitsInt64()) {
    start = Value::Int(ToBigInt(start).ToInt64());
    step = Value::Int(1);
  }
  auto* it = new IteratorObject(g_types.iterator, IteratorObject::Kind::kCount);
  Value result = Value::Steal(it);
  it->source = std::move(start);
  it->sentinel = std::move(step);
  return result;
}

// count.__repr__: the step is left out when it is the int 1.
Value CountRepr(Value* args, size_t nargs, TupleObject* kw) {
  auto* it = As<IteratorObject>(args[0]);
  const char* name = TypeOf(args[0])->name().c_str();
  Value cur = Repr(it->source);
  if (cur.is_null()) return cur;
  if (IsIntOne(it->sentinel)) {
    return StrObject::New(
        absl::StrCat(name, "(", As<StrObject>(cur)->str(), ")"));
  }
  Value step = Repr(it->sentinel);
  if (step.is_null()) return step;
  return StrObject::New(absl::StrCat(name, "(", As<StrObject>(cur)->str(), ", ",
                                     As<StrObject>(step)->str(), ")"));
}

Value Zip(Value* args, size_t nargs, TupleObject* kw) {
  bool strict = false;
  for (size_t i = 0; i < NumKw(kw); ++i) {
    if (As<StrObject>(kw->get(i))->str() != "strict") {
      return RaiseF(g_exc.TypeError,
                    "zip() got an unexpected keyword argument '%s'",
                    As<StrObject>(kw->get(i))->str());
    }
    int t = IsTrue(args[nargs - NumKw(kw) + i]);
    if (t < 0) return Value();
    strict = t;
  }
  Value it = MakeIter(IteratorObject::Kind::kZip, args, nargs - NumKw(kw));
  if (!it.is_null()) As<IteratorObject>(it)->strict = strict;
  return it;
}

Value Map(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckNoKwargs("map", kw)) return Value();
  if (nargs < 2)
    return Raise(g_exc.TypeError, "map() must have at least two arguments.");
  Value it = MakeIter(IteratorObject::Kind::kMap, args + 1, nargs - 1);
  if (!it.is_null()) As<IteratorObject>(it)->func = args[0];
  return it;
}

Value Filter(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("filter", nargs, kw, 2, 2)) return Value();
  Value it = MakeIter(IteratorObject::Kind::kFilter, args + 1, 1);
  if (!it.is_null()) As<IteratorObject>(it)->func = args[0];
  return it;
}

Value Reversed(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("reversed", nargs, kw, 1, 1)) return Value();
  static StrObject* rev = Intern("__reversed__");
  static StrObject* getitem = Intern("__getitem__");
  TypeObject* t = TypeOf(args[0]);
  // An exact range or list: its own __reversed__, without the lookup and
  // the call (builtin types' methods cannot be replaced).
  if (t == g_types.range) return RangeReverseIterator(args[0]);
  if (t == g_types.list) return ListReverseIterator(args[0]);
  Value meth = t->Lookup(rev);
  if (!meth.is_none()) {
    Value r = meth.is_null() ? Value()
                             : CallWithSelf(meth, args[0], nullptr, 0, nullptr);
    if (!r.is_null() || ErrorOccurred()) return r;
    if (IsInstance(args[0], g_types.list)) return ListReverseIterator(args[0]);
  }
  // A `reversed` object walks a sequence (PySequence_Check: __getitem__, not
  // a dict) backwards lazily, from its length at creation.
  if (meth.is_none() || t->IsSubtypeOf(g_types.dict) ||
      t->Lookup(getitem).is_null()) {
    return RaiseF(g_exc.TypeError, "'%s' object is not reversible",
                  TypeName(args[0]));
  }
  int64_t n = Length(args[0]);
  if (n < 0) return Value();
  Value it = NewIterator(IteratorObject::Kind::kReversed, args[0]);
  As<IteratorObject>(it)->index = n - 1;
  return it;
}

Value Sorted(Value* args, size_t nargs, TupleObject* kw) {
  if (nargs - NumKw(kw) != 1) {
    return RaiseF(g_exc.TypeError, "sorted expected 1 argument, got %d",
                  nargs - NumKw(kw));
  }
  Value key = Value::None();
  bool reverse = false;
  for (size_t i = 0; i < NumKw(kw); ++i) {
    const std::string& k = As<StrObject>(kw->get(i))->str();
    if (k == "key") {
      key = args[1 + i];
    } else if (k == "reverse") {
      int t = IsTrue(args[1 + i]);
      if (t < 0) return Value();
      reverse = t;
    } else {
      return RaiseF(g_exc.TypeError,
                    "sort() got an unexpected keyword argument '%s'", k);
    }
  }
  Value l = ListObject::New();
  if (!ListExtendWith(As<ListObject>(l), args[0])) return Value();
  if (!ListSort(As<ListObject>(l), key, reverse)) return Value();
  return l;
}

Value MinMax(Value* args, size_t nargs, TupleObject* kw, bool is_min) {
  const char* name = is_min ? "min" : "max";
  size_t npos = nargs - NumKw(kw);
  Value key, dflt;
  for (size_t i = 0; i < NumKw(kw); ++i) {
    const std::string& k = As<StrObject>(kw->get(i))->str();
    if (k == "key")
      key = args[npos + i];
    else if (k == "default")
      dflt = args[npos + i];
    else
      return RaiseF(g_exc.TypeError,
                    "%s() got an unexpected keyword argument '%s'", name, k);
  }
  if (npos == 0) {
    return RaiseF(g_exc.TypeError, "%s expected at least 1 argument, got 0",
                  name);
  }
  Value iterable;
  if (npos == 1) {
    iterable = args[0];
  } else {
    if (!dflt.is_null()) {
      return RaiseF(g_exc.TypeError,
                    "Cannot specify a default for %s() with multiple "
                    "positional arguments",
                    name);
    }
    iterable = TupleObject::FromValues(args, npos);
  }
  Value it = GetIter(iterable);
  if (it.is_null()) return it;
  Value best, best_key;
  while (true) {
    Value x = IterNext(it);
    if (x.is_null()) {
      if (ErrorOccurred()) return Value();
      break;
    }
    Value k = x;
    if (!key.is_null() && !key.is_none()) {
      k = CallOneArg(key, x);
      if (k.is_null()) return k;
    }
    if (best.is_null()) {
      best = x;
      best_key = k;
      continue;
    }
    int better =
        RichCompareBool(k, best_key, is_min ? CompareOp::kLt : CompareOp::kGt);
    if (better < 0) return Value();
    if (better) {
      best = x;
      best_key = k;
    }
  }
  if (best.is_null()) {
    if (!dflt.is_null()) return dflt;
    return RaiseF(g_exc.ValueError, "%s() arg is an empty sequence", name);
  }
  return best;
}
Value Min(Value* a, size_t n, TupleObject* kw) {
  return MinMax(a, n, kw, true);
}
Value Max(Value* a, size_t n, TupleObject* kw) {
  return MinMax(a, n, kw, false);
}

Value Sum(Value* args, size_t nargs, TupleObject* kw) {
  Value p[2];
  if (!ParseArgs("sum", args, nargs, kw, {"iterable", "start"}, 1, p))
    return Value();
  Value total = p[1].is_null() ? Value::Int(0) : p[1];
  if (IsInstance(total, g_types.str)) {
    return Raise(g_exc.TypeError,
                 "sum() can't sum strings [use ''.join(seq) instead]");
  }
  Value it = GetIter(p[0]);
  if (it.is_null()) return it;
  GeneratorFold fold{GeneratorFold::Kind::kSum, &total};
  while (true) {
    Value x = IterNextFolding(it, &fold);
    if (x.is_null()) return ErrorOccurred() ? Value() : total;
    if (AddScalars(&total, x)) continue;
    total = BinaryOp(total, x, BinOp::kAdd);
    if (total.is_null()) return total;
  }
}

Value FormatFn(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("format", nargs, kw, 1, 2)) return Value();
  if (nargs == 2 && !IsInstance(args[1], g_types.str)) {
    return RaiseF(g_exc.TypeError, "format() argument 2 must be str, not %s",
                  TypeName(args[1]));
  }
  return Format(args[0], nargs == 2 ? args[1] : Value());
}

Value Globals(Value*, size_t, TupleObject*) {
  Frame* f = ThreadState::Get()->current;
  if (f == nullptr) return DictObject::New();
  return Value::FromObject(f->globals);
}

Value Locals(Value*, size_t, TupleObject*) {
  Frame* f = ThreadState::Get()->current;
  if (f == nullptr) return DictObject::New();
  if (!f->locals.is_null()) return f->locals;
  // A snapshot of the function's fast locals and cells.
  Value d = DictObject::New();
  CodeObject* code = f->code;
  Value* slots = f->localsplus();
  for (size_t i = 0; i < code->nlocalsplus(); ++i) {
    Value v = slots[i];
    if (i >= code->nlocals() && !v.is_null()) v = As<CellObject>(v)->contents;
    if (!v.is_null()) As<DictObject>(d)->Set(code->LocalsplusName(i), v);
  }
  return d;
}

Value Vars(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("vars", nargs, kw, 0, 1)) return Value();
  if (nargs == 0) return Locals(args, 0, nullptr);
  Value d = GetAttrOptional(args[0], Intern("__dict__"));
  if (d.is_null() && !ErrorOccurred()) {
    return Raise(g_exc.TypeError,
                 "vars() argument must have __dict__ attribute");
  }
  return d;
}

Value Dir(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("dir", nargs, kw, 0, 1)) return Value();
  Value names = ListObject::New();
  auto add_keys = [&](DictObject* d) {
    size_t pos = 0;
    const DictObject::Entry* e;
    while (d->Next(&pos, &e)) As<ListObject>(names)->items().push_back(e->key);
  };
  if (nargs == 0) {
    Value l = Locals(args, 0, nullptr);
    if (l.is_null()) return l;
    if (IsInstance(l, g_types.dict)) add_keys(As<DictObject>(l));
  } else {
    static StrObject* dir = Intern("__dir__");
    Value r = CallSpecial(args[0], dir, nullptr, 0);
    if (!r.is_null()) {
      if (!ListExtendWith(As<ListObject>(names), r)) return Value();
    } else {
      if (ErrorOccurred()) return Value();
      Value v = args[0];
      if (v.is_object() && v.as_object()->dict() != nullptr)
        add_keys(v.as_object()->dict());
      TypeObject* t =
          IsInstance(v, g_types.type) ? As<TypeObject>(v) : TypeOf(v);
      for (TypeObject* m : t->mro()) add_keys(m->dict());
    }
  }
  // Unique and sorted, as dir() returns.
  Value uniq = NewSet(nullptr, 0);
  if (!SetUpdate(uniq, names)) return Value();
  Value result = ListObject::New();
  if (!ListExtendWith(As<ListObject>(result), uniq)) return Value();
  if (!ListSort(As<ListObject>(result), Value::None(), false)) return Value();
  return result;
}

// The text of source given to compile/exec/eval: a str as is, bytes decoded
// as CPython's string tokenizer decodes them (PEP 263). Anything else leaves
// `*out` empty for the caller to reject.
bool SourceText(const Value& source, std::string* out) {
  if (IsInstance(source, g_types.str)) {
    *out = As<StrObject>(source)->str();
  } else if (IsInstance(source, g_types.bytes)) {
    if (!DecodeSourceBytes(As<BytesObject>(source)->data(), out)) return false;
  }
  // Checked before tokenizing (CPython 3.11.2 raises ValueError here; a
  // file with a NUL is a SyntaxError with a position).
  if (out->find('\0') != std::string::npos) {
    Raise(g_exc.ValueError, "source code string cannot contain null bytes");
    return false;
  }
  return true;
}

Value Exec(Value* args, size_t nargs, TupleObject* kw, bool eval) {
  const char* name = eval ? "eval" : "exec";
  if (!CheckArgs(name, nargs, kw, 1, 3)) return Value();
  Value globals =
      nargs >= 2 && !args[1].is_none() ? args[1] : Globals(args, 0, nullptr);
  Value locals = nargs >= 3 && !args[2].is_none() ? args[2] : globals;
  if (!IsInstance(globals, g_types.dict)) {
    return RaiseF(g_exc.TypeError, "%s() globals must be a dict, not %s", name,
                  TypeName(globals));
  }
  auto* g = As<DictObject>(globals);
  if (g->GetStr(Intern("__builtins__")).is_null()) {
    g->SetStr(Intern("__builtins__"), Value::FromObject(BuiltinsModule()));
  }
  Value code = args[0];
  std::string source;
  if (!SourceText(code, &source)) return Value();
  if (IsInstance(code, g_types.str) || IsInstance(code, g_types.bytes)) {
    SyntaxErrorInfo err;
    auto c =
        CompileSource(source, "<string>",
                      eval ? CompileMode::kEval : CompileMode::kExec, &err);
    if (!c.ok()) return RaiseSyntaxError(err);
    code = *c;
  } else if (!IsInstance(code, g_types.code)) {
    return RaiseF(g_exc.TypeError,
                  "%s() arg 1 must be a string, bytes or code object", name);
  }
  Value r = RunCodeWithLocals(code, g, locals);
  if (r.is_null()) return r;
  return eval ? r : Value::None();
}
Value ExecFn(Value* a, size_t n, TupleObject* kw) {
  return Exec(a, n, kw, false);
}
Value EvalFn(Value* a, size_t n, TupleObject* kw) {
  return Exec(a, n, kw, true);
}

Value CompileFn(Value* args, size_t nargs, TupleObject* kw) {
  Value p[3];
  if (!ParseArgs("compile", args, nargs, kw, {"source", "filename", "mode"}, 3,
                 p)) {
    return Value();
  }
  if (!IsInstance(p[0], g_types.str) && !IsInstance(p[0], g_types.bytes)) {
    return Raise(g_exc.TypeError,
                 "compile() arg 1 must be a string, bytes or AST object");
  }
  if (!IsInstance(p[1], g_types.str) || !IsInstance(p[2], g_types.str)) {
    return Raise(g_exc.TypeError, "compile() arguments must be str");
  }
  const std::string& mode = As<StrObject>(p[2])->str();
  CompileMode m;
  if (mode == "exec")
    m = CompileMode::kExec;
  else if (mode == "eval")
    m = CompileMode::kEval;
  else if (mode == "single")
    m = CompileMode::kSingle;
  else
    return Raise(g_exc.ValueError,
                 "compile() mode must be 'exec', 'eval' or 'single'");
  std::string source;
  if (!SourceText(p[0], &source)) return Value();
  SyntaxErrorInfo err;
  auto c = CompileSource(source, As<StrObject>(p[1])->str(), m, &err);
  if (!c.ok()) return RaiseSyntaxError(err);
  return *c;
}

// __build_class__(func, name, *bases, metaclass=None, **kwds)
Value BuildClass(Value* args, size_t nargs, TupleObject* kw) {
  size_t npos = nargs - NumKw(kw);
  if (npos < 2)
    return Raise(g_exc.TypeError, "__build_class__: not enough arguments");
  if (!IsInstance(args[0], g_types.function)) {
    return Raise(g_exc.TypeError, "__build_class__: func must be a function");
  }
  if (!IsInstance(args[1], g_types.str)) {
    return Raise(g_exc.TypeError, "__build_class__: name is not a string");
  }
  Value bases = TupleObject::FromValues(args + 2, npos - 2);
  Value meta;
  std::vector<Value> kwvals;
  std::vector<Value> kwnames;
  for (size_t i = 0; i < NumKw(kw); ++i) {
    if (As<StrObject>(kw->get(i))->str() == "metaclass") {
      meta = args[npos + i];
    } else {
      kwnames.push_back(kw->get(i));
      kwvals.push_back(args[npos + i]);
    }
  }
  if (meta.is_null()) {
    // The most derived metaclass among the bases (type when there are none).
    TypeObject* winner = g_types.type;
    auto* bt = As<TupleObject>(bases);
    for (size_t i = 0; i < bt->size(); ++i) {
      TypeObject* m = TypeOf(bt->get(i));
      if (m->IsSubtypeOf(winner)) {
        winner = m;
      } else if (!winner->IsSubtypeOf(m)) {
        return Raise(
            g_exc.TypeError,
            "metaclass conflict: the metaclass of a derived class must be a "
            "(non-strict) subclass of the metaclasses of all its bases");
      }
    }
    meta = Value::FromObject(winner);
  }
  // The namespace: metaclass.__prepare__(name, bases) when defined.
  Value ns;
  Value prepare = GetAttrOptional(meta, Intern("__prepare__"));
  if (!prepare.is_null()) {
    Value pa[2] = {args[1], bases};
    Value kwt = kwnames.empty()
                    ? Value()
                    : TupleObject::FromValues(kwnames.data(), kwnames.size());
    std::vector<Value> all(pa, pa + 2);
    for (auto& v : kwvals) all.push_back(v);
    ns = Call(prepare, all.data(), all.size(),
              kwt.is_null() ? nullptr : As<TupleObject>(kwt));
    if (ns.is_null()) return ns;
  } else {
    if (ErrorOccurred()) return Value();
    ns = DictObject::New();
  }
  // Run the class body with `ns` as its locals.
  auto* body = As<FunctionObject>(args[0]);
  Value cell = RunClassBody(body, ns);
  if (cell.is_null()) return cell;
  std::vector<Value> call{args[1], bases, ns};
  for (auto& v : kwvals) call.push_back(v);
  Value kwt = kwnames.empty()
                  ? Value()
                  : TupleObject::FromValues(kwnames.data(), kwnames.size());
  Value cls = Call(meta, call.data(), call.size(),
                   kwt.is_null() ? nullptr : As<TupleObject>(kwt));
  if (cls.is_null()) return cls;
  if (IsInstance(cell, g_types.cell)) {
    Value& contents = As<CellObject>(cell)->contents;
    if (contents.is_null()) contents = cls;
  }
  return cls;
}

// __import__(name, globals=None, locals=None, fromlist=(), level=0)
Value ImportFn(Value* args, size_t nargs, TupleObject* kw) {
  Value p[5];
  if (!ParseArgs("__import__", args, nargs, kw,
                 {"name", "globals", "locals", "fromlist", "level"}, 1, p)) {
    return Value();
  }
  if (!IsInstance(p[0], g_types.str)) {
    return RaiseF(g_exc.TypeError,
                  "__import__() argument 1 must be str, not %s",
                  TypeName(p[0]));
  }
  DictObject* globals = nullptr;
  if (!p[1].is_null() && IsInstance(p[1], g_types.dict)) {
    globals = As<DictObject>(p[1]);
  } else {
    Frame* f = ThreadState::Get()->current;
    globals = f != nullptr ? f->globals : BuiltinsDict();
  }
  Value fromlist = p[3].is_null() ? Value::None() : p[3];
  if (!fromlist.is_none() && !IsInstance(fromlist, g_types.tuple)) {
    Value items = ListObject::New();
    if (!ListExtendWith(As<ListObject>(items), fromlist)) return Value();
    auto& v = As<ListObject>(items)->items();
    fromlist = TupleObject::FromValues(v.data(), v.size());
  }
  return ImportName(
      Value::FromObject(StrObject::Intern(As<StrObject>(p[0])->str())), globals,
      fromlist, p[4].is_null() ? Value::Int(0) : p[4]);
}

Value Input(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("input", nargs, kw, 0, 1)) return Value();
  if (nargs == 1) {
    Value s = Str(args[0]);
    if (s.is_null()) return s;
    if (!WriteToFile(SysStdout(), As<StrObject>(s)->str())) return Value();
    FlushFile(SysStdout());
  }
  std::string line;
  int c;
  while ((c = std::fgetc(stdin)) != EOF && c != '\n')
    line.push_back(static_cast<char>(c));
  if (c == EOF && line.empty())
    return Raise(g_exc.EOFError, "EOF when reading a line");
  return StrObject::New(line);
}

// enumerate, zip, map, filter and reversed are classes in Python; their
// instances are builtin iterators retyped to the class, so isinstance() and
// type() work.
// itertools.count is one too, in its own module (_itertools, which
// itertools imports it from).
struct IteratorClass {
  const char* name;
  NativeFn make;
  TypeObject* type;
  const char* module = "builtins";
};

IteratorClass g_iterator_classes[] = {
    {"enumerate", Enumerate, nullptr},
    {"zip", Zip, nullptr},
    {"map", Map, nullptr},
    {"filter", Filter, nullptr},
    {"reversed", Reversed, nullptr},
    {"count", Count, nullptr, "itertools"},
};

bool InitItertoolsNative(ModuleObject* m) {
  for (const IteratorClass& c : g_iterator_classes) {
    if (std::string_view(c.module) == "itertools") {
      m->dict()->SetStr(Intern(c.name), Value::FromObject(c.type));
    }
  }
  return true;
}

Value IteratorClassNew(TypeObject* type, Value* args, size_t nargs,
                       TupleObject* kw) {
  // The class itself first (reversed(x), enumerate(x)), then a subclass's.
  IteratorClass* match = nullptr;
  for (IteratorClass& c : g_iterator_classes) {
    if (c.type == type) {
      match = &c;
      break;
    }
  }
  for (IteratorClass& c : g_iterator_classes) {
    if (match != nullptr) break;
    if (type->IsSubtypeOf(c.type)) match = &c;
  }
  if (match != nullptr) {
    IteratorClass& c = *match;
    Value it = c.make(args, nargs, kw);
    // reversed() returns the sequence's own __reversed__ iterator
    // (list_reverseiterator, ...) as is, as CPython does; its own `reversed`
    // objects and the others become instances of the class called.
    if (!it.is_null() && IsBuiltinIterator(it) &&
        (c.make != Reversed ||
         As<IteratorObject>(it)->kind == IteratorObject::Kind::kReversed)) {
      it.as_object()->set_type(type);
    }
    return it;
  }
  return Raise(g_exc.SystemError, "unknown iterator class");
}

}  // namespace

int ObjectIsInstance(const Value& obj, const Value& cls) {
  Value r = IsinstanceImpl(obj, cls, /*subclass=*/false);
  return r.is_null() ? -1 : r.as_bool();
}

Value BuildClassFunction() {
  static Value* fn =
      new Value(NativeFunction::New("__build_class__", BuildClass));
  return *fn;
}

void InitBuiltinsModule(DictObject* d) {
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  const Entry fns[] = {
      {"print", Print},
      {"len", Len},
      {"repr", ReprFn},
      {"ascii", AsciiFn},
      {"abs", Abs},
      {"all", All},
      {"any", Any},
      {"bin", Bin},
      {"oct", Oct},
      {"hex", Hex},
      {"callable", CallableFn},
      {"chr", Chr},
      {"ord", Ord},
      {"divmod", Divmod},
      {"pow", Pow},
      {"round", Round},
      {"hash", HashFn},
      {"id", Id},
      {"isinstance", Isinstance},
      {"issubclass", Issubclass},
      {"getattr", Getattr},
      {"hasattr", Hasattr},
      {"setattr", Setattr},
      {"delattr", Delattr},
      {"iter", Iter},
      {"next", Next},
      {"enumerate", Enumerate},
      {"zip", Zip},
      {"map", Map},
      {"filter", Filter},
      {"reversed", Reversed},
      {"sorted", Sorted},
      {"min", Min},
      {"max", Max},
      {"sum", Sum},
      {"format", FormatFn},
      {"globals", Globals},
      {"locals", Locals},
      {"vars", Vars},
      {"dir", Dir},
      {"exec", ExecFn},
      {"eval", EvalFn},
      {"compile", CompileFn},
      {"input", Input},
      {"__import__", ImportFn},
  };
  for (const Entry& e : fns) AddFunction(d, e.name, e.fn);
  d->SetStr(Intern("__build_class__"), BuildClassFunction());
  for (IteratorClass& c : g_iterator_classes) {
    c.type = new TypeObject(g_types.type, c.name, Layout::kIterator);
    c.type->SetBases({g_types.object});
    c.type->set_new_fn(IteratorClassNew);
    AddIteratorMethods(c.type, std::string(c.name) == "reversed");
    if (c.make == Count) AddMethod(c.type, "__repr__", CountRepr);
    if (std::string_view(c.module) != "builtins") {
      c.type->set_module_name(c.module);
      continue;
    }
    d->SetStr(Intern(c.name), Value::FromObject(c.type));
  }
  struct TypeEntry {
    const char* name;
    TypeObject* type;
  };
  const TypeEntry types[] = {
      {"object", g_types.object},
      {"type", g_types.type},
      {"int", g_types.int_},
      {"bool", g_types.bool_},
      {"float", g_types.float_},
      {"str", g_types.str},
      {"bytes", g_types.bytes},
      {"tuple", g_types.tuple},
      {"list", g_types.list},
      {"dict", g_types.dict},
      {"set", g_types.set},
      {"frozenset", g_types.frozenset},
      {"range", g_types.range},
      {"slice", g_types.slice},
      {"property", g_types.property},
      {"classmethod", g_types.classmethod},
      {"staticmethod", g_types.staticmethod},
      {"super", g_types.super},
  };
  for (const TypeEntry& t : types)
    d->SetStr(Intern(t.name), Value::FromObject(t.type));
  TypeObject* const* excs = reinterpret_cast<TypeObject* const*>(&g_exc);
  for (size_t i = 0; i < sizeof(ExceptionTypes) / sizeof(TypeObject*); ++i) {
    if (excs[i] == nullptr) continue;
    d->SetStr(Intern(excs[i]->name().c_str()), Value::FromObject(excs[i]));
  }
  d->SetStr(Intern("EnvironmentError"), Value::FromObject(g_exc.OSError));
  d->SetStr(Intern("IOError"), Value::FromObject(g_exc.OSError));
  d->SetStr(Intern("bytearray"), ByteArrayType());
  d->SetStr(Intern("complex"), ComplexType());
  d->SetStr(Intern("None"), Value::None());
  d->SetStr(Intern("True"), Value::Bool(true));
  d->SetStr(Intern("False"), Value::Bool(false));
  d->SetStr(Intern("Ellipsis"), Ellipsis());
  d->SetStr(Intern("NotImplemented"), NotImplemented());
  d->SetStr(Intern("__debug__"), Value::Bool(true));
  d->SetStr(Intern("__name__"), StrObject::New("builtins"));
}

void RegisterItertoolsNativeModule() {
  RegisterNativeModule("_itertools", InitItertoolsNative);
}

}  // namespace minidynamo
