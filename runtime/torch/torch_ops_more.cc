// The op table, second half: reductions, shapes and views, linear algebra,
// neural-network functions, in-place fills, conversions and queries.

#include "runtime/torch/op_table.h"

namespace minidynamo {
namespace op_table {

TypeObject* g_return_types[8];

std::vector<OpDef> ReductionShapeAndNnOps() {
  return {
      // ---- reductions
      {"sum",
       kBoth,
       {"sum(Tensor input, *, ScalarType? dtype=None)",
        "sum(Tensor input, int[1]? dim, bool keepdim=False, *, ScalarType? "
        "dtype=None)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) return W(at::sum(a.tensor(0), a.dtype(1)));
         std::vector<int64_t> d =
             a.has(1) ? a.intlist(1) : std::vector<int64_t>{};
         return W(at::sum(a.tensor(0), OptDims(d, a.has(1)), a.tobool(2),
                          a.dtype(3)));
       }},
      {"nansum",
       kBoth,
       {"nansum(Tensor input, int[1]? dim=None, bool keepdim=False, *, "
        "ScalarType? dtype=None)"},
       [](ParsedArgs& a) {
         std::vector<int64_t> d =
             a.has(1) ? a.intlist(1) : std::vector<int64_t>{};
         return W(at::nansum(a.tensor(0), d, a.tobool(2), a.dtype(3)));
       }},
      {"mean",
       kBoth,
       {"mean(Tensor input, *, ScalarType? dtype=None)",
        "mean(Tensor input, int[1]? dim, bool keepdim=False, *, ScalarType? "
        "dtype=None)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) return W(at::mean(a.tensor(0), a.dtype(1)));
         std::vector<int64_t> d =
             a.has(1) ? a.intlist(1) : std::vector<int64_t>{};
         return W(at::mean(a.tensor(0), OptDims(d, a.has(1)), a.tobool(2),
                           a.dtype(3)));
       }},
      {"prod",
       kBoth,
       {"prod(Tensor input, *, ScalarType? dtype=None)",
        "prod(Tensor input, int dim, bool keepdim=False, *, ScalarType? "
        "dtype=None)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) return W(at::prod(a.tensor(0), a.dtype(1)));
         return W(at::prod(a.tensor(0), a.toint(1), a.tobool(2), a.dtype(3)));
       }},
      {"max",
       kBoth,
       {"max(Tensor input)", "max(Tensor input, Tensor other)",
        "max(Tensor input, int dim, bool keepdim=False)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) return W(at::max(a.tensor(0)));
         if (a.overload == 1) return W(at::max(a.tensor(0), a.tensor(1)));
         return Pair(kMax, at::max(a.tensor(0), a.toint(1), a.tobool(2)));
       }},
      {"min",
       kBoth,
       {"min(Tensor input)", "min(Tensor input, Tensor other)",
        "min(Tensor input, int dim, bool keepdim=False)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) return W(at::min(a.tensor(0)));
         if (a.overload == 1) return W(at::min(a.tensor(0), a.tensor(1)));
         return Pair(kMin, at::min(a.tensor(0), a.toint(1), a.tobool(2)));
       }},
      {"amax",
       kBoth,
       {"amax(Tensor input, int[1] dim=[], bool keepdim=False)"},
       [](ParsedArgs& a) {
         return W(at::amax(a.tensor(0), a.intlist(1), a.tobool(2)));
       }},
      {"amin",
       kBoth,
       {"amin(Tensor input, int[1] dim=[], bool keepdim=False)"},
       [](ParsedArgs& a) {
         return W(at::amin(a.tensor(0), a.intlist(1), a.tobool(2)));
       }},
      {"aminmax",
       kBoth,
       {"aminmax(Tensor input, *, int? dim=None, bool keepdim=False)"},
       [](ParsedArgs& a) {
         return Pair(kAminmax,
                     at::aminmax(a.tensor(0), a.toint_opt(1), a.tobool(2)));
       }},
      {"argmax",
       kBoth,
       {"argmax(Tensor input, int? dim=None, bool keepdim=False)"},
       [](ParsedArgs& a) {
         return W(at::argmax(a.tensor(0), a.toint_opt(1), a.tobool(2)));
       }},
      {"argmin",
       kBoth,
       {"argmin(Tensor input, int? dim=None, bool keepdim=False)"},
       [](ParsedArgs& a) {
         return W(at::argmin(a.tensor(0), a.toint_opt(1), a.tobool(2)));
       }},
      {"all",
       kBoth,
       {"all(Tensor input)", "all(Tensor input, int dim, bool keepdim=False)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) return W(at::all(a.tensor(0)));
         return W(at::all(a.tensor(0), a.toint(1), a.tobool(2)));
       }},
      {"any",
       kBoth,
       {"any(Tensor input)", "any(Tensor input, int dim, bool keepdim=False)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) return W(at::any(a.tensor(0)));
         return W(at::any(a.tensor(0), a.toint(1), a.tobool(2)));
       }},
      {"std",
       kBoth,
       {"std(Tensor input, int[1]? dim=None, bool unbiased=True, bool "
        "keepdim=False, "
        "*, int? correction=None)",
        "std(Tensor input, bool unbiased)"},
       [](ParsedArgs& a) {
         if (a.overload == 1) return W(at::std(a.tensor(0), a.tobool(1)));
         std::vector<int64_t> d =
             a.has(1) ? a.intlist(1) : std::vector<int64_t>{};
         c10::optional<int64_t> corr =
             a.has(4) ? a.toint(4) : (a.tobool(2) ? 1 : 0);
         return W(
             at::std(a.tensor(0), OptDims(d, a.has(1)), corr, a.tobool(3)));
       }},
      {"var",
       kBoth,
       {"var(Tensor input, int[1]? dim=None, bool unbiased=True, bool "
        "keepdim=False, "
        "*, int? correction=None)",
        "var(Tensor input, bool unbiased)"},
       [](ParsedArgs& a) {
         if (a.overload == 1) return W(at::var(a.tensor(0), a.tobool(1)));
         std::vector<int64_t> d =
             a.has(1) ? a.intlist(1) : std::vector<int64_t>{};
         c10::optional<int64_t> corr =
             a.has(4) ? a.toint(4) : (a.tobool(2) ? 1 : 0);
         return W(
             at::var(a.tensor(0), OptDims(d, a.has(1)), corr, a.tobool(3)));
       }},
      {"norm",
       kBoth,
       {"norm(Tensor input, Scalar? p=2, int[1]? dim=None, bool keepdim=False, "
        "*, ScalarType? dtype=None)",
        "norm(Tensor input, str p, int[1]? dim=None, bool keepdim=False, "
        "*, ScalarType? dtype=None)"},
       [](ParsedArgs& a) {
         const at::Tensor& t = a.tensor(0);
         std::vector<int64_t> d =
             a.has(2) ? a.intlist(2) : std::vector<int64_t>{};
         if (a.overload == 1) {
           if (a.str(1) == "fro") {
             return W(at::frobenius_norm(t, d, a.tobool(3)));
           }
           return W(at::nuclear_norm(t, a.tobool(3)));
         }
         c10::optional<at::Scalar> p;
         if (a.has(1)) p = a.scalar(1);
         if (!a.has(2)) {
           if (auto dt = a.dtype(4)) return W(at::norm(t, p, d, false, *dt));
           return W(at::norm(t, p.value_or(2)));
         }
         if (auto dt = a.dtype(4))
           return W(at::norm(t, p, d, a.tobool(3), *dt));
         return W(at::norm(t, p, d, a.tobool(3)));
       }},
      {"logsumexp",
       kBoth,
       {"logsumexp(Tensor input, int[1] dim, bool keepdim=False)"},
       [](ParsedArgs& a) {
         return W(at::logsumexp(a.tensor(0), a.intlist(1), a.tobool(2)));
       }},
      {"cumsum",
       kBoth,
       {"cumsum(Tensor input, int dim, *, ScalarType? dtype=None)"},
       [](ParsedArgs& a) {
         return W(at::cumsum(a.tensor(0), a.toint(1), a.dtype(2)));
       }},
      {"cumprod",
       kBoth,
       {"cumprod(Tensor input, int dim, *, ScalarType? dtype=None)"},
       [](ParsedArgs& a) {
         return W(at::cumprod(a.tensor(0), a.toint(1), a.dtype(2)));
       }},
      {"count_nonzero",
       kBoth,
       {"count_nonzero(Tensor input, int? dim=None)"},
       [](ParsedArgs& a) {
         return W(at::count_nonzero(a.tensor(0), a.toint_opt(1)));
       }},
      {"sort",
       kBoth,
       {"sort(Tensor input, int dim=-1, bool descending=False, *, bool? "
        "stable=None)"},
       [](ParsedArgs& a) {
         c10::optional<bool> stable = false;
         if (a.has(3)) stable = a.tobool(3);
         return Pair(kSort,
                     at::sort(a.tensor(0), stable, a.toint(1), a.tobool(2)));
       }},
      {"argsort",
       kBoth,
       {"argsort(Tensor input, int dim=-1, bool descending=False, *, bool "
        "stable=False)"},
       [](ParsedArgs& a) {
         return W(std::get<1>(
             at::sort(a.tensor(0), a.tobool(3), a.toint(1), a.tobool(2))));
       }},
      {"topk",
       kBoth,
       {"topk(Tensor input, int k, int dim=-1, bool largest=True, bool "
        "sorted=True)"},
       [](ParsedArgs& a) {
         return Pair(kTopk, at::topk(a.tensor(0), a.toint(1), a.toint(2),
                                     a.tobool(3), a.tobool(4)));
       }},
      {"kthvalue",
       kBoth,
       {"kthvalue(Tensor input, int k, int dim=-1, bool keepdim=False)"},
       [](ParsedArgs& a) {
         return Pair(kKthvalue, at::kthvalue(a.tensor(0), a.toint(1),
                                             a.toint(2), a.tobool(3)));
       }},
      {"median",
       kBoth,
       {"median(Tensor input)",
        "median(Tensor input, int dim, bool keepdim=False)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) return W(at::median(a.tensor(0)));
         return Pair(kMedian, at::median(a.tensor(0), a.toint(1), a.tobool(2)));
       }},
      {"mode",
       kBoth,
       {"mode(Tensor input, int dim=-1, bool keepdim=False)"},
       [](ParsedArgs& a) {
         return Pair(kMode, at::mode(a.tensor(0), a.toint(1), a.tobool(2)));
       }},

      // ---- comparison helpers returning Python values
      {"equal",
       kBoth,
       {"equal(Tensor input, Tensor other)"},
       [](ParsedArgs& a) {
         return Value::Bool(at::equal(a.tensor(0), a.tensor(1)));
       }},
      {"allclose",
       kBoth,
       {"allclose(Tensor input, Tensor other, float rtol=1e-05, float "
        "atol=1e-08, "
        "bool equal_nan=False)"},
       [](ParsedArgs& a) {
         return Value::Bool(at::allclose(a.tensor(0), a.tensor(1),
                                         a.todouble(2), a.todouble(3),
                                         a.tobool(4)));
       }},
      {"isclose",
       kBoth,
       {"isclose(Tensor input, Tensor other, float rtol=1e-05, float "
        "atol=1e-08, "
        "bool equal_nan=False)"},
       [](ParsedArgs& a) {
         return W(at::isclose(a.tensor(0), a.tensor(1), a.todouble(2),
                              a.todouble(3), a.tobool(4)));
       }},

      // ---- shapes and views
      {"view",
       kMethod,
       {"view(Tensor self, int[] size)", "view(Tensor self, ScalarType dtype)"},
       [](ParsedArgs& a) {
         if (a.overload == 1) return W(a.tensor(0).view(*a.dtype(1)));
         return W(a.tensor(0).view(a.intlist(1)));
       }},
      {"view_as",
       kMethod,
       {"view_as(Tensor self, Tensor other)"},
       [](ParsedArgs& a) { return W(a.tensor(0).view_as(a.tensor(1))); }},
      {"reshape",
       kBoth,
       {"reshape(Tensor input, int[] shape)"},
       [](ParsedArgs& a) { return W(at::reshape(a.tensor(0), a.intlist(1))); }},
      {"reshape_as",
       kMethod,
       {"reshape_as(Tensor self, Tensor other)"},
       [](ParsedArgs& a) { return W(a.tensor(0).reshape_as(a.tensor(1))); }},
      {"flatten",
       kBoth,
       {"flatten(Tensor input, int start_dim=0, int end_dim=-1)"},
       [](ParsedArgs& a) {
         return W(at::flatten(a.tensor(0), a.toint(1), a.toint(2)));
       }},
      {"unflatten",
       kBoth,
       {"unflatten(Tensor input, int dim, int[] sizes)"},
       [](ParsedArgs& a) {
         return W(a.tensor(0).unflatten(a.toint(1), a.intlist(2)));
       }},
      {"squeeze",
       kBoth,
       {"squeeze(Tensor input)", "squeeze(Tensor input, int dim)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) return W(at::squeeze(a.tensor(0)));
         return W(at::squeeze(a.tensor(0), a.toint(1)));
       }},
      {"unsqueeze",
       kBoth,
       {"unsqueeze(Tensor input, int dim)"},
       [](ParsedArgs& a) { return W(at::unsqueeze(a.tensor(0), a.toint(1))); }},
      {"squeeze_",
       kMethod,
       {"squeeze_(Tensor self)", "squeeze_(Tensor self, int dim)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         if (a.overload == 0) {
           t.squeeze_();
         } else {
           t.squeeze_(a.toint(1));
         }
         return a.values[0];
       }},
      {"unsqueeze_",
       kMethod,
       {"unsqueeze_(Tensor self, int dim)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         t.unsqueeze_(a.toint(1));
         return a.values[0];
       }},
      {"permute",
       kBoth,
       {"permute(Tensor input, int[] dims)"},
       [](ParsedArgs& a) { return W(at::permute(a.tensor(0), a.intlist(1))); }},
      {"transpose",
       kBoth,
       {"transpose(Tensor input, int dim0, int dim1)"},
       [](ParsedArgs& a) {
         return W(at::transpose(a.tensor(0), a.toint(1), a.toint(2)));
       }},
      {"swapaxes",
       kBoth,
       {"swapaxes(Tensor input, int axis0, int axis1)"},
       [](ParsedArgs& a) {
         return W(at::swapaxes(a.tensor(0), a.toint(1), a.toint(2)));
       }},
      {"movedim",
       kBoth,
       {"movedim(Tensor input, int[] source, int[] destination)"},
       [](ParsedArgs& a) {
         return W(at::movedim(a.tensor(0), a.intlist(1), a.intlist(2)));
       }},
      {"t",
       kBoth,
       {"t(Tensor input)"},
       [](ParsedArgs& a) { return W(at::t(a.tensor(0))); }},
      {"t_",
       kMethod,
       {"t_(Tensor self)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         t.t_();
         return a.values[0];
       }},
      {"expand",
       kMethod,
       {"expand(Tensor self, int[] size, *, bool implicit=False)"},
       [](ParsedArgs& a) {
         return W(a.tensor(0).expand(a.intlist(1), a.tobool(2)));
       }},
      {"expand_as",
       kMethod,
       {"expand_as(Tensor self, Tensor other)"},
       [](ParsedArgs& a) { return W(a.tensor(0).expand_as(a.tensor(1))); }},
      {"broadcast_to",
       kBoth,
       {"broadcast_to(Tensor input, int[] size)"},
       [](ParsedArgs& a) {
         return W(at::broadcast_to(a.tensor(0), a.intlist(1)));
       }},
      {"repeat",
       kMethod,
       {"repeat(Tensor self, int[] repeats)"},
       [](ParsedArgs& a) { return W(a.tensor(0).repeat(a.intlist(1))); }},
      {"tile",
       kBoth,
       {"tile(Tensor input, int[] dims)"},
       [](ParsedArgs& a) { return W(at::tile(a.tensor(0), a.intlist(1))); }},
      {"repeat_interleave",
       kBoth,
       {"repeat_interleave(Tensor input, int repeats, int? dim=None)",
        "repeat_interleave(Tensor input, Tensor repeats, int? dim=None)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) {
           return W(
               at::repeat_interleave(a.tensor(0), a.toint(1), a.toint_opt(2)));
         }
         return W(
             at::repeat_interleave(a.tensor(0), a.tensor(1), a.toint_opt(2)));
       }},
      {"split",
       kBoth,
       {"split(Tensor tensor, int split_size_or_sections, int dim=0)",
        "split(Tensor tensor, int[] split_size_or_sections, int dim=0)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) {
           return WrapList(at::split(a.tensor(0), a.toint(1), a.toint(2)));
         }
         return WrapList(
             at::split_with_sizes(a.tensor(0), a.intlist(1), a.toint(2)));
       }},
      {"chunk",
       kBoth,
       {"chunk(Tensor input, int chunks, int dim=0)"},
       [](ParsedArgs& a) {
         return WrapList(at::chunk(a.tensor(0), a.toint(1), a.toint(2)));
       }},
      {"tensor_split",
       kBoth,
       {"tensor_split(Tensor input, int sections, int dim=0)",
        "tensor_split(Tensor input, int[] indices, int dim=0)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) {
           return WrapList(
               at::tensor_split(a.tensor(0), a.toint(1), a.toint(2)));
         }
         return WrapList(
             at::tensor_split(a.tensor(0), a.intlist(1), a.toint(2)));
       }},
      {"unbind",
       kBoth,
       {"unbind(Tensor input, int dim=0)"},
       [](ParsedArgs& a) {
         return WrapList(at::unbind(a.tensor(0), a.toint(1)));
       }},
      {"narrow",
       kBoth,
       {"narrow(Tensor input, int dim, int start, int length)"},
       [](ParsedArgs& a) {
         return W(at::narrow(a.tensor(0), a.toint(1), a.toint(2), a.toint(3)));
       }},
      {"select",
       kBoth,
       {"select(Tensor input, int dim, int index)"},
       [](ParsedArgs& a) {
         return W(at::select(a.tensor(0), a.toint(1), a.toint(2)));
       }},
      {"index_select",
       kBoth,
       {"index_select(Tensor input, int dim, Tensor index)"},
       [](ParsedArgs& a) {
         return W(at::index_select(a.tensor(0), a.toint(1), a.tensor(2)));
       }},
      {"gather",
       kBoth,
       {"gather(Tensor input, int dim, Tensor index, *, bool "
        "sparse_grad=False)"},
       [](ParsedArgs& a) {
         return W(
             at::gather(a.tensor(0), a.toint(1), a.tensor(2), a.tobool(3)));
       }},
      {"scatter",
       kBoth,
       {"scatter(Tensor input, int dim, Tensor index, Tensor src)",
        "scatter(Tensor input, int dim, Tensor index, Scalar value)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) {
           return W(
               at::scatter(a.tensor(0), a.toint(1), a.tensor(2), a.tensor(3)));
         }
         return W(
             at::scatter(a.tensor(0), a.toint(1), a.tensor(2), a.scalar(3)));
       }},
      {"scatter_add",
       kBoth,
       {"scatter_add(Tensor input, int dim, Tensor index, Tensor src)"},
       [](ParsedArgs& a) {
         return W(at::scatter_add(a.tensor(0), a.toint(1), a.tensor(2),
                                  a.tensor(3)));
       }},
      {"index_add",
       kBoth,
       {"index_add(Tensor input, int dim, Tensor index, Tensor source, *, "
        "Scalar alpha=1)"},
       [](ParsedArgs& a) {
         return W(at::index_add(a.tensor(0), a.toint(1), a.tensor(2),
                                a.tensor(3), a.scalar(4)));
       }},
      {"take",
       kBoth,
       {"take(Tensor input, Tensor index)"},
       [](ParsedArgs& a) { return W(at::take(a.tensor(0), a.tensor(1))); }},
      {"nonzero",
       kBoth,
       {"nonzero(Tensor input, *, bool as_tuple=False)"},
       [](ParsedArgs& a) {
         if (a.tobool(1)) return WrapList(at::nonzero_numpy(a.tensor(0)));
         return W(at::nonzero(a.tensor(0)));
       }},
      {"flip",
       kBoth,
       {"flip(Tensor input, int[] dims)"},
       [](ParsedArgs& a) { return W(at::flip(a.tensor(0), a.intlist(1))); }},
      {"roll",
       kBoth,
       {"roll(Tensor input, int[1] shifts, int[1] dims=[])"},
       [](ParsedArgs& a) {
         return W(at::roll(a.tensor(0), a.intlist(1), a.intlist(2)));
       }},
      {"tril",
       kBoth,
       {"tril(Tensor input, int diagonal=0)"},
       [](ParsedArgs& a) { return W(at::tril(a.tensor(0), a.toint(1))); }},
      {"triu",
       kBoth,
       {"triu(Tensor input, int diagonal=0)"},
       [](ParsedArgs& a) { return W(at::triu(a.tensor(0), a.toint(1))); }},
      {"diag",
       kBoth,
       {"diag(Tensor input, int diagonal=0)"},
       [](ParsedArgs& a) { return W(at::diag(a.tensor(0), a.toint(1))); }},
      {"diagonal",
       kBoth,
       {"diagonal(Tensor input, int offset=0, int dim1=0, int dim2=1)"},
       [](ParsedArgs& a) {
         return W(
             at::diagonal(a.tensor(0), a.toint(1), a.toint(2), a.toint(3)));
       }},
      {"trace",
       kBoth,
       {"trace(Tensor input)"},
       [](ParsedArgs& a) { return W(at::trace(a.tensor(0))); }},
      {"cat",
       kFn,
       {"cat(Tensor[] tensors, int dim=0)"},
       [](ParsedArgs& a) { return W(at::cat(a.tensorlist(0), a.toint(1))); }},
      {"concat",
       kFn,
       {"concat(Tensor[] tensors, int dim=0)"},
       [](ParsedArgs& a) { return W(at::cat(a.tensorlist(0), a.toint(1))); }},
      {"concatenate",
       kFn,
       {"concatenate(Tensor[] tensors, int axis=0)"},
       [](ParsedArgs& a) { return W(at::cat(a.tensorlist(0), a.toint(1))); }},
      {"stack",
       kFn,
       {"stack(Tensor[] tensors, int dim=0)"},
       [](ParsedArgs& a) { return W(at::stack(a.tensorlist(0), a.toint(1))); }},
      {"hstack",
       kFn,
       {"hstack(Tensor[] tensors)"},
       [](ParsedArgs& a) { return W(at::hstack(a.tensorlist(0))); }},
      {"vstack",
       kFn,
       {"vstack(Tensor[] tensors)"},
       [](ParsedArgs& a) { return W(at::vstack(a.tensorlist(0))); }},
      {"broadcast_tensors",
       kFn,
       {"broadcast_tensors(Tensor[] tensors)"},
       [](ParsedArgs& a) {
         return WrapList(at::broadcast_tensors(a.tensorlist(0)));
       }},
      {"contiguous",
       kMethod,
       {"contiguous(Tensor self, *, PyObject memory_format=None)"},
       [](ParsedArgs& a) { return W(a.tensor(0).contiguous()); }},
      {"clone",
       kBoth,
       {"clone(Tensor input, *, PyObject memory_format=None)"},
       [](ParsedArgs& a) { return W(at::clone(a.tensor(0))); }},
      {"detach",
       kBoth,
       {"detach(Tensor input)"},
       [](ParsedArgs& a) { return W(at::detach(a.tensor(0))); }},
      {"detach_",
       kMethod,
       {"detach_(Tensor self)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         t.detach_();
         return a.values[0];
       }},
      {"requires_grad_",
       kMethod,
       {"requires_grad_(Tensor self, bool requires_grad=True)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         t.requires_grad_(a.tobool(1));
         return a.values[0];
       }},

      // ---- linear algebra
      {"matmul",
       kBoth,
       {"matmul(Tensor input, Tensor other)"},
       [](ParsedArgs& a) { return W(at::matmul(a.tensor(0), a.tensor(1))); }},
      {"mm",
       kBoth,
       {"mm(Tensor input, Tensor mat2)"},
       [](ParsedArgs& a) { return W(at::mm(a.tensor(0), a.tensor(1))); }},
      {"bmm",
       kBoth,
       {"bmm(Tensor input, Tensor mat2)"},
       [](ParsedArgs& a) { return W(at::bmm(a.tensor(0), a.tensor(1))); }},
      {"mv",
       kBoth,
       {"mv(Tensor input, Tensor vec)"},
       [](ParsedArgs& a) { return W(at::mv(a.tensor(0), a.tensor(1))); }},
      {"dot",
       kBoth,
       {"dot(Tensor input, Tensor other)"},
       [](ParsedArgs& a) { return W(at::dot(a.tensor(0), a.tensor(1))); }},
      {"outer",
       kBoth,
       {"outer(Tensor input, Tensor vec2)"},
       [](ParsedArgs& a) { return W(at::outer(a.tensor(0), a.tensor(1))); }},
      {"addmm",
       kBoth,
       {"addmm(Tensor input, Tensor mat1, Tensor mat2, *, Scalar beta=1, "
        "Scalar alpha=1)"},
       [](ParsedArgs& a) {
         return W(at::addmm(a.tensor(0), a.tensor(1), a.tensor(2), a.scalar(3),
                            a.scalar(4)));
       }},
      {"baddbmm",
       kBoth,
       {"baddbmm(Tensor input, Tensor batch1, Tensor batch2, *, Scalar beta=1, "
        "Scalar alpha=1)"},
       [](ParsedArgs& a) {
         return W(at::baddbmm(a.tensor(0), a.tensor(1), a.tensor(2),
                              a.scalar(3), a.scalar(4)));
       }},
      {"tensordot",
       kFn,
       {"tensordot(Tensor a, Tensor b, int dims=2)",
        "tensordot(Tensor a, Tensor b, PyObject dims)"},
       [](ParsedArgs& a) -> Value {
         const at::Tensor& x = a.tensor(0);
         const at::Tensor& y = a.tensor(1);
         std::vector<int64_t> dx, dy;
         if (a.overload == 0) {
           int64_t n = a.toint(2);
           for (int64_t i = 0; i < n; ++i) {
             dx.push_back(x.dim() - n + i);
             dy.push_back(i);
           }
         } else {
           Value items[2];
           if (!UnpackSequence(a.values[2], 2, items)) return Value();
           if (!ToIntList(items[0], &dx) || !ToIntList(items[1], &dy))
             return Value();
         }
         return W(at::tensordot(x, y, dx, dy));
       }},
      {"einsum",
       kFn,
       {"einsum(str equation, Tensor[] operands)"},
       [](ParsedArgs& a) { return W(at::einsum(a.str(0), a.tensorlist(1))); }},
      {"cross",
       kBoth,
       {"cross(Tensor input, Tensor other, int? dim=None)"},
       [](ParsedArgs& a) {
         return W(at::cross(a.tensor(0), a.tensor(1), a.toint_opt(2)));
       }},
      {"cdist",
       kFn,
       {"cdist(Tensor x1, Tensor x2, float p=2.0)"},
       [](ParsedArgs& a) {
         return W(at::cdist(a.tensor(0), a.tensor(1), a.todouble(2)));
       }},

      // ---- neural-network functions (torch.* and for torch.nn.functional)
      {"softmax",
       kBoth,
       {"softmax(Tensor input, int dim, ScalarType? dtype=None)"},
       [](ParsedArgs& a) {
         return W(at::softmax(a.tensor(0), a.toint(1), a.dtype(2)));
       }},
      {"log_softmax",
       kBoth,
       {"log_softmax(Tensor input, int dim, ScalarType? dtype=None)"},
       [](ParsedArgs& a) {
         return W(at::log_softmax(a.tensor(0), a.toint(1), a.dtype(2)));
       }},
      {"dropout",
       kFn,
       {"dropout(Tensor input, float p, bool train)"},
       [](ParsedArgs& a) {
         return W(at::dropout(a.tensor(0), a.todouble(1), a.tobool(2)));
       }},
      {"_gelu",
       kFn,
       {"_gelu(Tensor input, str approximate='none')"},
       [](ParsedArgs& a) { return W(at::gelu(a.tensor(0), a.str(1))); }},
      {"_silu",
       kFn,
       {"_silu(Tensor input)"},
       [](ParsedArgs& a) { return W(at::silu(a.tensor(0))); }},
      {"_leaky_relu",
       kFn,
       {"_leaky_relu(Tensor input, Scalar negative_slope=0.01)"},
       [](ParsedArgs& a) {
         return W(at::leaky_relu(a.tensor(0), a.scalar(1)));
       }},
      {"_elu",
       kFn,
       {"_elu(Tensor input, Scalar alpha=1.0)"},
       [](ParsedArgs& a) { return W(at::elu(a.tensor(0), a.scalar(1))); }},
      {"_softplus",
       kFn,
       {"_softplus(Tensor input, Scalar beta=1, Scalar threshold=20)"},
       [](ParsedArgs& a) {
         return W(at::softplus(a.tensor(0), a.scalar(1), a.scalar(2)));
       }},
      {"_hardtanh",
       kFn,
       {"_hardtanh(Tensor input, Scalar min_val=-1.0, Scalar max_val=1.0)"},
       [](ParsedArgs& a) {
         return W(at::hardtanh(a.tensor(0), a.scalar(1), a.scalar(2)));
       }},
      {"_linear",
       kFn,
       {"_linear(Tensor input, Tensor weight, Tensor? bias=None)"},
       [](ParsedArgs& a) {
         return W(at::linear(a.tensor(0), a.tensor(1), a.tensor_opt(2)));
       }},
      {"layer_norm",
       kFn,
       {"layer_norm(Tensor input, int[] normalized_shape, Tensor? weight=None, "
        "Tensor? bias=None, float eps=1e-05, bool cudnn_enable=True)"},
       [](ParsedArgs& a) {
         return W(at::layer_norm(a.tensor(0), a.intlist(1), a.tensor_opt(2),
                                 a.tensor_opt(3), a.todouble(4)));
       }},
      {"_mse_loss",
       kFn,
       {"_mse_loss(Tensor input, Tensor target, int reduction=1)"},
       [](ParsedArgs& a) {
         return W(at::mse_loss(a.tensor(0), a.tensor(1), a.toint(2)));
       }},
      {"_l1_loss",
       kFn,
       {"_l1_loss(Tensor input, Tensor target, int reduction=1)"},
       [](ParsedArgs& a) {
         return W(at::l1_loss(a.tensor(0), a.tensor(1), a.toint(2)));
       }},
      {"_cross_entropy",
       kFn,
       {"_cross_entropy(Tensor input, Tensor target, Tensor? weight=None, "
        "int reduction=1, int ignore_index=-100, float label_smoothing=0.0)"},
       [](ParsedArgs& a) {
         return W(at::cross_entropy_loss(a.tensor(0), a.tensor(1),
                                         a.tensor_opt(2), a.toint(3),
                                         a.toint(4), a.todouble(5)));
       }},
      {"_nll_loss",
       kFn,
       {"_nll_loss(Tensor input, Tensor target, Tensor? weight=None, "
        "int reduction=1, int ignore_index=-100)"},
       [](ParsedArgs& a) {
         return W(at::nll_loss(a.tensor(0), a.tensor(1), a.tensor_opt(2),
                               a.toint(3), a.toint(4)));
       }},
      {"_binary_cross_entropy",
       kFn,
       {"_binary_cross_entropy(Tensor input, Tensor target, Tensor? "
        "weight=None, "
        "int reduction=1)"},
       [](ParsedArgs& a) {
         return W(at::binary_cross_entropy(a.tensor(0), a.tensor(1),
                                           a.tensor_opt(2), a.toint(3)));
       }},
      {"_embedding",
       kFn,
       {"_embedding(Tensor weight, Tensor input, int padding_idx=-1)"},
       [](ParsedArgs& a) {
         return W(at::embedding(a.tensor(0), a.tensor(1), a.toint(2)));
       }},
      {"conv2d",
       kFn,
       {"conv2d(Tensor input, Tensor weight, Tensor? bias=None, int[2] "
        "stride=1, "
        "int[2] padding=0, int[2] dilation=1, int groups=1)"},
       [](ParsedArgs& a) {
         return W(at::conv2d(a.tensor(0), a.tensor(1), a.tensor_opt(2),
                             a.intlist(3), a.intlist(4), a.intlist(5),
                             a.toint(6)));
       }},
      {"conv1d",
       kFn,
       {"conv1d(Tensor input, Tensor weight, Tensor? bias=None, int[1] "
        "stride=1, "
        "int[1] padding=0, int[1] dilation=1, int groups=1)"},
       [](ParsedArgs& a) {
         return W(at::conv1d(a.tensor(0), a.tensor(1), a.tensor_opt(2),
                             a.intlist(3), a.intlist(4), a.intlist(5),
                             a.toint(6)));
       }},
      {"_max_pool2d",
       kFn,
       {"_max_pool2d(Tensor input, int[2] kernel_size, int[2] stride=[], "
        "int[2] padding=0, int[2] dilation=1, bool ceil_mode=False)"},
       [](ParsedArgs& a) {
         return W(at::max_pool2d(a.tensor(0), a.intlist(1), a.intlist(2),
                                 a.intlist(3), a.intlist(4), a.tobool(5)));
       }},
      {"batch_norm",
       kFn,
       {"batch_norm(Tensor input, Tensor? weight, Tensor? bias, Tensor? "
        "running_mean, "
        "Tensor? running_var, bool training, float momentum, float eps, "
        "bool cudnn_enabled=True)"},
       [](ParsedArgs& a) {
         return W(at::batch_norm(a.tensor(0), a.tensor_opt(1), a.tensor_opt(2),
                                 a.tensor_opt(3), a.tensor_opt(4), a.tobool(5),
                                 a.todouble(6), a.todouble(7), a.tobool(8)));
       }},

      // ---- in-place fills and copies
      {"zero_",
       kMethod,
       {"zero_(Tensor self)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         t.zero_();
         return a.values[0];
       }},
      {"fill_",
       kMethod,
       {"fill_(Tensor self, Tensor value)", "fill_(Tensor self, Scalar value)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         if (a.overload == 0) {
           t.fill_(a.tensor(1));
         } else {
           t.fill_(a.scalar(1));
         }
         return a.values[0];
       }},
      {"copy_",
       kMethod,
       {"copy_(Tensor self, Tensor src, bool non_blocking=False)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         t.copy_(a.tensor(1), a.tobool(2));
         return a.values[0];
       }},
      {"uniform_",
       kMethod,
       {"uniform_(Tensor self, float from=0, float to=1, *, PyObject "
        "generator=None)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         t.uniform_(a.todouble(1), a.todouble(2));
         return a.values[0];
       }},
      {"normal_",
       kMethod,
       {"normal_(Tensor self, float mean=0, float std=1, *, PyObject "
        "generator=None)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         t.normal_(a.todouble(1), a.todouble(2));
         return a.values[0];
       }},
      {"bernoulli_",
       kMethod,
       {"bernoulli_(Tensor self, float p=0.5, *, PyObject generator=None)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         t.bernoulli_(a.todouble(1));
         return a.values[0];
       }},
      {"exponential_",
       kMethod,
       {"exponential_(Tensor self, float lambd=1, *, PyObject generator=None)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         t.exponential_(a.todouble(1));
         return a.values[0];
       }},
      {"index_fill_",
       kMethod,
       {"index_fill_(Tensor self, int dim, Tensor index, Scalar value)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         t.index_fill_(a.toint(1), a.tensor(2), a.scalar(3));
         return a.values[0];
       }},
      {"scatter_",
       kMethod,
       {"scatter_(Tensor self, int dim, Tensor index, Tensor src)",
        "scatter_(Tensor self, int dim, Tensor index, Scalar value)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         if (a.overload == 0) {
           t.scatter_(a.toint(1), a.tensor(2), a.tensor(3));
         } else {
           t.scatter_(a.toint(1), a.tensor(2), a.scalar(3));
         }
         return a.values[0];
       }},
      {"index_put_",
       kMethod,
       {"index_put_(Tensor self, PyObject indices, Tensor values, bool "
        "accumulate=False)"},
       [](ParsedArgs& a) -> Value {
         std::vector<Value> items;
         Value it = GetIter(a.values[1]);
         if (it.is_null()) return it;
         c10::List<c10::optional<at::Tensor>> idx;
         while (true) {
           Value x = IterNext(it);
           if (x.is_null()) break;
           if (x.is_none()) {
             idx.push_back(c10::nullopt);
           } else {
             idx.push_back(TensorOf(x));
           }
         }
         if (ErrorOccurred()) return Value();
         at::Tensor t = a.tensor(0);
         t.index_put_(idx, a.tensor(2), a.tobool(3));
         return a.values[0];
       }},

      // ---- conversions
      {"to",
       kMethod,
       {"to(Tensor self, Device? device=None, ScalarType? dtype=None, "
        "bool non_blocking=False, bool copy=False, *, PyObject "
        "memory_format=None)",
        "to(Tensor self, ScalarType dtype, bool non_blocking=False, bool "
        "copy=False, "
        "*, PyObject memory_format=None)",
        "to(Tensor self, Tensor other, bool non_blocking=False, bool "
        "copy=False, "
        "*, PyObject memory_format=None)"},
       [](ParsedArgs& a) {
         const at::Tensor& t = a.tensor(0);
         switch (a.overload) {
           case 0: {
             at::TensorOptions o = t.options();
             if (auto dev = a.device(1)) o = o.device(*dev);
             if (auto dt = a.dtype(2)) o = o.dtype(*dt);
             return W(t.to(o, a.tobool(3), a.tobool(4)));
           }
           case 1:
             return W(t.to(*a.dtype(1), a.tobool(2), a.tobool(3)));
           default:
             return W(t.to(a.tensor(1), a.tobool(2), a.tobool(3)));
         }
       }},
      {"type_as",
       kMethod,
       {"type_as(Tensor self, Tensor other)"},
       [](ParsedArgs& a) { return W(a.tensor(0).type_as(a.tensor(1))); }},
      {"cpu",
       kMethod,
       {"cpu(Tensor self, *, PyObject memory_format=None)"},
       [](ParsedArgs& a) { return W(a.tensor(0).cpu()); }},
      {"cuda",
       kMethod,
       {"cuda(Tensor self, Device? device=None, bool non_blocking=False, "
        "*, PyObject memory_format=None)"},
       [](ParsedArgs& a) {
         c10::Device d = a.device(1).value_or(c10::Device(c10::kCUDA));
         return W(a.tensor(0).to(d, a.tobool(2)));
       }},
