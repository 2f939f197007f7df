"""torch.compiler: is_compiling() is True only inside traced code."""

_compiling = [False]


def is_compiling():
    return _compiling[0]


def is_dynamo_compiling():
    return _compiling[0]
