// Methods and attributes of function-like and small builtin types: function,
// method, builtin_function_or_method, property, classmethod, staticmethod,
// super, cell, code, module, NoneType, NotImplementedType, ellipsis.

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/compile/code.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/frame.h"
#include "vm/interp/ops.h"
#include "vm/interp/support.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/function.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {
namespace {

FunctionObject* Fn(const Value& v) { return As<FunctionObject>(v); }

#define FUNC_FIELD(field)                                                  \
  [](Value* a, size_t, TupleObject*) -> Value { return Fn(a[0])->field; }, \
      [](Value* a, size_t, TupleObject*) -> Value {                        \
        Fn(a[0])->field = a[1];                                            \
        return Value::None();                                              \
      }

Value FunctionRepr(Value* a, size_t, TupleObject*) {
  return StrObject::New(absl::StrFormat(
      "<function %s at %p>", As<StrObject>(Fn(a[0])->qualname)->str(),
      static_cast<void*>(a[0].as_object())));
}

Value FunctionGet(Value* a, size_t nargs, TupleObject*) {
  if (nargs < 2 || a[1].is_none()) return a[0];
  return BoundMethod::New(a[0], a[1]);
}

// Whether CPython implements a builtin type's method `n` as a slot wrapper
// (a dunder filling a type slot: "<slot wrapper ...>", bound
// "<method-wrapper ...>") rather than as a plain method ("<method ...>",
// bound "<built-in method ...>").
bool IsSlotWrapper(const NativeFunction* n) {
  const std::string& s = n->name();
  if (n->owner() == nullptr || s.size() < 5 || s.compare(0, 2, "__") != 0 ||
      s.compare(s.size() - 2, 2, "__") != 0) {
    return false;
  }
  static const absl::flat_hash_set<std::string>* const kMethods =
      new absl::flat_hash_set<std::string>{
          "__reversed__",      "__format__",        "__sizeof__",
          "__reduce__",        "__reduce_ex__",     "__getnewargs__",
          "__getnewargs_ex__", "__subclasshook__",  "__init_subclass__",
          "__dir__",           "__length_hint__",   "__round__",
          "__trunc__",         "__floor__",         "__ceil__",
          "__getstate__",      "__setstate__",      "__class_getitem__",
          "__copy__",          "__deepcopy__",      "__enter__",
          "__exit__",          "__instancecheck__", "__subclasscheck__",
          "__subclasses__",    "__prepare__",       "__bytes__",
          "__complex__",       "__fspath__",        "__getformat__",
          "__new__",           "__alloc__"};
  if (kMethods->contains(s)) return false;
  // Methods that coexist with their slot (METH_COEXIST).
  TypeObject* o = n->owner();
  if (s == "__getitem__") return o != g_types.list && o != g_types.dict;
  if (s == "__contains__") {
    return o != g_types.dict && o != g_types.set && o != g_types.frozenset;
  }
  return true;
}

}  // namespace

bool CheckNativeReceiver(const NativeFunction* nf, const Value* args,
                         size_t npos) {
  TypeObject* owner = nf->owner();
  // The exact type first: most receivers are not subclass instances.
  if (owner == nullptr ||
      (npos > 0 && (TypeOf(args[0]) == owner || IsInstance(args[0], owner)))) {
    return true;
  }
  const char* name = nf->name().c_str();
  bool slot = IsSlotWrapper(nf);
  if (npos == 0) {
    if (slot) {
      RaiseF(g_exc.TypeError,
             "descriptor '%s' of '%s' object needs an argument", name,
             owner->name());
    } else {
      RaiseF(g_exc.TypeError, "unbound method %s.%s() needs an argument",
             owner->name(), name);
    }
  } else if (slot) {
    RaiseF(g_exc.TypeError,
           "descriptor '%s' requires a '%s' object but received a '%s'", name,
           owner->name(), TypeName(args[0]));
  } else {
    RaiseF(g_exc.TypeError,
           "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
           name, owner->name(), TypeName(args[0]));
  }
  return false;
}

