// torch.dtype, torch.device, torch.Size, torch.Generator, the error
// translation from c10 to Python, and the entry point of torch._C.

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <c10/core/GradMode.h>
#include <c10/util/Exception.h>
#include <c10/util/Logging.h>

#include <mutex>
#include <new>

#include "absl/strings/str_cat.h"
#include "runtime/modules/module_util.h"
#include "runtime/torch/arg_parser.h"
#include "runtime/torch/tensor.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/type.h"
#include "vm/interp/frame_hook.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {

TorchTypes g_torch;

namespace {

size_t NumKw(TupleObject* kw) { return kw ? kw->size() : 0; }

// ---- dtype

class DtypeObject : public Object {
 public:
  DtypeObject(TypeObject* type, c10::ScalarType st) : Object(type), st(st) {}
  c10::ScalarType st;
};

struct DtypeInfo {
  c10::ScalarType st;
  const char* name;   // torch.<name> and repr
  const char* alias;  // a second torch.<alias>, or null
};

constexpr DtypeInfo kDtypes[] = {
    {at::kFloat, "float32", "float"},
    {at::kDouble, "float64", "double"},
    {at::kHalf, "float16", "half"},
    {at::kBFloat16, "bfloat16", nullptr},
    {at::kComplexHalf, "complex32", "chalf"},
    {at::kComplexFloat, "complex64", "cfloat"},
    {at::kComplexDouble, "complex128", "cdouble"},
    {at::kByte, "uint8", nullptr},
    {at::kChar, "int8", nullptr},
    {at::kShort, "int16", "short"},
    {at::kInt, "int32", "int"},
    {at::kLong, "int64", "long"},
    {at::kBool, "bool", nullptr},
};

Value g_dtype_values[static_cast<int>(c10::ScalarType::NumOptions)];

Value DtypeRepr(Value* args, size_t nargs, TupleObject* kw) {
  return StrObject::New(
      absl::StrCat("torch.", DtypeName(As<DtypeObject>(args[0])->st)));
}
Value DtypeIsFloatingPoint(Value* args, size_t, TupleObject*) {
  return Value::Bool(c10::isFloatingType(As<DtypeObject>(args[0])->st));
}
Value DtypeIsComplex(Value* args, size_t, TupleObject*) {
  return Value::Bool(c10::isComplexType(As<DtypeObject>(args[0])->st));
}
Value DtypeIsSigned(Value* args, size_t, TupleObject*) {
  return Value::Bool(c10::isSignedType(As<DtypeObject>(args[0])->st));
}
Value DtypeItemsize(Value* args, size_t, TupleObject*) {
  return Value::Int(
      static_cast<int64_t>(c10::elementSize(As<DtypeObject>(args[0])->st)));
}
Value DtypeReduce(Value* args, size_t, TupleObject*) {
  return StrObject::New(DtypeName(As<DtypeObject>(args[0])->st));
}

// ---- device

class DeviceObject : public Object {
 public:
  DeviceObject(TypeObject* type, c10::Device d) : Object(type), device(d) {}
  c10::Device device;
};

std::string DeviceTypeName(const c10::Device& d) {
  return c10::DeviceTypeName(d.type(), /*lower_case=*/true);
}

Value DeviceNew(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  static const ArgParser parser(
      {"device(Device device)", "device(str type, int? index=None)"});
  ParsedArgs a;
  if (!parser.Parse(nullptr, args, nargs, kw, &a)) return Value();
  return Guarded([&]() -> Value {
    if (a.overload == 0) {
      c10::Device d(c10::kCPU);
      if (!ParseDevice(a.values[0], &d)) return Value();
      return DeviceValue(d);
    }
    c10::Device d(a.str(0));
    if (a.has(1)) {
      if (d.has_index()) {
        return Raise(g_exc.RuntimeError,
                     "type (string) must not include an index because index "
                     "was passed explicitly: " +
                         a.str(0));
      }
      int64_t idx = a.toint(1);
      if (idx < 0) {
        return Raise(g_exc.RuntimeError, "Device index must not be negative");
      }
      d = c10::Device(d.type(), static_cast<c10::DeviceIndex>(idx));
    }
    return DeviceValue(d);
  });
}

Value DeviceRepr(Value* args, size_t, TupleObject*) {
  const c10::Device& d = As<DeviceObject>(args[0])->device;
  if (d.has_index()) {
    return StrObject::New(absl::StrCat("device(type='", DeviceTypeName(d),
                                       "', index=", d.index(), ")"));
  }
  return StrObject::New(absl::StrCat("device(type='", DeviceTypeName(d), "')"));
}
Value DeviceStr(Value* args, size_t, TupleObject*) {
  return StrObject::New(As<DeviceObject>(args[0])->device.str());
}
Value DeviceType(Value* args, size_t, TupleObject*) {
  return StrObject::New(DeviceTypeName(As<DeviceObject>(args[0])->device));
}
Value DeviceIndex(Value* args, size_t, TupleObject*) {
  const c10::Device& d = As<DeviceObject>(args[0])->device;
  return d.has_index() ? Value::Int(d.index()) : Value::None();
}
Value DeviceEq(Value* args, size_t, TupleObject*) {
  if (!IsDevice(args[1])) return NotImplemented();
  return Value::Bool(DeviceOf(args[0]) == DeviceOf(args[1]));
}
Value DeviceNe(Value* args, size_t, TupleObject*) {
  if (!IsDevice(args[1])) return NotImplemented();
  return Value::Bool(DeviceOf(args[0]) != DeviceOf(args[1]));
}
Value DeviceHash(Value* args, size_t, TupleObject*) {
  const c10::Device& d = DeviceOf(args[0]);
  return Value::Int(static_cast<int64_t>(d.type()) * 1000 + d.index() + 1);
}

// ---- torch.Size

Value SizeRepr(Value* args, size_t, TupleObject*) {
  auto* t = As<TupleObject>(args[0]);
  std::string s = "torch.Size([";
  for (size_t i = 0; i < t->size(); ++i) {
    if (i) s += ", ";
    Value r = Repr(t->get(i));
    if (r.is_null()) return r;
    s += As<StrObject>(r)->str();
  }
  s += "])";
  return StrObject::New(s);
}

Value SizeGetItem(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__getitem__", nargs - 1, kw, 1, 1)) return Value();
  Value tuple_getitem = g_types.tuple->Lookup("__getitem__");
  Value r = Call(tuple_getitem, args, 2);
  if (r.is_null() || !IsInstance(args[1], g_types.slice)) return r;
  Value targs[1] = {r};
  return g_types.tuple->new_fn()(g_torch.size, targs, 1, nullptr);
}

// Size + tuple, Size * n: a Size again, as PyTorch's.
Value SizeWrapTuple(Value r) {
  if (r.is_null() || !IsInstance(r, g_types.tuple) ||
      r.as_object()->type() == g_torch.size) {
    return r;
  }
  Value targs[1] = {r};
  return g_types.tuple->new_fn()(g_torch.size, targs, 1, nullptr);
}

Value SizeAdd(Value* args, size_t nargs, TupleObject* kw) {
  Value r = Call(g_types.tuple->Lookup("__add__"), args, 2);
  return SizeWrapTuple(std::move(r));
}

Value SizeMul(Value* args, size_t nargs, TupleObject* kw) {
  Value r = Call(g_types.tuple->Lookup("__mul__"), args, 2);
  return SizeWrapTuple(std::move(r));
}

Value SizeNumel(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("numel", nargs - 1, kw, 0, 0)) return Value();
  auto* t = As<TupleObject>(args[0]);
  int64_t n = 1;
  for (size_t i = 0; i < t->size(); ++i) {
    int64_t x;
    if (!AsIndex(t->get(i), &x)) return Value();
    n *= x;
  }
  return Value::Int(n);
}

