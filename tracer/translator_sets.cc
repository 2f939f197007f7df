// Sets in traced code. A set of constants (built in the frame, or read from
// it and guarded by its contents) is tracked as one private set object, so
// Python's own set code answers every question (`in`, order of iteration,
// operators, methods). Mutations replace that object with a changed copy:
// checkpoints then still hold the old contents for a rollback. A set read
// from outside the frame is not mutated here (a graph break runs that call
// for real), so it never needs replaying.

#include "absl/strings/str_cat.h"
#include "tracer/translator_internal.h"
#include "vm/objects/set.h"

namespace minidynamo {
namespace tracer_detail {

namespace {

// A new set (or frozenset) holding `items`; null with an error raised.
Value SetFrom(TypeObject* type, const std::vector<Value>& items) {
  Value s = SetObject::New(type);
  for (const Value& x : items) {
    if (!As<SetObject>(s)->Add(x)) return Value();
  }
  return s;
}

std::vector<Value> Elements(const Value& set) {
  std::vector<Value> out;
  size_t pos = 0;
  Value key;
  while (As<SetObject>(set)->Next(&pos, &key)) out.push_back(key);
  return out;
}

bool IsSetValue(const Value& v) {
  return v.is_object() &&
         (TypeOf(v) == g_types.set || TypeOf(v) == g_types.frozenset);
}

}  // namespace

VTRef Translator::NewSetVT(Value set) {
  auto t = std::make_shared<VT>();
  t->kind = VT::kSet;
  t->created_here = true;
  t->value = std::move(set);
  return t;
}

bool Translator::SetElements(const VTRef& v0, std::vector<Value>* out) {
  VTRef v = Real(v0);
  if (v == nullptr) return false;
  if (v->kind == VT::kSet) {
    *out = Elements(v->value);
    return true;
  }
  if (v->kind == VT::kTuple || v->kind == VT::kList) {
    for (const VTRef& x : v->items) {
      Value c;
      VTRef rx = Real(x);
      if (rx == nullptr) return false;
      if (!rx->is_const() || !ConstValue(rx, &c)) {
        return Unsupported("a set of non-constant values");
      }
      out->push_back(c);
    }
    return true;
  }
  if (v->kind == VT::kDict) {
    for (auto& e : v->entries) out->push_back(e.first);
    return true;
  }
  Value c;
  if (v->is_const() && ConstValue(v, &c)) {
    if (IsSetValue(c)) {
      *out = Elements(c);
      return true;
    }
    std::vector<VTRef> items;
    if (!IterateObject(v, &items)) return false;
    for (const VTRef& x : items) {
      if (!x->is_const()) return Unsupported("a set of non-constant values");
      out->push_back(x->value);
    }
    return true;
  }
  return Unsupported("a set built from an unknown value");
}

bool Translator::MakeSet(TypeObject* type, std::vector<VTRef>& args,
                         VTRef* result) {
  if (args.size() > 1) return Unsupported("set() with several arguments");
  std::vector<Value> items;
  if (args.size() == 1 && !SetElements(args[0], &items)) return false;
  Value s = SetFrom(type, items);
  if (s.is_null()) return out_->PyFail("set");
  *result = type == g_types.set ? NewSetVT(s) : VT::Const(s);
  return true;
}

bool Translator::SetBinaryOp(int op_index, const VTRef& a, const VTRef& b,
                             VTRef* r) {
  Value x, y;
  auto operand = [&](const VTRef& v, Value* out) {
    if (v->kind == VT::kSet) {
      *out = v->value;
      return true;
    }
    return v->is_const() && ConstValue(v, out);
  };
  if (!operand(a, &x) || !operand(b, &y)) {
    return Unsupported("a set operator on an unknown value");
  }
  bool inplace = op_index >= kInplaceOffset && op_index < kCompareBase;
  if (inplace && a->kind == VT::kSet && !a->created_here) {
    return Unsupported("mutating a set from outside the frame");
  }
  // `s |= t` computes into a copy: the tracked object stays as it was.
  int plain = inplace ? op_index - kInplaceOffset : op_index;
  Value v =
      plain >= kCompareBase
          ? RichCompare(x, y, static_cast<CompareOp>(plain - kCompareBase))
          : BinaryOp(x, y, static_cast<BinOp>(plain));
  if (v.is_null()) return out_->PyFail("a set operator");
  if (inplace && a->kind == VT::kSet && IsSetValue(v)) {
    a->value = v;  // the same set, changed
    *r = a;
    return true;
  }
  if (v.is_object() && TypeOf(v) == g_types.set) {
    *r = NewSetVT(v);
    return true;
  }
  if (!IsConstantValue(v)) return Unsupported("a set operator's result");
  *r = VT::Const(v);
  return true;
}

bool Translator::SetMethod(const VTRef& s, const std::string& name,
                           std::vector<VTRef>& args, VTRef* result) {
  static const char* kMutating[] = {"add",
                                    "discard",
                                    "remove",
                                    "update",
                                    "clear",
                                    "pop",
                                    "difference_update",
                                    "intersection_update",
                                    "symmetric_difference_update"};
  static const char* kReading[] = {
      "copy",         "union",      "intersection", "difference",
      "issubset",     "issuperset", "isdisjoint",   "symmetric_difference",
      "__contains__", "__len__"};
  bool mutating = false, known = false;
  for (const char* m : kMutating) mutating |= name == m;
  for (const char* m : kReading) known |= name == m;
  if (!mutating && !known) return Unsupported("set." + name);
  if (mutating && !s->created_here) {
    return Unsupported("mutating a set from outside the frame");
  }
  std::vector<Value> cargs;
  for (const VTRef& a0 : args) {
    VTRef a = Real(a0);
    if (a == nullptr) return false;
    if (a->kind == VT::kSet) {
      cargs.push_back(a->value);
      continue;
    }
    if (a->kind == VT::kTuple || a->kind == VT::kList) {
      std::vector<Value> items;
      if (!SetElements(a, &items)) return false;
      cargs.push_back(TupleObject::FromValues(items.data(), items.size()));
      continue;
    }
    Value c;
    if (!a->is_const() || !ConstValue(a, &c)) {
      return Unsupported(absl::StrCat("set.", name, " of an unknown value"));
    }
    cargs.push_back(c);
  }
  Value target = s->value;
  if (mutating) {
    target = SetFrom(g_types.set, Elements(s->value));
    if (target.is_null()) return out_->PyFail("set copy");
  }
  Value r = CallMethod(target, name.c_str(), cargs.data(), cargs.size());
  if (r.is_null()) {
    // remove() of a missing element, pop() of an empty set: the call runs
    // for real after a graph break and raises there.
    return out_->PyFail(("set." + name).c_str());
  }
  if (mutating) s->value = target;
  if (r.is_object() && TypeOf(r) == g_types.set) {
    *result = NewSetVT(r);
  } else if (IsConstantValue(r)) {
    *result = VT::Const(r);
  } else {
    return Unsupported("set." + name + "'s result");
  }
  return true;
}

}  // namespace tracer_detail
}  // namespace minidynamo