namespace {

Value MethodRepr(Value* a, size_t, TupleObject*) {
  auto* m = As<BoundMethod>(a[0]);
  if (IsInstance(m->func, g_types.native_function)) {
    // CPython's builtin methods name the receiver's type and address.
    auto* n = As<NativeFunction>(m->func);
    const void* addr = m->self.is_object()
                           ? static_cast<const void*>(m->self.as_object())
                           : static_cast<const void*>(&m->self);
    if (IsSlotWrapper(n)) {
      return StrObject::New(
          absl::StrFormat("<method-wrapper '%s' of %s object at %p>", n->name(),
                          TypeName(m->self), addr));
    }
    return StrObject::New(
        absl::StrFormat("<built-in method %s of %s object at %p>", n->name(),
                        TypeName(m->self), addr));
  }
  Value name = GetAttrOptional(m->func, Intern("__qualname__"));
  if (name.is_null()) {
    ClearError();
    name = StrObject::New("?");
  }
  Value self = Repr(m->self);
  if (self.is_null()) return self;
  return StrObject::New(absl::StrCat("<bound method ",
                                     As<StrObject>(name)->str(), " of ",
                                     As<StrObject>(self)->str(), ">"));
}

Value NativeRepr(Value* a, size_t, TupleObject*) {
  auto* n = As<NativeFunction>(a[0]);
  if (n->owner() != nullptr) {
    return StrObject::New(
        absl::StrCat(IsSlotWrapper(n) ? "<slot wrapper '" : "<method '",
                     n->name(), "' of '", n->owner()->name(), "' objects>"));
  }
  return StrObject::New(absl::StrCat("<built-in function ", n->name(), ">"));
}

Value NativeGet(Value* a, size_t nargs, TupleObject*) {
  if (nargs < 2 || a[1].is_none() ||
      As<NativeFunction>(a[0])->owner() == nullptr) {
    return a[0];
  }
  return BoundMethod::New(a[0], a[1]);
}

// property(fget=None, fset=None, fdel=None, doc=None)
Value PropertyNewFn(TypeObject* type, Value* args, size_t nargs,
                    TupleObject* kw) {
  Value p[4];
  if (!ParseArgs("property", args, nargs, kw, {"fget", "fset", "fdel", "doc"},
                 0, p)) {
    return Value();
  }
  auto* prop = new PropertyObject(type);
  Value result = Value::Steal(prop);
  prop->fget = p[0].is_null() ? Value::None() : p[0];
  prop->fset = p[1].is_null() ? Value::None() : p[1];
  prop->fdel = p[2].is_null() ? Value::None() : p[2];
  prop->doc = p[3].is_null() ? Value::None() : p[3];
  if (prop->doc.is_none() && !prop->fget.is_none()) {
    Value d = GetAttrOptional(prop->fget, Intern("__doc__"));
    if (!d.is_null()) prop->doc = d;
    ClearError();
  }
  return result;
}

Value PropertyCopyWith(const Value& self, int which, const Value& f) {
  auto* old = As<PropertyObject>(self);
  auto* p = new PropertyObject(TypeOf(self));
  Value result = Value::Steal(p);
  p->fget = which == 0 ? f : old->fget;
  p->fset = which == 1 ? f : old->fset;
  p->fdel = which == 2 ? f : old->fdel;
  p->doc = old->doc;
  return result;
}
Value PropertyGetter(Value* a, size_t, TupleObject*) {
  return PropertyCopyWith(a[0], 0, a[1]);
}
Value PropertySetter(Value* a, size_t, TupleObject*) {
  return PropertyCopyWith(a[0], 1, a[1]);
}
Value PropertyDeleter(Value* a, size_t, TupleObject*) {
  return PropertyCopyWith(a[0], 2, a[1]);
}
Value PropertyGet(Value* a, size_t nargs, TupleObject*) {
  auto* p = As<PropertyObject>(a[0]);
  if (nargs < 2 || a[1].is_none()) return a[0];
  if (p->fget.is_none())
    return Raise(g_exc.AttributeError, "unreadable attribute");
  return CallOneArg(p->fget, a[1]);
}

Value WrapperNewFn(TypeObject* type, Value* args, size_t nargs,
                   TupleObject* kw) {
  if (!CheckArgs(type->name().c_str(), nargs, kw, 1, 1)) return Value();
  return Value::Steal(new MethodWrapperObject(type, args[0]));
}
Value WrapperFunc(Value* a, size_t, TupleObject*) {
  return As<MethodWrapperObject>(a[0])->callable;
}
Value StaticGet(Value* a, size_t, TupleObject*) {
  return As<MethodWrapperObject>(a[0])->callable;
}
Value ClassGet(Value* a, size_t nargs, TupleObject*) {
  Value owner =
      nargs >= 3 && !a[2].is_none() ? a[2] : Value::FromObject(TypeOf(a[1]));
  return BoundMethod::New(As<MethodWrapperObject>(a[0])->callable, owner);
}
Value StaticCall(Value* a, size_t nargs, TupleObject* kw) {
  return Call(As<MethodWrapperObject>(a[0])->callable, a + 1, nargs - 1, kw);
}

// super() with no arguments reads the calling frame: its first argument and the
// __class__ cell the compiler creates for methods that mention super.
Value SuperNewFn(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("super", nargs, kw, 0, 2)) return Value();
  Value cls, obj;
  if (nargs == 0) {
    Frame* f = ThreadState::Get()->current;
    if (f == nullptr || f->code->argcount == 0) {
      return Raise(g_exc.RuntimeError, "super(): no arguments");
    }
    CodeObject* code = f->code;
    Value* slots = f->localsplus();
    obj = slots[0];
    // The first argument may live in a cell if an inner function captures it.
    for (size_t i = 0; i < code->ncells(); ++i) {
      if (code->cell2arg[i] == 0)
        obj = As<CellObject>(slots[code->nlocals() + i])->contents;
    }
    if (obj.is_null())
      return Raise(g_exc.RuntimeError, "super(): arg[0] deleted");
    for (size_t i = 0; i < code->nfree(); ++i) {
      if (As<StrObject>(code->freevars[i])->str() == "__class__") {
        cls = As<CellObject>(slots[code->nlocals() + code->ncells() + i])
                  ->contents;
        break;
      }
    }
    if (cls.is_null())
      return Raise(g_exc.RuntimeError, "super(): __class__ cell not found");
  } else {
    cls = args[0];
    obj = nargs == 2 ? args[1] : Value();
  }
  if (!IsInstance(cls, g_types.type)) {
    return RaiseF(g_exc.TypeError, "super() argument 1 must be a type, not %s",
                  TypeName(cls));
  }
  auto* s = new SuperObject(type);
  Value result = Value::Steal(s);
  s->thisclass = cls;
  s->obj = obj;
  if (obj.is_null())
    return Raise(g_exc.TypeError, "super(type) unbound form is not supported");
  if (IsInstance(obj, g_types.type) &&
      As<TypeObject>(obj)->IsSubtypeOf(As<TypeObject>(cls))) {
    s->obj_type = obj;
  } else if (TypeOf(obj)->IsSubtypeOf(As<TypeObject>(cls))) {
    s->obj_type = Value::FromObject(TypeOf(obj));
  } else {
    return Raise(
        g_exc.TypeError,
        "super(type, obj): obj must be an instance or subtype of type");
  }
  return result;
}

