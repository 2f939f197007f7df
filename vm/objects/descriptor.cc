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

bool SliceUnpack(const SliceBounds& bounds, int64_t* start, int64_t* stop,
                 int64_t* step) {
  int64_t s = 1;
  if (!bounds.step.is_none()) {
    if (!SliceIndex(bounds.step, &s)) return false;
    if (s == 0) {
      Raise(g_exc.ValueError, "slice step cannot be zero");
      return false;
    }
    // As CPython: -step must not overflow (an int of exactly INT64_MIN).
    if (s < -INT64_MAX) s = -INT64_MAX;
  }
  // A missing bound is the far end in the step's direction.
  int64_t b = s < 0 ? INT64_MAX : 0;
  int64_t e = s < 0 ? INT64_MIN : INT64_MAX;
  if (!bounds.start.is_none() && !SliceIndex(bounds.start, &b)) return false;
  if (!bounds.stop.is_none() && !SliceIndex(bounds.stop, &e)) return false;
  *start = b;
  *stop = e;
  *step = s;
  return true;
}

bool SliceIndices(const SliceBounds& bounds, int64_t length, int64_t* pstart,
                  int64_t* pstop, int64_t* pstep, int64_t* slicelength) {
  if (!SliceUnpack(bounds, pstart, pstop, pstep)) return false;
  *slicelength = SliceAdjust(length, pstart, pstop, *pstep);
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
