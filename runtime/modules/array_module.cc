// The `array` module: array.array(typecode[, initializer]), a mutable sequence
// of machine numbers (b B h H i I l L q Q f d, and u for str characters)
// stored packed in native byte order. Results, reprs and error messages follow
// CPython 3.11's Modules/arraymodule.c, including each typecode's own overflow
// messages (they come from the different getargs conversions CPython uses).

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "runtime/modules/module_util.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/format/utf8.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/bytes.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/iterator.h"
#include "vm/objects/list.h"
#include "vm/objects/method_util.h"
#include "vm/objects/native.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

constexpr char kTypecodes[] = "bBuhHiIlLqQfd";

int ItemSize(char tc) {
  switch (tc) {
    case 'b':
    case 'B':
      return 1;
    case 'h':
    case 'H':
      return 2;
    case 'i':
    case 'I':
    case 'f':
    case 'u':  // wchar_t
      return 4;
    default:  // l L q Q d
      return 8;
  }
}

class ArrayObject : public Object {
 public:
  ArrayObject(TypeObject* type, char tc)
      : Object(type), typecode(tc), itemsize(ItemSize(tc)) {}
  char typecode;
  int itemsize;
  std::string data;  // size() items of itemsize bytes, native byte order
  int64_t size() const { return static_cast<int64_t>(data.size()) / itemsize; }
  char* at(int64_t i) { return &data[static_cast<size_t>(i) * itemsize]; }
};

TypeObject* g_array_type = nullptr;

ArrayObject* Arr(const Value& v) { return As<ArrayObject>(v); }
bool IsArray(const Value& v) { return IsInstance(v, g_array_type); }

Value NewArray(char tc, std::string data = std::string()) {
  auto* a = new ArrayObject(g_array_type, tc);
  a->data = std::move(data);
  return Value::Steal(a);
}

template <typename T>
T Load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <typename T>
void Store(char* p, T v) {
  std::memcpy(p, &v, sizeof v);
}

// Item i as a Python value.
Value GetItemValue(ArrayObject* a, int64_t i) {
  const char* p = a->at(i);
  switch (a->typecode) {
    case 'b':
      return Value::Int(Load<int8_t>(p));
    case 'B':
      return Value::Int(Load<uint8_t>(p));
    case 'h':
      return Value::Int(Load<int16_t>(p));
    case 'H':
      return Value::Int(Load<uint16_t>(p));
    case 'i':
      return Value::Int(Load<int32_t>(p));
    case 'I':
      return Value::Int(Load<uint32_t>(p));
    case 'l':
    case 'q':
      return Value::Int(Load<int64_t>(p));
    case 'L':
    case 'Q': {
      uint64_t v = Load<uint64_t>(p);
      if (v <= static_cast<uint64_t>(INT64_MAX))
        return Value::Int(static_cast<int64_t>(v));
      return MakeInt(BigInt::FromUint64(v));
    }
    case 'f':
      return Value::Float(Load<float>(p));
    case 'd':
      return Value::Float(Load<double>(p));
    case 'u': {
      std::string s;
      AppendUtf8(&s, Load<uint32_t>(p));
      return StrObject::New(s);
    }
  }
  return Value::None();
}

Value Overflow(const char* msg) { return Raise(g_exc.OverflowError, msg); }

// Range checks of CPython's getargs conversions ("b", "h", "i", ...).
bool InRange(int64_t v, int64_t lo, int64_t hi, const char* what) {
  if (v < lo) {
    RaiseF(g_exc.OverflowError, "%s is less than minimum", what);
    return false;
  }
  if (v > hi) {
    RaiseF(g_exc.OverflowError, "%s is greater than maximum", what);
    return false;
  }
  return true;
}

