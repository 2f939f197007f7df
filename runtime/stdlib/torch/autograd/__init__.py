"""torch.autograd: backward, grad and the grad-mode context managers."""

import torch
from torch.autograd import grad_mode  # noqa: F401
from torch.autograd.grad_mode import (no_grad, enable_grad,  # noqa: F401
                                      set_grad_enabled, inference_mode)


def _as_tuple(x):
    if isinstance(x, torch.Tensor):
        return (x,)
    return tuple(x)


def backward(tensors, grad_tensors=None, retain_graph=None,
             create_graph=False, grad_variables=None, inputs=None):
    tensors = _as_tuple(tensors)
    if grad_tensors is not None:
        grad_tensors = _as_tuple(grad_tensors) if not isinstance(
            grad_tensors, (list, tuple)) else tuple(grad_tensors)
    torch._C._autograd_backward(tensors, grad_tensors, retain_graph,
                                create_graph,
                                None if inputs is None else _as_tuple(inputs))


def grad(outputs, inputs, grad_outputs=None, retain_graph=None,
         create_graph=False, only_inputs=True, allow_unused=None,
         is_grads_batched=False, materialize_grads=False):
    outputs = _as_tuple(outputs)
    inputs = _as_tuple(inputs)
    if grad_outputs is not None:
        grad_outputs = _as_tuple(grad_outputs) if isinstance(
            grad_outputs, torch.Tensor) else tuple(grad_outputs)
    return torch._C._autograd_grad(outputs, inputs, grad_outputs,
                                   retain_graph, create_graph,
                                   bool(allow_unused))
