// bytearray: a mutable byte string. Its own storage and mutating methods; the
// read-only methods it shares with bytes either come from bytes_methods.cc
// (written for both types) or run bytes' implementation on a snapshot and turn
// bytes results back into bytearrays, as CPython's bytearray returns
// bytearrays.

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/format/str_repr.h"
#include "vm/interp/ops.h"
#include "vm/objects/bytes.h"
#include "vm/objects/bytes_internal.h"
#include "vm/objects/container_api.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/iterator.h"
#include "vm/objects/list.h"
#include "vm/objects/method_util.h"
#include "vm/objects/native.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/text_codecs.h"
#include "vm/objects/tuple.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {
namespace {

TypeObject* g_bytearray = nullptr;

class ByteArrayObject : public Object {
 public:
  explicit ByteArrayObject(TypeObject* t) : Object(t) {}
  std::string data;
};

ByteArrayObject* BA(const Value& v) { return As<ByteArrayObject>(v); }
bool IsByteArray(const Value& v) { return IsInstance(v, g_bytearray); }

Value NewByteArray(std::string data, TypeObject* type = nullptr) {
  auto* b = new ByteArrayObject(type ? type : g_bytearray);
  b->data = std::move(data);
  return Value::Steal(b);
}

// The bytes of a bytes-like argument (bytes or bytearray).
bool BytesLike(const Value& v, std::string* out) {
  if (IsInstance(v, g_types.bytes)) {
    *out = As<BytesObject>(v)->data();
    return true;
  }
  if (IsByteArray(v)) {
    *out = BA(v)->data;
    return true;
  }
  return false;
}

// CPython's _getbytevalue: an int (or __index__) in 0..255.
bool ByteValue(const Value& x, std::string* out) {
  int64_t b;
  bool clamped;  // A huge int is out of range like any other.
  if (!IndexClamped(x, &b, &clamped)) return false;
  if (b < 0 || b > 255) {
    Raise(g_exc.ValueError, "byte must be in range(0, 256)");
    return false;
  }
  out->push_back(static_cast<char>(b));
  return true;
}

// Collects ints 0..255 from an iterable (or a bytes-like object).
bool BytesFromIterable(const Value& v, std::string* out) {
  if (BytesLike(v, out)) return true;
  if (IsInstance(v, g_types.str)) {
    Raise(g_exc.TypeError, "cannot convert 'str' object to bytearray");
    return false;
  }
  Value it = GetIter(v);
  if (it.is_null()) return false;
  while (true) {
    Value x = IterNext(it);
    if (x.is_null()) return !ErrorOccurred();
    if (!ByteValue(x, out)) return false;
  }
}

// CPython's bytearray___init___impl, in its order of checks.
Value ByteArrayNewFn(TypeObject* type, Value* args, size_t nargs,
                     TupleObject* kw) {
  Value parsed[3];
  if (!UnpackKeywords("bytearray", args, nargs, kw, 0, 0,
                      {"source", "encoding", "errors"}, parsed)) {
    return Value();
  }
  for (int i = 1; i < 3; ++i) {
    if (!parsed[i].is_null() && !IsInstance(parsed[i], g_types.str)) {
      return RaiseF(g_exc.TypeError,
                    "bytearray() argument '%s' must be str, not %s",
                    i == 1 ? "encoding" : "errors", TypeName(parsed[i]));
    }
  }
  const Value& x = parsed[0];
  bool has_encoding = !parsed[1].is_null(), has_errors = !parsed[2].is_null();
  std::string data;
  if (x.is_null() || !IsInstance(x, g_types.str)) {
    if (has_encoding || has_errors) {
      return Raise(g_exc.TypeError, has_encoding
                                        ? "encoding without a string argument"
                                        : "errors without a string argument");
    }
  } else {
    if (!has_encoding) {
      return Raise(g_exc.TypeError, "string argument without an encoding");
    }
    std::string_view errors =
        has_errors ? As<StrObject>(parsed[2])->view() : "strict";
    if (!EncodeText(As<StrObject>(x)->view(), As<StrObject>(parsed[1])->view(),
                    errors, &data)) {
      return Value();
    }
    return NewByteArray(std::move(data), type);
  }
  if (x.is_null()) return NewByteArray(std::move(data), type);
  // Any object with __index__ (bool included) is a size.
  if (HasIndex(x)) {
    int64_t n;
    bool clamped;
    if (IndexClamped(x, &n, &clamped)) {
      if (clamped) {
        return RaiseF(g_exc.OverflowError,
                      "cannot fit '%s' into an index-sized integer",
                      TypeName(x));
      }
      if (n < 0) return Raise(g_exc.ValueError, "negative count");
      size_t total;
      if (!RepeatSize(1, n, &total)) return Value();
      data.assign(total, '\0');
      return NewByteArray(std::move(data), type);
    }
    // A TypeError from __index__ falls through to iteration, as in CPython.
    if (!ErrorMatches(g_exc.TypeError)) return Value();
    ClearError();
  }
  if (BytesLike(x, &data)) return NewByteArray(std::move(data), type);
  Value it = GetIter(x);
  if (it.is_null()) {
    if (ErrorMatches(g_exc.TypeError)) {
      ClearError();
      RaiseF(g_exc.TypeError, "cannot convert '%s' object to bytearray",
             TypeName(x));
    }
    return Value();
  }
  while (true) {
    Value item = IterNext(it);
    if (item.is_null()) {
      if (ErrorOccurred()) return Value();
      break;
    }
    if (!ByteValue(item, &data)) return Value();
  }
  return NewByteArray(std::move(data), type);
}

Value Repr(Value* a, size_t, TupleObject*) {
  std::string r = BytesRepr(BA(a[0])->data);
  if (r.size() > 1 && r[1] == '"') {
    // CPython's bytearray_repr escapes ' even inside double quotes (bytes'
    // repr does not); a ' in BytesRepr's output is always a literal quote.
    std::string escaped;
    for (char c : r) {
      if (c == '\'') escaped.push_back('\\');
      escaped.push_back(c);
    }
    r = std::move(escaped);
  }
  return StrObject::New(absl::StrCat(TypeOf(a[0])->name(), "(", r, ")"));
}

Value Len(Value* a, size_t, TupleObject*) {
  return Value::Int(static_cast<int64_t>(BA(a[0])->data.size()));
}

// A subscript's integer index (bytearray_subscript): IndexError past int64,
// TypeError for a non-index key; then the bounds check.
bool SubscriptIndex(const Value& key, int64_t* i) {
  bool is_index;
  if (SequenceIndex(key, i, &is_index)) return true;
  if (!is_index) {
    RaiseF(g_exc.TypeError,
           "bytearray indices must be integers or slices, not %s",
           TypeName(key));
  }
  return false;
}

bool InRange(ByteArrayObject* b, int64_t i, size_t* out, const char* what) {
  int64_t n = static_cast<int64_t>(b->data.size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    RaiseF(g_exc.IndexError, "bytearray %s out of range", what);
    return false;
  }
  *out = static_cast<size_t>(i);
  return true;
}

bool Index(ByteArrayObject* b, const Value& key, size_t* out,
           const char* what) {
  int64_t i;
  if (!SubscriptIndex(key, &i)) return false;
  return InRange(b, i, out, what);
}

Value GetItem(Value* a, size_t, TupleObject*) {
  ByteArrayObject* b = BA(a[0]);
  if (IsInstance(a[1], g_types.slice)) {
    int64_t start, stop, step;
    if (!SliceUnpack(As<SliceObject>(a[1])->bounds(), &start, &stop, &step)) {
      return Value();
    }
    // The size after the bounds' __index__, which may change the bytearray.
    int64_t len =
        SliceAdjust(static_cast<int64_t>(b->data.size()), &start, &stop, step);
    std::string out;
    for (int64_t i = 0, k = start; i < len; ++i, k += step)
      out.push_back(b->data[k]);
    return NewByteArray(std::move(out));
  }
  size_t i;
  if (!Index(b, a[1], &i, "index")) return Value();
  return Value::Int(static_cast<unsigned char>(b->data[i]));
}

Value SetItem(Value* a, size_t, TupleObject*) {
  ByteArrayObject* b = BA(a[0]);
  if (IsInstance(a[1], g_types.slice)) {
    int64_t start, stop, step;
    if (!SliceUnpack(As<SliceObject>(a[1])->bounds(), &start, &stop, &step)) {
      return Value();
    }
    std::string src;
    if (!BytesFromIterable(a[2], &src)) return Value();
    // The size after __index__ and the value's iteration (either may change
    // the bytearray).
    int64_t len =
        SliceAdjust(static_cast<int64_t>(b->data.size()), &start, &stop, step);
    if (step == 1) {
      b->data.replace(start, std::max<int64_t>(0, stop - start), src);
      return Value::None();
    }
    if (static_cast<int64_t>(src.size()) != len) {
      return RaiseF(
          g_exc.ValueError,
          "attempt to assign bytes of size %d to extended slice of size %d",
          src.size(), len);
    }
    for (int64_t i = 0, k = start; i < len; ++i, k += step) b->data[k] = src[i];
    return Value::None();
  }
  // The value is converted before the bounds check (CPython's GH-91153).
  int64_t k;
  if (!SubscriptIndex(a[1], &k)) return Value();
  std::string v;
  if (!ByteValue(a[2], &v)) return Value();
  size_t i;
  if (!InRange(b, k, &i, "index")) return Value();
  b->data[i] = v[0];
  return Value::None();
}

Value DelItem(Value* a, size_t, TupleObject*) {
  ByteArrayObject* b = BA(a[0]);
  if (IsInstance(a[1], g_types.slice)) {
    int64_t start, stop, step;
    if (!SliceUnpack(As<SliceObject>(a[1])->bounds(), &start, &stop, &step)) {
      return Value();
    }
    int64_t len =
        SliceAdjust(static_cast<int64_t>(b->data.size()), &start, &stop, step);
    std::vector<bool> drop(b->data.size(), false);
    for (int64_t i = 0, k = start; i < len; ++i, k += step) drop[k] = true;
    std::string out;
    for (size_t i = 0; i < b->data.size(); ++i) {
      if (!drop[i]) out.push_back(b->data[i]);
    }
    b->data = std::move(out);
    return Value::None();
  }
  size_t i;
  if (!Index(b, a[1], &i, "index")) return Value();
  b->data.erase(i, 1);
  return Value::None();
}

Value Append(Value* a, size_t n, TupleObject* kw) {
  if (!CheckArgs("append", n - 1, kw, 1, 1)) return Value();
  return ByteValue(a[1], &BA(a[0])->data) ? Value::None() : Value();
}

Value Extend(Value* a, size_t n, TupleObject* kw) {
  if (!CheckArgs("extend", n - 1, kw, 1, 1)) return Value();
  std::string more;
  if (!BytesFromIterable(a[1], &more)) return Value();
  BA(a[0])->data += more;
  return Value::None();
}

Value Pop(Value* a, size_t n, TupleObject* kw) {
  if (!CheckArgs("pop", n - 1, kw, 0, 1)) return Value();
  ByteArrayObject* b = BA(a[0]);
  // Argument Clinic converts the index before the checks.
  int64_t k = -1;
  if (n == 2 && !SsizeArg(a[1], &k)) return Value();
  if (b->data.empty())
    return Raise(g_exc.IndexError, "pop from empty bytearray");
  if (k < 0) k += static_cast<int64_t>(b->data.size());
  if (k < 0 || k >= static_cast<int64_t>(b->data.size()))
    return Raise(g_exc.IndexError, "pop index out of range");
  size_t i = static_cast<size_t>(k);
  int v = static_cast<unsigned char>(b->data[i]);
  b->data.erase(i, 1);
  return Value::Int(v);
}

Value Insert(Value* a, size_t n, TupleObject* kw) {
  if (!CheckArgs("insert", n - 1, kw, 2, 2)) return Value();
  ByteArrayObject* b = BA(a[0]);
  int64_t i;
  std::string v;
  if (!SsizeArg(a[1], &i) || !ByteValue(a[2], &v)) return Value();
  int64_t size = static_cast<int64_t>(b->data.size());
  if (i < 0) i = std::max<int64_t>(0, i + size);
  i = std::min(i, size);
  b->data.insert(static_cast<size_t>(i), 1, v[0]);
  return Value::None();
}

Value Remove(Value* a, size_t n, TupleObject* kw) {
  if (!CheckArgs("remove", n - 1, kw, 1, 1)) return Value();
  std::string v;
  if (!ByteValue(a[1], &v)) return Value();
  size_t pos = BA(a[0])->data.find(v[0]);
  if (pos == std::string::npos)
    return Raise(g_exc.ValueError, "value not found in bytearray");
  BA(a[0])->data.erase(pos, 1);
  return Value::None();
}

Value Clear(Value* a, size_t, TupleObject*) {
  BA(a[0])->data.clear();
  return Value::None();
}

Value Copy(Value* a, size_t, TupleObject*) {
  return NewByteArray(BA(a[0])->data);
}

Value Reverse(Value* a, size_t, TupleObject*) {
  std::string& d = BA(a[0])->data;
  std::reverse(d.begin(), d.end());
  return Value::None();
}

template <CompareOp kOp>
Value Compare(Value* a, size_t, TupleObject*) {
  std::string other;
  if (!BytesLike(a[1], &other)) return NotImplemented();
  int c = BA(a[0])->data.compare(other);
  bool r = kOp == CompareOp::kEq   ? c == 0
           : kOp == CompareOp::kNe ? c != 0
           : kOp == CompareOp::kLt ? c < 0
           : kOp == CompareOp::kLe ? c <= 0
           : kOp == CompareOp::kGt ? c > 0
                                   : c >= 0;
  return Value::Bool(r);
}

Value Add(Value* a, size_t, TupleObject*) {
  std::string other;
  if (!BytesLike(a[1], &other)) {
    return RaiseF(g_exc.TypeError, "can't concat %s to bytearray",
                  TypeName(a[1]));
  }
  return NewByteArray(BA(a[0])->data + other);
}

Value IAdd(Value* a, size_t, TupleObject*) {
  // CPython exports the right operand's buffer while it resizes the left:
  // `b += b` finds its own buffer exported (found by the VM fuzzer, where the
  // VM doubled b instead).
  if (a[1].Is(a[0])) {
    return Raise(g_exc.BufferError,
                 "Existing exports of data: object cannot be re-sized");
  }
  std::string other;
  if (!BytesLike(a[1], &other)) {
    return RaiseF(g_exc.TypeError, "can't concat %s to bytearray",
                  TypeName(a[1]));
  }
  BA(a[0])->data += other;
  return a[0];
}

Value Mul(Value* a, size_t, TupleObject*) {
  int64_t n;
  bool is_index;
  if (!RepeatCount(a[1], &n, &is_index)) {
    return is_index ? Value() : NotImplemented();
  }
  const std::string& d = BA(a[0])->data;
  size_t total;
  if (!RepeatSize(d.size(), n, &total)) return Value();
  std::string out;
  out.reserve(total);
  for (int64_t i = 0; total > 0 && i < n; ++i) out += d;
  return NewByteArray(std::move(out));
}

// self % args: bytes' formatting on a snapshot, as a bytearray.
Value Mod(Value* a, size_t n, TupleObject* kw) {
  if (!CheckSlotArgs("__mod__", NumPositional(n, kw), kw, 1)) return Value();
  Value r = BytesPercentFormat(BytesObject::New(BA(a[0])->data), a[1]);
  if (r.is_null()) return r;
  return NewByteArray(As<BytesObject>(r)->data());
}

// other % self formats only when `other` is a bytearray (bytearray_mod).
Value RMod(Value* a, size_t n, TupleObject* kw) {
  if (!CheckSlotArgs("__rmod__", NumPositional(n, kw), kw, 1)) return Value();
  if (!IsByteArray(a[1])) return NotImplemented();
  Value r = BytesPercentFormat(BytesObject::New(BA(a[1])->data), a[0]);
  if (r.is_null()) return r;
  return NewByteArray(As<BytesObject>(r)->data());
}

Value Contains(Value* a, size_t, TupleObject*) {
  const std::string& d = BA(a[0])->data;
  if (HasIndex(a[1])) {
    int64_t v;
    bool clamped;  // A huge int is out of range like any other.
    if (!IndexClamped(a[1], &v, &clamped)) return Value();
    if (v < 0 || v > 255)
      return Raise(g_exc.ValueError, "byte must be in range(0, 256)");
    return Value::Bool(d.find(static_cast<char>(v)) != std::string::npos);
  }
  std::string sub;
  if (!BytesLike(a[1], &sub)) {
    return RaiseF(g_exc.TypeError, "a bytes-like object is required, not '%s'",
                  TypeName(a[1]));
  }
  return Value::Bool(d.find(sub) != std::string::npos);
}

Value Iter(Value* a, size_t, TupleObject*) {
  // Indexes the live bytearray, which may change during the iteration.
  static TypeObject* type = NewIteratorType("bytearray_iterator");
  return NewIteratorOfType(type, IteratorObject::Kind::kSequence, a[0]);
}

// Read-only methods shared with bytes: run bytes' method on a snapshot, then
// turn bytes results (and lists/tuples of them) into bytearrays.
Value ToByteArrays(Value r) {
  if (IsInstance(r, g_types.bytes))
    return NewByteArray(As<BytesObject>(r)->data());
  if (IsInstance(r, g_types.list)) {
    for (Value& x : As<ListObject>(r)->items()) x = ToByteArrays(x);
    return r;
  }
  if (IsInstance(r, g_types.tuple)) {
    auto* t = As<TupleObject>(r);
    std::vector<Value> items(t->data(), t->data() + t->size());
    for (Value& x : items) x = ToByteArrays(x);
    return TupleObject::FromValues(items.data(), items.size());
  }
  return r;
}

Value Delegate(const char* name, Value* a, size_t n, TupleObject* kw) {
  Value snapshot = BytesObject::New(BA(a[0])->data);
  // Arguments that are bytearrays become bytes, which bytes' methods accept.
  std::vector<Value> args;
  for (size_t i = 1; i < n; ++i) {
    args.push_back(IsByteArray(a[i]) ? BytesObject::New(BA(a[i])->data) : a[i]);
  }
  Value method = GetAttr(snapshot, name);
  if (method.is_null()) return method;
  Value r = Call(method, args.data(), args.size(), kw);
  if (r.is_null()) return r;
  static const char* const kKeepsBytes[] = {"decode", "hex",        "find",
                                            "rfind",  "index",      "rindex",
                                            "count",  "startswith", "endswith"};
  for (const char* k : kKeepsBytes) {
    if (std::string(k) == name) return r;
  }
  return ToByteArrays(std::move(r));
}

#define DELEGATE(NAME) \
  [](Value* a, size_t n, TupleObject* kw) { return Delegate(NAME, a, n, kw); }

}  // namespace