// Converts `v` for typecode `tc` into the item's bytes at `p` (itemsize bytes),
// raising CPython's TypeError / OverflowError on failure.
bool PackItem(char tc, const Value& v, char* p) {
  if (tc == 'f' || tc == 'd') {
    double d;
    if (v.is_float()) {
      d = v.as_float();
    } else if (!ArgToDouble(v, &d)) {
      return false;
    }
    if (tc == 'f') {
      Store(p, static_cast<float>(d));
    } else {
      Store(p, d);
    }
    return true;
  }
  if (tc == 'u') {
    if (!IsInstance(v, g_types.str) || As<StrObject>(v)->length() != 1) {
      Raise(g_exc.TypeError, "array item must be unicode character");
      return false;
    }
    size_t pos = 0;
    Store(p, static_cast<uint32_t>(DecodeUtf8(As<StrObject>(v)->view(), &pos)));
    return true;
  }
  // Integer typecodes: an int, or an object with __index__.
  BigInt big;
  int64_t x = 0;
  bool fits = true;
  if (v.is_int()) {
    x = v.as_int();
  } else {
    if (!ArgToBigInt(v, &big)) return false;
    fits = big.FitsInt64();
    if (fits) x = big.ToInt64();
  }
  switch (tc) {
    case 'b':
    case 'B':
    case 'h':
    case 'H':
    case 'i':
    case 'l':
      if (!fits) {
        Overflow("Python int too large to convert to C long");
        return false;
      }
      break;
    case 'q':
      if (!fits) {
        Overflow("int too big to convert");
        return false;
      }
      break;
    default:
      break;
  }
  switch (tc) {
    case 'b':
      if (!InRange(x, INT16_MIN, INT16_MAX, "signed short integer") ||
          !InRange(x, INT8_MIN, INT8_MAX, "signed char")) {
        return false;
      }
      Store(p, static_cast<int8_t>(x));
      return true;
    case 'B':
      if (!InRange(x, 0, UINT8_MAX, "unsigned byte integer")) return false;
      Store(p, static_cast<uint8_t>(x));
      return true;
    case 'h':
      if (!InRange(x, INT16_MIN, INT16_MAX, "signed short integer"))
        return false;
      Store(p, static_cast<int16_t>(x));
      return true;
    case 'H':
      if (!InRange(x, INT32_MIN, INT32_MAX, "signed integer") ||
          !InRange(x, 0, UINT16_MAX, "unsigned short")) {
        return false;
      }
      Store(p, static_cast<uint16_t>(x));
      return true;
    case 'i':
      if (!InRange(x, INT32_MIN, INT32_MAX, "signed integer")) return false;
      Store(p, static_cast<int32_t>(x));
      return true;
    case 'l':
    case 'q':
      Store(p, x);
      return true;
    case 'I':
    case 'L':
    case 'Q': {
      bool negative = fits ? x < 0 : big.IsNegative();
      if (negative) {
        Overflow(tc == 'Q' ? "can't convert negative int to unsigned"
                           : "can't convert negative value to unsigned int");
        return false;
      }
      uint64_t u = static_cast<uint64_t>(x);
      if (!fits) {
        if (big.BitLength() > 64) {
          Overflow(tc == 'Q'
                       ? "int too big to convert"
                       : "Python int too large to convert to C unsigned long");
          return false;
        }
        std::string bytes = *big.ToBytes(8, /*little_endian=*/true,
                                         /*is_signed=*/false);
        std::memcpy(&u, bytes.data(), 8);
      }
      if (tc == 'I') {
        if (u > UINT32_MAX) {
          Overflow("unsigned int is greater than maximum");
          return false;
        }
        Store(p, static_cast<uint32_t>(u));
      } else {
        Store(p, u);
      }
      return true;
    }
  }
  return false;
}

// Appends one converted item.
bool AppendItem(ArrayObject* a, const Value& v) {
  char buf[8];
  if (!PackItem(a->typecode, v, buf)) return false;
  a->data.append(buf, a->itemsize);
  return true;
}

// Appends every item of an iterable.
bool ExtendFromIterable(ArrayObject* a, const Value& iterable) {
  Value it = GetIter(iterable);
  if (it.is_null()) return false;
  while (true) {
    Value x = IterNext(it);
    if (x.is_null()) return !ErrorOccurred();
    if (!AppendItem(a, x)) return false;
  }
}

