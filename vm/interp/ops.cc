// The object protocol (see ops.h): special-method dispatch for operators,
// conversions, containers, iteration and calls.

#include "vm/interp/ops.h"

#include <iterator>
#include <new>

#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/eval.h"
#include "vm/interp/frame.h"
#include "vm/interp/generator.h"
#include "vm/objects/bytes_internal.h"
#include "vm/objects/container_api.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/function.h"
#include "vm/objects/iterator.h"
#include "vm/objects/list.h"
#include "vm/objects/method_util.h"
#include "vm/objects/number.h"
#include "vm/objects/set.h"
#include "vm/objects/set_internal.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

struct BinOpNames {
  const char* op;
  const char* rop;
  const char* iop;
};

constexpr BinOpNames kBinOpNames[] = {
    {"__add__", "__radd__", "__iadd__"},
    {"__and__", "__rand__", "__iand__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"},
    {"__mul__", "__rmul__", "__imul__"},
    {"__mod__", "__rmod__", "__imod__"},
    {"__or__", "__ror__", "__ior__"},
    {"__pow__", "__rpow__", "__ipow__"},
    {"__rshift__", "__rrshift__", "__irshift__"},
    {"__sub__", "__rsub__", "__isub__"},
    {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__xor__", "__rxor__", "__ixor__"},
};

constexpr const char* kCompareNames[] = {"__lt__", "__le__", "__eq__",
                                         "__ne__", "__gt__", "__ge__"};
constexpr CompareOp kSwapped[] = {CompareOp::kGt, CompareOp::kGe,
                                  CompareOp::kEq, CompareOp::kNe,
                                  CompareOp::kLt, CompareOp::kLe};

// The names above, interned once (interning hashes the C string each time).
struct BinOpStrs {
  StrObject* op = nullptr;
  StrObject* rop = nullptr;
  StrObject* iop = nullptr;
};
const BinOpStrs& BinOpStrsFor(int base) {
  static BinOpStrs table[std::size(kBinOpNames)];
  BinOpStrs& t = table[base];
  if (t.op == nullptr) {
    t.op = StrObject::Intern(kBinOpNames[base].op);
    t.rop = StrObject::Intern(kBinOpNames[base].rop);
    t.iop = StrObject::Intern(kBinOpNames[base].iop);
  }
  return t;
}
// An operator's parts: whether it is the in-place form, its plain form and
// the special-method names.
struct BinOpParts {
  int raw;
  bool inplace;
  int base;
  const BinOpStrs* names;
};
BinOpParts PartsOf(BinOp op) {
  int raw = static_cast<int>(op);
  bool inplace = raw >= kInplaceOffset;
  int base = inplace ? raw - kInplaceOffset : raw;
  return BinOpParts{raw, inplace, base, &BinOpStrsFor(base)};
}

StrObject* CompareName(int op) {
  static StrObject* table[std::size(kCompareNames)];
  if (table[op] == nullptr) table[op] = StrObject::Intern(kCompareNames[op]);
  return table[op];
}

bool IsNotImplemented(const Value& v) { return v.Is(NotImplemented()); }

// A receiver followed by the arguments, in a buffer on the stack for up to
// kSmall - 1 arguments (special methods, bound methods and bound natives call
// with these).
template <size_t kSmall>
class SelfAndArgs {
 public:
  SelfAndArgs(const Value& self, const Value* args, size_t nargs) {
    if (nargs + 1 > kSmall) {
      big_.resize(nargs + 1);
      data_ = big_.data();
    }
    data_[0] = self;
    for (size_t i = 0; i < nargs; ++i) data_[i + 1] = args[i];
  }
  SelfAndArgs(const SelfAndArgs&) = delete;  // data_ may point into small_
  SelfAndArgs& operator=(const SelfAndArgs&) = delete;
  Value* data() { return data_; }

 private:
  Value small_[kSmall];
  std::vector<Value> big_;
  Value* data_ = small_;
};

// Calls a special method looked up on the type; null with no exception if
// absent.
Value CallSpecialWith(const Value& obj, const Value& method, Value* args,
                      size_t nargs) {
  // A function (or builtin method) takes obj first; anything else binds
  // itself (CallSpecialMethod).
  if (!IsFunctionLike(method))
    return CallSpecialMethod(obj, method, args, nargs);
  SelfAndArgs<4> full(obj, args, nargs);  // special methods take <= 3
  return Call(method, full.data(), nargs + 1);
}

bool NumericFast(const Value& v) {
  if (!v.is_object()) return v.is_int() || v.is_float() || v.is_bool();
  TypeObject* t = v.as_object()->type();
  return t == g_types.int_;
}

}  // namespace

StrObject* Intern(const char* s) { return StrObject::Intern(s); }

TypeObject* ScalarTypeOf(const Value& v) {
  switch (v.tag()) {
    case Value::Tag::kNone:
      return g_types.none;
    case Value::Tag::kBool:
      return g_types.bool_;
    case Value::Tag::kInt:
      return g_types.int_;
    case Value::Tag::kFloat:
      return g_types.float_;
    case Value::Tag::kObject:
      return v.as_object()->type();
    case Value::Tag::kNull:
      break;
  }
  return g_types.none;
}

bool IsInstance(const Value& v, TypeObject* type) {
  return TypeOf(v)->IsSubtypeOf(type);
}

