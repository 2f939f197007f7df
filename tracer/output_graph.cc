#include "tracer/output_graph.h"

#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/set.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace tracer_detail {

TracerConfig* g_cfg = nullptr;

bool IsTensorValue(const Value& v) {
  TensorMeta m;
  return GetTensorMeta(v, &m);
}

bool IsConstantValue(const Value& v) {
  if (v.is_none() || v.is_bool() || v.is_int() || v.is_float()) return true;
  if (!v.is_object()) return false;
  TypeObject* t = v.as_object()->type();
  if (t == g_types.str || t == g_types.int_ || t == g_types.float_ ||
      t == g_types.bytes || t == g_types.ellipsis_type) {
    return true;
  }
  // Tuples, and native tuple subclasses (torch.Size), which are as
  // immutable.
  if (t == g_types.tuple ||
      (t->IsSubtypeOf(g_types.tuple) && !t->is_heap_type())) {
    auto* tup = As<TupleObject>(v);
    for (size_t i = 0; i < tup->size(); ++i) {
      if (!IsConstantValue(tup->get(i))) return false;
    }
    return true;
  }
  if (t == g_types.frozenset) return SetOfConstants(v);
  if (t == g_types.slice) {
    auto* sl = As<SliceObject>(v);
    return IsConstantValue(sl->start) && IsConstantValue(sl->stop) &&
           IsConstantValue(sl->step);
  }
  return false;
}

bool SetOfConstants(const Value& v) {
  auto* set = As<SetObject>(v);
  size_t pos = 0;
  Value key;
  while (set->Next(&pos, &key)) {
    if (!IsConstantValue(key)) return false;
  }
  return true;
}

bool FoldableObject(const Value& v) {
  if (!v.is_object()) return true;
  TypeObject* t = v.as_object()->type();
  // Classes (whatever their metaclass) are guarded by identity.
  if (t->IsSubtypeOf(g_types.type)) return true;
  // Instances of Python classes and mutable builtins can change (or run
  // code) between calls while their guards, type matches, still pass.
  if (t->is_heap_type() || t == g_types.set || t == g_types.list ||
      t == g_types.dict) {
    return false;
  }
  // Nor containers that change in place, nor iterators and generators.
  return t->Lookup("__setitem__").is_null() && t->Lookup("append").is_null() &&
         t->Lookup("__next__").is_null();
}

}  // namespace tracer_detail

using tracer_detail::g_cfg;
using tracer_detail::Special;
using tracer_detail::TracerConfig;
using namespace tracer_detail;  // NOLINT: the Special names

void SetTracerConfig(const Value& config) {
  if (g_cfg == nullptr) g_cfg = new TracerConfig();
  TracerConfig& c = *g_cfg;
  c = TracerConfig();
  c.dict = config;
  auto* d = As<DictObject>(config);
  Value fns = d->GetStr(StrObject::Intern("graph_functions"));
  if (!fns.is_null()) {
    size_t pos = 0;
    const DictObject::Entry* e;
    auto* fd = As<DictObject>(fns);
    while (fd->Next(&pos, &e)) {
      if (e->value.is_object()) {
        c.graph_functions[e->value.as_object()] = As<StrObject>(e->key)->str();
      }
    }
  }
  struct {
    const char* key;
    tracer_detail::Special kind;
  } specials[] = {{"graph_break", kGraphBreak},
                  {"is_compiling", kIsCompiling},
                  {"is_grad_enabled", kIsGradEnabled},
                  {"no_grad", kNoGrad},
                  {"enable_grad", kEnableGrad},
                  {"set_grad_enabled", kSetGradEnabled},
                  {"skipped", kSkipped},
                  {"functional_call", kFunctionalCall}};
  for (auto& s : specials) {
    Value v = d->GetStr(StrObject::Intern(s.key));
    if (v.is_null()) continue;
    if (IsInstance(v, g_types.list)) {
      for (const Value& x : As<ListObject>(v)->items()) {
        if (x.is_object()) c.special[x.as_object()] = s.kind;
      }
    } else if (v.is_object()) {
      c.special[v.as_object()] = s.kind;
    }
  }
  Value ops = d->GetStr(StrObject::Intern("operators"));
  if (!ops.is_null()) {
    auto* l = As<ListObject>(ops);
    for (size_t i = 0; i < l->size() && i < 64; ++i) {
      if (!l->items()[i].is_none()) c.op_targets[i] = l->items()[i];
    }
  }
  c.getitem = d->GetStr(StrObject::Intern("getitem"));
  c.set_grad_enabled_c = d->GetStr(StrObject::Intern("_set_grad_enabled"));
  c.tensor_type = d->GetStr(StrObject::Intern("tensor_type"));
  c.module_type = d->GetStr(StrObject::Intern("module_type"));
  c.set_grad_enabled = d->GetStr(StrObject::Intern("set_grad_enabled"));
  c.grad_mode_exit = d->GetStr(StrObject::Intern("grad_mode_exit"));
}

}  // namespace minidynamo