// The bytes of a bytes-like argument (bytes, bytearray, array of bytes).
bool BytesOf(const Value& v, std::string* out) {
  if (IsInstance(v, g_types.bytes)) {
    *out = As<BytesObject>(v)->data();
    return true;
  }
  if (IsArray(v)) {
    // CPython takes only buffers of single bytes (a 'b' or 'B' array).
    if (Arr(v)->itemsize != 1) {
      Raise(g_exc.TypeError, "a bytes-like object is required");
      return false;
    }
    *out = Arr(v)->data;
    return true;
  }
  if (std::string(TypeName(v)) == "bytearray") {
    Value b = CallType(g_types.bytes, const_cast<Value*>(&v), 1, nullptr);
    if (b.is_null()) return false;
    *out = As<BytesObject>(b)->data();
    return true;
  }
  RaiseF(g_exc.TypeError, "a bytes-like object is required, not '%s'",
         TypeName(v));
  return false;
}

bool FromBytes(ArrayObject* a, const Value& v) {
  std::string bytes;
  if (!BytesOf(v, &bytes)) return false;
  if (bytes.size() % a->itemsize != 0) {
    Raise(g_exc.ValueError, "bytes length not a multiple of item size");
    return false;
  }
  a->data += bytes;
  return true;
}

bool FromUnicode(ArrayObject* a, const Value& s) {
  std::string_view text = As<StrObject>(s)->view();
  size_t pos = 0;
  while (pos < text.size()) {
    char buf[4];
    Store(buf, static_cast<uint32_t>(DecodeUtf8(text, &pos)));
    a->data.append(buf, 4);
  }
  return true;
}

// Keyword check naming the method as "array.NAME()", then the positional
// count in the style CPython uses for that method.
bool NoKw(const char* qualname, TupleObject* kw) {
  if (kw != nullptr && kw->size() > 0) {
    RaiseF(g_exc.TypeError, "%s() takes no keyword arguments", qualname);
    return false;
  }
  return true;
}

// ---- construction

Value ArrayNewFn(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  if (!NoKw("array.array", kw)) return Value();
  if (nargs < 1) {
    return Raise(g_exc.TypeError,
                 "array() takes at least 1 argument (0 given)");
  }
  if (nargs > 2) {
    return RaiseF(g_exc.TypeError,
                  "array() takes at most 2 arguments (%d given)", nargs);
  }
  const Value& code = args[0];
  if (!IsInstance(code, g_types.str) || As<StrObject>(code)->length() != 1) {
    return RaiseF(g_exc.TypeError,
                  "array() argument 1 must be a unicode character, not %s",
                  TypeName(code));
  }
  std::string_view c = As<StrObject>(code)->view();
  if (c.size() != 1 || std::strchr(kTypecodes, c[0]) == nullptr) {
    return Raise(g_exc.ValueError,
                 "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f "
                 "or d)");
  }
  char tc = c[0];
  auto* a = new ArrayObject(type, tc);
  Value result = Value::Steal(a);
  if (nargs < 2) return result;
  const Value& init = args[1];
  if (IsInstance(init, g_types.str)) {
    if (tc != 'u') {
      return RaiseF(g_exc.TypeError,
                    "cannot use a str to initialize an array with typecode "
                    "'%c'",
                    tc);
    }
    FromUnicode(a, init);
    return result;
  }
  if (IsArray(init) && Arr(init)->typecode == 'u' && tc != 'u') {
    return RaiseF(g_exc.TypeError,
                  "cannot use a unicode array to initialize an array with "
                  "typecode '%c'",
                  tc);
  }
  if (IsInstance(init, g_types.bytes) ||
      std::string(TypeName(init)) == "bytearray") {
    if (!FromBytes(a, init)) return Value();
    return result;
  }
  if (IsArray(init) && Arr(init)->typecode == tc) {
    a->data = Arr(init)->data;
    return result;
  }
  if (!ExtendFromIterable(a, init)) return Value();
  return result;
}

// ---- sequence protocol

