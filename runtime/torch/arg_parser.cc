#include "runtime/torch/arg_parser.h"

#include <ATen/ATen.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "runtime/torch/tensor.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/ops.h"
#include "vm/objects/complex.h"
#include "vm/objects/list.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

size_t NumKw(TupleObject* kw) { return kw ? kw->size() : 0; }

bool IsPlainInt(const Value& v) {
  return v.is_int() || (v.is_object() && !v.is_bool() && IsIntValue(v) &&
                        TypeOf(v) != g_types.bool_);
}

bool IsZeroDimTensor(const Value& v) {
  return IsTensor(v) && TensorOf(v).dim() == 0;
}

bool IsIntegralZeroDim(const Value& v) {
  return IsZeroDimTensor(v) &&
         c10::isIntegralType(TensorOf(v).scalar_type(), /*includeBool=*/false);
}

// A Python sequence we read int lists / tensor lists from.
const std::vector<Value>* SequenceItems(const Value& v,
                                        std::vector<Value>* storage) {
  if (IsInstance(v, g_types.list)) return &As<ListObject>(v)->items();
  if (IsInstance(v, g_types.tuple)) {
    auto* t = As<TupleObject>(v);
    storage->assign(t->data(), t->data() + t->size());
    return storage;
  }
  return nullptr;
}

bool Accepts(const Param& p, const Value& v) {
  if (v.is_none()) return p.nullable;
  switch (p.type) {
    case ParamType::kTensor:
      return IsTensor(v);
    case ParamType::kScalar:
      if (IsScalarValue(v)) return true;
      return IsZeroDimTensor(v) && !TensorOf(v).requires_grad();
    case ParamType::kInt:
      return IsPlainInt(v) || IsIntegralZeroDim(v);
    case ParamType::kFloat:
      if (IsPlainInt(v) || v.is_float() ||
          (v.is_object() && IsInstance(v, g_types.float_))) {
        return true;
      }
      return IsZeroDimTensor(v) && !TensorOf(v).requires_grad();
    case ParamType::kBool:
      return v.is_bool();
    case ParamType::kIntList: {
      if (IsPlainInt(v)) return true;
      std::vector<Value> storage;
      const std::vector<Value>* items = SequenceItems(v, &storage);
      if (items == nullptr) return false;
      for (const Value& x : *items) {
        if (!IsPlainInt(x) && !IsIntegralZeroDim(x)) return false;
      }
      return true;
    }
    case ParamType::kTensorList: {
      std::vector<Value> storage;
      const std::vector<Value>* items = SequenceItems(v, &storage);
      if (items == nullptr) return false;
      for (const Value& x : *items) {
        if (!IsTensor(x)) return false;
      }
      return true;
    }
    case ParamType::kDtype:
      if (IsDtype(v)) return true;
      return v.Is(Value::FromObject(g_types.float_)) ||
             v.Is(Value::FromObject(g_types.int_)) ||
             v.Is(Value::FromObject(g_types.bool_));
    case ParamType::kDevice:
      return IsDevice(v) || IsInstance(v, g_types.str) || IsPlainInt(v);
    case ParamType::kString:
      return IsInstance(v, g_types.str);
    case ParamType::kObject:
      return true;
  }
  return false;
}

const char* TypeText(const Param& p) {
  switch (p.type) {
    case ParamType::kTensor:
      return "Tensor";
    case ParamType::kScalar:
      return "Number";
    case ParamType::kInt:
      return "int";
    case ParamType::kFloat:
      return "float";
    case ParamType::kBool:
      return "bool";
    case ParamType::kIntList:
      return "tuple of ints";
    case ParamType::kTensorList:
      return "tuple of Tensors";
    case ParamType::kDtype:
      return "torch.dtype";
    case ParamType::kDevice:
      return "torch.device";
    case ParamType::kString:
      return "str";
    case ParamType::kObject:
      return "object";
  }
  return "?";
}

Value ParseDefault(absl::string_view text) {
  if (text == "None") return Value::None();
  if (text == "True") return Value::Bool(true);
  if (text == "False") return Value::Bool(false);
  if (text == "[]") return TupleObject::Of({});
  if (!text.empty() && (text[0] == '\'' || text[0] == '"')) {
    return StrObject::New(std::string(text.substr(1, text.size() - 2)));
  }
  if (text.find_first_of(".e") != absl::string_view::npos &&
      text.find("inf") == absl::string_view::npos) {
    return Value::Float(std::stod(std::string(text)));
  }
  if (text == "inf") return Value::Float(INFINITY);
  if (text == "-inf") return Value::Float(-INFINITY);
  return Value::Int(std::stoll(std::string(text)));
}

