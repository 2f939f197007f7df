"""Tensor methods PyTorch writes in Python (torch/_tensor.py)."""

import torch
from torch._C import Tensor


def _deepcopy(self, memo):
    if id(self) in memo:
        return memo[id(self)]
    with torch.no_grad():
        new = self.clone()
        if type(self) is not Tensor:
            new = type(self).__new__(type(self), new, self.requires_grad) \
                if hasattr(type(self), "__new__") else new
        new.requires_grad_(self.requires_grad)
    if self.grad is not None:
        new.grad = _deepcopy(self.grad, memo)
    memo[id(self)] = new
    import copy
    for k, v in self.__dict__.items():
        setattr(new, k, copy.deepcopy(v, memo))
    return new


def _type(self, dtype=None, non_blocking=False, **kwargs):
    if dtype is None:
        return _TYPE_NAMES.get(self.dtype, "torch.Tensor")
    if isinstance(dtype, str):
        for k, v in _TYPE_NAMES.items():
            if v == dtype:
                return self.to(k)
        raise RuntimeError("invalid type: '%s'" % dtype)
    return self.to(dtype)


_TYPE_NAMES = {
    torch.float32: "torch.FloatTensor",
    torch.float64: "torch.DoubleTensor",
    torch.float16: "torch.HalfTensor",
    torch.bfloat16: "torch.BFloat16Tensor",
    torch.int64: "torch.LongTensor",
    torch.int32: "torch.IntTensor",
    torch.int16: "torch.ShortTensor",
    torch.int8: "torch.CharTensor",
    torch.uint8: "torch.ByteTensor",
    torch.bool: "torch.BoolTensor",
}


def _register_hook(self, hook):
    raise RuntimeError("Tensor.register_hook is not supported by minidynamo")


def _reversed(self):
    if self.dim() == 0:
        return self
    return self.flip(0)


def _dir(self):
    return sorted(set(dir(type(self))) | set(self.__dict__))


Tensor.__deepcopy__ = _deepcopy
Tensor.type = _type
Tensor.register_hook = _register_hook
Tensor.__reversed__ = _reversed
Tensor.__module__ = "torch"