Value Repr(Value* args, size_t, TupleObject*) {
  ArrayObject* a = Arr(args[0]);
  std::string out = absl::StrCat("array('", std::string(1, a->typecode), "'");
  if (a->size() == 0) return StrObject::New(out + ")");
  if (a->typecode == 'u') {
    Value s = CallMethod(args[0], "tounicode", nullptr, 0);
    if (s.is_null()) return s;
    return StrObject::New(absl::StrCat(out, ", ", ReprString(s), ")"));
  }
  out += ", [";
  for (int64_t i = 0; i < a->size(); ++i) {
    if (i > 0) out += ", ";
    std::string r = ReprString(GetItemValue(a, i));
    if (ErrorOccurred()) return Value();
    out += r;
  }
  out += "])";
  return StrObject::New(out);
}

Value Len(Value* args, size_t, TupleObject*) {
  return Value::Int(Arr(args[0])->size());
}

// An index for __getitem__ & co: TypeError "array indices must be integers".
bool ItemIndex(ArrayObject* a, const Value& key, int64_t* out,
               const char* range_msg) {
  int64_t i;
  if (key.is_int()) {
    i = key.as_int();
  } else {
    bool is_index;
    if (!SequenceIndex(key, &i, &is_index)) {
      if (!is_index && !ErrorOccurred())
        Raise(g_exc.TypeError, "array indices must be integers");
      return false;
    }
  }
  if (i < 0) i += a->size();
  if (i < 0 || i >= a->size()) {
    Raise(g_exc.IndexError, range_msg);
    return false;
  }
  *out = i;
  return true;
}

Value GetItem(Value* args, size_t, TupleObject*) {
  ArrayObject* a = Arr(args[0]);
  if (IsInstance(args[1], g_types.slice)) {
    int64_t start, stop, step, len;
    if (!As<SliceObject>(args[1])->Indices(a->size(), &start, &stop, &step,
                                           &len)) {
      return Value();
    }
    std::string out;
    for (int64_t i = 0, k = start; i < len; ++i, k += step)
      out.append(a->at(k), a->itemsize);
    return NewArray(a->typecode, std::move(out));
  }
  int64_t i;
  if (!ItemIndex(a, args[1], &i, "array index out of range")) return Value();
  return GetItemValue(a, i);
}

Value SetItem(Value* args, size_t, TupleObject*) {
  ArrayObject* a = Arr(args[0]);
  if (IsInstance(args[1], g_types.slice)) {
    int64_t start, stop, step, len;
    if (!As<SliceObject>(args[1])->Indices(a->size(), &start, &stop, &step,
                                           &len)) {
      return Value();
    }
    if (!IsArray(args[2])) {
      return RaiseF(g_exc.TypeError,
                    "can only assign array (not \"%s\") to array slice",
                    TypeName(args[2]));
    }
    ArrayObject* src = Arr(args[2]);
    if (src->typecode != a->typecode) {
      return Raise(g_exc.TypeError, "bad argument type for built-in operation");
    }
    std::string bytes = src->data;  // a[:] = a copies first
    if (step == 1) {
      int64_t n = std::max<int64_t>(0, stop - start);
      a->data.replace(static_cast<size_t>(start) * a->itemsize,
                      static_cast<size_t>(n) * a->itemsize, bytes);
      return Value::None();
    }
    if (src->size() != len) {
      return RaiseF(g_exc.ValueError,
                    "attempt to assign array of size %d to extended slice of "
                    "size %d",
                    src->size(), len);
    }
    for (int64_t i = 0, k = start; i < len; ++i, k += step) {
      std::memcpy(a->at(k), bytes.data() + i * a->itemsize, a->itemsize);
    }
    return Value::None();
  }
  int64_t i;
  if (!ItemIndex(a, args[1], &i, "array assignment index out of range"))
    return Value();
  char buf[8];
  if (!PackItem(a->typecode, args[2], buf)) return Value();
  std::memcpy(a->at(i), buf, a->itemsize);
  return Value::None();
}

