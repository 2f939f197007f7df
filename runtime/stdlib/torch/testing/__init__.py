"""torch.testing.assert_close: PyTorch's closeness check for tensors, numbers
and (nested) sequences and mappings of them, with its default tolerances per
dtype and its messages."""

import collections.abc
import math

import torch

# (rtol, atol) by dtype, as PyTorch's defaults.
_TOLERANCES = {
    torch.float16: (1e-3, 1e-5),
    torch.bfloat16: (1.6e-2, 1e-5),
    torch.float32: (1.3e-6, 1e-5),
    torch.float64: (1e-7, 1e-7),
    torch.complex32: (1e-3, 1e-5),
    torch.complex64: (1.3e-6, 1e-5),
    torch.complex128: (1e-7, 1e-7),
}


def _default_tolerances(*dtypes):
    rtols, atols = zip(*[_TOLERANCES.get(d, (0.0, 0.0)) for d in dtypes])
    return max(rtols), max(atols)


def _fail(msg, custom):
    if callable(custom):
        msg = custom(msg)
    elif custom is not None:
        msg = custom
    raise AssertionError(msg)


def _index_text(flat_index, shape):
    idx = []
    for size in reversed(list(shape)):
        idx.append(flat_index % size)
        flat_index //= size
    return str(tuple(reversed(idx)))


def _compare_tensors(actual, expected, rtol, atol, equal_nan, check_dtype,
                     check_device, msg, where):
    if actual.shape != expected.shape:
        _fail(f"The values for attribute 'shape' do not match: "
              f"{actual.shape} != {expected.shape}.{where}", msg)
    if check_dtype and actual.dtype != expected.dtype:
        _fail(f"The values for attribute 'dtype' do not match: "
              f"{actual.dtype} != {expected.dtype}.{where}", msg)
    if check_device and actual.device != expected.device:
        _fail(f"The values for attribute 'device' do not match: "
              f"{actual.device} != {expected.device}.{where}", msg)
    if rtol is None or atol is None:
        rtol, atol = _default_tolerances(actual.dtype, expected.dtype)
    a = actual.detach()
    e = expected.detach()
    if a.dtype != e.dtype:
        common = torch.promote_types(a.dtype, e.dtype) if hasattr(
            torch, "promote_types") else torch.float64
        a, e = a.to(common), e.to(common)
    if a.dtype == torch.bool or not (a.is_floating_point() or a.is_complex()):
        ok = a == e
        exact = True
    else:
        ok = torch.isclose(a, e, rtol, atol, equal_nan)
        exact = False
    if bool(ok.all()):
        return
    total = ok.numel()
    bad = total - int(ok.sum())
    kind = "Scalars" if a.dim() == 0 else "Tensor-likes"
    if exact:
        header = f"{kind} are not equal!"
    else:
        header = f"{kind} are not close!"
    ad = a.double() if not a.is_complex() else a
    ed = e.double() if not e.is_complex() else e
    abs_diff = (ad - ed).abs()
    rel_diff = abs_diff / ed.abs()
    lines = [header, ""]
    if a.dim() == 0:
        lines.append(f"Expected {e.item()} but got {a.item()}.")
        lines.append(f"Absolute difference: {abs_diff.item()}"
                     + ("" if exact else f" (up to {atol} allowed)"))
        lines.append(f"Relative difference: {rel_diff.item()}"
                     + ("" if exact else f" (up to {rtol} allowed)"))
    else:
        lines.append(f"Mismatched elements: {bad} / {total} "
                     f"({bad / total:.1%})")
        flat_abs = abs_diff.flatten()
        flat_rel = rel_diff.flatten()
        i_abs = int(flat_abs.argmax())
        i_rel = int(flat_rel.argmax())
        lines.append(f"Greatest absolute difference: {flat_abs[i_abs].item()}"
                     f" at index {_index_text(i_abs, a.shape)}"
                     + ("" if exact else f" (up to {atol} allowed)"))
        lines.append(f"Greatest relative difference: {flat_rel[i_rel].item()}"
                     f" at index {_index_text(i_rel, a.shape)}"
                     + ("" if exact else f" (up to {rtol} allowed)"))
    _fail("\n".join(lines) + where, msg)