Signature ParseSignature(const char* text) {
  Signature sig;
  absl::string_view s(text);
  if (absl::ConsumeSuffix(&s, " |hidden")) sig.hidden = true;
  size_t open = s.find('(');
  sig.name = std::string(s.substr(0, open));
  absl::string_view body = s.substr(open + 1, s.rfind(')') - open - 1);
  bool kwonly = false;
  std::vector<std::string> shown;
  for (absl::string_view part : absl::StrSplit(body, ',', absl::SkipEmpty())) {
    part = absl::StripAsciiWhitespace(part);
    if (part == "*") {
      kwonly = true;
      shown.push_back("*");
      continue;
    }
    Param p;
    size_t space = part.find(' ');
    absl::string_view type = part.substr(0, space);
    absl::string_view rest = part.substr(space + 1);
    size_t eq = rest.find('=');
    p.name = std::string(rest.substr(0, eq));
    if (eq != absl::string_view::npos) {
      p.has_default = true;
      p.default_value = ParseDefault(rest.substr(eq + 1));
      if (p.default_value.is_none()) p.nullable = true;
    }
    if (absl::ConsumeSuffix(&type, "?")) p.nullable = true;
    // "int[2]" and "int[]" are both int lists.
    if (type.size() > 2 && type.substr(0, 4) == "int[") {
      p.type = ParamType::kIntList;
    } else if (type == "Tensor") {
      p.type = ParamType::kTensor;
    } else if (type == "Tensor[]") {
      p.type = ParamType::kTensorList;
    } else if (type == "Scalar") {
      p.type = ParamType::kScalar;
    } else if (type == "int") {
      p.type = ParamType::kInt;
    } else if (type == "float") {
      p.type = ParamType::kFloat;
    } else if (type == "bool") {
      p.type = ParamType::kBool;
    } else if (type == "ScalarType") {
      p.type = ParamType::kDtype;
    } else if (type == "Device") {
      p.type = ParamType::kDevice;
    } else if (type == "str") {
      p.type = ParamType::kString;
    } else {
      p.type = ParamType::kObject;
    }
    p.kwonly = kwonly;
    if (!kwonly) ++sig.npositional;
    shown.push_back(absl::StrCat(TypeText(p), " ", p.name));
    sig.params.push_back(std::move(p));
  }
  sig.text = absl::StrCat("(", absl::StrJoin(shown, ", "), ")");
  return sig;
}

}  // namespace

// ---- conversions

bool IsScalarValue(const Value& v) {
  if (v.is_int() || v.is_float() || v.is_bool()) return true;
  if (!v.is_object()) return false;
  return IsIntValue(v) || IsInstance(v, g_types.float_) || IsComplex(v);
}

at::Scalar ToScalar(const Value& v) {
  if (v.is_bool()) return at::Scalar(v.as_bool());
  if (v.is_int()) return at::Scalar(static_cast<int64_t>(v.as_int()));
  if (v.is_float()) return at::Scalar(v.as_float());
  if (IsTensor(v)) return TensorOf(v).item();
  if (IsComplex(v)) {
    auto* c = As<ComplexObject>(v);
    return at::Scalar(c10::complex<double>(c->real, c->imag));
  }
  if (IsIntValue(v)) {
    BigInt b = ToBigInt(v);
    if (b.FitsInt64()) return at::Scalar(static_cast<int64_t>(b.ToInt64()));
    return at::Scalar(b.ToDouble().value_or(INFINITY));
  }
  double d = 0;
  Value f = Call(Value::FromObject(g_types.float_), const_cast<Value*>(&v), 1);
  if (f.is_float()) d = f.as_float();
  return at::Scalar(d);
}

Value ScalarToValue(const at::Scalar& s) {
  if (s.isBoolean()) return Value::Bool(s.toBool());
  if (s.isIntegral(false)) return Value::Int(s.toLong());
  if (s.isComplex()) {
    c10::complex<double> c = s.toComplexDouble();
    return NewComplex(c.real(), c.imag());
  }
  return Value::Float(s.toDouble());
}

bool ToIntList(const Value& v, std::vector<int64_t>* out) {
  out->clear();
  if (IsPlainInt(v)) {
    int64_t i;
    if (!AsIndex(v, &i)) return false;
    out->push_back(i);
    return true;
  }
  std::vector<Value> storage;
  const std::vector<Value>* items = SequenceItems(v, &storage);
  if (items == nullptr) {
    RaiseF(g_exc.TypeError, "expected a tuple of ints, but got %s",
           ArgTypeName(v));
    return false;
  }
  for (const Value& x : *items) {
    if (IsTensor(x)) {
      out->push_back(TensorOf(x).item().toLong());
      continue;
    }
    int64_t i;
    if (!IsPlainInt(x) || !AsIndex(x, &i)) {
      ClearError();
      RaiseF(g_exc.TypeError,
             "expected a tuple of ints, but found element of type %s",
             ArgTypeName(x));
      return false;
    }
    out->push_back(i);
  }
  return true;
}