Value SizeNew(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  if (NumKw(kw) != 0 || nargs > 1) {
    return Raise(g_exc.TypeError, "torch.Size() takes at most 1 argument");
  }
  if (nargs == 0) {
    Value empty = TupleObject::Of({});
    return g_types.tuple->new_fn()(type, &empty, 1, nullptr);
  }
  std::vector<int64_t> sizes;
  Value it = GetIter(args[0]);
  if (it.is_null()) return it;
  std::vector<Value> items;
  while (true) {
    Value x = IterNext(it);
    if (x.is_null()) break;
    if (IsTensor(x)) x = Value::Int(TensorOf(x).item().toLong());
    int64_t i;
    if (!x.is_int() || !AsIndex(x, &i)) {
      ClearError();
      return RaiseF(g_exc.TypeError,
                    "torch.Size() takes an iterable of 'int' (item %d is "
                    "'%s')",
                    items.size(), TypeName(x));
    }
    items.push_back(x);
  }
  if (ErrorOccurred()) return Value();
  Value tuple = TupleObject::FromValues(items.data(), items.size());
  return g_types.tuple->new_fn()(type, &tuple, 1, nullptr);
}

// ---- Generator (the default CPU generator, as torch.manual_seed returns)

class GeneratorObject : public Object {
 public:
  GeneratorObject(TypeObject* type, at::Generator g)
      : Object(type), gen(std::move(g)) {}
  at::Generator gen;
};