Value DelItem(Value* args, size_t, TupleObject*) {
  ArrayObject* a = Arr(args[0]);
  if (IsInstance(args[1], g_types.slice)) {
    int64_t start, stop, step, len;
    if (!As<SliceObject>(args[1])->Indices(a->size(), &start, &stop, &step,
                                           &len)) {
      return Value();
    }
    std::vector<bool> drop(static_cast<size_t>(a->size()), false);
    for (int64_t i = 0, k = start; i < len; ++i, k += step) drop[k] = true;
    std::string out;
    for (int64_t i = 0; i < a->size(); ++i) {
      if (!drop[i]) out.append(a->at(i), a->itemsize);
    }
    a->data = std::move(out);
    return Value::None();
  }
  int64_t i;
  if (!ItemIndex(a, args[1], &i, "array assignment index out of range"))
    return Value();
  a->data.erase(static_cast<size_t>(i) * a->itemsize, a->itemsize);
  return Value::None();
}

// -1 on error, else the first index in [start, stop) whose item equals v (or
// size() when none does).
int64_t Find(ArrayObject* a, const Value& v, int64_t start, int64_t stop) {
  for (int64_t i = start; i < stop && i < a->size(); ++i) {
    int eq = Equals(GetItemValue(a, i), v);
    if (eq < 0) return -1;
    if (eq) return i;
  }
  return a->size();
}

Value Contains(Value* args, size_t, TupleObject*) {
  ArrayObject* a = Arr(args[0]);
  int64_t i = Find(a, args[1], 0, a->size());
  if (i < 0) return Value();
  return Value::Bool(i < a->size());
}

Value Iter(Value* args, size_t, TupleObject*) {
  return NewSequenceIterator(args[0]);
}

template <CompareOp kOp>
Value Compare(Value* args, size_t, TupleObject*) {
  if (!IsArray(args[1])) return NotImplemented();
  ArrayObject* a = Arr(args[0]);
  ArrayObject* b = Arr(args[1]);
  if (a->size() != b->size() &&
      (kOp == CompareOp::kEq || kOp == CompareOp::kNe)) {
    return Value::Bool(kOp == CompareOp::kNe);
  }
  int64_t n = std::min(a->size(), b->size());
  for (int64_t i = 0; i < n; ++i) {
    Value x = GetItemValue(a, i);
    Value y = GetItemValue(b, i);
    int eq = Equals(x, y);
    if (eq < 0) return Value();
    if (eq) continue;
    if (kOp == CompareOp::kEq) return Value::Bool(false);
    if (kOp == CompareOp::kNe) return Value::Bool(true);
    return RichCompare(x, y, kOp);
  }
  int64_t la = a->size(), lb = b->size();
  bool r = kOp == CompareOp::kEq   ? la == lb
           : kOp == CompareOp::kNe ? la != lb
           : kOp == CompareOp::kLt ? la < lb
           : kOp == CompareOp::kLe ? la <= lb
           : kOp == CompareOp::kGt ? la > lb
                                   : la >= lb;
  return Value::Bool(r);
}

Value Add(Value* args, size_t, TupleObject*) {
  if (!IsArray(args[1])) {
    return RaiseF(g_exc.TypeError,
                  "can only append array (not \"%s\") to array",
                  TypeName(args[1]));
  }
  ArrayObject* a = Arr(args[0]);
  ArrayObject* b = Arr(args[1]);
  if (a->typecode != b->typecode)
    return Raise(g_exc.TypeError, "bad argument type for built-in operation");
  return NewArray(a->typecode, a->data + b->data);
}

Value IAdd(Value* args, size_t, TupleObject*) {
  if (!IsArray(args[1])) {
    return RaiseF(g_exc.TypeError,
                  "can only extend array with array (not \"%s\")",
                  TypeName(args[1]));
  }
  ArrayObject* a = Arr(args[0]);
  ArrayObject* b = Arr(args[1]);
  if (a->typecode != b->typecode)
    return Raise(g_exc.TypeError, "can only extend with array of same kind");
  a->data += std::string(b->data);
  return args[0];
}

// The repeat count of `a * x`: TypeError for x without __index__.
bool RepeatCount(const Value& v, int64_t* n) {
  if (!IsIntValue(v) && TypeOf(v)->Lookup("__index__").is_null()) {
    RaiseF(g_exc.TypeError, "can't multiply sequence by non-int of type '%s'",
           TypeName(v));
    return false;
  }
  if (!AsIndex(v, n)) return false;
  if (*n < 0) *n = 0;
  return true;
}

