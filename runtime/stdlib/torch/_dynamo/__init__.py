"""torch._dynamo: torch.compile's front end. The symbolic interpreter, guards
and codegen are native (tracer/, codegen/ in minidynamo, driven through
_minidynamo_dynamo); this package is the Python API around them."""

import _minidynamo_dynamo as _native

from torch._dynamo import config  # noqa: F401
from torch._dynamo import exc  # noqa: F401
from torch._dynamo import convert_frame  # noqa: F401
from torch._dynamo import eval_frame  # noqa: F401
from torch._dynamo.eval_frame import (optimize, explain,  # noqa: F401
                                      OptimizedModule, list_backends)


def graph_break(msg=""):
    """Forces a graph break when traced; does nothing when run eagerly."""


def is_compiling():
    return False


def reset():
    """Forgets every compiled frame (and their guards)."""
    _native.reset()
    eval_frame._reset_counters()


def disable(fn=None, recursive=True):
    if fn is None:
        return lambda f: f
    return fn