Value CallSpecial(const Value& obj, StrObject* name, Value* args,
                  size_t nargs) {
  Value method = TypeOf(obj)->Lookup(name);
  if (method.is_null()) return Value();
  return CallSpecialWith(obj, method, args, nargs);
}

Value CallMethod(const Value& obj, const char* name, Value* args,
                 size_t nargs) {
  Value m = GetAttr(obj, Intern(name));
  if (m.is_null()) return Value();
  return Call(m, args, nargs);
}

namespace {
[[gnu::cold, gnu::noinline]] void RaiseRecursionError(const char* where) {
  Raise(g_exc.RecursionError,
        std::string("maximum recursion depth exceeded") + where);
}

// Counts a C++-recursive protocol call (repr of nested containers, comparison
// of nested lists) against the recursion limit, as CPython's
// Py_EnterRecursiveCall.
class RecursionScope {
 public:
  explicit RecursionScope(const char* where) : ts_(ThreadState::Get()) {
    if (++ts_->depth > ts_->recursion_limit) {
      RaiseRecursionError(where);
      failed_ = true;
    }
  }
  ~RecursionScope() { --ts_->depth; }
  bool failed() const { return failed_; }

 private:
  ThreadState* ts_;
  bool failed_ = false;
};
}  // namespace

namespace {
// str() and repr() of the unboxed scalars (int, bool and float are
// immutable types: their __repr__ and __str__ are fixed), or null.
Value ScalarText(const Value& v) {
  if (v.is_int()) return StrObject::New(absl::StrCat(v.as_int()));
  if (v.is_bool()) {
    static StrObject* const kTrue = Intern("True");
    static StrObject* const kFalse = Intern("False");
    return Value::FromObject(v.as_bool() ? kTrue : kFalse);
  }
  if (v.is_float()) return StrObject::New(FloatToString(v.as_float()));
  return Value();
}
}  // namespace

Value Repr(const Value& v) {
  if (!v.is_object()) {
    if (Value text = ScalarText(v); !text.is_null()) return text;
  }
  RecursionScope scope(" while getting the repr of an object");
  if (scope.failed()) return Value();
  static StrObject* repr = Intern("__repr__");
  Value r = CallSpecial(v, repr, nullptr, 0);
  if (r.is_null()) {
    if (ErrorOccurred()) return Value();
    return StrObject::New(absl::StrCat("<", TypeName(v), " object>"));
  }
  if (!IsInstance(r, g_types.str)) {
    return RaiseF(g_exc.TypeError, "__repr__ returned non-string (type %s)",
                  TypeName(r));
  }
  return r;
}

Value Str(const Value& v) {
  if (v.is_object()) {
    if (v.as_object()->type() == g_types.str) return v;
  } else if (Value text = ScalarText(v); !text.is_null()) {
    return text;
  }
  static StrObject* str = Intern("__str__");
  Value r = CallSpecial(v, str, nullptr, 0);
  if (r.is_null()) {
    if (ErrorOccurred()) return Value();
    return Repr(v);
  }
  if (!IsInstance(r, g_types.str)) {
    return RaiseF(g_exc.TypeError, "__str__ returned non-string (type %s)",
                  TypeName(r));
  }
  return r;
}

std::string ReprString(const Value& v) {
  Value r = Repr(v);
  if (r.is_null()) return std::string();
  return As<StrObject>(r)->str();
}

namespace {

// For an instance of a subclass of list, tuple or dict whose type keeps the
// base's __len__ (`len_attr`, what the type's MRO holds): the size that
// __len__ would return, without the call. -1 for anything else.
int64_t InheritedLength(const Value& v, const Value& len_attr) {
  static StrObject* lenname = Intern("__len__");
  static const Value list_len = g_types.list->dict()->GetStr(lenname);
  static const Value tuple_len = g_types.tuple->dict()->GetStr(lenname);
  static const Value dict_len = g_types.dict->dict()->GetStr(lenname);
  if (!len_attr.is_object()) return -1;
  Layout layout = TypeOf(v)->layout();
  if (len_attr.Is(list_len) && layout == Layout::kList) {
    return static_cast<int64_t>(As<ListObject>(v)->size());
  }
  if (len_attr.Is(tuple_len) && layout == Layout::kTuple) {
    return static_cast<int64_t>(As<TupleObject>(v)->size());
  }
  if (len_attr.Is(dict_len) && layout == Layout::kDict) {
    return static_cast<int64_t>(As<DictObject>(v)->size());
  }
  return -1;
}

}  // namespace