// Raises MemoryError() (no message, as CPython's).
void NoMemory() {
  Value exc = CallType(g_exc.MemoryError, nullptr, 0, nullptr);
  if (!exc.is_null()) RaiseValue(exc);
}

// `data` repeated n times; false with MemoryError when that cannot be held.
bool Repeat(const std::string& data, int64_t n, std::string* out) {
  out->clear();
  if (n <= 0 || data.empty()) return true;
  if (static_cast<uint64_t>(n) > (uint64_t{1} << 40) / data.size()) {
    NoMemory();
    return false;
  }
  try {
    out->reserve(data.size() * static_cast<size_t>(n));
  } catch (const std::bad_alloc&) {
    NoMemory();
    return false;
  }
  for (int64_t i = 0; i < n; ++i) *out += data;
  return true;
}

Value Mul(Value* args, size_t, TupleObject*) {
  int64_t n;
  if (!RepeatCount(args[1], &n)) return Value();
  ArrayObject* a = Arr(args[0]);
  std::string out;
  if (!Repeat(a->data, n, &out)) return Value();
  return NewArray(a->typecode, std::move(out));
}

Value IMul(Value* args, size_t, TupleObject*) {
  int64_t n;  // a *= x takes any index: "'str' object cannot be interpreted..."
  if (!AsIndex(args[1], &n)) return Value();
  ArrayObject* a = Arr(args[0]);
  std::string out;
  if (!Repeat(a->data, n, &out)) return Value();
  a->data = std::move(out);
  return args[0];
}

// ---- methods

Value Append(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("array.append", nargs - 1, kw, 1, 1)) return Value();
  if (!AppendItem(Arr(args[0]), args[1])) return Value();
  return Value::None();
}

Value Extend(Value* args, size_t nargs, TupleObject* kw) {
  if (!NoKw("array.extend", kw)) return Value();
  if (nargs - 1 != 1) {
    return RaiseF(g_exc.TypeError,
                  "extend() takes exactly 1 positional argument (%d given)",
                  nargs - 1);
  }
  ArrayObject* a = Arr(args[0]);
  if (IsArray(args[1])) {
    if (Arr(args[1])->typecode != a->typecode)
      return Raise(g_exc.TypeError, "can only extend with array of same kind");
    a->data += std::string(Arr(args[1])->data);
    return Value::None();
  }
  if (!ExtendFromIterable(a, args[1])) return Value();
  return Value::None();
}

Value Insert(Value* args, size_t nargs, TupleObject* kw) {
  if (!NoKw("array.insert", kw) || !CheckArgs("insert", nargs - 1, kw, 2, 2))
    return Value();
  ArrayObject* a = Arr(args[0]);
  int64_t i;
  if (!AsIndex(args[1], &i)) return Value();
  char buf[8];
  if (!PackItem(a->typecode, args[2], buf)) return Value();
  int64_t n = a->size();
  if (i < 0) i = std::max<int64_t>(0, i + n);
  i = std::min(i, n);
  a->data.insert(static_cast<size_t>(i) * a->itemsize, buf, a->itemsize);
  return Value::None();
}

Value Pop(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckClinicArgs("array.pop", "pop", nargs - 1, kw, 0, 1)) return Value();
  ArrayObject* a = Arr(args[0]);
  int64_t i = -1;
  if (nargs == 2 && !AsIndex(args[1], &i)) return Value();
  if (a->size() == 0) return Raise(g_exc.IndexError, "pop from empty array");
  if (i < 0) i += a->size();
  if (i < 0 || i >= a->size())
    return Raise(g_exc.IndexError, "pop index out of range");
  Value v = GetItemValue(a, i);
  a->data.erase(static_cast<size_t>(i) * a->itemsize, a->itemsize);
  return v;
}

Value Remove(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("array.remove", nargs - 1, kw, 1, 1)) return Value();
  ArrayObject* a = Arr(args[0]);
  int64_t i = Find(a, args[1], 0, a->size());
  if (i < 0) return Value();
  if (i == a->size())
    return Raise(g_exc.ValueError, "array.remove(x): x not in array");
  a->data.erase(static_cast<size_t>(i) * a->itemsize, a->itemsize);
  return Value::None();
}

