"""torch.cuda on a CPU-only LibTorch: nothing is available."""


def is_available():
    return False


def device_count():
    return 0


def _lazy_init():
    raise AssertionError("Torch not compiled with CUDA enabled")


def current_device():
    _lazy_init()


def synchronize(device=None):
    _lazy_init()


def manual_seed(seed):
    pass


def manual_seed_all(seed):
    pass


def get_device_capability(device=None):
    _lazy_init()
