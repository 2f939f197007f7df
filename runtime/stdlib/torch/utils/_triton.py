"""There is no Triton here: every probe answers False."""


def has_triton_package():
    return False


def has_triton():
    return False


def has_triton_tma():
    return False


def has_triton_tma_device():
    return False


def has_triton_experimental_host_tma():
    return False


def has_triton_tensor_descriptor_host_tma():
    return False