Value SuperRepr(Value* a, size_t, TupleObject*) {
  auto* s = As<SuperObject>(a[0]);
  return StrObject::New(
      absl::StrCat("<super: <class '", As<TypeObject>(s->thisclass)->name(),
                   "'>, <", As<TypeObject>(s->obj_type)->name(), " object>>"));
}

Value CellContents(Value* a, size_t, TupleObject*) {
  auto* c = As<CellObject>(a[0]);
  if (c->contents.is_null()) return Raise(g_exc.ValueError, "Cell is empty");
  return c->contents;
}

// cell.cell_contents = v (and `del cell.cell_contents`, which empties it).
Value SetCellContents(Value* a, size_t, TupleObject*) {
  auto* c = As<CellObject>(a[0]);
  c->contents = a[1].is_null() ? Value() : a[1];
  return Value::None();
}

// types.FunctionType(code, globals, name=None, argdefs=None, closure=None),
// with CPython's argument checks.
Value FunctionNewFn(TypeObject*, Value* args, size_t nargs, TupleObject* kw) {
  if (kw != nullptr && kw->size() > 0) {
    return Raise(g_exc.TypeError, "function() takes no keyword arguments");
  }
  if (!CheckArgs("function", nargs, nullptr, 2, 5)) return Value();
  if (!IsInstance(args[0], g_types.code)) {
    return RaiseF(g_exc.TypeError,
                  "function() argument 'code' must be code, not %s",
                  TypeName(args[0]));
  }
  if (!IsInstance(args[1], g_types.dict)) {
    return RaiseF(g_exc.TypeError,
                  "function() argument 'globals' must be dict, not %s",
                  TypeName(args[1]));
  }
  auto opt = [&](size_t i) { return nargs > i ? args[i] : Value::None(); };
  Value name = opt(2), defaults = opt(3), closure = opt(4);
  if (!name.is_none() && !IsInstance(name, g_types.str)) {
    return Raise(g_exc.TypeError, "arg 3 (name) must be None or string");
  }
  if (!defaults.is_none() && !IsInstance(defaults, g_types.tuple)) {
    return Raise(g_exc.TypeError, "arg 4 (defaults) must be None or tuple");
  }
  auto* code = As<CodeObject>(args[0]);
  size_t nfree = code->nfree();
  if (closure.is_none() && nfree > 0) {
    return Raise(g_exc.TypeError, "arg 5 (closure) must be tuple");
  }
  if (!closure.is_none()) {
    if (!IsInstance(closure, g_types.tuple)) {
      return Raise(g_exc.TypeError, "arg 5 (closure) must be None or tuple");
    }
    auto* cells = As<TupleObject>(closure);
    if (cells->size() != nfree) {
      return RaiseF(g_exc.ValueError,
                    "%s requires closure of length %d, not %d", code->name,
                    nfree, cells->size());
    }
    for (size_t i = 0; i < cells->size(); ++i) {
      if (!IsInstance(cells->get(i), g_types.cell)) {
        return RaiseF(g_exc.TypeError,
                      "arg 5 (closure) expected cell, found %s",
                      TypeName(cells->get(i)));
      }
    }
  }
  Value f = MakeFunction(args[0], As<DictObject>(args[1]),
                         defaults.is_none() ? Value() : defaults, Value(),
                         Value(), closure.is_none() ? Value() : closure);
  if (!f.is_null() && !name.is_none()) As<FunctionObject>(f)->name = name;
  return f;
}