int IsTrue(const Value& v) {
  switch (v.tag()) {
    case Value::Tag::kBool:
    case Value::Tag::kInt:
      return v.as_int() != 0;
    case Value::Tag::kNone:
      return 0;
    case Value::Tag::kFloat:
      return v.as_float() != 0.0;
    default:
      break;
  }
  TypeObject* t = v.as_object()->type();
  if (t == g_types.int_) return !As<IntObject>(v)->value.IsZero();
  if (t == g_types.str) return As<StrObject>(v)->length() != 0;
  if (t == g_types.list) return As<ListObject>(v)->size() != 0;
  if (t == g_types.tuple) return As<TupleObject>(v)->size() != 0;
  if (t == g_types.dict) return As<DictObject>(v)->size() != 0;
  static StrObject* boolname = Intern("__bool__");
  static StrObject* lenname = Intern("__len__");
  Value r = CallSpecial(v, boolname, nullptr, 0);
  if (!r.is_null()) {
    if (!r.is_bool()) {
      RaiseF(g_exc.TypeError, "__bool__ should return bool, returned %s",
             TypeName(r));
      return -1;
    }
    return r.as_bool();
  }
  if (ErrorOccurred()) return -1;
  Value len_attr = t->Lookup(lenname);
  int64_t inherited = InheritedLength(v, len_attr);
  if (inherited >= 0) return inherited != 0;
  r = len_attr.is_null() ? Value() : CallSpecialWith(v, len_attr, nullptr, 0);
  if (!r.is_null()) {
    int64_t n;
    if (!AsIndex(r, &n)) return -1;
    if (n < 0) {
      Raise(g_exc.ValueError, "__len__() should return >= 0");
      return -1;
    }
    return n != 0;
  }
  if (ErrorOccurred()) return -1;
  return 1;
}

namespace {

// Hash's general case, out of line so that the common cases above need no
// frame of their own: the type's __hash__, whose result may be a big int.
[[gnu::noinline]] bool HashByMethod(const Value& v, TypeObject* t,
                                    int64_t* out) {
  static StrObject* hashname = Intern("__hash__");
  Value method = t->Lookup(hashname);
  if (method.is_null() || method.is_none()) {
    RaiseF(g_exc.TypeError, "unhashable type: '%s'", t->name());
    return false;
  }
  Value r = CallSpecialWith(v, method, nullptr, 0);
  if (r.is_null()) return false;
  if (r.is_int() || r.is_bool()) {
    *out = r.as_int() == -1 ? -2 : r.as_int();
    return true;
  }
  if (IsIntValue(r)) {
    *out = ToBigInt(r).Hash();
    return true;
  }
  Raise(g_exc.TypeError, "__hash__ method should return an integer");
  return false;
}

}  // namespace

bool Hash(const Value& v, int64_t* out) {
  switch (v.tag()) {
    case Value::Tag::kBool:
    case Value::Tag::kInt:
      *out = HashInt64(v.as_int());
      return true;
    case Value::Tag::kFloat:
      *out = HashDouble(v.as_float());
      return true;
    case Value::Tag::kNone:
      *out = 0x5f3759df;
      return true;
    default:
      break;
  }
  TypeObject* t = v.as_object()->type();
  if (t == g_types.str) {
    *out = As<StrObject>(v)->hash();
    return true;
  }
  if (t == g_types.int_) {
    *out = As<IntObject>(v)->value.Hash();
    return true;
  }
  return HashByMethod(v, t, out);
}

int64_t ExactLength(const Value& v) {
  if (!v.is_object()) return -1;
  TypeObject* t = v.as_object()->type();
  if (t == g_types.list) return static_cast<int64_t>(As<ListObject>(v)->size());
  if (t == g_types.tuple) {
    return static_cast<int64_t>(As<TupleObject>(v)->size());
  }
  if (t == g_types.str) return As<StrObject>(v)->length();
  if (t == g_types.dict) return static_cast<int64_t>(As<DictObject>(v)->size());
  if (t == g_types.set || t == g_types.frozenset) {
    return static_cast<int64_t>(As<SetObject>(v)->size());
  }
  return -1;
}

