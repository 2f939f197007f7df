#include "tracer/source.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/eval.h"
#include "vm/interp/frame.h"
#include "vm/interp/ops.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/function.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"

namespace minidynamo {

SourceRef Source::Local(std::string name, int slot) {
  auto s = std::make_shared<Source>();
  s->kind = kLocal;
  s->name = std::move(name);
  s->index = slot;
  return s;
}

SourceRef Source::Cell(std::string name, int slot) {
  auto s = std::make_shared<Source>();
  s->kind = kCell;
  s->name = std::move(name);
  s->index = slot;
  return s;
}

SourceRef Source::Global(std::string name) {
  auto s = std::make_shared<Source>();
  s->kind = kGlobal;
  s->name = std::move(name);
  return s;
}

SourceRef Source::Attr(SourceRef base, std::string name) {
  auto s = std::make_shared<Source>();
  s->kind = kAttr;
  s->name = std::move(name);
  s->base = std::move(base);
  return s;
}

SourceRef Source::Item(SourceRef base, Value key) {
  auto s = std::make_shared<Source>();
  s->kind = kItem;
  s->key = std::move(key);
  s->base = std::move(base);
  return s;
}

SourceRef Source::Const(Value object, std::string label) {
  auto s = std::make_shared<Source>();
  s->kind = kConst;
  s->key = std::move(object);
  s->name = std::move(label);
  return s;
}

std::string ConstantText(const Value& v) {
  Value r = Repr(v);
  if (!r.is_null()) return As<StrObject>(r)->str();
  ClearError();
  if (IsIntValue(v)) {
    Value h = CallOneArg(BuiltinsDict()->GetStr(Intern("hex")), v);
    if (!h.is_null()) return As<StrObject>(h)->str();
    ClearError();
  }
  return absl::StrFormat(
      "<%s object at %p>", TypeName(v),
      v.is_object() ? static_cast<void*>(v.as_object()) : nullptr);
}

std::string Source::Name() const {
  switch (kind) {
    case kLocal:
    case kCell:
      return absl::StrCat("L['", name, "']");
    case kGlobal:
      return absl::StrCat("G['", name, "']");
    case kAttr:
      return absl::StrCat(base->Name(), ".", name);
    case kItem: {
      std::string k = ConstantText(key);
      return absl::StrCat(base->Name(), "[", k, "]");
    }
    case kConst:
      return name;
  }
  return "?";
}

bool Source::ReadsGlobal() const {
  if (kind == kGlobal) return true;
  return base != nullptr && base->ReadsGlobal();
}

Value FetchSource(const Source& s, Frame* f) {
  switch (s.kind) {
    case Source::kLocal:
      return f->localsplus()[s.index];
    case Source::kCell: {
      const Value& cell = f->localsplus()[s.index];
      if (!IsInstance(cell, g_types.cell)) return Value();
      return As<CellObject>(cell)->contents;
    }
    case Source::kGlobal: {
      StrObject* name = StrObject::Intern(s.name);
      Value v = f->globals->GetStr(name);
      if (v.is_null()) v = f->builtins->GetStr(name);
      return v;
    }
    case Source::kAttr: {
      Value base = FetchSource(*s.base, f);
      if (base.is_null()) return base;
      Value v = GetAttrOptional(base, StrObject::Intern(s.name));
      if (v.is_null()) ClearError();
      return v;
    }
    case Source::kConst:
      return s.key;
    case Source::kItem: {
      Value base = FetchSource(*s.base, f);
      if (base.is_null()) return base;
      Value v = GetItem(base, s.key);
      if (v.is_null()) ClearError();
      return v;
    }
  }
  return Value();
}

}  // namespace minidynamo