// types.MethodType(function, instance).
Value MethodNewFn(TypeObject*, Value* args, size_t nargs, TupleObject* kw) {
  if (kw != nullptr && kw->size() > 0) {
    return Raise(g_exc.TypeError, "method() takes no keyword arguments");
  }
  if (nargs != 2) {
    return RaiseF(g_exc.TypeError, "method expected 2 arguments, got %d",
                  nargs);
  }
  TypeObject* t = TypeOf(args[0]);
  if (t != g_types.function && t != g_types.native_function &&
      t != g_types.method && !t->IsSubtypeOf(g_types.type) &&
      t->Lookup("__call__").is_null()) {
    return Raise(g_exc.TypeError, "first argument must be callable");
  }
  if (args[1].is_none()) {
    return Raise(g_exc.TypeError, "instance must not be None");
  }
  return BoundMethod::New(args[0], args[1]);
}

// types.CellType([contents]): an empty cell, or one holding `contents`.
Value CellNewFn(TypeObject*, Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("cell", nargs, kw, 0, 1)) return Value();
  return CellObject::New(nargs == 1 ? args[0] : Value());
}

Value ModuleRepr(Value* a, size_t, TupleObject*) {
  auto* m = As<ModuleObject>(a[0]);
  Value file = m->dict()->GetStr(Intern("__file__"));
  if (!file.is_null() && IsInstance(file, g_types.str)) {
    return StrObject::New(absl::StrCat("<module '", m->name, "' from '",
                                       As<StrObject>(file)->str(), "'>"));
  }
  return StrObject::New(absl::StrCat("<module '", m->name, "' (built-in)>"));
}