void InitByteArrayType() {
  g_bytearray = new TypeObject(g_types.type, "bytearray", Layout::kOther);
  TypeObject* t = g_bytearray;
  t->SetBases({g_types.object});
  t->set_new_fn(ByteArrayNewFn);
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
  AddMethod(t, "__eq__", Compare<CompareOp::kEq>);
  AddMethod(t, "__ne__", Compare<CompareOp::kNe>);
  AddMethod(t, "__lt__", Compare<CompareOp::kLt>);
  AddMethod(t, "__le__", Compare<CompareOp::kLe>);
  AddMethod(t, "__gt__", Compare<CompareOp::kGt>);
  AddMethod(t, "__ge__", Compare<CompareOp::kGe>);
  t->SetAttribute("__hash__", Value::None());
  AddMethod(t, "append", Append);
  AddMethod(t, "extend", Extend);
  AddMethod(t, "pop", Pop);
  AddMethod(t, "insert", Insert);
  AddMethod(t, "remove", Remove);
  AddMethod(t, "clear", Clear);
  AddMethod(t, "copy", Copy);
  AddMethod(t, "reverse", Reverse);
  AddMethod(t, "decode", DELEGATE("decode"));
  AddMethod(t, "hex", DELEGATE("hex"));
  AddMethod(t, "find", DELEGATE("find"));
  AddMethod(t, "rfind", DELEGATE("rfind"));
  AddMethod(t, "index", DELEGATE("index"));
  AddMethod(t, "rindex", DELEGATE("rindex"));
  AddMethod(t, "count", DELEGATE("count"));
  AddMethod(t, "startswith", DELEGATE("startswith"));
  AddMethod(t, "endswith", DELEGATE("endswith"));
  AddMethod(t, "replace", DELEGATE("replace"));
  AddMethod(t, "upper", DELEGATE("upper"));
  AddMethod(t, "lower", DELEGATE("lower"));
  AddMethod(t, "strip", DELEGATE("strip"));
  AddMethod(t, "lstrip", DELEGATE("lstrip"));
  AddMethod(t, "rstrip", DELEGATE("rstrip"));
  AddMethod(t, "split", DELEGATE("split"));
  AddMethod(t, "rsplit", DELEGATE("rsplit"));
  AddMethod(t, "join", DELEGATE("join"));
  AddMethod(t, "__mod__", Mod);
  AddMethod(t, "__rmod__", RMod);
  AddSharedByteArrayMethods();
}

Value ByteArrayType() { return Value::FromObject(g_bytearray); }

TypeObject* ByteArrayTypeObject() { return g_bytearray; }

std::string* ByteArrayBuffer(const Value& v) {
  if (g_bytearray == nullptr || !IsByteArray(v)) return nullptr;
  return &BA(v)->data;
}

Value NewByteArrayValue(std::string data) {
  return NewByteArray(std::move(data));
}

}  // namespace minidynamo
