# functional_call: dotted names through nested modules, buffers, restoring the
# module afterwards, also when the call raises.
import torch
import torch.nn as nn

try:
    from torch.func import functional_call
except ImportError:  # PyTorch 1.13, which records the expected output
    from torch.nn.utils.stateless import functional_call

torch.manual_seed(0)


class Inner(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(2, 2)
        self.register_buffer("shift", torch.zeros(2))

    def forward(self, x):
        return self.lin(x) + self.shift


class Outer(nn.Module):
    def __init__(self):
        super().__init__()
        self.inner = Inner()
        self.scale = nn.Parameter(torch.ones(1))

    def forward(self, x, fail=False):
        if fail:
            raise ValueError("forward failed")
        return self.inner(x) * self.scale


m = Outer()
x = torch.ones(1, 2)
before = {k: v.clone() for k, v in m.state_dict().items()}
swap = {
    "inner.lin.weight": torch.eye(2),
    "inner.lin.bias": torch.tensor([1.0, -1.0]),
    "inner.shift": torch.tensor([10.0, 20.0]),
    "scale": torch.tensor([2.0]),
}
print(functional_call(m, swap, (x,)))
print(functional_call(m, {"scale": torch.tensor([3.0])}, x))
print(all(torch.equal(before[k], v) for k, v in m.state_dict().items()))
print(type(m.scale).__name__, type(m.inner.shift).__name__)
try:
    functional_call(m, swap, (x,), {"fail": True})
except ValueError as e:
    print("ValueError:", e)
print(all(torch.equal(before[k], v) for k, v in m.state_dict().items()))
print(m(x))