Value WrapGenerator(at::Generator g) {
  return Value::Steal(new GeneratorObject(g_torch.generator, std::move(g)));
}

Value GeneratorNew(TypeObject* type, Value* args, size_t nargs,
                   TupleObject* kw) {
  return WrapGenerator(at::make_generator<at::CPUGeneratorImpl>());
}

Value GeneratorManualSeed(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("manual_seed", nargs - 1, kw, 1, 1)) return Value();
  int64_t seed;
  if (!AsIndex(args[1], &seed)) return Value();
  at::Generator& g = As<GeneratorObject>(args[0])->gen;
  {
    std::lock_guard<std::mutex> lock(g.mutex());
    g.set_current_seed(static_cast<uint64_t>(seed));
  }
  return args[0];
}

Value GeneratorInitialSeed(Value* args, size_t nargs, TupleObject* kw) {
  at::Generator& g = As<GeneratorObject>(args[0])->gen;
  return Value::Int(static_cast<int64_t>(g.current_seed()));
}

// Generator.get_state(): the generator's state as a uint8 tensor (a copy).
Value GeneratorGetState(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("get_state", nargs - 1, kw, 0, 0)) return Value();
  at::Generator& g = As<GeneratorObject>(args[0])->gen;
  return Guarded([&] {
    std::lock_guard<std::mutex> lock(g.mutex());
    return WrapTensor(g.get_state());
  });
}

Value GeneratorSetState(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("set_state", nargs - 1, kw, 1, 1)) return Value();
  if (!IsTensor(args[1])) {
    return RaiseF(g_exc.TypeError, "expected a torch.ByteTensor, but got %s",
                  TypeName(args[1]));
  }
  at::Generator& g = As<GeneratorObject>(args[0])->gen;
  Value r = Guarded([&] {
    std::lock_guard<std::mutex> lock(g.mutex());
    g.set_state(TensorOf(args[1]));
    return Value::None();
  });
  return r.is_null() ? r : args[0];
}

Value ManualSeed(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("manual_seed", nargs, kw, 1, 1)) return Value();
  int64_t seed;
  if (!AsIndex(args[0], &seed)) return Value();
  at::Generator g = at::detail::getDefaultCPUGenerator();
  {
    std::lock_guard<std::mutex> lock(g.mutex());
    g.set_current_seed(static_cast<uint64_t>(seed));
  }
  return WrapGenerator(g);
}

Value InitialSeed(Value* args, size_t nargs, TupleObject* kw) {
  return Value::Int(static_cast<int64_t>(
      at::detail::getDefaultCPUGenerator().current_seed()));
}

// torch.cuda.is_available() / device_count(): what this LibTorch can reach.
Value CudaIsAvailable(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("_cuda_is_available", nargs, kw, 0, 0)) return Value();
  return Value::Bool(at::hasCUDA() &&
                     at::detail::getCUDAHooks().getNumGPUs() > 0);
}

Value CudaDeviceCount(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("_cuda_device_count", nargs, kw, 0, 0)) return Value();
  return Value::Int(at::hasCUDA() ? at::detail::getCUDAHooks().getNumGPUs()
                                  : 0);
}

Value DefaultGenerator() {
  return WrapGenerator(at::detail::getDefaultCPUGenerator());
}

TypeObject* NewNativeType(const char* name, const char* module,
                          TypeObject* base = nullptr) {
  auto* t = new TypeObject(g_types.type, name, Layout::kOther);
  t->SetBases({base ? base : g_types.object});
  t->set_base_type(false);
  t->set_module_name(module);
  return t;
}

c10::ScalarType g_default_float = at::kFloat;

}  // namespace