int64_t Length(const Value& v) {
  int64_t exact = ExactLength(v);
  if (exact >= 0) return exact;
  static StrObject* lenname = Intern("__len__");
  Value m = TypeOf(v)->Lookup(lenname);
  int64_t inherited = InheritedLength(v, m);
  if (inherited >= 0) return inherited;
  Value r = m.is_null() ? Value() : CallSpecialWith(v, m, nullptr, 0);
  if (r.is_null()) {
    if (!ErrorOccurred()) {
      RaiseF(g_exc.TypeError, "object of type '%s' has no len()", TypeName(v));
    }
    return -1;
  }
  int64_t n;
  if (!IsIntValue(r)) {
    RaiseF(g_exc.TypeError, "'%s' object cannot be interpreted as an integer",
           TypeName(r));
    return -1;
  }
  if (!AsIndex(r, &n)) return -1;
  if (n < 0) {
    Raise(g_exc.ValueError, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

namespace {
// An int's value as int64; the error names `orig`'s type, as
// PyNumber_AsSsize_t names the object that __index__ was called on.
bool IntToIndex(const Value& v, const Value& orig, int64_t* out) {
  if (v.is_int() || v.is_bool()) {
    *out = v.as_int();
    return true;
  }
  BigInt b = ToBigInt(v);
  if (!b.FitsInt64()) {
    RaiseF(g_exc.IndexError, "cannot fit '%s' into an index-sized integer",
           TypeName(orig));
    return false;
  }
  *out = b.ToInt64();
  return true;
}
}  // namespace

bool AsIndex(const Value& v, int64_t* out) {
  if (v.is_int() || v.is_bool()) {
    *out = v.as_int();
    return true;
  }
  Value r = IndexValue(v);
  if (r.is_null()) return false;
  return IntToIndex(r, v, out);
}

Value RichCompare(const Value& a, const Value& b, CompareOp op) {
  // == and != between instances of classes that keep object's __eq__ and
  // __ne__: both answer NotImplemented unless the operands are one object,
  // so the result is the identity test the fallback makes.
  if ((op == CompareOp::kEq || op == CompareOp::kNe) && a.is_object() &&
      b.is_object() && a.as_object()->type()->has_default_eq() &&
      b.as_object()->type()->has_default_eq()) {
    return Value::Bool(a.Is(b) == (op == CompareOp::kEq));
  }
  RecursionScope scope(" in comparison");
  if (scope.failed()) return Value();
  if (NumericFast(a) && NumericFast(b)) {
    Value r = NumberCompare(a, b, op);
    if (!IsNotImplemented(r)) return r;
  }
  TypeObject* ta = TypeOf(a);
  TypeObject* tb = TypeOf(b);
  int iop = static_cast<int>(op);
  StrObject* name = CompareName(iop);
  StrObject* swapped = CompareName(static_cast<int>(kSwapped[iop]));
  bool checked_reverse = false;
  if (ta != tb && tb->IsSubtypeOf(ta)) {
    Value m = tb->Lookup(swapped);
    if (!m.is_null()) {
      checked_reverse = true;
      Value arg = a;
      Value r = CallSpecialWith(b, m, &arg, 1);
      if (r.is_null() || !IsNotImplemented(r)) return r;
    }
  }
  Value m = ta->Lookup(name);
  if (!m.is_null()) {
    Value arg = b;
    Value r = CallSpecialWith(a, m, &arg, 1);
    if (r.is_null() || !IsNotImplemented(r)) return r;
  }
  if (!checked_reverse) {
    Value m2 = tb->Lookup(swapped);
    if (!m2.is_null()) {
      Value arg = a;
      Value r = CallSpecialWith(b, m2, &arg, 1);
      if (r.is_null() || !IsNotImplemented(r)) return r;
    }
  }
  // Identity is the fallback for == and !=.
  if (op == CompareOp::kEq) return Value::Bool(a.Is(b));
  if (op == CompareOp::kNe) return Value::Bool(!a.Is(b));
  return RaiseF(g_exc.TypeError,
                "'%s' not supported between instances of '%s' and '%s'",
                CompareOpSymbol(iop), ta->name(), tb->name());
}

int RichCompareBool(const Value& a, const Value& b, CompareOp op) {
  // Identity implies equality in containers, as in CPython (`x in [x]` for a
  // NaN x). Inline floats are "identical" when their bits are: float('nan')
  // gives each NaN its own payload so distinct NaN objects stay distinct.
  if (a.Is(b)) {
    if (op == CompareOp::kEq) return 1;
    if (op == CompareOp::kNe) return 0;
  }
  if (a.is_int() && b.is_int()) {
    Value r = NumberCompare(a, b, op);
    return r.as_bool();
  }
  if (op == CompareOp::kEq && a.is_object() && b.is_object() &&
      a.as_object()->type() == g_types.str &&
      b.as_object()->type() == g_types.str) {
    return As<StrObject>(a)->Equals(As<StrObject>(b));
  }
  Value r = RichCompare(a, b, op);
  if (r.is_null()) return -1;
  return IsTrue(r);
}

namespace {

Value CallNative(ThreadState* ts, NativeFn fn, Value* args, size_t nargs,
                 TupleObject* kwnames);

// The native function behind a builtin type's method `name`: fixed, since
// builtin types' attributes cannot be reassigned.
NativeFn BuiltinMethodFn(TypeObject* type, const char* name) {
  return As<NativeFunction>(type->dict()->GetStr(Intern(name)))->fn();
}

// self.method(arg) for a builtin type's native method, without looking it up
// or going through Call: the fast paths below for exact builtin types.
Value CallBuiltinMethod(NativeFn fn, const Value& self, const Value& arg) {
  Value args[2] = {self, arg};
  return CallNative(ThreadState::Get(), fn, args, 2, nullptr);
}

}  // namespace

static Value BinaryOpReflected(const Value& a, const Value& b, BinOp op,
                               Value rm, bool rm_known);

bool AddScalars(Value* total, const Value& x) {
  if (total->is_int() && x.is_int()) {
    int64_t r;
    if (__builtin_add_overflow(total->as_int(), x.as_int(), &r)) return false;
    *total = Value::Int(r);
    return true;
  }
  if (total->is_float() && x.is_float()) {
    *total = Value::Float(total->as_float() + x.as_float());
    return true;
  }
  return false;
}

Value BinaryOp(const Value& a, const Value& b, BinOp op) {
  if (NumericFast(a) && NumericFast(b)) {
    Value r = NumberBinaryOp(a, b, op);
    if (r.is_null() || !IsNotImplemented(r)) return r;
  }
  // `+` (or `+=`: neither has __iadd__) of two exact tuples or strs: their
  // __add__ without the lookup and the call.
  if ((op == BinOp::kAdd || op == BinOp::kInplaceAdd) && a.is_object() &&
      b.is_object()) {
    TypeObject* type = a.as_object()->type();
    if (type == b.as_object()->type()) {
      if (type == g_types.tuple) return TupleConcat(a, b);
      if (type == g_types.str) return StrConcat(a, b);
    }
  }
  // An exact str's % (str.__mod__: PyUnicode_Format) without the lookup and
  // the call, unless the right operand is a str subclass, whose __rmod__
  // may come first.
  if (op == BinOp::kRemainder && IsObjectOf(a, g_types.str) &&
      (!b.is_object() || b.as_object()->type() == g_types.tuple ||
       !TypeOf(b)->IsSubtypeOf(g_types.str))) {
    return StrPercentFormat(a, b);
  }
  const auto [raw, inplace, base, names_ptr] = PartsOf(op);
  const BinOpStrs& names = *names_ptr;
  TypeObject* ta = TypeOf(a);
  TypeObject* tb = TypeOf(b);
  if (inplace) {
    Value m = ta->Lookup(names.iop);
    if (!m.is_null()) {
      Value arg = b;
      Value r = CallSpecialWith(a, m, &arg, 1);
      if (r.is_null() || !IsNotImplemented(r)) return r;
    }
  }
  Value lm = ta->Lookup(names.op);
  // The right operand's reflected method is looked up first only when its
  // type is a subclass of the left's (it may then run first); otherwise only
  // once the left's method is missing or answered NotImplemented.
  Value rm;
  bool rm_known = ta == tb;
  if (!rm_known && tb->IsSubtypeOf(ta)) {
    rm = tb->Lookup(names.rop);
    rm_known = true;
    // A subclass's reflected method runs first when it overrides the parent's.
    if (!rm.is_null() && !rm.Is(ta->Lookup(names.rop))) {
      Value arg = a;
      Value r = CallSpecialWith(b, rm, &arg, 1);
      if (r.is_null() || !IsNotImplemented(r)) return r;
      rm = Value();
    }
  }
  if (!lm.is_null()) {
    Value arg = b;
    Value r = CallSpecialWith(a, lm, &arg, 1);
    if (r.is_null() || !IsNotImplemented(r)) return r;
  }
  return BinaryOpReflected(a, b, op, std::move(rm), rm_known);
}

// BinaryOp after the left operand's method (if any) did not answer: the
// right operand's reflected method `rm` (looked up here unless `rm_known`),
// then CPython's error messages.
static Value BinaryOpReflected(const Value& a, const Value& b, BinOp op,
                               Value rm, bool rm_known) {
  const auto [raw, inplace, base, names_ptr] = PartsOf(op);
  const BinOpStrs& names = *names_ptr;
  TypeObject* ta = TypeOf(a);
  TypeObject* tb = TypeOf(b);
  if (!rm_known) rm = tb->Lookup(names.rop);
  if (!rm.is_null()) {
    Value arg = a;
    Value r = CallSpecialWith(b, rm, &arg, 1);
    if (r.is_null() || !IsNotImplemented(r)) return r;
  }
  // CPython's special messages for sequence concatenation.
  if (base == static_cast<int>(BinOp::kAdd) && ta == g_types.str) {
    return RaiseF(g_exc.TypeError,
                  "can only concatenate str (not \"%s\") to str", tb->name());
  }
  if (base == static_cast<int>(BinOp::kAdd) && ta == g_types.list) {
    return RaiseF(g_exc.TypeError,
                  "can only concatenate list (not \"%s\") to list", tb->name());
  }
  if (base == static_cast<int>(BinOp::kAdd) && ta == g_types.tuple) {
    return RaiseF(g_exc.TypeError,
                  "can only concatenate tuple (not \"%s\") to tuple",
                  tb->name());
  }
  // Types with CPython's sq_repeat (subclasses too); the left one repeats.
  auto repeats = [](TypeObject* t) {
    return t->IsSubtypeOf(g_types.str) || t->IsSubtypeOf(g_types.list) ||
           t->IsSubtypeOf(g_types.tuple) || t->IsSubtypeOf(g_types.bytes) ||
           t->IsSubtypeOf(ByteArrayTypeObject());
  };
  if (base == static_cast<int>(BinOp::kMultiply) &&
      (repeats(ta) || repeats(tb))) {
    return RaiseF(g_exc.TypeError,
                  "can't multiply sequence by non-int of type '%s'",
                  TypeName(repeats(ta) ? b : a));
  }
  if (base == static_cast<int>(BinOp::kPower)) {
    return RaiseF(g_exc.TypeError,
                  "unsupported operand type(s) for %s: '%s' and '%s'",
                  inplace ? "**=" : "** or pow()", ta->name(), tb->name());
  }
  return RaiseF(g_exc.TypeError,
                "unsupported operand type(s) for %s: '%s' and '%s'",
                BinOpSymbol(raw), ta->name(), tb->name());
}

FunctionObject* BinaryOpLeftFunction(const Value& a, const Value& b, BinOp op) {
  if (!a.is_object()) return nullptr;
  TypeObject* ta = a.as_object()->type();
  // Builtin types and their subclasses (whose operators are mostly the
  // builtin's natives) go to BinaryOp without a lookup here first.
  if (!ta->is_heap_type() || ta->layout() != Layout::kObject) return nullptr;
  TypeObject* tb = TypeOf(b);
  // A subclass on the right may have its reflected method run first.
  if (ta != tb && tb->IsSubtypeOf(ta)) return nullptr;
  BinOpParts parts = PartsOf(op);
  if (parts.inplace && !ta->Lookup(parts.names->iop).is_null()) return nullptr;
  Value lm = ta->Lookup(parts.names->op);
  if (!lm.is_object() || lm.as_object()->type() != g_types.function) {
    return nullptr;
  }
  auto* fn = As<FunctionObject>(lm);
  return fn->code()->BindsExactly(2) ? fn : nullptr;
}

Value BinaryOpAfterLeft(const Value& a, const Value& b, BinOp op) {
  return BinaryOpReflected(a, b, op, Value(), TypeOf(a) == TypeOf(b));
}

namespace {
Value UnaryOp(const Value& v, StrObject* name, const char* symbol) {
  Value r = CallSpecial(v, name, nullptr, 0);
  if (r.is_null() && !ErrorOccurred()) {
    return RaiseF(g_exc.TypeError, "bad operand type for unary %s: '%s'",
                  symbol, TypeName(v));
  }
  return r;
}
}  // namespace

Value Negative(const Value& v) {
  if (NumericFast(v)) return NumberNegative(v);
  static StrObject* name = Intern("__neg__");
  return UnaryOp(v, name, "-");
}

Value Positive(const Value& v) {
  if (NumericFast(v)) return v.is_bool() ? Value::Int(v.as_int()) : v;
  static StrObject* name = Intern("__pos__");
  return UnaryOp(v, name, "+");
}

Value Invert(const Value& v) {
  if (v.is_int() || v.is_bool()) return Value::Int(~v.as_int());
  static StrObject* name = Intern("__invert__");
  return UnaryOp(v, name, "~");
}

Value GetItem(const Value& obj, const Value& key) {
  // Exact tuples, lists and dicts answer without looking up and calling
  // their __getitem__: an index here, else (slices, errors) their native
  // __getitem__ called directly.
  if (obj.is_object()) {
    TypeObject* t = obj.as_object()->type();
    if ((t == g_types.list || t == g_types.tuple) &&
        IsExactType(key, g_types.slice)) {
      // Slices of exact lists and tuples without the native call.
      try {
        if (t == g_types.tuple) return TupleGetSlice(obj, As<SliceObject>(key));
        return ListGetSlice(As<ListObject>(obj), As<SliceObject>(key));
      } catch (const std::bad_alloc&) {
        return Raise(g_exc.MemoryError, "");
      }
    }
    if (t == g_types.tuple || t == g_types.list) {
      if (t == g_types.tuple && key.is_int()) {
        TupleObject* tuple = As<TupleObject>(obj);
        int64_t n = static_cast<int64_t>(tuple->size());
        int64_t i = key.as_int();
        if (i < 0) i += n;
        if (i >= 0 && i < n) return tuple->get(i);
      }
      static const NativeFn tuple_getitem =
          BuiltinMethodFn(g_types.tuple, "__getitem__");
      static const NativeFn list_getitem =
          BuiltinMethodFn(g_types.list, "__getitem__");
      return CallBuiltinMethod(
          t == g_types.tuple ? tuple_getitem : list_getitem, obj, key);
    }
    if (t == g_types.dict) {
      Value v = As<DictObject>(obj)->Get(key);
      if (!v.is_null() || ErrorOccurred()) return v;
      return RaiseKeyError(key);
    }
  }
  static StrObject* getitem = Intern("__getitem__");
  Value r = CallSpecial(obj, getitem, const_cast<Value*>(&key), 1);
  if (r.is_null() && !ErrorOccurred()) {
    if (obj.is_object() && obj.as_object()->type()->IsSubtypeOf(g_types.type)) {
      static StrObject* cgi = Intern("__class_getitem__");
      Value m = GetAttrOptional(obj, cgi);
      if (!m.is_null()) return CallOneArg(m, key);
      if (ErrorOccurred()) return Value();
      return RaiseF(g_exc.TypeError, "type '%s' is not subscriptable",
                    As<TypeObject>(obj)->name());
    }
    return RaiseF(g_exc.TypeError, "'%s' object is not subscriptable",
                  TypeName(obj));
  }
  return r;
}

bool SetItem(const Value& obj, const Value& key, Value value) {
  // Exact lists (slices, fannkuch's reversals) and dicts without looking up
  // and calling their __setitem__.
  if (obj.is_object()) {
    TypeObject* t = obj.as_object()->type();
    if (t == g_types.list && IsExactType(key, g_types.slice)) {
      // `value` owns its reference: a temporary list's items can be taken.
      return ListAssignSlice(As<ListObject>(obj), obj, As<SliceObject>(key),
                             value);
    }
    if (t == g_types.list) {
      static const NativeFn list_setitem =
          BuiltinMethodFn(g_types.list, "__setitem__");
      Value args[3] = {obj, key, std::move(value)};
      return !CallNative(ThreadState::Get(), list_setitem, args, 3, nullptr)
                  .is_null();
    }
    if (t == g_types.dict) {
      return As<DictObject>(obj)->Set(key, std::move(value));
    }
  }
  static StrObject* setitem = Intern("__setitem__");
  Value args[2] = {key, std::move(value)};
  Value r = CallSpecial(obj, setitem, args, 2);
  if (r.is_null() && !ErrorOccurred()) {
    RaiseF(g_exc.TypeError, "'%s' object does not support item assignment",
           TypeName(obj));
  }
  return !r.is_null();
}

bool DelItem(const Value& obj, const Value& key) {
  static StrObject* delitem = Intern("__delitem__");
  Value r = CallSpecial(obj, delitem, const_cast<Value*>(&key), 1);
  if (r.is_null() && !ErrorOccurred()) {
    RaiseF(g_exc.TypeError, "'%s' object doesn't support item deletion",
           TypeName(obj));
  }
  return !r.is_null();
}

int Contains(const Value& container, const Value& item) {
  // Exact sets, frozensets and dicts answer without the __contains__ lookup
  // and call (container_api.h's SetContainsKey is set.__contains__).
  if (container.is_object()) {
    TypeObject* t = container.as_object()->type();
    if (t == g_types.set || t == g_types.frozenset) {
      // An int or str key goes straight to the table: SetContainsKey's
      // retry only matters for set keys (looked up as frozensets).
      if (item.is_int()) {
        auto* s = As<SetObject>(container);
        const int64_t hash = HashInt64(item.as_int());
        int r = SetAccess::ContainsInFirstGroup(s, item, hash);
        return r != -2 ? r : SetAccess::ContainsEntry(s, item, hash);
      }
      if (IsExactType(item, g_types.str)) {
        return As<SetObject>(container)->Contains(item);
      }
      return SetContainsKey(As<SetObject>(container), item);
    }
    if (t == g_types.dict) {
      bool found;
      if (!As<DictObject>(container)->Contains(item, &found)) return -1;
      return found ? 1 : 0;
    }
    // An int in an exact list or tuple of ints (and bools): compared in
    // place. Any other element could have an __eq__ of its own: the
    // list's own __contains__ then answers (the int comparisons it repeats
    // have no effects).
    if ((t == g_types.list || t == g_types.tuple) && item.is_int()) {
      const Value* v;
      size_t n;
      if (t == g_types.list) {
        v = As<ListObject>(container)->items().data();
        n = As<ListObject>(container)->size();
      } else {
        v = As<TupleObject>(container)->data();
        n = As<TupleObject>(container)->size();
      }
      const int64_t x = item.as_int();
      size_t i = 0;
      for (; i < n && (v[i].is_int() || v[i].is_bool()); ++i) {
        if (v[i].as_int() == x) return 1;
      }
      if (i == n) return 0;
    }
  }
  static StrObject* contains = Intern("__contains__");
  Value r = CallSpecial(container, contains, const_cast<Value*>(&item), 1);
  if (!r.is_null()) return IsTrue(r);
  if (ErrorOccurred()) return -1;
  // Fall back to iteration.
  Value it = GetIter(container);
  if (it.is_null()) {
    ClearError();
    RaiseF(g_exc.TypeError, "argument of type '%s' is not iterable",
           TypeName(container));
    return -1;
  }
  while (true) {
    Value x = IterNext(it);
    if (x.is_null()) return ErrorOccurred() ? -1 : 0;
    int eq = Equals(x, item);
    if (eq != 0) return eq;
  }
}

Value GetIter(const Value& v) {
  static StrObject* iter = Intern("__iter__");
  static StrObject* getitem = Intern("__getitem__");
  TypeObject* t = TypeOf(v);
  // Exact lists and tuples: their __iter__ without the lookup and call.
  if (t == g_types.list) return NewIterator(IteratorObject::Kind::kList, v);
  if (t == g_types.tuple) return NewIterator(IteratorObject::Kind::kTuple, v);
  // Generators and the builtin iterators are their own iterators; ranges,
  // sets and dicts call their native __iter__ directly.
  if (t == g_types.generator ||
      (t->layout() == Layout::kIterator && !t->is_heap_type())) {
    return v;
  }
  if (t == g_types.range || t == g_types.set || t == g_types.dict) {
    static const NativeFn range_iter =
        BuiltinMethodFn(g_types.range, "__iter__");
    static const NativeFn set_iter = BuiltinMethodFn(g_types.set, "__iter__");
    static const NativeFn dict_iter = BuiltinMethodFn(g_types.dict, "__iter__");
    Value self = v;
    NativeFn fn = t == g_types.range ? range_iter
                  : t == g_types.set ? set_iter
                                     : dict_iter;
    return CallNative(ThreadState::Get(), fn, &self, 1, nullptr);
  }
  Value m = t->Lookup(iter);
  // A subclass of list or tuple that keeps the base's __iter__: the
  // iterator that __iter__ makes, without the call.
  static const Value list_iter = g_types.list->dict()->GetStr(iter);
  static const Value tuple_iter = g_types.tuple->dict()->GetStr(iter);
  if (m.Is(list_iter) && t->layout() == Layout::kList) {
    return NewIterator(IteratorObject::Kind::kList, v);
  }
  if (m.Is(tuple_iter) && t->layout() == Layout::kTuple) {
    return NewIterator(IteratorObject::Kind::kTuple, v);
  }
  if (!m.is_null() && !m.is_none()) {
    Value r = CallSpecialWith(v, m, nullptr, 0);
    if (r.is_null()) return r;
    static StrObject* next = Intern("__next__");
    if (TypeOf(r)->Lookup(next).is_null()) {
      return RaiseF(g_exc.TypeError,
                    "iter() returned non-iterator of type '%s'", TypeName(r));
    }
    return r;
  }
  if (!t->Lookup(getitem).is_null() && m.is_null()) {
    return NewSequenceIterator(v);
  }
  return RaiseF(g_exc.TypeError, "'%s' object is not iterable", t->name());
}

Value IterNext(const Value& iter) {
  Value r = FastIterNext(iter);
  if (!r.is_null() || ErrorOccurred()) return r;
  if (IsBuiltinIterator(iter)) return Value();  // Exhausted.
  if (iter.is_object() && iter.as_object()->type() == g_types.generator) {
    // Straight to the frame: no __next__ lookup and call, and a finished
    // generator ends the loop without a StopIteration object.
    Value returned;
    return GeneratorSend(As<GeneratorObject>(iter), Value::None(), &returned);
  }
  static StrObject* next = Intern("__next__");
  r = CallSpecial(iter, next, nullptr, 0);
  if (r.is_null()) {
    if (!ErrorOccurred()) {
      return RaiseF(g_exc.TypeError, "'%s' object is not an iterator",
                    TypeName(iter));
    }
    if (ErrorMatches(g_exc.StopIteration)) ClearError();
  }
  return r;
}

namespace {

// A native function whose allocation fails (std::bad_alloc from a container
// growing past what `ulimit -v` allows) raises a MemoryError the program can
// catch. That is safe only when the unwinding crossed native code alone (RAII
// released everything); if it left Python frames behind (the native had
// called back into Python), the exception goes on to main's last resort.
Value CallNative(ThreadState* ts, NativeFn fn, Value* args, size_t nargs,
                 TupleObject* kwnames) {
  Frame* current = ts->current;
  try {
    return fn(args, nargs, kwnames);
  } catch (const std::bad_alloc&) {
    if (ts->current != current) throw;
    return Raise(g_exc.MemoryError, "");
  }
}

}  // namespace

Value CallNativeFunction(ThreadState* ts, NativeFunction* nf, Value* args,
                         size_t nargs, TupleObject* kwnames) {
  if (++ts->depth > ts->recursion_limit + 50) {
    --ts->depth;
    return Raise(g_exc.RecursionError, "maximum recursion depth exceeded");
  }
  // Released however the call ends (a bad_alloc from a nested frame is
  // rethrown to the frame that can report it).
  struct DepthRelease {
    ThreadState* ts;
    ~DepthRelease() { --ts->depth; }
  } release{ts};
  return CallNative(ts, nf->fn(), args, nargs, kwnames);
}

Value Call(const Value& callable, Value* args, size_t nargs,
           TupleObject* kwnames) {
  if (!callable.is_object()) {
    return RaiseF(g_exc.TypeError, "'%s' object is not callable",
                  TypeName(callable));
  }
  TypeObject* t = callable.as_object()->type();
  if (t == g_types.function) {
    return CallFunction(As<FunctionObject>(callable), args, nargs, kwnames);
  }
  if (t == g_types.native_function) {
    auto* nf = As<NativeFunction>(callable);
    if (!nf->bound_self.is_null()) {
      SelfAndArgs<8> full(nf->bound_self, args, nargs);
      return CallNativeFunction(ThreadState::Get(), nf, full.data(), nargs + 1,
                                kwnames);
    }
    // A method descriptor called unbound needs a receiver of its type.
    if (nf->owner() != nullptr &&
        !CheckNativeReceiver(nf, args,
                             nargs - (kwnames ? kwnames->size() : 0))) {
      return Value();
    }
    return CallNativeFunction(ThreadState::Get(), nf, args, nargs, kwnames);
  }
  if (t == g_types.method) {
    auto* m = As<BoundMethod>(callable);
    return CallWithSelf(m->func, m->self, args, nargs, kwnames);
  }
  if (t->IsSubtypeOf(g_types.type)) {
    // A metaclass may override __call__ (class M(type): def __call__...).
    if (t != g_types.type) {
      static StrObject* call_name = Intern("__call__");
      Value m = t->Lookup(call_name);
      if (!m.is_null() && !m.Is(g_types.type->dict()->GetStr(call_name))) {
        // Only functions bind the class as self; a plain callable stored there
        // (`__call__ = dict`) is called with the arguments alone.
        bool binds = IsInstance(m, g_types.function) ||
                     (IsInstance(m, g_types.native_function) &&
                      As<NativeFunction>(m)->owner() != nullptr);
        if (!binds) return Call(m, args, nargs, kwnames);
        std::vector<Value> full;
        full.reserve(nargs + 1);
        full.push_back(callable);
        for (size_t i = 0; i < nargs; ++i) full.push_back(args[i]);
        return Call(m, full.data(), full.size(), kwnames);
      }
    }
    return CallType(As<TypeObject>(callable), args, nargs, kwnames);
  }
  static StrObject* call = Intern("__call__");
  Value m = t->Lookup(call);
  if (m.is_null()) {
    return RaiseF(g_exc.TypeError, "'%s' object is not callable", t->name());
  }
  std::vector<Value> full;
  full.reserve(nargs + 1);
  full.push_back(callable);
  for (size_t i = 0; i < nargs; ++i) full.push_back(args[i]);
  return Call(m, full.data(), full.size(), kwnames);
}

Value CallWithSelf(const Value& callable, const Value& self, Value* args,
                   size_t nargs, TupleObject* kwnames) {
  SelfAndArgs<8> full(self, args, nargs);
  return Call(callable, full.data(), nargs + 1, kwnames);
}

Value CallNoArgs(const Value& callable) { return Call(callable, nullptr, 0); }

Value CallOneArg(const Value& callable, Value arg) {
  return Call(callable, &arg, 1);
}

Value CallTwoArgs(const Value& callable, Value a, Value b) {
  Value args[2] = {std::move(a), std::move(b)};
  return Call(callable, args, 2);
}

}  // namespace minidynamo