Value Index(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckClinicArgs("array.index", "index", nargs - 1, kw, 1, 3))
    return Value();
  ArrayObject* a = Arr(args[0]);
  int64_t start = 0, stop = a->size();
  if (nargs > 2 && !SliceIndexArgNotNone(args[2], &start)) return Value();
  if (nargs > 3 && !SliceIndexArgNotNone(args[3], &stop)) return Value();
  AdjustIndices(&start, &stop, a->size());
  int64_t i = Find(a, args[1], start, stop);
  if (i < 0) return Value();
  if (i >= std::min(stop, a->size()))
    return Raise(g_exc.ValueError, "array.index(x): x not in array");
  return Value::Int(i);
}

Value Count(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("array.count", nargs - 1, kw, 1, 1)) return Value();
  ArrayObject* a = Arr(args[0]);
  int64_t n = 0;
  for (int64_t i = 0; i < a->size(); ++i) {
    int eq = Equals(GetItemValue(a, i), args[1]);
    if (eq < 0) return Value();
    n += eq;
  }
  return Value::Int(n);
}

Value Reverse(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("array.reverse", nargs - 1, kw, 0, 0)) return Value();
  ArrayObject* a = Arr(args[0]);
  for (int64_t i = 0, j = a->size() - 1; i < j; ++i, --j) {
    char tmp[8];
    std::memcpy(tmp, a->at(i), a->itemsize);
    std::memcpy(a->at(i), a->at(j), a->itemsize);
    std::memcpy(a->at(j), tmp, a->itemsize);
  }
  return Value::None();
}

Value ByteSwap(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("array.byteswap", nargs - 1, kw, 0, 0)) return Value();
  ArrayObject* a = Arr(args[0]);
  for (int64_t i = 0; i < a->size(); ++i)
    std::reverse(a->at(i), a->at(i) + a->itemsize);
  return Value::None();
}

Value ToList(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("array.tolist", nargs - 1, kw, 0, 0)) return Value();
  ArrayObject* a = Arr(args[0]);
  Value list = ListObject::New();
  auto& items = As<ListObject>(list)->items();
  items.reserve(static_cast<size_t>(a->size()));
  for (int64_t i = 0; i < a->size(); ++i) items.push_back(GetItemValue(a, i));
  return list;
}

Value FromList(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("array.fromlist", nargs - 1, kw, 1, 1)) return Value();
  if (!IsInstance(args[1], g_types.list))
    return Raise(g_exc.TypeError, "arg must be list");
  ArrayObject* a = Arr(args[0]);
  std::string saved = a->data;  // all or nothing, as CPython
  for (const Value& x : std::vector<Value>(As<ListObject>(args[1])->items())) {
    if (!AppendItem(a, x)) {
      a->data = std::move(saved);
      return Value();
    }
  }
  return Value::None();
}

Value ToBytes(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("array.tobytes", nargs - 1, kw, 0, 0)) return Value();
  return BytesObject::New(Arr(args[0])->data);
}

Value FromBytesMethod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("array.frombytes", nargs - 1, kw, 1, 1)) return Value();
  if (!FromBytes(Arr(args[0]), args[1])) return Value();
  return Value::None();
}

Value ToUnicode(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("array.tounicode", nargs - 1, kw, 0, 0)) return Value();
  ArrayObject* a = Arr(args[0]);
  if (a->typecode != 'u') {
    return Raise(g_exc.ValueError,
                 "tounicode() may only be called on unicode type arrays");
  }
  std::string s;
  for (int64_t i = 0; i < a->size(); ++i)
    AppendUtf8(&s, Load<uint32_t>(a->at(i)));
  return StrObject::New(s);
}

Value FromUnicodeMethod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("array.fromunicode", nargs - 1, kw, 1, 1)) return Value();
  if (!IsInstance(args[1], g_types.str)) {
    return RaiseF(g_exc.TypeError, "fromunicode() argument must be str, not %s",
                  TypeName(args[1]));
  }
  ArrayObject* a = Arr(args[0]);
  if (a->typecode != 'u') {
    return Raise(g_exc.ValueError,
                 "fromunicode() may only be called on unicode type arrays");
  }
  FromUnicode(a, args[1]);
  return Value::None();
}

