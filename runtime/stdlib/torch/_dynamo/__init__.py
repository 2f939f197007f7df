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
    import torch.compiler
    return torch.compiler.is_compiling()


def reset():
    """Forgets every compiled frame (and their guards)."""
    _native.reset()
    eval_frame._reset_counters()


class CompiledFrame:
    """One cached compilation of a code object: its guards, the out code
    that replaces it, the graph it calls and the side effects it replays."""

    def __init__(self, guards, out_code, graph_code, side_effects):
        self.guards = guards
        self.out_code = out_code
        self.graph_code = graph_code
        self.side_effects = side_effects

    def __repr__(self):
        return (f"<CompiledFrame {self.out_code.co_name}: "
                f"{len(self.guards)} guards, "
                f"{len(self.side_effects)} side effects>")


def compiled_frames(fn):
    """The compiled variants cached for a function (or code object)."""
    fn = getattr(fn, "_torchdynamo_orig_callable", fn)
    return [CompiledFrame(*entry) for entry in _native.cache_entries(fn)]


def disable(fn=None, recursive=True):
    if fn is None:
        return lambda f: f
    return fn


eval_frame._configure()