def _compare(actual, expected, rtol, atol, equal_nan, check_dtype,
             check_device, msg, path):
    where = f"\n\nThe failure occurred for item {path}" if path else ""
    if isinstance(actual, torch.Tensor) or isinstance(expected, torch.Tensor):
        if not isinstance(actual, torch.Tensor):
            if isinstance(actual, (int, float, complex, bool)):
                actual = torch.tensor(actual)
            else:
                _fail(f"Comparing\n\nTensorOrArrayPair(\n    id={path or ()},"
                      f"\n    actual={actual!r},\n    expected={expected!r},"
                      "\n    ...\n)\n\nresulted in the unexpected exception "
                      "above.", msg)
        if not isinstance(expected, torch.Tensor):
            expected = torch.tensor(expected)
        _compare_tensors(actual, expected, rtol, atol, equal_nan,
                         check_dtype, check_device, msg, where)
        return
    if isinstance(actual, (bool, int, float, complex)) and \
            isinstance(expected, (bool, int, float, complex)):
        if check_dtype and type(actual) is not type(expected):
            _fail("The values for attribute 'type' do not match: "
                  f"{type(actual)} != {type(expected)}.{where}", msg)
        if isinstance(actual, (bool, int)) and \
                isinstance(expected, (bool, int)):
            if actual != expected:
                diff = abs(actual - expected)
                _fail(f"Scalars are not equal!\n\nExpected {expected} but got "
                      f"{actual}.\nAbsolute difference: {diff}\n"
                      f"Relative difference: {diff / abs(expected) if expected else math.inf}"
                      + where, msg)
            return
        r, a = (rtol, atol) if rtol is not None else (1e-7, 1e-7)
        if actual == expected or (equal_nan and actual != actual and
                                  expected != expected):
            return
        diff = abs(actual - expected)
        if diff <= a + r * abs(expected):
            return
        rel = diff / abs(expected) if expected else math.inf
        _fail(f"Scalars are not close!\n\nExpected {expected} but got "
              f"{actual}.\nAbsolute difference: {diff} (up to {a} allowed)\n"
              f"Relative difference: {rel} (up to {r} allowed){where}", msg)
    if isinstance(actual, collections.abc.Mapping) and \
            isinstance(expected, collections.abc.Mapping):
        if set(actual.keys()) != set(expected.keys()):
            _fail("The keys of the mappings do not match:\n"
                  f"Missing keys in the actual mapping: "
                  f"{sorted(set(expected) - set(actual), key=repr)}\n"
                  f"Extra keys in the actual mapping: "
                  f"{sorted(set(actual) - set(expected), key=repr)}"
                  + where, msg)
        for k in expected:
            _compare(actual[k], expected[k], rtol, atol, equal_nan,
                     check_dtype, check_device, msg, path + (k,) if path
                     else (k,))
        return
    if isinstance(actual, collections.abc.Sequence) and \
            isinstance(expected, collections.abc.Sequence) and \
            not isinstance(actual, str) and not isinstance(expected, str):
        if len(actual) != len(expected):
            _fail("The length of the sequences mismatch: "
                  f"{len(actual)} != {len(expected)}{where}", msg)
        for i, (x, y) in enumerate(zip(actual, expected)):
            _compare(x, y, rtol, atol, equal_nan, check_dtype, check_device,
                     msg, path + (i,) if path else (i,))
        return
    if actual != expected:
        _fail(f"{actual!r} != {expected!r}{where}", msg)


def assert_close(actual, expected, *, allow_subclasses=True, rtol=None,
                 atol=None, equal_nan=False, check_device=True,
                 check_dtype=True, check_layout=True, check_stride=False,
                 msg=None):
    if (rtol is None) != (atol is None):
        raise ValueError("Both 'rtol' and 'atol' must be either specified or "
                         "omitted, but got no atol." if atol is None else
                         "Both 'rtol' and 'atol' must be either specified or "
                         "omitted, but got no rtol.")
    _compare(actual, expected, rtol, atol, equal_nan, check_dtype,
             check_device, msg, ())


def assert_allclose(actual, expected, rtol=None, atol=None, equal_nan=True,
                    msg=""):
    assert_close(actual, expected, rtol=rtol, atol=atol, equal_nan=equal_nan,
                 check_dtype=False, msg=msg or None)
