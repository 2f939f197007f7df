"""torch.cuda: asks the LibTorch in use. Debian's is CPU-only, so nothing is
available here; with a CUDA build and a GPU, tensors can use device="cuda"."""

import torch._C as _C


def is_available():
    return _C._cuda_is_available()


def device_count():
    return _C._cuda_device_count()


def _lazy_init():
    if not is_available():
        raise AssertionError("Torch not compiled with CUDA enabled")


def current_device():
    _lazy_init()
    return 0


def synchronize(device=None):
    _lazy_init()


def manual_seed(seed):
    pass


def manual_seed_all(seed):
    pass


def get_device_capability(device=None):
    _lazy_init()
    return (0, 0)
