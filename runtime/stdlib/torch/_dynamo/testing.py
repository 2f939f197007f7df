"""Helpers PyTorch's dynamo tests use."""

import torch


class CompileCounter:
    """A backend that counts compiled frames and the ops in their graphs."""

    def __init__(self):
        self.frame_count = 0
        self.op_count = 0

    def __call__(self, gm, example_inputs):
        self.frame_count += 1
        for node in gm.graph.nodes:
            if "call" in node.op:
                self.op_count += 1
        return gm.forward

    def clear(self):
        self.frame_count = 0
        self.op_count = 0


class CompileCounterWithBackend(CompileCounter):
    def __init__(self, backend):
        super().__init__()
        self.backend = backend


def _skipped_function_for_test_reconstruct(f, *args, **kwargs):
    """A function the tracer never traces (a graph break at its call)."""
    return f(*args, **kwargs)
