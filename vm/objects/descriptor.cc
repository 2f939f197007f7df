#include "vm/objects/descriptor.h"

#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/ops.h"
#include "vm/objects/number.h"

namespace minidynamo {
namespace {

bool SliceIndexSlow(const Value& v, int64_t* out);

// A slice bound as an int, clamping huge values (CPython's _PyEval_SliceIndex).
inline bool SliceIndex(const Value& v, int64_t* out) {
  if (v.is_int() || v.is_bool()) {
    *out = v.as_int();
    return true;
  }
  return SliceIndexSlow(v, out);
}

bool SliceIndexSlow(const Value& v, int64_t* out) {
  if (IsIntValue(v)) {
    *out = ToBigInt(v).IsNegative() ? INT64_MIN / 2 : INT64_MAX / 2;
    return true;
  }
  static StrObject* index = Intern("__index__");
  Value r = CallSpecial(v, index, nullptr, 0);
  if (r.is_null()) {
    if (!ErrorOccurred()) {
      Raise(
          g_exc.TypeError,
          "slice indices must be integers or None or have an __index__ method");
    }
    return false;
  }
  return SliceIndex(r, out);
}

}  // namespace

bool SliceObject::Indices(int64_t length, int64_t* pstart, int64_t* pstop,
                          int64_t* pstep, int64_t* slicelength) const {
  int64_t s = 1;
  if (!step.is_none()) {
    if (!SliceIndex(step, &s)) return false;
    if (s == 0) {
      Raise(g_exc.ValueError, "slice step cannot be zero");
      return false;
    }
  }
  int64_t lower = s < 0 ? -1 : 0;
  int64_t upper = s < 0 ? length - 1 : length;
  int64_t b, e;
  if (start.is_none()) {
    b = s < 0 ? upper : lower;
  } else {
    if (!SliceIndex(start, &b)) return false;
    if (b < 0) {
      b += length;
      if (b < lower) b = lower;
    } else if (b > upper) {
      b = upper;
    }
  }
  if (stop.is_none()) {
    e = s < 0 ? lower : upper;
  } else {
    if (!SliceIndex(stop, &e)) return false;
    if (e < 0) {
      e += length;
      if (e < lower) e = lower;
    } else if (e > upper) {
      e = upper;
    }
  }
  *pstart = b;
  *pstop = e;
  *pstep = s;
  if (s < 0) {
    *slicelength = e < b ? (b - e - 1) / (-s) + 1 : 0;
  } else {
    *slicelength = b < e ? (e - b - 1) / s + 1 : 0;
  }
  return true;
}

int64_t RangeObject::Length() const {
  if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
  if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
  return 0;
}

ModuleObject::ModuleObject(TypeObject* type, std::string name)
    : Object(type), name(std::move(name)) {
  EnsureDict();
}

}  // namespace minidynamo
