"""torch.compile's wrappers: calling an optimized function activates the
native frame hook for the duration of the call, with the backend and
fullgraph setting it was built with."""

import functools
import operator
import warnings

import torch
import _minidynamo_dynamo as _native
from torch._dynamo import config as _config_module
from torch._dynamo import differential as _differential
from torch._dynamo import exc
from torch._dynamo import logging as _logging
from torch._dynamo.testing import _skipped_function_for_test_reconstruct

_BACKENDS = ("eager", "inductor", "aot_eager", "cudagraphs")


def list_backends(exclude_tags=()):
    return sorted(b for b in _BACKENDS if b != "eager")


def _graph_functions():
    fns = {}
    for name in dir(torch._C):
        if name.startswith("__"):
            continue
        obj = getattr(torch._C, name)
        if type(obj).__name__ == "builtin_function_or_method":
            fns["torch." + name if not name.startswith("_")
                else "torch._C." + name] = obj
    return fns


def _operators():
    ops = [None] * 64
    binops = [operator.add, operator.and_, operator.floordiv, operator.lshift,
              operator.matmul, operator.mul, operator.mod, operator.or_,
              operator.pow, operator.rshift, operator.sub, operator.truediv,
              operator.xor, operator.iadd, operator.iand, operator.ifloordiv,
              operator.ilshift, operator.imatmul, operator.imul,
              operator.imod, operator.ior, operator.ipow, operator.irshift,
              operator.isub, operator.itruediv, operator.ixor]
    ops[:len(binops)] = binops
    ops[32:38] = [operator.lt, operator.le, operator.eq, operator.ne,
                  operator.gt, operator.ge]
    ops[62] = operator.neg
    ops[63] = operator.setitem
    return ops


class _GradModeExit:
    """The __exit__ of a grad-mode `with` block, rebuilt by codegen when a
    graph break falls inside the block: it restores the mode from before."""

    def __init__(self, prev):
        self.prev = prev

    def __call__(self, exc_type, exc_value, traceback):
        torch._C._set_grad_enabled(self.prev)
        return None


def _log_break(reason, filename, lineno):
    if _config_module.verbose:
        print(f"Graph break: {reason} ({filename}:{lineno})")
    _logging.log_break(reason, filename, lineno)


def _warn_recompile_limit(name, limit):
    warnings.warn(
        f"torch._dynamo hit config.recompile_limit ({limit})\n"
        f"   function: '{name}'\n"
        "   last reason: guards failed\n"
        "To log all recompilation reasons, use "
        "TORCH_LOGS=\"recompiles\".", UserWarning)


_config = {
    "graph_functions": {},
    "operators": _operators(),
    "getitem": operator.getitem,
    "_set_grad_enabled": torch._C._set_grad_enabled,
    "tensor_type": torch.Tensor,
    "module_type": torch.nn.Module,
    "grad_mode_exit": _GradModeExit,
    "graph_break": [],
    "is_compiling": [torch.compiler.is_compiling,
                     torch.compiler.is_dynamo_compiling],
    "is_grad_enabled": torch.is_grad_enabled,
    "no_grad": torch.no_grad,
    "enable_grad": torch.enable_grad,
    "set_grad_enabled": torch.set_grad_enabled,
    "skipped": [_skipped_function_for_test_reconstruct],
    "functional_call": torch.func.functional_call,
    "bytecode_hooks": [],
    "config": _config_module._config,
    "Unsupported": exc.Unsupported,
    "log_break": _log_break,
    "warn_recompile_limit": _warn_recompile_limit,
    "log_compile": _logging.log_compile,
    "log_recompile": _logging.log_recompile,
}


def _configure():
    import torch._dynamo
    _config["graph_functions"] = {v: k for k, v in
                                  _graph_functions().items()}
    # graph_functions maps callable -> name; the native side wants
    # name -> callable pairs it can index by identity.
    _config["graph_functions"] = {k: v for v, k in
                                  _config["graph_functions"].items()}
    _config["graph_break"] = [torch._dynamo.graph_break]
    _config["is_compiling"].append(torch._dynamo.is_compiling)
    _native.set_config(_config)


def _reset_counters():
    pass


def _compile_graph_for(backend):
    if backend is None:
        return None

    def compile_graph(compiled, example_inputs):
        from torch.fx import GraphModule
        gm = GraphModule(compiled)
        try:
            fn = backend(gm, example_inputs)
        except Exception as e:
            raise exc.BackendCompilerFailed(
                f"backend='{getattr(backend, '__name__', backend)}' raised:\n"
                f"{type(e).__name__}: {e}") from e
        if fn is None:
            fn = gm.forward
        return fn
    return compile_graph


def _resolve_backend(backend):
    if callable(backend):
        return backend
    if backend is None or backend in _BACKENDS:
        return None
    raise exc.InvalidBackend(backend)


