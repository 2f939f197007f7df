# The default executor lowers graphs of common tensor ops to direct ATen
# calls (runtime/torch/graph_lowering.cc). Lowered or not, a compiled
# function must give what the eager one gives: values, dtypes, object
# identities and gradients.
import unittest

import torch


def compiled_graphs(fn):
    """The CompiledGraph objects the out code of `fn` calls."""
    graphs = []
    for frame in torch._dynamo.compiled_frames(fn):
        for name in frame.out_code.co_names:
            if name.startswith("__compiled_fn"):
                graphs.append(fn.__globals__[name])
    return graphs


class GraphLowering(unittest.TestCase):
    def check(self, fn, *args, lowered=True):
        torch._dynamo.reset()
        expected = fn(*args)
        got = torch.compile(fn, backend="eager")(*args)
        graphs = compiled_graphs(fn)
        self.assertEqual(len(graphs), 1)
        self.assertEqual(graphs[0].lowered, lowered)
        expected = expected if isinstance(expected, tuple) else (expected,)
        got = got if isinstance(got, tuple) else (got,)
        self.assertEqual(len(expected), len(got))
        for e, g in zip(expected, got):
            self.assertEqual(e.dtype, g.dtype)
            self.assertEqual(e.shape, g.shape)
            self.assertTrue(torch.allclose(e, g, equal_nan=True), f"{e} {g}")
        return got

    def test_elementwise_chain(self):
        self.check(lambda x: ((x + 1) * 2).relu().sum(), torch.randn(5))

    def test_scalars_promote_as_in_eager(self):
        i = torch.arange(6)
        self.check(lambda t: (t + 1.5, t * 2, t / 2, t + True), i)
        self.check(lambda t: (t * 2, t + False), torch.tensor([True, False]))

    def test_tensor_tensor_ops_and_functions(self):
        x, w = torch.randn(3, 4), torch.randn(4, 2)
        self.check(lambda a, b: (a @ b).sigmoid() - torch.tanh(a @ b), x, w)
        self.check(lambda a: torch.exp(a).mean() / a.abs().sum(), x)

    def test_identities_of_outputs(self):
        def f(x):
            y = x * 2
            return x, y, y

        x = torch.ones(2)
        a, b, c = self.check(f, x)
        self.assertIs(a, x)
        self.assertIs(b, c)

    def test_gradients_flow_through_lowered_graphs(self):
        def f(x, w):
            return ((x @ w).relu() * 3).sum()

        torch.manual_seed(0)
        x = torch.randn(2, 3)
        w1 = torch.randn(3, 2, requires_grad=True)
        w2 = w1.detach().clone().requires_grad_()
        f(x, w1).backward()
        torch._dynamo.reset()
        out = torch.compile(f, backend="eager")(x, w2)
        self.assertTrue(compiled_graphs(f)[0].lowered)
        self.assertEqual(out.grad_fn.name(), "SumBackward0")
        out.backward()
        self.assertTrue(torch.allclose(w1.grad, w2.grad))

    def test_grad_mode_is_respected(self):
        def f(x):
            return x * 2, x + 1

        def g(x):
            with torch.no_grad():   # mode switch nodes between the steps
                y = x * 2
            return y, x + 1

        x = torch.ones(2, requires_grad=True)
        with torch.no_grad():
            y, z = self.check(f, x)
        self.assertFalse(y.requires_grad or z.requires_grad)
        y, z = self.check(f, x)
        self.assertTrue(y.requires_grad and z.requires_grad)
        y, z = self.check(g, x)
        self.assertFalse(y.requires_grad)
        self.assertTrue(z.requires_grad)
        self.assertTrue(torch.is_grad_enabled())
        self.assertFalse(y.requires_grad)
        self.assertTrue(z.requires_grad)

    def test_mixed_graphs(self):
        # Nodes outside the table run through their bindings between
        # lowered steps; a graph with none in the table stays generic.
        x = torch.randn(3, 4)
        self.check(lambda t: torch.sum(t, dim=0) + 1, x)
        self.check(lambda t: ((t + 1).view(12) * 2).sum(), x)
        self.check(lambda t: (t.transpose(0, 1) @ t).relu(), x)
        self.check(lambda t: 1 - t, x, lowered=False)

        def inplace(t):
            y = t * 2
            y.add_(1)            # a binding, returning y itself
            return y, y.relu(), t

        a = torch.ones(2)
        y, r, t = self.check(inplace, a)
        self.assertIs(t, a)
        self.assertTrue(torch.equal(y, torch.full((2,), 3.0)))

        def outputs_in_containers(t):
            u = t.abs()
            return [u, (u.sum(), 3)], u

        lst, u = torch.compile(outputs_in_containers, backend="eager")(x)
        self.assertIs(lst[0], u)
        self.assertTrue(torch.equal(lst[1][0], x.abs().sum()))
        self.assertEqual(lst[1][1], 3)

if __name__ == "__main__":
    unittest.main()
