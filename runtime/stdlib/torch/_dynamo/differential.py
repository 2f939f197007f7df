"""The differential checking mode: with MINIDYNAMO_DIFFERENTIAL=1 in the
environment, every call of a torch.compile'd function or module also runs the
original eagerly, on deep copies of its arguments and of the mutable globals
and closure contents its code reaches, and the two runs are compared: the
results (values, dtypes, shapes, requires_grad, which results are the same
object), the arguments' state afterwards, and those globals and cells. The
first difference raises DifferentialMismatch naming where it is.

The eager run comes first, with the frame hook off and is_compiling() true
(as in compiled code); random-number state is restored before the compiled
run, so both draw the same numbers. What the
copies cannot isolate is done twice: output (print), and mutations of state
reached only through other modules' globals or class attributes."""

import copy
import os
import random
import types

import torch
import _minidynamo_dynamo as _native

ENABLED = os.environ.get("MINIDYNAMO_DIFFERENTIAL", "") not in ("", "0")

# Calls nested in a checked call are part of its comparison.
_depth = [0]
# skip(): calls that diverge on purpose (a hook replacing the code).
_skipping = [0]


class skip:
    """A context manager: compiled calls inside it are not checked."""

    def __enter__(self):
        _skipping[0] += 1
        return self

    def __exit__(self, *exc):
        _skipping[0] -= 1
        return False


class DifferentialMismatch(AssertionError):
    """A compiled call and its eager run on copies disagreed."""


def _code_names(code, out):
    out.update(code.co_names)
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            _code_names(c, out)
    return out


class _Copier:
    """Deep copies sharing one memo, so objects reached twice (an argument
    that is also a global) stay one object in the copy."""

    def __init__(self):
        self.memo = {}
        self.functions = {}   # id(original function) -> its rebound copy
        self.shared = set()   # ids of values that could not be copied

    def value(self, v):
        if isinstance(v, types.FunctionType):
            return self.function(v)
        if isinstance(v, types.MethodType):
            return types.MethodType(self.value(v.__func__),
                                    self.value(v.__self__))
        if isinstance(v, (types.ModuleType, type, types.BuiltinFunctionType)):
            return v
        if isinstance(v, torch.Tensor) and v.grad_fn is not None:
            # Results of autograd ops refuse deepcopy: the same values, a
            # leaf of the copy.
            got = self.memo.get(id(v))
            if got is None:
                got = v.detach().clone().requires_grad_(v.requires_grad)
                self.memo[id(v)] = got
                self.memo.setdefault("_keep", []).append(v)
            return got
        try:
            return copy.deepcopy(v, self.memo)
        except Exception:
            self.shared.add(id(v))
            return v

    def function(self, fn):
        """fn with copied globals (the names its code reads) and cells;
        functions of the same module are rebound to the same copied globals,
        so helpers it calls see the copies too."""
        got = self.functions.get(id(fn))
        if got is not None:
            return got
        key = ("globals", id(fn.__globals__))
        g = self.memo.get(key)
        if g is None:
            g = dict(fn.__globals__)
            self.memo[key] = g
            self.memo.setdefault("_keep", []).append(fn.__globals__)
        closure = None
        if fn.__closure__:
            cells = []
            for cell in fn.__closure__:
                new = self.memo.get(("cell", id(cell)))
                if new is None:
                    new = types.CellType()
                    self.memo[("cell", id(cell))] = new
                    self.memo["_keep"].append(cell)
                    try:
                        new.cell_contents = self.value(cell.cell_contents)
                    except ValueError:
                        pass    # an empty cell stays empty
                cells.append(new)
            closure = tuple(cells)
        new_fn = types.FunctionType(fn.__code__, g, fn.__name__,
                                    fn.__defaults__, closure)
        new_fn.__kwdefaults__ = fn.__kwdefaults__
        new_fn.__qualname__ = fn.__qualname__
        self.functions[id(fn)] = new_fn
        for name in _code_names(fn.__code__, set()):
            if name in fn.__globals__ and g[name] is fn.__globals__[name]:
                g[name] = self.value(fn.__globals__[name])
        return new_fn

    def reached_globals(self, fn, copied_fn):
        """(name, original, copy) of the globals fn's code reads."""
        fn = getattr(fn, "__func__", fn)
        copied_fn = getattr(copied_fn, "__func__", copied_fn)
        if not isinstance(fn, types.FunctionType):
            return []
        out = []
        for name in sorted(_code_names(fn.__code__, set())):
            if name in fn.__globals__ and name in copied_fn.__globals__:
                out.append((name, fn.__globals__[name],
                            copied_fn.__globals__[name]))
        return out


