"""Dynamo's exceptions."""


class TorchDynamoException(RuntimeError):
    pass


class Unsupported(TorchDynamoException):
    pass


class InvalidBackend(TorchDynamoException):
    def __init__(self, name):
        super().__init__(
            f"Invalid backend: {name!r}, see `torch._dynamo.list_backends()` "
            "for available backends.")


class BackendCompilerFailed(TorchDynamoException):
    pass
