#include "vm/objects/method_util.h"

#include <sys/resource.h>
#include <unistd.h>

#include <limits>

#include "absl/container/flat_hash_map.h"
#include "vm/core/errors.h"
#include "vm/interp/generator.h"
#include "vm/objects/bytes_internal.h"
#include "vm/objects/list.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace method_util_internal {
namespace {

absl::flat_hash_map<NativeFn, const char*>& Names() {
  static auto* names = new absl::flat_hash_map<NativeFn, const char*>();
  return *names;
}

}  // namespace

void RecordMethodName(NativeFn wrapper, const char* name) {
  Names()[wrapper] = name;
}

const char* MethodName(NativeFn wrapper) {
  auto it = Names().find(wrapper);
  return it == Names().end() ? "?" : it->second;
}

Value RaiseUnbound(TypeObject* owner, const char* name) {
  return RaiseF(g_exc.TypeError, "unbound method %s.%s() needs an argument",
                owner->name(), name);
}

Value RaiseBadReceiver(TypeObject* owner, const char* name, const Value& self) {
  return RaiseF(
      g_exc.TypeError,
      "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name,
      owner->name(), TypeName(self));
}

}  // namespace method_util_internal

namespace {

// An int Value clamped into int64 (big ints saturate, as CPython clips slice
// bounds to PY_SSIZE_T_MAX / PY_SSIZE_T_MIN).
int64_t ClampedInt(const Value& v) {
  if (v.is_int() || v.is_bool()) return v.as_int();
  BigInt b = ToBigInt(v);
  if (b.FitsInt64()) return b.ToInt64();
  return b.IsNegative() ? std::numeric_limits<int64_t>::min()
                        : std::numeric_limits<int64_t>::max();
}

}  // namespace

bool CheckClinicArgs(const char* qualname, const char* name, size_t npos,
                     TupleObject* kw, size_t min, size_t max) {
  if (KwCount(kw) > 0) {
    RaiseF(g_exc.TypeError, "%s() takes no keyword arguments", qualname);
    return false;
  }
  if (npos < min) {
    RaiseF(g_exc.TypeError, "%s expected at least %d argument%s, got %d", name,
           min, min == 1 ? "" : "s", npos);
    return false;
  }
  if (npos > max) {
    RaiseF(g_exc.TypeError, "%s expected at most %d argument%s, got %d", name,
           max, max == 1 ? "" : "s", npos);
    return false;
  }
  return true;
}