class _Comparer:
    def __init__(self, shared):
        self.pairs = {}       # id(eager object) -> compiled object
        self.keep = []
        self.shared = shared

    def fail(self, path, what):
        raise DifferentialMismatch(
            f"compiled and eager runs differ at {path}: {what}")

    def same(self, e, c, path):
        if isinstance(e, (types.FunctionType, types.ModuleType, type,
                          types.BuiltinFunctionType, types.MethodType)):
            return   # code, not state (copies are rebound functions)
        if id(c) in self.shared:
            return
        mutable = not isinstance(e, (int, float, complex, str, bytes, bool,
                                     type(None), tuple, frozenset))
        if mutable or isinstance(e, torch.Tensor):
            seen = self.pairs.get(id(e))
            if seen is not None:
                if seen is not c:
                    self.fail(path, "one object in the eager run, two in the "
                              "compiled run")
                return
            self.pairs[id(e)] = c
            self.keep.append(e)
        if type(e) is not type(c):
            self.fail(path, f"type {type(e).__name__} vs {type(c).__name__}")
        if isinstance(e, torch.Tensor):
            self.tensors(e, c, path)
        elif isinstance(e, (list, tuple)):
            if len(e) != len(c):
                self.fail(path, f"length {len(e)} vs {len(c)}")
            for i, (x, y) in enumerate(zip(e, c)):
                self.same(x, y, f"{path}[{i}]")
        elif isinstance(e, dict):
            if list(e.keys()) != list(c.keys()):
                self.fail(path, f"keys {list(e.keys())} vs {list(c.keys())}")
            for k in e:
                self.same(e[k], c[k], f"{path}[{k!r}]")
        elif isinstance(e, (set, frozenset)):
            if e != c:
                self.fail(path, f"{e!r} vs {c!r}")
        elif hasattr(e, "__dict__") and not isinstance(e, torch.nn.Parameter):
            self.same(vars(e), vars(c), f"{path}.__dict__")
        elif type(e).__eq__ is object.__eq__:
            return   # identity is all == knows: nothing to compare
        else:
            try:
                equal = e == c
                equal = bool(equal)
            except Exception:
                equal = True    # not comparable: nothing to say
            if not equal:
                self.fail(path, f"{e!r} vs {c!r}")

    def tensors(self, e, c, path):
        for attr in ("dtype", "shape", "device", "requires_grad"):
            if getattr(e, attr) != getattr(c, attr):
                self.fail(path, f"{attr} {getattr(e, attr)} vs "
                          f"{getattr(c, attr)}")
        if e.device.type == "meta":
            return
        ed, cd = e.detach(), c.detach()
        if ed.is_floating_point() or ed.is_complex():
            ok = torch.allclose(ed, cd, rtol=1e-5, atol=1e-6, equal_nan=True)
        else:
            ok = torch.equal(ed, cd)
        if not ok:
            self.fail(path, f"values\n  eager:    {ed}\n  compiled: {cd}")


def _run(fn, args, kwargs):
    try:
        return fn(*args, **kwargs), None
    except Exception as e:   # compared, then raised again
        return None, e


def check_call(compiled_call, original, args, kwargs):
    """Runs original eagerly on copies, then compiled_call on the real
    arguments, compares, and returns (or raises) what the compiled call
    did."""
    if _depth[0] > 0 or _skipping[0] > 0:
        return compiled_call(*args, **kwargs)
    copier = _Copier()
    copied_args = [copier.value(a) for a in args]
    copied_kwargs = {k: copier.value(v) for k, v in kwargs.items()}
    copied_fn = copier.value(original)
    rng = torch.get_rng_state()
    py_rng = random.getstate()
    grad = torch.is_grad_enabled()
    prev = _native.set_context(None)
    # is_compiling() is True in compiled code; the reference run answers
    # the same, so code that asks (asserts it) behaves alike.
    compiling = torch.compiler._compiling[0]
    torch.compiler._compiling[0] = True
    _depth[0] += 1
    try:
        expected, expected_exc = _run(copied_fn, copied_args, copied_kwargs)
    finally:
        _depth[0] -= 1
        torch.compiler._compiling[0] = compiling
        _native.set_context(prev)
    torch.set_rng_state(rng)
    random.setstate(py_rng)
    torch._C._set_grad_enabled(grad)
    compile_errors = _native.compile_error_count()
    _depth[0] += 1
    try:
        got, got_exc = _run(compiled_call, args, kwargs)
    finally:
        _depth[0] -= 1
    if got_exc is not None and \
            _native.compile_error_count() != compile_errors:
        raise got_exc   # the compiler failed: nothing eager to compare
    cmp = _Comparer(copier.shared)
    if (expected_exc is None) != (got_exc is None) or (
            expected_exc is not None and
            (type(expected_exc) is not type(got_exc) or
             str(expected_exc) != str(got_exc))):
        def text(e):
            return "returned" if e is None else \
                f"raised {type(e).__name__}: {e}"
        raise DifferentialMismatch(
            f"calling {getattr(original, '__qualname__', original)}: eager "
            f"{text(expected_exc)}, compiled {text(got_exc)}") from got_exc
    name = getattr(original, "__qualname__", type(original).__name__)
    if got_exc is None:
        cmp.same(expected, got, f"the result of {name}")
    for i, (e, c) in enumerate(zip(copied_args, args)):
        cmp.same(e, c, f"argument {i} of {name}")
    for k in kwargs:
        cmp.same(copied_kwargs[k], kwargs[k], f"argument {k!r} of {name}")
    if isinstance(original, torch.nn.Module):
        cmp.same(copied_fn, original, f"module {name}")
    for gname, orig, cp in copier.reached_globals(original, copied_fn):
        cmp.same(cp, orig, f"global {gname!r}")
    fn = getattr(original, "__func__", original)
    cfn = getattr(copied_fn, "__func__", copied_fn)
    if isinstance(fn, types.FunctionType) and fn.__closure__:
        for var, cell, ccell in zip(fn.__code__.co_freevars, fn.__closure__,
                                    cfn.__closure__):
            try:
                orig = cell.cell_contents
            except ValueError:
                continue
            cmp.same(ccell.cell_contents, orig, f"closure variable {var!r}")
    if got_exc is not None:
        raise got_exc
    return got