Value ModuleNewFn(TypeObject* type, Value* args, size_t nargs,
                  TupleObject* kw) {
  if (!CheckArgs("module", nargs, kw, 1, 2)) return Value();
  if (!IsInstance(args[0], g_types.str)) {
    return Raise(g_exc.TypeError,
                 "module.__init__() argument 'name' must be str");
  }
  auto* m = new ModuleObject(type, As<StrObject>(args[0])->str());
  m->dict()->SetStr(Intern("__name__"), args[0]);
  m->dict()->SetStr(Intern("__doc__"), nargs == 2 ? args[1] : Value::None());
  return Value::Steal(m);
}

Value CodeRepr(Value* a, size_t, TupleObject*) {
  auto* c = As<CodeObject>(a[0]);
  return StrObject::New(
      absl::StrFormat("<code object %s at %p, file \"%s\", line %d>", c->name,
                      static_cast<void*>(c), c->filename, c->firstlineno));
}

Value TupleOfValues(const std::vector<Value>& v) {
  return TupleObject::FromValues(v.data(), v.size());
}

}  // namespace

void InitFunctionTypes() {
  TypeObject* f = g_types.function;
  AddMethod(f, "__repr__", FunctionRepr);
  AddMethod(f, "__get__", FunctionGet);
  AddGetSet(f, "__name__", FUNC_FIELD(name));
  AddGetSet(f, "__qualname__", FUNC_FIELD(qualname));
  AddGetSet(f, "__defaults__", FUNC_FIELD(defaults));
  AddGetSet(f, "__kwdefaults__", FUNC_FIELD(kwdefaults));
  AddGetSet(
      f, "__annotations__",
      [](Value* a, size_t, TupleObject*) -> Value {
        // Created empty on first access, as CPython does.
        if (Fn(a[0])->annotations.is_none())
          Fn(a[0])->annotations = DictObject::New();
        return Fn(a[0])->annotations;
      },
      [](Value* a, size_t, TupleObject*) -> Value {
        Fn(a[0])->annotations = a[1];
        return Value::None();
      });
  AddGetSet(f, "__module__", FUNC_FIELD(module));
  AddGetSet(f, "__doc__", FUNC_FIELD(doc));
  AddGetter(f, "__closure__",
            [](Value* a, size_t, TupleObject*) { return Fn(a[0])->closure; });
  AddGetter(f, "__globals__", [](Value* a, size_t, TupleObject*) {
    return Fn(a[0])->globals_value();
  });
  AddGetSet(
      f, "__code__",
      [](Value* a, size_t, TupleObject*) { return Fn(a[0])->code_value(); },
      [](Value* a, size_t, TupleObject*) -> Value {
        if (!IsInstance(a[1], g_types.code)) {
          return Raise(g_exc.TypeError,
                       "__code__ must be set to a code object");
        }
        Fn(a[0])->set_code(a[1]);
        return Value::None();
      });

  TypeObject* m = g_types.method;
  AddMethod(m, "__repr__", MethodRepr);
  AddGetter(m, "__self__", [](Value* a, size_t, TupleObject*) {
    return As<BoundMethod>(a[0])->self;
  });
  AddGetter(m, "__func__", [](Value* a, size_t, TupleObject*) {
    return As<BoundMethod>(a[0])->func;
  });
  AddMethod(m, "__eq__", [](Value* a, size_t, TupleObject*) -> Value {
    if (!IsInstance(a[1], g_types.method)) return NotImplemented();
    auto* x = As<BoundMethod>(a[0]);
    auto* y = As<BoundMethod>(a[1]);
    return Value::Bool(x->self.Is(y->self) && x->func.Is(y->func));
  });

  TypeObject* n = g_types.native_function;
  AddMethod(n, "__repr__", NativeRepr);
  AddMethod(n, "__get__", NativeGet);
  AddGetter(n, "__name__", [](Value* a, size_t, TupleObject*) {
    return StrObject::New(As<NativeFunction>(a[0])->name());
  });
  AddGetter(n, "__qualname__", [](Value* a, size_t, TupleObject*) {
    auto* nf = As<NativeFunction>(a[0]);
    return StrObject::New(
        nf->owner() ? absl::StrCat(nf->owner()->name(), ".", nf->name())
                    : nf->name());
  });

  TypeObject* p = g_types.property;
  p->set_new_fn(PropertyNewFn);
  AddMethod(p, "getter", PropertyGetter);
  AddMethod(p, "setter", PropertySetter);
  AddMethod(p, "deleter", PropertyDeleter);
  AddMethod(p, "__get__", PropertyGet);
  AddGetter(p, "fget", [](Value* a, size_t, TupleObject*) {
    return As<PropertyObject>(a[0])->fget;
  });
  AddGetter(p, "fset", [](Value* a, size_t, TupleObject*) {
    return As<PropertyObject>(a[0])->fset;
  });
  AddGetter(p, "fdel", [](Value* a, size_t, TupleObject*) {
    return As<PropertyObject>(a[0])->fdel;
  });
  AddGetter(p, "__doc__", [](Value* a, size_t, TupleObject*) {
    return As<PropertyObject>(a[0])->doc;
  });

  for (TypeObject* t : {g_types.classmethod, g_types.staticmethod}) {
    t->set_new_fn(WrapperNewFn);
    AddGetter(t, "__func__", WrapperFunc);
    AddGetter(t, "__wrapped__", WrapperFunc);
  }
  AddMethod(g_types.staticmethod, "__get__", StaticGet);
  AddMethod(g_types.staticmethod, "__call__", StaticCall);
  AddMethod(g_types.classmethod, "__get__", ClassGet);

  g_types.super->set_new_fn(SuperNewFn);
  AddMethod(g_types.super, "__repr__", SuperRepr);

  AddGetSet(g_types.cell, "cell_contents", CellContents, SetCellContents);
  g_types.cell->set_new_fn(CellNewFn);
  g_types.function->set_new_fn(FunctionNewFn);
  g_types.method->set_new_fn(MethodNewFn);

  g_types.module->set_new_fn(ModuleNewFn);
  AddMethod(g_types.module, "__repr__", ModuleRepr);

  TypeObject* c = g_types.code;
  AddMethod(c, "__repr__", CodeRepr);
#define CODE_GETTER(name, expr)                                    \
  AddGetter(c, name, [](Value* a, size_t, TupleObject*) -> Value { \
    auto* code = As<CodeObject>(a[0]);                             \
    return expr;                                                   \
  })
  CODE_GETTER("co_name", StrObject::New(code->name));
  CODE_GETTER("co_qualname", StrObject::New(code->qualname));
  CODE_GETTER("co_filename", StrObject::New(code->filename));
  CODE_GETTER("co_firstlineno", Value::Int(code->firstlineno));
  CODE_GETTER("co_argcount", Value::Int(code->argcount));
  CODE_GETTER("co_posonlyargcount", Value::Int(code->posonlyargcount));
  CODE_GETTER("co_kwonlyargcount", Value::Int(code->kwonlyargcount));
  CODE_GETTER("co_nlocals", Value::Int(static_cast<int64_t>(code->nlocals())));
  CODE_GETTER("co_stacksize", Value::Int(code->stacksize));
  CODE_GETTER("co_flags", Value::Int(code->flags));
  CODE_GETTER("co_consts", TupleOfValues(code->consts));
  CODE_GETTER("co_names", TupleOfValues(code->names));
  CODE_GETTER("co_varnames", TupleOfValues(code->varnames));
  CODE_GETTER("co_cellvars", TupleOfValues(code->cellvars));
  CODE_GETTER("co_freevars", TupleOfValues(code->freevars));
#undef CODE_GETTER

  AddMethod(g_types.none, "__repr__", [](Value*, size_t, TupleObject*) {
    return StrObject::New("None");
  });
  AddMethod(g_types.none, "__bool__",
            [](Value*, size_t, TupleObject*) { return Value::Bool(false); });
  AddMethod(g_types.not_implemented_type, "__repr__",
            [](Value*, size_t, TupleObject*) {
              return StrObject::New("NotImplemented");
            });
  AddMethod(
      g_types.ellipsis_type, "__repr__",
      [](Value*, size_t, TupleObject*) { return StrObject::New("Ellipsis"); });
}

}  // namespace minidynamo
