"""torch.nn.functional over torch._C's kernels."""

import torch
from torch import _C

_REDUCTIONS = {"none": 0, "mean": 1, "sum": 2}


def _reduction(reduction):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"{reduction} is not a valid value for reduction")
    return _REDUCTIONS[reduction]


def linear(input, weight, bias=None):
    return _C._linear(input, weight, bias)


def relu(input, inplace=False):
    return input.relu_() if inplace else input.relu()


def relu6(input, inplace=False):
    return hardtanh(input, 0.0, 6.0, inplace)


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    if inplace:
        return input.clamp_(min_val, max_val)
    return _C._hardtanh(input, min_val, max_val)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    out = _C._leaky_relu(input, negative_slope)
    if inplace:
        return input.copy_(out)
    return out


def elu(input, alpha=1.0, inplace=False):
    out = _C._elu(input, alpha)
    if inplace:
        return input.copy_(out)
    return out


def gelu(input, approximate="none"):
    return _C._gelu(input, approximate)


def silu(input, inplace=False):
    out = _C._silu(input)
    if inplace:
        return input.copy_(out)
    return out


def softplus(input, beta=1, threshold=20):
    return _C._softplus(input, beta, threshold)


def sigmoid(input):
    return input.sigmoid()


def tanh(input):
    return input.tanh()


def _softmax_dim(ndim):
    return 0 if ndim in (0, 1, 3) else 1


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _softmax_dim(input.dim())
    return input.softmax(dim, dtype=dtype)


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _softmax_dim(input.dim())
    return input.log_softmax(dim, dtype=dtype)


def dropout(input, p=0.5, training=True, inplace=False):
    if p < 0.0 or p > 1.0:
        raise ValueError("dropout probability has to be between 0 and 1, but "
                         f"got {p}")
    out = _C.dropout(input, p, training)
    if inplace:
        return input.copy_(out)
    return out


def mse_loss(input, target, size_average=None, reduce=None,
             reduction="mean", weight=None):
    return _C._mse_loss(input, target, _reduction(reduction))


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    return _C._l1_loss(input, target, _reduction(reduction))


def cross_entropy(input, target, weight=None, size_average=None,
                  ignore_index=-100, reduce=None, reduction="mean",
                  label_smoothing=0.0):
    return _C._cross_entropy(input, target, weight, _reduction(reduction),
                             ignore_index, label_smoothing)


def nll_loss(input, target, weight=None, size_average=None,
             ignore_index=-100, reduce=None, reduction="mean"):
    return _C._nll_loss(input, target, weight, _reduction(reduction),
                        ignore_index)


def binary_cross_entropy(input, target, weight=None, size_average=None,
                         reduce=None, reduction="mean"):
    return _C._binary_cross_entropy(input, target, weight,
                                    _reduction(reduction))


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05):
    return _C.layer_norm(input, normalized_shape, weight, bias, eps)


def embedding(input, weight, padding_idx=None, max_norm=None,
              norm_type=2.0, scale_grad_by_freq=False, sparse=False):
    if padding_idx is None:
        padding_idx = -1
    return _C._embedding(weight, input, padding_idx)


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1,
           groups=1):
    return _C.conv2d(input, weight, bias, stride, padding, dilation, groups)


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1,
           groups=1):
    return _C.conv1d(input, weight, bias, stride, padding, dilation, groups)


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1,
               ceil_mode=False, return_indices=False):
    if stride is None:
        stride = []
    return _C._max_pool2d(input, kernel_size, stride, padding, dilation,
                          ceil_mode)


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    denom = input.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(input)
    return input / denom
