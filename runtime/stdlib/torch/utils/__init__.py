"""torch.utils (the parts PyTorch's tests import)."""
