# The same compiled functions called with changing argument types, shapes,
# dtypes, optional arguments, sequence lengths and dict contents: every call
# must equal the eager one (guards recompile instead of reusing stale code).
import unittest

import torch


def same(a, b):
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor):
        return a.shape == b.shape and a.dtype == b.dtype and \
            torch.allclose(a, b)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) == type(b) and len(a) == len(b) and \
            all(same(p, q) for p, q in zip(a, b))
    return a == b


def f(x, n, opt=None, flags=(1, 2)):
    y = x * n
    if opt is not None:
        y = y + opt
    for fl in flags:
        y = y + fl
    return y, type(n).__name__


def g(xs):
    total = xs[0]
    for t in xs[1:]:
        total = total + t
    return total, len(xs)


def h(x, cfg):
    if cfg["mode"] == "double":
        return x * 2
    return x - cfg.get("offset", 0)

x = torch.arange(4.0)


def call_list(cf, cg, ch):
    return [
        (f, cf, (x, 2)), (f, cf, (x, 2.5)), (f, cf, (x, True)),
        (f, cf, (x, 2, torch.ones(4))), (f, cf, (x, 2, None, ())),
        (f, cf, (x.int(), 3)), (f, cf, (x.reshape(2, 2), 2)), (f, cf, (x, 2)),
        (g, cg, ([x, x],)), (g, cg, ([x, x, x],)), (g, cg, ((x, x * 2),)),
        (g, cg, ([x],)),
        (h, ch, (x, {"mode": "double"})), (h, ch, (x, {"mode": "sub"})),
        (h, ch, (x, {"mode": "sub", "offset": 3})),
        (h, ch, (x, {"mode": "double", "offset": 3})),
        (h, ch, (x, {"offset": 1, "mode": "sub"})),
    ]


class Recompiles(unittest.TestCase):
    def test_changing_arguments(self):
        torch._dynamo.reset()
        cf = torch.compile(f, backend="eager")
        cg = torch.compile(g, backend="eager")
        ch = torch.compile(h, backend="eager")
        for fn, cfn, args in call_list(cf, cg, ch):
            with self.subTest(fn=fn.__name__, args=repr(args[1:])[:60]):
                self.assertTrue(same(fn(*args), cfn(*args)))


if __name__ == "__main__":
    unittest.main()
