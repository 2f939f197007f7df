#include "vm/objects/union_type.h"

#include <string>
#include <vector>

#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/ops.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

TypeObject* g_union_type = nullptr;

class UnionObject : public Object {
 public:
  UnionObject(TypeObject* type, Value args)
      : Object(type), args(std::move(args)) {}
  Value args;  // Tuple of the member types (None stands for NoneType).

  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(args);
  }
};

bool IsUnionMember(const Value& v) {
  return v.is_none() || IsInstance(v, g_types.type) ||
         (v.is_object() && v.as_object()->type() == g_union_type);
}

// Flattens nested unions, maps None to NoneType and drops duplicates.
void AddMember(std::vector<Value>* out, const Value& v) {
  if (v.is_object() && v.as_object()->type() == g_union_type) {
    auto* t = As<TupleObject>(As<UnionObject>(v)->args);
    for (size_t i = 0; i < t->size(); ++i) AddMember(out, t->get(i));
    return;
  }
  Value m = v.is_none() ? Value::FromObject(g_types.none) : v;
  for (const Value& x : *out) {
    if (x.Is(m)) return;
  }
  out->push_back(m);
}

Value MakeUnion(const Value& a, const Value& b) {
  if (!IsUnionMember(a) || !IsUnionMember(b)) return NotImplemented();
  std::vector<Value> members;
  AddMember(&members, a);
  AddMember(&members, b);
  if (members.size() == 1) return members[0];
  return Value::Steal(new UnionObject(
      g_union_type, TupleObject::FromValues(members.data(), members.size())));
}

Value Or(Value* a, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__or__", nargs - 1, kw, 1, 1)) return Value();
  return MakeUnion(a[0], a[1]);
}

Value ROr(Value* a, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__ror__", nargs - 1, kw, 1, 1)) return Value();
  return MakeUnion(a[1], a[0]);
}

Value UnionRepr(Value* a, size_t, TupleObject*) {
  auto* t = As<TupleObject>(As<UnionObject>(a[0])->args);
  std::string out;
  for (size_t i = 0; i < t->size(); ++i) {
    if (i > 0) out += " | ";
    const Value& m = t->get(i);
    if (m.Is(Value::FromObject(g_types.none))) {
      out += "None";
    } else if (IsInstance(m, g_types.type)) {
      auto* ty = As<TypeObject>(m);
      out += ty->module_name() == "builtins"
                 ? ty->qualname()
                 : ty->module_name() + "." + ty->qualname();
    } else {
      out += ReprString(m);
    }
  }
  return StrObject::New(out);
}

}  // namespace

Value UnionMembers(const Value& v) {
  if (!v.is_object() || v.as_object()->type() != g_union_type) return Value();
  return As<UnionObject>(v)->args;
}

void InitUnionType() {
  g_union_type = new TypeObject(g_types.type, "UnionType", Layout::kOther);
  g_union_type->SetBases({g_types.object});
  g_union_type->set_base_type(false);
  g_union_type->set_module_name("types");
  AddMethod(g_union_type, "__repr__", UnionRepr);
  AddMethod(g_union_type, "__or__", Or);
  AddMethod(g_union_type, "__ror__", ROr);
  AddGetter(g_union_type, "__args__", [](Value* a, size_t, TupleObject*) {
    return As<UnionObject>(a[0])->args;
  });
  AddMethod(g_types.type, "__or__", Or);
  AddMethod(g_types.type, "__ror__", ROr);
}

}  // namespace minidynamo
