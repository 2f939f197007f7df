// bytearray: a mutable byte string. Its own storage and mutating methods; the
// many read-only methods it shares with bytes run bytes' implementation on a
// snapshot and turn bytes results back into bytearrays, as CPython's bytearray
// returns bytearrays.

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/format/str_repr.h"
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
    int64_t b;
    if (!AsIndex(x, &b)) return false;
    if (b < 0 || b > 255) {
      Raise(g_exc.ValueError, "byte must be in range(0, 256)");
      return false;
    }
    out->push_back(static_cast<char>(b));
  }
}

Value ByteArrayNewFn(TypeObject* type, Value* args, size_t nargs,
                     TupleObject* kw) {
  size_t npos = nargs - (kw ? kw->size() : 0);
  std::string data;
  if (npos >= 1) {
    const Value& x = args[0];
    if (IsInstance(x, g_types.str)) {
      // bytearray(str, encoding): encode through str.encode.
      if (npos < 2)
        return Raise(g_exc.TypeError, "string argument without an encoding");
      Value encoded = CallMethod(x, "encode", args + 1, npos - 1);
      if (encoded.is_null()) return encoded;
      data = As<BytesObject>(encoded)->data();
    } else if (x.is_int()) {
      if (x.as_int() < 0) return Raise(g_exc.ValueError, "negative count");
      data.assign(static_cast<size_t>(x.as_int()), '\0');
    } else if (!BytesFromIterable(x, &data)) {
      return Value();
    }
  }
  return NewByteArray(std::move(data), type);
}

Value Repr(Value* a, size_t, TupleObject*) {
  return StrObject::New(
      absl::StrCat(TypeOf(a[0])->name(), "(", BytesRepr(BA(a[0])->data), ")"));
}

Value Len(Value* a, size_t, TupleObject*) {
  return Value::Int(static_cast<int64_t>(BA(a[0])->data.size()));
}

bool Index(ByteArrayObject* b, const Value& key, size_t* out,
           const char* what) {
  int64_t i;
  if (!AsIndex(key, &i)) return false;
  int64_t n = static_cast<int64_t>(b->data.size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    RaiseF(g_exc.IndexError, "bytearray %s out of range", what);
    return false;
  }
  *out = static_cast<size_t>(i);
  return true;
}

Value GetItem(Value* a, size_t, TupleObject*) {
  ByteArrayObject* b = BA(a[0]);
  if (IsInstance(a[1], g_types.slice)) {
    int64_t start, stop, step, len;
    if (!As<SliceObject>(a[1])->Indices(static_cast<int64_t>(b->data.size()),
                                        &start, &stop, &step, &len)) {
      return Value();
    }
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
    int64_t start, stop, step, len;
    if (!As<SliceObject>(a[1])->Indices(static_cast<int64_t>(b->data.size()),
                                        &start, &stop, &step, &len)) {
      return Value();
    }
    std::string src;
    if (!BytesFromIterable(a[2], &src)) return Value();
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
  size_t i;
  if (!Index(b, a[1], &i, "index")) return Value();
  int64_t v;
  if (!AsIndex(a[2], &v)) return Value();
  if (v < 0 || v > 255)
    return Raise(g_exc.ValueError, "byte must be in range(0, 256)");
  b->data[i] = static_cast<char>(v);
  return Value::None();
}

Value DelItem(Value* a, size_t, TupleObject*) {
  ByteArrayObject* b = BA(a[0]);
  if (IsInstance(a[1], g_types.slice)) {
    int64_t start, stop, step, len;
    if (!As<SliceObject>(a[1])->Indices(static_cast<int64_t>(b->data.size()),
                                        &start, &stop, &step, &len)) {
      return Value();
    }
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
  int64_t v;
  if (!AsIndex(a[1], &v)) return Value();
  if (v < 0 || v > 255)
    return Raise(g_exc.ValueError, "byte must be in range(0, 256)");
  BA(a[0])->data.push_back(static_cast<char>(v));
  return Value::None();
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
  if (b->data.empty())
    return Raise(g_exc.IndexError, "pop from empty bytearray");
  size_t i = b->data.size() - 1;
  if (n == 2 && !Index(b, a[1], &i, "index")) return Value();
  int v = static_cast<unsigned char>(b->data[i]);
  b->data.erase(i, 1);
  return Value::Int(v);
}

Value Insert(Value* a, size_t n, TupleObject* kw) {
  if (!CheckArgs("insert", n - 1, kw, 2, 2)) return Value();
  ByteArrayObject* b = BA(a[0]);
  int64_t i, v;
  if (!AsIndex(a[1], &i) || !AsIndex(a[2], &v)) return Value();
  if (v < 0 || v > 255)
    return Raise(g_exc.ValueError, "byte must be in range(0, 256)");
  int64_t size = static_cast<int64_t>(b->data.size());
  if (i < 0) i = std::max<int64_t>(0, i + size);
  i = std::min(i, size);
  b->data.insert(static_cast<size_t>(i), 1, static_cast<char>(v));
  return Value::None();
}

Value Remove(Value* a, size_t n, TupleObject* kw) {
  if (!CheckArgs("remove", n - 1, kw, 1, 1)) return Value();
  int64_t v;
  if (!AsIndex(a[1], &v)) return Value();
  size_t pos = BA(a[0])->data.find(static_cast<char>(v));
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
  if (!IsIntValue(a[1])) return NotImplemented();
  if (!AsIndex(a[1], &n)) return Value();
  const std::string& d = BA(a[0])->data;
  size_t total;
  if (!RepeatSize(d.size(), n, &total)) return Value();
  std::string out;
  out.reserve(total);
  for (int64_t i = 0; total > 0 && i < n; ++i) out += d;
  return NewByteArray(std::move(out));
}

Value Contains(Value* a, size_t, TupleObject*) {
  const std::string& d = BA(a[0])->data;
  if (IsIntValue(a[1])) {
    int64_t v;
    if (!AsIndex(a[1], &v)) return Value();
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
  // Iterate over a snapshot's ints, as a list iterator would.
  Value list = ListObject::New();
  for (unsigned char c : BA(a[0])->data)
    As<ListObject>(list)->items().push_back(Value::Int(c));
  return GetIter(list);
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
}

Value ByteArrayType() { return Value::FromObject(g_bytearray); }

bool ByteArrayData(const Value& v, std::string* out) {
  if (g_bytearray == nullptr || !IsByteArray(v)) return false;
  *out = BA(v)->data;
  return true;
}

}  // namespace minidynamo