Value BufferInfo(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("array.buffer_info", nargs - 1, kw, 0, 0)) return Value();
  ArrayObject* a = Arr(args[0]);
  Value items[2] = {Value::Int(static_cast<int64_t>(reinterpret_cast<uintptr_t>(
                        a->data.empty() ? nullptr : a->data.data()))),
                    Value::Int(a->size())};
  return TupleObject::FromValues(items, 2);
}

Value Copy(Value* args, size_t, TupleObject*) {
  return NewArray(Arr(args[0])->typecode, Arr(args[0])->data);
}

Value ItemSizeGetter(Value* args, size_t, TupleObject*) {
  return Value::Int(Arr(args[0])->itemsize);
}

Value TypecodeGetter(Value* args, size_t, TupleObject*) {
  return StrObject::New(std::string(1, Arr(args[0])->typecode));
}

bool InitArray(ModuleObject* m) {
  DictObject* d = m->dict();
  if (g_array_type == nullptr) {
    TypeObject* t = new TypeObject(g_types.type, "array", Layout::kOther);
    g_array_type = t;
    t->SetBases({g_types.object});
    t->set_base_type(false);
    t->set_collection_flags(TypeObject::kSequenceFlag);  // sequence patterns
    t->set_module_name("array");
    t->set_new_fn(ArrayNewFn);
    AddMethod(t, "__repr__", Repr);
    AddMethod(t, "__len__", Len);
    AddMethod(t, "__getitem__", GetItem);
    AddMethod(t, "__setitem__", SetItem);
    AddMethod(t, "__delitem__", DelItem);
    AddMethod(t, "__contains__", Contains);
    AddMethod(t, "__iter__", Iter);
    AddMethod(t, "__add__", Add);
    AddMethod(t, "__iadd__", IAdd);
    AddMethod(t, "__mul__", Mul);
    AddMethod(t, "__rmul__", Mul);
    AddMethod(t, "__imul__", IMul);
    AddMethod(t, "__eq__", Compare<CompareOp::kEq>);
    AddMethod(t, "__ne__", Compare<CompareOp::kNe>);
    AddMethod(t, "__lt__", Compare<CompareOp::kLt>);
    AddMethod(t, "__le__", Compare<CompareOp::kLe>);
    AddMethod(t, "__gt__", Compare<CompareOp::kGt>);
    AddMethod(t, "__ge__", Compare<CompareOp::kGe>);
    t->SetAttribute("__hash__", Value::None());
    AddMethod(t, "__copy__", Copy);
    AddMethod(t, "__deepcopy__", Copy);
    AddMethod(t, "append", Append);
    AddMethod(t, "extend", Extend);
    AddMethod(t, "insert", Insert);
    AddMethod(t, "pop", Pop);
    AddMethod(t, "remove", Remove);
    AddMethod(t, "index", Index);
    AddMethod(t, "count", Count);
    AddMethod(t, "reverse", Reverse);
    AddMethod(t, "byteswap", ByteSwap);
    AddMethod(t, "tolist", ToList);
    AddMethod(t, "fromlist", FromList);
    AddMethod(t, "tobytes", ToBytes);
    AddMethod(t, "frombytes", FromBytesMethod);
    AddMethod(t, "tounicode", ToUnicode);
    AddMethod(t, "fromunicode", FromUnicodeMethod);
    AddMethod(t, "buffer_info", BufferInfo);
    AddGetter(t, "itemsize", ItemSizeGetter);
    AddGetter(t, "typecode", TypecodeGetter);
  }
  d->SetStr(Intern("array"), Value::FromObject(g_array_type));
  d->SetStr(Intern("ArrayType"), Value::FromObject(g_array_type));
  d->SetStr(Intern("typecodes"), StrObject::New(kTypecodes));
  return true;
}

const bool kRegistered = (RegisterNativeModule("array", InitArray), true);

}  // namespace
}  // namespace minidynamo
