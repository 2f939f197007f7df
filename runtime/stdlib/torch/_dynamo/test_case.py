"""torch._dynamo.test_case: PyTorch's TestCase (tensor-aware assertEqual)
and run_tests."""

from torch.testing._internal.common_utils import TestCase as _TestCase
from torch.testing._internal.common_utils import run_tests  # noqa: F401


class TestCase(_TestCase):
    pass
