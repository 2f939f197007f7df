#ifndef MINIDYNAMO_RUNTIME_TORCH_ARG_PARSER_H_
#define MINIDYNAMO_RUNTIME_TORCH_ARG_PARSER_H_

// Binding Python calls to ATen through signatures, as PyTorch's
// PythonArgParser does: each function lists its overloads as schema strings,
//
//   "add(Tensor input, Tensor other, *, Scalar alpha=1)"
//   "add(Tensor input, Scalar other, Scalar alpha=1)"
//
// parsed once; a call is matched against them in order (positional then
// keyword arguments, with types checked), and the winning overload's index and
// arguments come back in ParsedArgs, converted on access. An int list first
// parameter also takes varargs (`randn(2, 3)`, `t.view(2, 3)`). A mismatch
// raises PyTorch's TypeError texts.

#include <ATen/core/Tensor.h>
#include <c10/core/Scalar.h>
#include <c10/util/Optional.h>

#include <optional>
#include <string>
#include <vector>

#include "vm/core/value.h"

namespace minidynamo {

class TupleObject;

enum class ParamType {
  kTensor,
  kScalar,
  kInt,
  kFloat,
  kBool,
  kIntList,
  kTensorList,
  kDtype,
  kDevice,
  kString,
  kObject,
};

struct Param {
  std::string name;
  ParamType type;
  bool nullable = false;  // "Tensor?" accepts None
  bool kwonly = false;
  bool has_default = false;
  Value default_value;  // None when the default is None
};

struct Signature {
  std::string name;
  std::vector<Param> params;
  size_t npositional = 0;  // params before '*'
  std::string text;        // "(Tensor input, Tensor other, *, Number alpha)"
  // Hidden overloads (schema ending in " |hidden") are ours, not PyTorch's:
  // they match calls but stay out of error messages, which then read as
  // PyTorch's do.
  bool hidden = false;
};

constexpr size_t kMaxParams = 12;

class ParsedArgs {
 public:
  int overload = 0;  // Which signature matched.
  const Signature* sig = nullptr;
  Value values[kMaxParams];  // Null where absent (no default).
  // An int list passed as varargs (`t.view(2, 3)`): its parameter's index.
  int varargs_index = -1;
  std::vector<int64_t> varargs;

  bool has(int i) const { return !values[i].is_null() && !values[i].is_none(); }
  const at::Tensor& tensor(int i) const;
  c10::optional<at::Tensor> tensor_opt(int i) const;
  at::Scalar scalar(int i) const;
  int64_t toint(int i) const;
  c10::optional<int64_t> toint_opt(int i) const;
  double todouble(int i) const;
  bool tobool(int i) const;
  std::vector<int64_t> intlist(int i) const;
  std::vector<at::Tensor> tensorlist(int i) const;
  c10::optional<c10::ScalarType> dtype(int i) const;
  c10::optional<c10::Device> device(int i) const;
  std::string str(int i) const;
};

// Thrown when a CUDA device is asked of a LibTorch without CUDA; Guarded turns
// it into PyTorch's "AssertionError: Torch not compiled with CUDA enabled".
struct CudaUnavailable : std::exception {
  const char* what() const noexcept override {
    return "Torch not compiled with CUDA enabled";
  }
};

class ArgParser {
 public:
  // Signatures as above; `method` parsers take self as args[0] and match it
  // to each signature's first parameter.
  ArgParser(std::initializer_list<const char*> signatures);
  explicit ArgParser(const std::vector<const char*>& signatures);

  // Parses a NativeFn call (`args` holds positional then keyword values, as
  // the VM passes them). `self` non-null binds the first parameter. False
  // with a TypeError raised when nothing matches.
  bool Parse(const Value* self, Value* args, size_t nargs, TupleObject* kwnames,
             ParsedArgs* out) const;

  const std::string& name() const { return sigs_[0].name; }

 private:
  bool TryMatch(const Signature& sig, const Value* self, Value* args,
                size_t npos, TupleObject* kwnames, ParsedArgs* out,
                std::string* error) const;
  std::vector<Signature> sigs_;
};

// Conversions shared with hand-written bindings.
bool IsScalarValue(const Value& v);  // int, float, bool, complex
at::Scalar ToScalar(const Value& v);
Value ScalarToValue(const at::Scalar& s);
// An int list from a tuple/list/torch.Size of ints (or one int); false with
// a TypeError raised otherwise.
bool ToIntList(const Value& v, std::vector<int64_t>* out);
// PyTorch's name for a value's type in error messages ("Tensor", "int").
std::string ArgTypeName(const Value& v);

}  // namespace minidynamo

#endif  // MINIDYNAMO_RUNTIME_TORCH_ARG_PARSER_H_