std::string ArgTypeName(const Value& v) {
  if (IsTensor(v)) return "Tensor";
  if (IsDtype(v)) return "torch.dtype";
  if (IsDevice(v)) return "torch.device";
  return TypeName(v);
}

// ---- ParsedArgs accessors (types were checked by the parser)

const at::Tensor& ParsedArgs::tensor(int i) const {
  return TensorOf(values[i]);
}

c10::optional<at::Tensor> ParsedArgs::tensor_opt(int i) const {
  if (!has(i)) return c10::nullopt;
  return TensorOf(values[i]);
}

at::Scalar ParsedArgs::scalar(int i) const { return ToScalar(values[i]); }

int64_t ParsedArgs::toint(int i) const {
  const Value& v = values[i];
  if (v.is_int()) return v.as_int();
  if (IsTensor(v)) return TensorOf(v).item().toLong();
  int64_t out = 0;
  AsIndex(v, &out);
  return out;
}

c10::optional<int64_t> ParsedArgs::toint_opt(int i) const {
  if (!has(i)) return c10::nullopt;
  return toint(i);
}

double ParsedArgs::todouble(int i) const {
  const Value& v = values[i];
  if (v.is_float()) return v.as_float();
  if (v.is_int()) return static_cast<double>(v.as_int());
  if (IsTensor(v)) return TensorOf(v).item().toDouble();
  return ToScalar(v).toDouble();
}

bool ParsedArgs::tobool(int i) const {
  const Value& v = values[i];
  if (IsTensor(v)) return TensorOf(v).item().toBool();
  return v.as_bool();
}

std::vector<int64_t> ParsedArgs::intlist(int i) const {
  if (i == varargs_index) return varargs;
  std::vector<int64_t> out;
  ToIntList(values[i], &out);
  return out;
}

std::vector<at::Tensor> ParsedArgs::tensorlist(int i) const {
  std::vector<Value> storage;
  const std::vector<Value>* items = SequenceItems(values[i], &storage);
  std::vector<at::Tensor> out;
  for (const Value& x : *items) out.push_back(TensorOf(x));
  return out;
}

c10::optional<c10::ScalarType> ParsedArgs::dtype(int i) const {
  if (!has(i)) return c10::nullopt;
  const Value& v = values[i];
  if (IsDtype(v)) return DtypeOf(v);
  if (v.Is(Value::FromObject(g_types.float_))) return at::kDouble;
  if (v.Is(Value::FromObject(g_types.int_))) return at::kLong;
  return at::kBool;
}

c10::optional<c10::Device> ParsedArgs::device(int i) const {
  if (!has(i)) return c10::nullopt;
  c10::Device d(c10::kCPU);
  ParseDevice(values[i], &d);
  if (d.is_cuda() && !at::hasCUDA()) throw CudaUnavailable();
  return d;
}

std::string ParsedArgs::str(int i) const {
  return As<StrObject>(values[i])->str();
}

// ---- the parser

ArgParser::ArgParser(std::initializer_list<const char*> signatures) {
  for (const char* s : signatures) sigs_.push_back(ParseSignature(s));
}

ArgParser::ArgParser(const std::vector<const char*>& signatures) {
  for (const char* s : signatures) sigs_.push_back(ParseSignature(s));
}

