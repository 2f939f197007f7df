#include "runtime/modules/module_util.h"

#include <string>

#include "vm/core/errors.h"
#include "vm/core/type.h"  // Object's inline constructor.
#include "vm/interp/ops.h"
#include "vm/objects/dict.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {

Value RaiseStatus(const absl::Status& status, TypeObject* range_type) {
  TypeObject* type = g_exc.ValueError;
  switch (status.code()) {
    case absl::StatusCode::kOutOfRange:
      type = range_type != nullptr ? range_type : g_exc.OverflowError;
      break;
    case absl::StatusCode::kFailedPrecondition:
      type = g_exc.ZeroDivisionError;
      break;
    case absl::StatusCode::kResourceExhausted:
      type = g_exc.MemoryError;
      break;
    default:
      break;
  }
  return Raise(type, std::string(status.message()));
}

bool ArgToDouble(const Value& v, double* out) {
  if (v.is_float() || IsIntValue(v)) return ToDouble(v, out);
  // Objects that are not numbers convert through __float__, then __index__.
  static StrObject* float_name = Intern("__float__");
  Value r = CallSpecial(v, float_name, nullptr, 0);
  if (r.is_null() && ErrorOccurred()) return false;
  if (!r.is_null()) {
    if (!r.is_float()) {
      RaiseF(g_exc.TypeError, "%s.__float__ returned non-float (type %s)",
             TypeName(v), TypeName(r));
      return false;
    }
    *out = r.as_float();
    return true;
  }
  static StrObject* index_name = Intern("__index__");
  r = CallSpecial(v, index_name, nullptr, 0);
  if (r.is_null() && ErrorOccurred()) return false;
  if (!r.is_null() && IsIntValue(r)) return ToDouble(r, out);
  RaiseF(g_exc.TypeError, "must be real number, not %s", TypeName(v));
  return false;
}

bool ArgToBigInt(const Value& v, BigInt* out) {
  if (IsIntValue(v)) {
    *out = ToBigInt(v);
    return true;
  }
  static StrObject* index_name = Intern("__index__");
  Value r = CallSpecial(v, index_name, nullptr, 0);
  if (r.is_null()) {
    if (!ErrorOccurred()) {
      RaiseF(g_exc.TypeError, "'%s' object cannot be interpreted as an integer",
             TypeName(v));
    }
    return false;
  }
  if (!IsIntValue(r)) {
    RaiseF(g_exc.TypeError, "__index__ returned non-int (type %s)",
           TypeName(r));
    return false;
  }
  *out = ToBigInt(r);
  return true;
}

bool ArgToInt64(const Value& v, int64_t* out, const char* overflow_msg) {
  if (v.is_int() || v.is_bool()) {
    *out = v.as_int();
    return true;
  }
  BigInt b;
  if (!ArgToBigInt(v, &b)) return false;
  if (!b.FitsInt64()) {
    Raise(g_exc.OverflowError, overflow_msg);
    return false;
  }
  *out = b.ToInt64();
  return true;
}

Value KwArg(Value* args, size_t nargs, TupleObject* kwnames, const char* name) {
  if (kwnames == nullptr) return Value();
  size_t nkw = kwnames->size();
  for (size_t k = 0; k < nkw; ++k) {
    if (As<StrObject>(kwnames->get(k))->str() == name) {
      return args[nargs - nkw + k];
    }
  }
  return Value();
}

bool CheckKwNames(const char* fname, TupleObject* kwnames,
                  std::initializer_list<const char*> allowed) {
  if (kwnames == nullptr) return true;
  for (size_t k = 0; k < kwnames->size(); ++k) {
    const std::string& name = As<StrObject>(kwnames->get(k))->str();
    bool ok = false;
    for (const char* a : allowed) ok = ok || name == a;
    if (!ok) {
      RaiseF(g_exc.TypeError, "%s() got an unexpected keyword argument '%s'",
             fname, name);
      return false;
    }
  }
  return true;
}

void SetAttrStr(DictObject* dict, const char* name, Value value) {
  dict->SetStr(Intern(name), std::move(value));
}

}  // namespace minidynamo
