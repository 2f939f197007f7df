#include "runtime/torch/tensor_repr.h"

#include <ATen/ATen.h>

#include "runtime/modules/module_util.h"
#include "runtime/torch/arg_parser.h"
#include "runtime/torch/format/tensor_format.h"
#include "runtime/torch/tensor.h"
#include "vm/core/errors.h"
#include "vm/objects/dict.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace {

tensor_format::PrintOptions g_print;

// torch.set_printoptions(precision=None, threshold=None, edgeitems=None,
// linewidth=None, profile=None, sci_mode=None)
Value SetPrintOptions(Value* args, size_t nargs, TupleObject* kw) {
  static const ArgParser parser(
      {"set_printoptions(int? precision=None, float? threshold=None, "
       "int? edgeitems=None, int? linewidth=None, str? profile=None, "
       "bool? sci_mode=None)"});
  ParsedArgs a;
  if (!parser.Parse(nullptr, args, nargs, kw, &a)) return Value();
  tensor_format::SetPrintOptionsArgs s;
  if (a.has(0)) {
    if (a.toint(0) < 0) {
      return Raise(g_exc.ValueError, "precision must be non-negative");
    }
    s.precision = a.toint(0);
  }
  if (a.has(1)) s.threshold = a.todouble(1);
  if (a.has(2)) s.edgeitems = a.toint(2);
  if (a.has(3)) s.linewidth = a.toint(3);
  if (a.has(4)) s.profile = a.str(4);
  if (a.has(5)) s.sci_mode = a.tobool(5);
  tensor_format::SetPrintOptions(s, &g_print);
  return Value::None();
}

Value GetPrintOptions(Value* args, size_t nargs, TupleObject* kw) {
  Value d = DictObject::New();
  auto* dict = As<DictObject>(d);
  SetAttrStr(dict, "precision", Value::Int(g_print.precision));
  SetAttrStr(dict, "threshold", Value::Float(g_print.threshold));
  SetAttrStr(dict, "edgeitems", Value::Int(g_print.edgeitems));
  SetAttrStr(dict, "linewidth", Value::Int(g_print.linewidth));
  SetAttrStr(dict, "sci_mode",
             g_print.sci_mode ? Value::Bool(*g_print.sci_mode) : Value::None());
  return d;
}

}  // namespace

std::string ReprTensor(const at::Tensor& t) {
  tensor_format::TensorFormatOptions o;
  o.print = g_print;
  o.grad_fn = tensor_format::GradFnName(t);
  o.requires_grad = t.requires_grad();
  o.default_dtype = DefaultFloatDtype();
  return tensor_format::FormatTensor(t, o);
}

bool InitTensorRepr(DictObject* d) {
  AddFunction(d, "set_printoptions", SetPrintOptions);
  AddFunction(d, "_get_printoptions", GetPrintOptions);
  return true;
}

}  // namespace minidynamo