def _wrap(fn, backend, fullgraph):
    context = (_compile_graph_for(backend), bool(fullgraph))
    # Native: sets the frame hook's context around each call of fn.
    optimized = _native.optimized(fn, context)
    if _differential.ENABLED:
        native = optimized

        def optimized(*args, **kwargs):
            return _differential.check_call(native, fn, args, kwargs)
    functools.update_wrapper(optimized, fn)
    optimized._torchdynamo_orig_callable = fn
    return optimized


class OptimizedModule(torch.nn.Module):
    def __init__(self, mod, backend, fullgraph):
        super().__init__()
        self._orig_mod = mod
        object.__setattr__(self, "_context",
                           (_compile_graph_for(backend), bool(fullgraph)))

    def __call__(self, *args, **kwargs):
        if _differential.ENABLED:
            return _differential.check_call(self._compiled_call,
                                            self._orig_mod, args, kwargs)
        return self._compiled_call(*args, **kwargs)

    def _compiled_call(self, *args, **kwargs):
        mod = self._orig_mod
        # Without hooks, the compiled frame is the module's forward itself.
        target = mod if (mod._forward_hooks or mod._forward_pre_hooks) \
            else mod.forward
        prev = _native.set_context(self._context)
        try:
            return target(*args, **kwargs)
        finally:
            _native.set_context(prev)

    def forward(self, *args, **kwargs):
        return self(*args, **kwargs)

    def __getattr__(self, name):
        if name == "_orig_mod":
            return self._modules["_orig_mod"]
        return getattr(self._modules["_orig_mod"], name)

    def __repr__(self):
        return "OptimizedModule(" + repr(self._orig_mod)[:0] + \
            repr(self._orig_mod) + ")"


def optimize(backend="inductor", *, nopython=False, fullgraph=False,
             dynamic=None, disable=False):
    backend = _resolve_backend(backend)
    fullgraph = fullgraph or nopython

    def decorator(fn):
        if disable:
            return fn
        if isinstance(fn, torch.nn.Module):
            return OptimizedModule(fn, backend, fullgraph)
        if not callable(fn):
            raise RuntimeError(
                "torch.compile expects a callable, got " +
                type(fn).__name__)
        return _wrap(fn, backend, fullgraph)
    return decorator


class BreakReason:
    def __init__(self, reason, filename, lineno):
        self.reason = reason
        self.user_stack = [f"<FrameSummary file {filename}, line {lineno}>"]

    def __repr__(self):
        return f"BreakReason(reason={self.reason!r}, user_stack={self.user_stack})"


class ExplainOutput:
    def __init__(self, graphs, break_reasons, ops_per_graph, guards):
        self.graphs = graphs
        self.graph_count = len(graphs)
        self.graph_break_count = len(break_reasons)
        self.break_reasons = break_reasons
        self.op_count = sum(len(o) for o in ops_per_graph)
        self.ops_per_graph = ops_per_graph
        self.out_guards = guards

    def __str__(self):
        lines = [f"Graph Count: {self.graph_count}",
                 f"Graph Break Count: {self.graph_break_count}",
                 f"Op Count: {self.op_count}"]
        if self.break_reasons:
            lines.append("Break Reasons:")
            for i, r in enumerate(self.break_reasons):
                lines.append(f"  Break Reason {i + 1}:")
                lines.append(f"    Reason: {r.reason}")
                lines.append("    User Stack:")
                for frame in r.user_stack:
                    lines.append(f"      {frame}")
        lines.append("Ops per Graph:")
        for i, ops in enumerate(self.ops_per_graph):
            lines.append(f"  Ops {i + 1}:")
            for op in ops:
                lines.append(f"    {op}")
        if self.out_guards:
            lines.append("Out Guards:")
            for i, g in enumerate(self.out_guards):
                lines.append(f"  Guard {i + 1}: {g}")
        return "\n".join(lines) + "\n"


def explain(f, *extra_args, **extra_kwargs):
    """Compiles f on the given arguments and reports what happened: graphs,
    graph breaks with their reasons and user lines, ops per graph, guards."""
    def inner(*args, **kwargs):
        graphs = []
        ops = []
        reasons = []
        guards = []

        def backend(gm, example_inputs):
            graphs.append(gm)
            ops.append([n._target_name if n.op == "call_function"
                        else n.target for n in gm.graph.nodes
                        if n.op.startswith("call")])
            return gm.forward

        def on_compile(info):
            guards.extend(info["guards"])
            prev_compile(info)

        prev_log = _config["log_break"]
        prev_compile = _config["log_compile"]
        _config["log_break"] = lambda r, fn, ln: reasons.append(
            BreakReason(r, fn, ln))
        _config["log_compile"] = on_compile
        torch._dynamo.reset()
        try:
            optimize(backend)(f)(*args, **kwargs)
        finally:
            _config["log_break"] = prev_log
            _config["log_compile"] = prev_compile
        return ExplainOutput(graphs, reasons, ops, guards)
    if extra_args or extra_kwargs:
        return inner(*extra_args, **extra_kwargs)
    return inner