bool ArgParser::TryMatch(const Signature& sig, const Value* self, Value* args,
                         size_t npos, TupleObject* kwnames, ParsedArgs* out,
                         std::string* error) const {
  for (size_t i = 0; i < sig.params.size(); ++i) out->values[i] = Value();
  out->varargs_index = -1;
  size_t pi = 0;
  if (self != nullptr) {
    out->values[0] = *self;
    pi = 1;
  }
  size_t first = pi;
  const size_t kw_offset = npos;  // keyword values follow all positionals
  size_t max_pos = sig.npositional - first;
  // A lone int-list parameter also takes its ints as varargs.
  if (max_pos == 1 && sig.params[first].type == ParamType::kIntList &&
      npos >= 1 && IsPlainInt(args[0])) {
    bool all_ints = true;
    for (size_t i = 0; i < npos; ++i) all_ints &= IsPlainInt(args[i]);
    if (all_ints) {
      // Kept as ints, without building a tuple (t.view(2, 3) is hot).
      out->varargs_index = static_cast<int>(first);
      out->varargs.clear();
      for (size_t i = 0; i < npos; ++i) {
        int64_t x = args[i].is_int() ? args[i].as_int() : 0;
        if (!args[i].is_int() && !AsIndex(args[i], &x)) return false;
        out->varargs.push_back(x);
      }
      out->values[first] = Value::Int(0);  // present
      npos = 0;
      pi = first + 1;
    }
  }
  if (npos > sig.npositional - pi) {
    if (error != nullptr)
      *error = absl::StrCat(sig.name, "() takes ", max_pos,
                            " positional argument", max_pos == 1 ? "" : "s",
                            " but ", npos + (pi - first), " were given");
    return false;
  }
  for (size_t i = 0; i < npos; ++i, ++pi) {
    const Param& p = sig.params[pi];
    if (!Accepts(p, args[i])) {
      if (error != nullptr)
        *error = absl::StrCat(sig.name, "(): argument '", p.name,
                              "' (position ", pi - first + 1, ") must be ",
                              TypeText(p), ", not ", ArgTypeName(args[i]));
      return false;
    }
    out->values[pi] = args[i];
  }
  size_t nkw = NumKw(kwnames);
  for (size_t k = 0; k < nkw; ++k) {
    const std::string& key = As<StrObject>(kwnames->get(k))->str();
    const Value& v = args[kw_offset + k];
    size_t idx = sig.params.size();
    for (size_t j = first; j < sig.params.size(); ++j) {
      if (sig.params[j].name == key) idx = j;
    }
    if (idx == sig.params.size()) {
      if (error != nullptr)
        *error = absl::StrCat(
            sig.name, "() got an unexpected keyword argument '", key, "'");
      return false;
    }
    if (!out->values[idx].is_null()) {
      if (error != nullptr)
        *error = absl::StrCat(sig.name, "() got multiple values for argument '",
                              key, "'");
      return false;
    }
    const Param& p = sig.params[idx];
    if (!Accepts(p, v)) {
      if (error != nullptr)
        *error = absl::StrCat(sig.name, "(): argument '", p.name, "' must be ",
                              TypeText(p), ", not ", ArgTypeName(v));
      return false;
    }
    out->values[idx] = v;
  }
  for (size_t j = first; j < sig.params.size(); ++j) {
    if (!out->values[j].is_null()) continue;
    const Param& p = sig.params[j];
    if (p.has_default) {
      out->values[j] = p.default_value;
    } else if (p.nullable) {
      out->values[j] = Value::None();
    } else {
      if (error != nullptr)
        *error = absl::StrCat(sig.name, "() missing 1 required positional ",
                              "arguments: \"", p.name, "\"");
      return false;
    }
  }
  out->sig = &sig;
  return true;
}

bool ArgParser::Parse(const Value* self, Value* args, size_t nargs,
                      TupleObject* kwnames, ParsedArgs* out) const {
  size_t npos = nargs - NumKw(kwnames);
  // The messages are only worth building once nothing matched.
  for (size_t i = 0; i < sigs_.size(); ++i) {
    if (TryMatch(sigs_[i], self, args, npos, kwnames, out, nullptr)) {
      out->overload = static_cast<int>(i);
      return true;
    }
  }
  std::vector<std::string> errors(sigs_.size());
  for (size_t i = 0; i < sigs_.size(); ++i) {
    TryMatch(sigs_[i], self, args, npos, kwnames, out, &errors[i]);
  }
  // As PyTorch: when one (visible) overload could take this many arguments,
  // its own complaint is the message.
  std::vector<size_t> visible, plausible;
  size_t given = npos + (self != nullptr ? 1 : 0);
  for (size_t i = 0; i < sigs_.size(); ++i) {
    if (sigs_[i].hidden) continue;
    visible.push_back(i);
    if (given <= sigs_[i].npositional) plausible.push_back(i);
  }
  if (visible.size() == 1 || plausible.size() == 1) {
    size_t i = visible.size() == 1 ? visible[0] : plausible[0];
    Raise(g_exc.TypeError, errors[i]);
    return false;
  }
  std::vector<std::string> got;
  for (size_t i = 0; i < npos; ++i) got.push_back(ArgTypeName(args[i]));
  for (size_t k = 0; k < NumKw(kwnames); ++k) {
    got.push_back(absl::StrCat(As<StrObject>(kwnames->get(k))->str(), "=",
                               ArgTypeName(args[npos + k])));
  }
  std::string msg = absl::StrCat(
      sigs_[0].name, "() received an invalid combination of arguments - got (",
      absl::StrJoin(got, ", "), "), but expected one of:");
  for (size_t i : visible) {
    std::string text = sigs_[i].text;
    if (self != nullptr) {
      // Methods show their signature without self.
      size_t comma = text.find(", ");
      text = comma == std::string::npos ? "()" : "(" + text.substr(comma + 2);
    }
    absl::StrAppend(&msg, "\n * ", text);
  }
  Raise(g_exc.TypeError, msg);
  return false;
}

}  // namespace minidynamo
