#include "tracer/guards.h"

#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/type.h"
#include "vm/interp/frame.h"
#include "vm/interp/ops.h"
#include "vm/objects/dict.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

bool SameMeta(const TensorMeta& a, const TensorMeta& b) {
  if (a.dtype != b.dtype || a.device_type != b.device_type ||
      a.device_index != b.device_index || a.requires_grad != b.requires_grad ||
      a.ndim != b.ndim) {
    return false;
  }
  for (int i = 0; i < a.ndim && i < 16; ++i) {
    if (a.sizes[i] != b.sizes[i] || a.strides[i] != b.strides[i]) return false;
  }
  return true;
}

bool CheckOne(const Guard& g, Frame* f) {
  if (g.kind == Guard::kGradMode) return GradModeEnabled() == g.grad_enabled;
  Value v = FetchSource(*g.source, f);
  if (v.is_null()) return false;
  switch (g.kind) {
    case Guard::kTypeMatch:
      return TypeOf(v) == As<TypeObject>(g.expected);
    case Guard::kIdMatch:
      return v.Is(g.expected);
    case Guard::kEqualsMatch: {
      if (TypeOf(v) != TypeOf(g.expected)) return false;
      int eq = RichCompareBool(v, g.expected, CompareOp::kEq);
      if (eq < 0) ClearError();
      return eq == 1;
    }
    case Guard::kTensorMatch: {
      TensorMeta m;
      return GetTensorMeta(v, &m) && SameMeta(m, g.meta);
    }
    case Guard::kDictKeys: {
      auto* expected = As<TupleObject>(g.expected);
      if (!v.is_object() ||
          v.as_object()->type() != As<TypeObject>(expected->get(0))) {
        return false;
      }
      auto* d = As<DictObject>(v);
      auto* keys = As<TupleObject>(expected->get(1));
      if (d->size() != keys->size()) return false;
      size_t pos = 0, i = 0;
      const DictObject::Entry* e;
      while (d->Next(&pos, &e)) {
        const Value& k = keys->get(i++);
        if (e->key.Is(k)) continue;
        if (TypeOf(e->key) != TypeOf(k)) return false;
        int eq = RichCompareBool(e->key, k, CompareOp::kEq);
        if (eq != 1) {
          if (eq < 0) ClearError();
          return false;
        }
      }
      return true;
    }
    case Guard::kListLength:
      return TypeOf(v) == As<TypeObject>(g.expected) && Length(v) == g.length;
    case Guard::kAliased: {
      Value o = FetchSource(*g.other, f);
      return !o.is_null() && o.Is(v);
    }
    case Guard::kGradMode:
      break;
  }
  return false;
}

}  // namespace

std::string Guard::Describe() const {
  const char* names[] = {"TYPE_MATCH",   "ID_MATCH",  "EQUALS_MATCH",
                         "TENSOR_MATCH", "DICT_KEYS", "LIST_LENGTH",
                         "GRAD_MODE",    "ALIASED"};
  if (kind == kGradMode) {
    return absl::StrCat("GRAD_MODE: ", grad_enabled ? "True" : "False");
  }
  if (kind == kAliased) {
    return absl::StrCat("ALIASED: ", source->Name(), " is ", other->Name());
  }
  return absl::StrCat(names[kind], ": ", source->Name());
}

void GuardSet::Add(Guard g) {
  for (const Guard& h : guards_) {
    if (h.kind != g.kind) continue;
    if (g.kind == Guard::kGradMode) return;
    if (h.source->Name() == g.source->Name()) return;
  }
  guards_.push_back(std::move(g));
}

std::string GuardSet::FirstFailure(Frame* f) const {
  for (const Guard& g : guards_) {
    if (!CheckOne(g, f)) return g.Describe();
  }
  return "";
}

bool GuardSet::Check(Frame* f) const {
  for (const Guard& g : guards_) {
    if (!CheckOne(g, f)) return false;
  }
  return true;
}

}  // namespace minidynamo