// ---- public helpers

Value DtypeValue(c10::ScalarType st) {
  return g_dtype_values[static_cast<int>(st)];
}
bool IsDtype(const Value& v) {
  return v.is_object() && v.as_object()->type() == g_torch.dtype;
}
c10::ScalarType DtypeOf(const Value& v) { return As<DtypeObject>(v)->st; }
const char* DtypeName(c10::ScalarType st) {
  for (const DtypeInfo& d : kDtypes) {
    if (d.st == st) return d.name;
  }
  return c10::toString(st);
}

Value DeviceValue(const c10::Device& d) {
  return Value::Steal(new DeviceObject(g_torch.device, d));
}
bool IsDevice(const Value& v) {
  return v.is_object() && v.as_object()->type() == g_torch.device;
}
c10::Device DeviceOf(const Value& v) { return As<DeviceObject>(v)->device; }

bool ParseDevice(const Value& v, c10::Device* out) {
  if (IsDevice(v)) {
    *out = DeviceOf(v);
    return true;
  }
  if (IsInstance(v, g_types.str)) {
    Value r = Guarded([&]() -> Value {
      *out = c10::Device(As<StrObject>(v)->str());
      return Value::None();
    });
    return !r.is_null();
  }
  int64_t idx;
  if (v.is_int() && AsIndex(v, &idx)) {
    if (idx < 0) {
      Raise(g_exc.RuntimeError, "Device index must not be negative");
      return false;
    }
    *out = c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>(idx));
    return true;
  }
  RaiseF(g_exc.TypeError, "expected torch.device, not %s", ArgTypeName(v));
  return false;
}

Value MakeSize(c10::IntArrayRef sizes) {
  Value tuple = TupleObject::New(sizes.size());
  auto* t = As<TupleObject>(tuple);
  for (size_t i = 0; i < sizes.size(); ++i) t->set(i, Value::Int(sizes[i]));
  return g_types.tuple->new_fn()(g_torch.size, &tuple, 1, nullptr);
}

c10::ScalarType DefaultFloatDtype() { return g_default_float; }
void SetDefaultFloatDtype(c10::ScalarType st) {
  g_default_float = st;
  at::set_default_dtype(c10::scalarTypeToTypeMeta(st));
}

Value RaiseTorchError(const std::exception& e) {
  if (dynamic_cast<const std::bad_alloc*>(&e) != nullptr) {
    return Raise(g_exc.MemoryError, "");
  }
  if (dynamic_cast<const CudaUnavailable*>(&e) != nullptr) {
    return Raise(g_exc.AssertionError, e.what());
  }
  auto* ce = dynamic_cast<const c10::Error*>(&e);
  if (ce == nullptr) return Raise(g_exc.RuntimeError, e.what());
  std::string msg = ce->what_without_backtrace();
  TypeObject* type = g_exc.RuntimeError;
  if (dynamic_cast<const c10::IndexError*>(&e)) type = g_exc.IndexError;
  if (dynamic_cast<const c10::ValueError*>(&e)) type = g_exc.ValueError;
  if (dynamic_cast<const c10::TypeError*>(&e)) type = g_exc.TypeError;
  if (dynamic_cast<const c10::NotImplementedError*>(&e)) {
    type = g_exc.NotImplementedError;
  }
  return Raise(type, msg);
}

