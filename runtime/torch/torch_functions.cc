// The op table: torch.* functions and the Tensor methods that share them,
// each a list of PyTorch-style signatures and one implementation that
// switches on the overload matched (see arg_parser.h). An entry is bound as a
// torch function, a Tensor method, or both; a method receives `self` as the
// first parameter.

#include <array>

#include "runtime/torch/op_table.h"

namespace minidynamo {
namespace {

using namespace op_table;  // NOLINT: the table's shared names

std::vector<OpDef>* g_ops;
std::vector<ArgParser>* g_parsers;

Value RunOp(size_t i, const Value* self, Value* args, size_t nargs,
            TupleObject* kw) {
  ParsedArgs a;
  if (!(*g_parsers)[i].Parse(self, args, nargs, kw, &a)) return Value();
  OpImpl impl = (*g_ops)[i].impl;
  return Guarded([&] { return impl(a); });
}

template <size_t I>
Value FnTrampoline(Value* args, size_t nargs, TupleObject* kw) {
  return RunOp(I, nullptr, args, nargs, kw);
}
template <size_t I>
Value MethodTrampoline(Value* args, size_t nargs, TupleObject* kw) {
  return RunOp(I, &args[0], args + 1, nargs - 1, kw);
}

constexpr size_t kMaxOps = 512;

template <size_t... Is>
std::array<NativeFn, kMaxOps> FnTable(std::index_sequence<Is...>) {
  return {&FnTrampoline<Is>...};
}
template <size_t... Is>
std::array<NativeFn, kMaxOps> MethodTable(std::index_sequence<Is...>) {
  return {&MethodTrampoline<Is>...};
}

// torch._C._set_default_dtype / get_default_dtype.
Value SetDefaultDtype(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("set_default_dtype", nargs, kw, 1, 1)) return Value();
  if (!IsDtype(args[0])) {
    return RaiseF(g_exc.TypeError, "invalid dtype object");
  }
  c10::ScalarType st = DtypeOf(args[0]);
  if (st != at::kFloat && st != at::kDouble && st != at::kHalf &&
      st != at::kBFloat16) {
    return Raise(g_exc.TypeError,
                 "only floating-point types are supported as the default type");
  }
  SetDefaultFloatDtype(st);
  return Value::None();
}
Value GetDefaultDtype(Value* args, size_t nargs, TupleObject* kw) {
  return DtypeValue(DefaultFloatDtype());
}

}  // namespace

bool InitTorchFunctions(DictObject* d) {
  g_ops = new std::vector<OpDef>(CreationAndMathOps());
  for (OpDef& op : ReductionShapeAndNnOps()) g_ops->push_back(std::move(op));
  if (g_ops->size() > kMaxOps) {
    Raise(g_exc.SystemError, "torch op table larger than kMaxOps");
    return false;
  }
  g_parsers = new std::vector<ArgParser>();
  for (const OpDef& op : *g_ops) {
    g_parsers->emplace_back(op.sigs);
  }
  static const auto fns = FnTable(std::make_index_sequence<kMaxOps>());
  static const auto methods = MethodTable(std::make_index_sequence<kMaxOps>());
  for (size_t i = 0; i < g_ops->size(); ++i) {
    const OpDef& op = (*g_ops)[i];
    if (op.where & kFn) AddFunction(d, op.name, fns[i]);
    if (op.where & kMethod) AddMethod(g_torch.tensor, op.name, methods[i]);
  }
  for (int i = 0; i < 8; ++i) {
    g_return_types[i] = NewStructSeqType(
        kReturnTypeNames[i], "torch.return_types",
        i == kAminmax ? std::vector<const char*>{"min", "max"}
                      : std::vector<const char*>{"values", "indices"});
    AddMethod(g_return_types[i], "__repr__", ReturnTypeRepr);
  }
  AddFunction(d, "_set_default_dtype", SetDefaultDtype);
  AddFunction(d, "get_default_dtype", GetDefaultDtype);
  return InitTensorRepr(d);
}

}  // namespace minidynamo