bool CheckOldStyleArgs(const char* name, size_t npos, TupleObject* kw,
                       size_t min, size_t max) {
  if (KwCount(kw) > 0) {
    RaiseF(g_exc.TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  if (npos < min) {
    RaiseF(g_exc.TypeError, "%s() takes at least %d argument%s (%d given)",
           name, min, min == 1 ? "" : "s", npos);
    return false;
  }
  if (npos > max) {
    RaiseF(g_exc.TypeError, "%s() takes at most %d argument%s (%d given)", name,
           max, max == 1 ? "" : "s", npos);
    return false;
  }
  return true;
}

bool CheckSlotArgs(const char* name, size_t npos, TupleObject* kw, size_t n) {
  if (KwCount(kw) > 0) {
    RaiseF(g_exc.TypeError, "wrapper %s() takes no keyword arguments", name);
    return false;
  }
  if (npos != n) {
    RaiseF(g_exc.TypeError, "expected %d argument%s, got %d", n,
           n == 1 ? "" : "s", npos);
    return false;
  }
  return true;
}

bool ParseKeywordArgs(const char* fname, const Value* args, size_t nargs,
                      TupleObject* kw, std::initializer_list<const char*> names,
                      Value* out) {
  size_t nkw = KwCount(kw);
  size_t npos = nargs - nkw;
  if (npos > names.size()) {
    RaiseF(g_exc.TypeError, "%s() takes at most %d argument%s (%d given)",
           fname, names.size(), names.size() == 1 ? "" : "s", npos);
    return false;
  }
  for (size_t i = 0; i < names.size(); ++i) out[i] = Value();
  for (size_t i = 0; i < npos; ++i) out[i] = args[i];
  for (size_t k = 0; k < nkw; ++k) {
    const std::string& kname = As<StrObject>(kw->get(k))->str();
    size_t i = 0;
    for (const char* n : names) {
      if (kname == n) break;
      ++i;
    }
    if (i == names.size()) {
      RaiseF(g_exc.TypeError, "'%s' is an invalid keyword argument for %s()",
             kname, fname);
      return false;
    }
    if (!out[i].is_null()) {
      RaiseF(g_exc.TypeError,
             "argument for %s() given by name ('%s') and position (%d)", fname,
             kname, i + 1);
      return false;
    }
    out[i] = args[npos + k];
  }
  return true;
}

bool HasIndex(const Value& v) {
  if (v.is_int() || v.is_bool() || IsIntValue(v)) return true;
  static StrObject* index = Intern("__index__");
  return v.is_object() && !TypeOf(v)->Lookup(index).is_null();
}

bool SequenceIndex(const Value& key, int64_t* out, bool* is_index) {
  *is_index = true;
  if (key.is_int()) {
    *out = key.as_int();
    return true;
  }
  if (IsIntValue(key)) {
    BigInt b = ToBigInt(key);
    if (!b.FitsInt64()) {
      RaiseF(g_exc.IndexError, "cannot fit '%s' into an index-sized integer",
             TypeName(key));
      return false;
    }
    *out = b.ToInt64();
    return true;
  }
  if (!HasIndex(key)) {
    *is_index = false;
    return false;
  }
  return AsIndex(key, out);
}

bool SliceIndexArg(const Value& v, int64_t* out) {
  if (v.is_null() || v.is_none()) return true;
  if (v.is_int() || v.is_bool() || IsIntValue(v)) {
    *out = ClampedInt(v);
    return true;
  }
  if (!HasIndex(v)) {
    Raise(g_exc.TypeError,
          "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  static StrObject* index = Intern("__index__");
  Value r = CallSpecial(v, index, nullptr, 0);
  if (r.is_null()) return false;
  if (!IsIntValue(r)) {
    RaiseF(g_exc.TypeError, "__index__ returned non-int (type %s)",
           TypeName(r));
    return false;
  }
  *out = ClampedInt(r);
  return true;
}

bool SliceIndexArgNotNone(const Value& v, int64_t* out) {
  if (v.is_null()) return true;
  if (v.is_none() || !HasIndex(v)) {
    Raise(g_exc.TypeError,
          "slice indices must be integers or have an __index__ method");
    return false;
  }
  return SliceIndexArg(v, out);
}

bool RepeatCount(const Value& v, int64_t* out, bool* is_index) {
  *is_index = HasIndex(v);
  if (!*is_index) return false;
  Value n = IndexValue(v);
  if (n.is_null()) return false;
  if (n.is_int() || n.is_bool()) {
    *out = n.as_int();
    return true;
  }
  BigInt b = ToBigInt(n);
  if (!b.FitsInt64()) {
    RaiseF(g_exc.OverflowError, "cannot fit '%s' into an index-sized integer",
           TypeName(v));
    return false;
  }
  *out = b.ToInt64();
  return true;
}

bool SsizeArg(const Value& v, int64_t* out) {
  bool clamped;
  if (!IndexClamped(v, out, &clamped)) return false;
  if (clamped) {
    Raise(g_exc.OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

bool CIntArg(const Value& v, int64_t* out) {
  bool clamped;
  if (!IndexClamped(v, out, &clamped)) return false;
  if (clamped || *out > INT32_MAX || *out < INT32_MIN) {
    Raise(g_exc.OverflowError, "Python int too large to convert to C int");
    return false;
  }
  return true;
}

Value IndexValue(const Value& v) {
  if (IsIntValue(v)) return v;
  static StrObject* index = Intern("__index__");
  Value r = CallSpecial(v, index, nullptr, 0);
  if (r.is_null()) {
    if (!ErrorOccurred()) {
      RaiseF(g_exc.TypeError, "'%s' object cannot be interpreted as an integer",
             TypeName(v));
    }
    return r;
  }
  if (!IsIntValue(r)) {
    return RaiseF(g_exc.TypeError, "__index__ returned non-int (type %s)",
                  TypeName(r));
  }
  return r;
}

void AdjustIndices(int64_t* start, int64_t* end, int64_t len) {
  if (*end > len) {
    *end = len;
  } else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
}

bool CollectItems(const Value& iterable, std::vector<Value>* out) {
  if (IsExactType(iterable, g_types.list)) {
    const std::vector<Value>& items = As<ListObject>(iterable)->items();
    out->insert(out->end(), items.begin(), items.end());
    return true;
  }
  if (IsExactType(iterable, g_types.tuple)) {
    auto* t = As<TupleObject>(iterable);
    out->insert(out->end(), t->data(), t->data() + t->size());
    return true;
  }
  bool done;
  bool ok = CollectGenerator(iterable, out, &done);
  if (done) return ok;
  Value it = GetIter(iterable);
  if (it.is_null()) return false;
  while (true) {
    Value item = IterNext(it);
    if (item.is_null()) return !ErrorOccurred();
    out->push_back(std::move(item));
  }
}

bool RepeatSize(size_t n, int64_t count, size_t* out, size_t item_bytes) {
  if (count <= 0 || n == 0) {
    *out = 0;
    return true;
  }
  // More than the machine's memory, or than the address space `ulimit -v`
  // allows, can never be allocated: MemoryError up front (as CPython's
  // failed malloc) instead of a C++ allocation failure.
  static const uint64_t kLimit = [] {
    long pages = sysconf(_SC_PHYS_PAGES);
    long page = sysconf(_SC_PAGE_SIZE);
    uint64_t bytes = pages > 0 && page > 0 ? static_cast<uint64_t>(pages) * page
                                           : uint64_t{1} << 62;
    for (int resource : {RLIMIT_AS, RLIMIT_DATA}) {
      struct rlimit lim;
      if (getrlimit(resource, &lim) == 0 && lim.rlim_cur != RLIM_INFINITY &&
          static_cast<uint64_t>(lim.rlim_cur) < bytes) {
        bytes = static_cast<uint64_t>(lim.rlim_cur);
      }
    }
    return bytes;
  }();
  uint64_t per = static_cast<uint64_t>(n) * item_bytes;
  if (static_cast<uint64_t>(count) > kLimit / per) {
    Raise(g_exc.MemoryError, "");
    return false;
  }
  *out = n * static_cast<size_t>(count);
  return true;
}

Value RaiseKeyError(const Value& key) {
  Value exc = CallOneArg(Value::FromObject(g_exc.KeyError), key);
  if (exc.is_null()) return exc;
  return RaiseValue(std::move(exc));
}

Value Retype(Value obj, TypeObject* type) {
  if (obj.is_object() && obj.as_object()->type() != type) {
    obj.as_object()->set_type(type);
  }
  return obj;
}

}  // namespace minidynamo