bool InitTorchTypes(DictObject* d) {
  // dtype
  g_torch.dtype = NewNativeType("dtype", "torch");
  AddMethod(g_torch.dtype, "__repr__", DtypeRepr);
  AddMethod(g_torch.dtype, "__reduce__", DtypeReduce);
  AddGetter(g_torch.dtype, "is_floating_point", DtypeIsFloatingPoint);
  AddGetter(g_torch.dtype, "is_complex", DtypeIsComplex);
  AddGetter(g_torch.dtype, "is_signed", DtypeIsSigned);
  AddGetter(g_torch.dtype, "itemsize", DtypeItemsize);
  SetAttrStr(d, "dtype", Value::FromObject(g_torch.dtype));
  for (const DtypeInfo& info : kDtypes) {
    Value v = Value::Steal(new DtypeObject(g_torch.dtype, info.st));
    g_dtype_values[static_cast<int>(info.st)] = v;
    SetAttrStr(d, info.name, v);
    if (info.alias) SetAttrStr(d, info.alias, v);
  }
  // device
  g_torch.device = NewNativeType("device", "torch");
  g_torch.device->set_new_fn(DeviceNew);
  AddMethod(g_torch.device, "__repr__", DeviceRepr);
  AddMethod(g_torch.device, "__str__", DeviceStr);
  AddMethod(g_torch.device, "__eq__", DeviceEq);
  AddMethod(g_torch.device, "__ne__", DeviceNe);
  AddMethod(g_torch.device, "__hash__", DeviceHash);
  AddGetter(g_torch.device, "type", DeviceType);
  AddGetter(g_torch.device, "index", DeviceIndex);
  SetAttrStr(d, "device", Value::FromObject(g_torch.device));
  // Size
  g_torch.size = new TypeObject(g_types.type, "Size", Layout::kTuple);
  g_torch.size->SetBases({g_types.tuple});
  g_torch.size->set_module_name("torch");
  g_torch.size->set_new_fn(SizeNew);
  AddMethod(g_torch.size, "__repr__", SizeRepr);
  AddMethod(g_torch.size, "__getitem__", SizeGetItem);
  AddMethod(g_torch.size, "numel", SizeNumel);
  AddMethod(g_torch.size, "__add__", SizeAdd);
  AddMethod(g_torch.size, "__mul__", SizeMul);
  AddMethod(g_torch.size, "__rmul__", SizeMul);
  SetAttrStr(d, "Size", Value::FromObject(g_torch.size));
  // Generator
  g_torch.generator = NewNativeType("Generator", "torch._C");
  g_torch.generator->set_new_fn(GeneratorNew);
  AddMethod(g_torch.generator, "manual_seed", GeneratorManualSeed);
  AddMethod(g_torch.generator, "initial_seed", GeneratorInitialSeed);
  AddMethod(g_torch.generator, "get_state", GeneratorGetState);
  AddMethod(g_torch.generator, "set_state", GeneratorSetState);
  SetAttrStr(d, "Generator", Value::FromObject(g_torch.generator));
  SetAttrStr(d, "default_generator", DefaultGenerator());
  AddFunction(d, "manual_seed", ManualSeed);
  AddFunction(d, "_cuda_is_available", CudaIsAvailable);
  AddFunction(d, "_cuda_device_count", CudaDeviceCount);
  AddFunction(d, "initial_seed", InitialSeed);
  return true;
}

}  // namespace minidynamo

namespace minidynamo {
namespace {

bool TensorMetaImpl(const Value& v, TensorMeta* out) {
  if (!IsTensor(v)) return false;
  const at::Tensor& t = TensorOf(v);
  out->dtype = static_cast<int>(t.scalar_type());
  out->device_type = static_cast<int>(t.device().type());
  out->device_index = t.device().index();
  out->requires_grad = t.requires_grad();
  out->ndim = static_cast<int>(t.dim());
  bool strided = t.layout() == c10::kStrided;
  for (int i = 0; i < out->ndim && i < 16; ++i) {
    out->sizes[i] = t.size(i);
    out->strides[i] = strided ? t.stride(i) : 0;
  }
  return true;
}

bool GradEnabledImpl() { return c10::GradMode::is_enabled(); }
void SetGradEnabledImpl(bool b) { c10::GradMode::set_enabled(b); }

}  // namespace
}  // namespace minidynamo

// The module init the VM's loader (runtime/torch/loader.cc) looks up.
namespace minidynamo {
void InitGraphLowering();  // graph_lowering.cc
}  // namespace minidynamo

extern "C" bool MinidynamoInitTorchC(minidynamo::ModuleObject* m) {
  using namespace minidynamo;
  DictObject* d = m->dict();
  // LibTorch 1.13 symbolizes a C++ backtrace (dladdr per frame, ~2 ms) for
  // every c10::Error it throws, and the messages we raise leave it out
  // (what_without_backtrace): fetch none.
  c10::SetStackTraceFetcher([] { return std::string(); });
  InitGraphLowering();
  SetTensorMetaFn(TensorMetaImpl);
  SetGradModeFns(GradEnabledImpl, SetGradEnabledImpl);
  return InitTorchTypes(d) && InitAutogradNodes(d) && InitTensorType(d) &&
         InitTensorAutograd() && InitTorchFunctions(d);
}
