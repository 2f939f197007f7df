#include "vm/objects/generic_alias.h"

#include <string>

#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/ops.h"
#include "vm/objects/method_util.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

TypeObject* g_generic_alias_type = nullptr;

TypeObject* GenericAliasType() { return g_generic_alias_type; }

GenericAliasObject* AsAlias(const Value& v) {
  return As<GenericAliasObject>(v);
}

// How CPython's ga_repr_item shows one argument: `...`, an alias as itself, a
// class by its (module-qualified unless builtin) qualname, anything else by
// repr().
bool AppendItemRepr(const Value& item, std::string* out) {
  if (item.Is(Ellipsis())) {
    out->append("...");
    return true;
  }
  if (IsExactType(item, g_generic_alias_type)) {
    Value r = Repr(item);
    if (r.is_null()) return false;
    out->append(As<StrObject>(r)->view());
    return true;
  }
  static StrObject* qualname_name = Intern("__qualname__");
  static StrObject* module_name = Intern("__module__");
  Value qualname = GetAttrOptional(item, qualname_name);
  Value module =
      qualname.is_null() ? Value() : GetAttrOptional(item, module_name);
  if (ErrorOccurred()) return false;
  if (qualname.is_null() || module.is_null() ||
      !IsObjectOf(qualname, g_types.str) || !IsObjectOf(module, g_types.str)) {
    Value r = Repr(item);
    if (r.is_null()) return false;
    out->append(As<StrObject>(r)->view());
    return true;
  }
  if (As<StrObject>(module)->view() != "builtins") {
    out->append(As<StrObject>(module)->view());
    out->push_back('.');
  }
  out->append(As<StrObject>(qualname)->view());
  return true;
}

Value AliasRepr(Value* args, size_t nargs, TupleObject* kw) {
  GenericAliasObject* a = AsAlias(args[0]);
  std::string out;
  if (!AppendItemRepr(a->origin, &out)) return Value();
  out.push_back('[');
  auto* items = As<TupleObject>(a->args);
  if (items->size() == 0) out.append("()");
  for (size_t i = 0; i < items->size(); ++i) {
    if (i > 0) out.append(", ");
    if (!AppendItemRepr(items->get(i), &out)) return Value();
  }
  out.push_back(']');
  return StrObject::New(out);
}

Value AliasOrigin(Value* args, size_t nargs, TupleObject* kw) {
  return AsAlias(args[0])->origin;
}

Value AliasArgs(Value* args, size_t nargs, TupleObject* kw) {
  return AsAlias(args[0])->args;
}

Value AliasParameters(Value* args, size_t nargs, TupleObject* kw) {
  return Value::FromObject(TupleObject::Empty());
}

Value AliasCall(Value* args, size_t nargs, TupleObject* kw) {
  return Call(AsAlias(args[0])->origin, args + 1, nargs - 1, kw);
}

Value AliasMroEntries(Value* args, size_t nargs, TupleObject* kw) {
  return TupleObject::Of({AsAlias(args[0])->origin});
}

template <bool kEq>
Value AliasCompare(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs(kEq ? "__eq__" : "__ne__", NumPositional(nargs, kw), kw,
                     1)) {
    return Value();
  }
  if (!IsExactType(args[1], g_generic_alias_type)) return NotImplemented();
  GenericAliasObject* a = AsAlias(args[0]);
  GenericAliasObject* b = AsAlias(args[1]);
  int eq = Equals(a->origin, b->origin);
  if (eq > 0) eq = Equals(a->args, b->args);
  if (eq < 0) return Value();
  return Value::Bool(kEq ? eq != 0 : eq == 0);
}

Value AliasHash(Value* args, size_t nargs, TupleObject* kw) {
  int64_t h0, h1;
  if (!Hash(AsAlias(args[0])->origin, &h0) ||
      !Hash(AsAlias(args[0])->args, &h1)) {
    return Value();
  }
  int64_t h = h0 ^ h1;
  return Value::Int(h == -1 ? -2 : h);
}

template <bool kInstance>
Value AliasCheck(Value* args, size_t nargs, TupleObject* kw) {
  return RaiseF(g_exc.TypeError,
                "%s() argument 2 cannot be a parameterized generic",
                kInstance ? "isinstance" : "issubclass");
}

// cls.__class_getitem__(item), a classmethod: args[0] is the class.
Value ClassGetItem(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__class_getitem__", nargs - KwCount(kw) - 1, kw, 1, 1)) {
    return Value();
  }
  return NewGenericAlias(args[0], args[1]);
}

}  // namespace

Value NewGenericAlias(const Value& origin, const Value& item) {
  Value args =
      IsExactType(item, g_types.tuple) ? item : TupleObject::Of({item});
  return Value::Steal(
      new GenericAliasObject(g_generic_alias_type, origin, args));
}

void InitGenericAlias() {
  auto* t = new TypeObject(g_types.type, "GenericAlias", Layout::kOther);
  t->SetBases({g_types.object});
  t->set_module_name("types");
  t->set_base_type(false);
  g_generic_alias_type = t;
  DefMethod<GenericAliasType, AliasRepr>("__repr__");
  DefMethod<GenericAliasType, AliasCall>("__call__");
  DefMethod<GenericAliasType, AliasMroEntries>("__mro_entries__");
  DefMethod<GenericAliasType, AliasCompare<true>>("__eq__");
  DefMethod<GenericAliasType, AliasCompare<false>>("__ne__");
  DefMethod<GenericAliasType, AliasHash>("__hash__");
  DefMethod<GenericAliasType, AliasCheck<true>>("__instancecheck__");
  DefMethod<GenericAliasType, AliasCheck<false>>("__subclasscheck__");
  AddGetter(t, "__origin__", AliasOrigin);
  AddGetter(t, "__args__", AliasArgs);
  AddGetter(t, "__parameters__", AliasParameters);
  for (TypeObject* origin : {g_types.list, g_types.tuple, g_types.dict,
                             g_types.set, g_types.frozenset}) {
    AddClassMethod(origin, "__class_getitem__", ClassGetItem);
  }
}

}  // namespace minidynamo
