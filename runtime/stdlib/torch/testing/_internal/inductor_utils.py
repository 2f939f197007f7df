"""What PyTorch's inductor tests probe: no GPU and no Triton here."""

import functools
import unittest

from torch.utils._triton import has_triton

HAS_TRITON = has_triton()
HAS_CPU = True
HAS_CUDA = False
HAS_GPU = False
GPU_TYPE = "cuda"

requires_triton = functools.partial(unittest.skipIf, not HAS_TRITON,
                                    "requires triton")
requires_gpu = functools.partial(unittest.skipIf, not HAS_GPU,
                                 "requires gpu")
