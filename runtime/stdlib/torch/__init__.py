"""torch for minidynamo: tensors over LibTorch (torch._C, a native library
opened on import) with PyTorch's Python-level API around them."""

from torch._C import *  # noqa: F401,F403  Tensor, dtypes, functions
from torch._C import (_set_grad_enabled, _set_default_dtype,
                      _get_printoptions, _autograd_backward, _autograd_grad)
import torch._C as _C

__version__ = "2.11.0"


def is_tensor(obj):
    return isinstance(obj, Tensor)


def is_floating_point(input):
    return input.is_floating_point()


def set_default_dtype(d):
    _set_default_dtype(d)


def typename(obj):
    if isinstance(obj, Tensor):
        return obj.type()
    module = getattr(obj, "__module__", "") or ""
    qualname = getattr(obj, "__qualname__", None) or type(obj).__qualname__
    return module + "." + qualname if module else qualname


def get_rng_state():
    """The default CPU generator's state, a uint8 tensor."""
    return default_generator.get_state()


def set_rng_state(new_state):
    default_generator.set_state(new_state)


def seed():
    import time
    s = int(time.time() * 1000003) & ((1 << 63) - 1)
    manual_seed(s)
    return s


from torch import _tensor  # noqa: E402,F401  Python-level Tensor methods
from torch import autograd  # noqa: E402
from torch.autograd.grad_mode import (no_grad, enable_grad,  # noqa: E402
                                      set_grad_enabled, inference_mode)
from torch import nn  # noqa: E402
from torch import cuda  # noqa: E402
from torch import func  # noqa: E402
from torch import compiler  # noqa: E402
from torch import utils  # noqa: E402
# torch.compile's machinery, torch.fx and torch.testing load on first use
# (PEP 562), which keeps `import torch` cheaper.
_LAZY_SUBMODULES = ("_dynamo", "fx", "testing")


def __getattr__(name):
    if name in _LAZY_SUBMODULES:
        __import__("torch." + name)
        return globals()[name]
    raise AttributeError(f"module 'torch' has no attribute '{name}'")


def _dynamo_module():
    import torch._dynamo
    return torch._dynamo


def _logging_set_logs(**kwargs):
    _dynamo_module().logging.set_logs(**kwargs)


class _Logging:
    set_logs = staticmethod(_logging_set_logs)


_logging = _Logging()


def compile(model=None, *, fullgraph=False, dynamic=None, backend="inductor",
            mode=None, options=None, disable=False):
    """torch.compile: a call or a decorator, on functions, methods and
    nn.Modules. Our graph executor answers to "inductor" and "aot_eager" as
    well as "eager"; a callable backend gets (graph_module, example_inputs)."""
    if model is None:
        def decorator(m):
            return compile(m, fullgraph=fullgraph, dynamic=dynamic,
                           backend=backend, mode=mode, options=options,
                           disable=disable)
        return decorator
    if disable:
        return model
    return _dynamo_module().optimize(backend, fullgraph=fullgraph)(model)
