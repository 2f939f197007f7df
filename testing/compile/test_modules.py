# Compiled nn.Modules against eager copies: buffers mutated in forward,
# ModuleList/Sequential, training vs eval (a recompile), attribute dicts,
# functional_call with nested names, and a graph break inside a method.
import copy
import unittest

import torch
import torch.nn as nn
from torch._dynamo.testing import CompileCounter


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(4, 4)
        self.scale = 2.0
        self.register_buffer("count", torch.zeros(1))

    def forward(self, x):
        self.count += 1
        h = self.lin(x) * self.scale
        if self.training:
            h = h + 1
        return h.relu()


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = nn.ModuleList([Block(), Block()])
        self.head = nn.Sequential(nn.Linear(4, 2), nn.Tanh())
        self.cache = {}

    def forward(self, x):
        for b in self.blocks:
            x = b(x)
        self.cache["last"] = x.sum()
        return self.head(x)


class Acc:
    def __init__(self):
        self.total = torch.zeros(1)

    def add(self, v):
        self.total = self.total + v
        print(end="")            # a break inside the inlined method
        return self.total


class Modules(unittest.TestCase):
    def setUp(self):
        torch._dynamo.reset()
        torch.manual_seed(2)

    def test_module_against_an_eager_copy(self):
        x = torch.randn(3, 4)
        net = Net()
        ref = copy.deepcopy(net)
        cnt = CompileCounter()
        opt = torch.compile(net, backend=cnt)
        for _ in range(3):
            self.assertTrue(torch.allclose(ref(x), opt(x), atol=1e-6))
            self.assertTrue(torch.equal(ref.blocks[0].count,
                                        net.blocks[0].count))
            self.assertTrue(torch.allclose(ref.cache["last"],
                                           net.cache["last"], atol=1e-6))
        frames = cnt.frame_count
        net.eval()
        ref.eval()
        self.assertTrue(torch.allclose(ref(x), opt(x), atol=1e-6))
        self.assertGreater(cnt.frame_count, frames)   # training is guarded

    def test_functional_call_with_nested_names(self):
        net = Net()
        x = torch.randn(3, 4)
        params = {k: v * 0.5 for k, v in net.named_parameters()}

        def fc(x):
            return torch.func.functional_call(net, params, (x,))

        expected = fc(x)
        got = torch.compile(fc, backend="eager")(x)
        self.assertTrue(torch.allclose(expected, got, atol=1e-6))

    def test_break_inside_an_inlined_method(self):
        acc1, acc2 = Acc(), Acc()

        def use(acc, v):
            return acc.add(v) * 2

        opt = torch.compile(use, backend="eager")
        for _ in range(2):
            e = use(acc1, torch.ones(1))
            g = opt(acc2, torch.ones(1))
            self.assertTrue(torch.equal(e, g))
            self.assertTrue(torch.equal(acc1.total, acc2.total))


if __name__ == "__main__":
    unittest.main()
