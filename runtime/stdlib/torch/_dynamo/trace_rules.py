"""What the tracer does with a callable: lookup() names the tracker class."""

from torch._dynamo import variables
from torch._dynamo.testing import _skipped_function_for_test_reconstruct

_SKIPPED = {id(_skipped_function_for_test_reconstruct)}


def lookup(obj):
    if id(obj) in _SKIPPED:
        return variables.SkipFunctionVariable
    if callable(obj) and hasattr(obj, "__code__"):
        return variables.UserFunctionVariable
    return None
