"""The parts of PyTorch's test utilities that its dynamo tests import."""

import sys
import unittest

import torch

IS_FBCODE = False
IS_MACOS = sys.platform == "darwin"
IS_WINDOWS = sys.platform == "win32"
IS_LINUX = sys.platform.startswith("linux")
TEST_CUDA = torch.cuda.is_available()
TEST_WITH_ROCM = False


def run_tests(argv=None):
    unittest.main(argv=argv)


def _is_number(x):
    return isinstance(x, (bool, int, float, complex))


class TestCase(unittest.TestCase):
    """unittest's TestCase whose assertEqual compares tensors, numbers and
    nested containers of them as PyTorch's does (tolerances by dtype)."""

    def assertEqual(self, x, y, msg=None, *, atol=None, rtol=None,
                    equal_nan=True, exact_dtype=True, exact_device=False,
                    **kwargs):
        if isinstance(x, torch.Tensor) or isinstance(y, torch.Tensor) or \
                (_is_number(x) and _is_number(y)) or \
                (isinstance(x, (list, tuple, dict)) and
                 isinstance(y, (list, tuple, dict)) and
                 _contains_tensor_or_number(x)):
            if _is_number(x) and _is_number(y) and \
                    not (isinstance(x, float) or isinstance(y, float)):
                if x == y:
                    return
            try:
                torch.testing.assert_close(
                    x, y, rtol=rtol, atol=atol, equal_nan=equal_nan,
                    check_dtype=exact_dtype and not (
                        _is_number(x) or _is_number(y)),
                    check_device=exact_device)
            except AssertionError as e:
                raise self.failureException(
                    str(e) if msg is None else f"{e}\n{msg}") from None
            return
        super().assertEqual(x, y, msg)

    def assertNotEqual(self, x, y, msg=None, **kwargs):
        try:
            self.assertEqual(x, y, **kwargs)
        except AssertionError:
            return
        raise self.failureException(msg or f"{x!r} == {y!r}")


def _contains_tensor_or_number(x):
    if isinstance(x, torch.Tensor) or _is_number(x):
        return True
    if isinstance(x, dict):
        return any(_contains_tensor_or_number(v) for v in x.values())
    if isinstance(x, (list, tuple)):
        return any(_contains_tensor_or_number(v) for v in x)
    return False