#define CAST(name, st)                                            \
  {                                                               \
#name, kMethod,                                               \
        {#name "(Tensor self, *, PyObject memory_format=None)" }, \
         [](ParsedArgs & a) { return W(a.tensor(0).to(st)); }     \
  }
      CAST(float, at::kFloat),
      CAST(double, at::kDouble),
      CAST(half, at::kHalf),
      CAST(bfloat16, at::kBFloat16),
      CAST(long, at::kLong),
      CAST(int, at::kInt),
      CAST(short, at::kShort),
      CAST(char, at::kChar),
      CAST(byte, at::kByte),
      CAST(bool, at::kBool),
      CAST(cfloat, at::kComplexFloat),
      CAST(cdouble, at::kComplexDouble),
#undef CAST

      // ---- queries
      {"size",
       kMethod,
       {"size(Tensor self)", "size(Tensor self, int dim)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) return MakeSize(a.tensor(0).sizes());
         return Value::Int(a.tensor(0).size(a.toint(1)));
       }},
      {"stride",
       kMethod,
       {"stride(Tensor self)", "stride(Tensor self, int dim)"},
       [](ParsedArgs& a) {
         if (a.overload == 1) return Value::Int(a.tensor(0).stride(a.toint(1)));
         c10::IntArrayRef s = a.tensor(0).strides();
         Value out = TupleObject::New(s.size());
         for (size_t i = 0; i < s.size(); ++i) {
           As<TupleObject>(out)->set(i, Value::Int(s[i]));
         }
         return out;
       }},
      {"dim",
       kMethod,
       {"dim(Tensor self)"},
       [](ParsedArgs& a) { return Value::Int(a.tensor(0).dim()); }},
      {"ndimension",
       kMethod,
       {"ndimension(Tensor self)"},
       [](ParsedArgs& a) { return Value::Int(a.tensor(0).dim()); }},
      {"numel",
       kBoth,
       {"numel(Tensor input)"},
       [](ParsedArgs& a) { return Value::Int(a.tensor(0).numel()); }},
      {"nelement",
       kMethod,
       {"nelement(Tensor self)"},
       [](ParsedArgs& a) { return Value::Int(a.tensor(0).numel()); }},
      {"element_size",
       kMethod,
       {"element_size(Tensor self)"},
       [](ParsedArgs& a) {
         return Value::Int(static_cast<int64_t>(a.tensor(0).element_size()));
       }},
      {"is_contiguous",
       kMethod,
       {"is_contiguous(Tensor self, *, PyObject memory_format=None)"},
       [](ParsedArgs& a) { return Value::Bool(a.tensor(0).is_contiguous()); }},
      {"is_floating_point",
       kBoth,
       {"is_floating_point(Tensor input)"},
       [](ParsedArgs& a) {
         return Value::Bool(a.tensor(0).is_floating_point());
       }},
      {"is_complex",
       kBoth,
       {"is_complex(Tensor input)"},
       [](ParsedArgs& a) { return Value::Bool(a.tensor(0).is_complex()); }},
      {"is_nonzero",
       kBoth,
       {"is_nonzero(Tensor input)"},
       [](ParsedArgs& a) { return Value::Bool(a.tensor(0).is_nonzero()); }},
      {"storage_offset",
       kMethod,
       {"storage_offset(Tensor self)"},
       [](ParsedArgs& a) { return Value::Int(a.tensor(0).storage_offset()); }},
      {"data_ptr",
       kMethod,
       {"data_ptr(Tensor self)"},
       [](ParsedArgs& a) {
         return Value::Int(reinterpret_cast<intptr_t>(a.tensor(0).data_ptr()));
       }},
      {"is_same_size",
       kMethod,
       {"is_same_size(Tensor self, Tensor other)"},
       [](ParsedArgs& a) {
         return Value::Bool(a.tensor(0).sizes().equals(a.tensor(1).sizes()));
       }},
      {"get_device",
       kMethod,
       {"get_device(Tensor self)"},
       [](ParsedArgs& a) {
         const at::Tensor& t = a.tensor(0);
         return Value::Int(t.is_cuda() ? t.get_device() : -1);
       }},
      {"_is_view",
       kMethod,
       {"_is_view(Tensor self)"},
       [](ParsedArgs& a) { return Value::Bool(a.tensor(0).is_view()); }},
  };
}

}  // namespace op_table
}  // namespace minidynamo
