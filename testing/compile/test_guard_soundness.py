# Guard soundness: for each kind of guard, change the guarded thing between
# calls and check that the compiled function recompiles (or runs correctly)
# and never returns a stale answer. Every call is compared with eager.
import unittest

import torch
from torch._dynamo.testing import CompileCounter

G = 1
GL = [1, 2]
GD = {"a": 1}


def make_cell_fn():
    k = 1

    def f(x):
        return x * k

    def set_k(v):
        nonlocal k
        k = v

    return f, set_k


class Box:
    def __init__(self):
        self.scale = 2
        self.t = torch.ones(2)


class GuardSoundness(unittest.TestCase):
    def run_changes(self, fn, make_args, changes, recompiles=True):
        """Calls compiled fn, then after each change; compares with eager
        on fresh arguments each time."""
        cnt = CompileCounter()
        torch._dynamo.reset()
        opt = torch.compile(fn, backend=cnt)
        frames = []
        for change in [None] + list(changes):
            if change is not None:
                change()
            expected = fn(*make_args())
            got = opt(*make_args())
            self.assertTrue(self.same(expected, got),
                            f"{fn.__name__}: {got} != {expected} after "
                            f"change {len(frames)}")
            frames.append(cnt.frame_count)
        if recompiles:
            for before, after in zip(frames, frames[1:]):
                self.assertGreater(after, before, f"{fn.__name__}: {frames}")

    def same(self, a, b):
        if isinstance(a, torch.Tensor):
            return isinstance(b, torch.Tensor) and a.dtype == b.dtype and \
                a.shape == b.shape and a.requires_grad == b.requires_grad and \
                torch.allclose(a.detach(), b.detach())
        if isinstance(a, (list, tuple)):
            return type(a) is type(b) and len(a) == len(b) and \
                all(self.same(x, y) for x, y in zip(a, b))
        return a == b

    def test_tensor_shape_dtype_requires_grad(self):
        spec = {"shape": (2,), "dtype": torch.float32, "rg": False}

        def make():
            t = torch.ones(spec["shape"], dtype=spec["dtype"])
            return (t.requires_grad_() if spec["rg"] else t,)

        def f(x):
            return x * 2 + x.shape[0]

        self.run_changes(f, make, [
            lambda: spec.update(shape=(3,)),
            lambda: spec.update(dtype=torch.float64),
            lambda: spec.update(rg=True),
            lambda: spec.update(shape=(2, 2)),
        ])

    def test_dict_keys_and_their_order(self):
        d = {"a": 1, "b": 2}

        def f(x, d):
            return [x * v for v in d.values()], list(d)

        def reorder():
            v = d.pop("a")
            d["a"] = v

        self.run_changes(f, lambda: (torch.ones(1), d), [
            lambda: d.update(c=3),
            reorder,
            lambda: d.pop("b"),
        ])

    def test_dict_values_that_are_constants(self):
        d = {"n": 1}

        def f(x, d):
            return x + d["n"]

        self.run_changes(f, lambda: (torch.ones(1), d),
                         [lambda: d.update(n=5), lambda: d.update(n=2.5)])

    def test_list_length(self):
        lst = [1, 2]

        def f(x, lst):
            return x + len(lst), x * sum(lst)

        self.run_changes(f, lambda: (torch.ones(1), lst),
                         [lambda: lst.append(3), lambda: lst.clear()])

    def test_grad_mode(self):
        state = {"grad": True}

        def f(x):
            return x * 2

        def make():
            return (torch.ones(2, requires_grad=True),)

        cnt = CompileCounter()
        torch._dynamo.reset()
        opt = torch.compile(f, backend=cnt)
        for grad in (True, False, True):
            with torch.set_grad_enabled(grad):
                self.assertTrue(self.same(f(*make()), opt(*make())))
        self.assertEqual(cnt.frame_count, 2)   # one per mode

    def test_globals(self):
        global G

        def f(x):
            return x + G, x * len(GL), x - GD["a"]

        def set_g(v):
            global G
            G = v

        self.run_changes(f, lambda: (torch.ones(1),), [
            lambda: set_g(10),
            lambda: set_g(2.5),
            lambda: GL.append(7),
            lambda: GD.update(a=4),
        ])

    def test_closure_cells(self):
        f, set_k = make_cell_fn()
        self.run_changes(f, lambda: (torch.ones(1),),
                         [lambda: set_k(3), lambda: set_k(0.5)])

    def test_object_attributes(self):
        box = Box()

        def f(x):
            return x * box.scale + box.t

        self.run_changes(f, lambda: (torch.ones(2),), [
            lambda: setattr(box, "scale", 7),
            lambda: setattr(box, "t", torch.zeros(2, dtype=torch.float64)),
        ])

    def test_functions_called_are_guarded_by_identity(self):
        table = {"op": lambda t: t + 1}

        def f(x):
            return table["op"](x)

        self.run_changes(f, lambda: (torch.ones(1),),
                         [lambda: table.update(op=lambda t: t * 10)])

    def test_types_of_arguments(self):
        arg = {"v": 1}

        def f(x, v):
            return x * v if isinstance(v, int) else x + 100

        self.run_changes(f, lambda: (torch.ones(1), arg["v"]), [
            lambda: arg.update(v=2.0),
            lambda: arg.update(v="s" if False else None),
        ])

    def test_aliasing_between_arguments(self):
        a, b = torch.ones(2), torch.ones(2)
        pair = {"second": b}

        def f(x, y):
            x.add_(1)
            return y * 1

        def make():
            return (a, pair["second"])

        cnt = CompileCounter()
        torch._dynamo.reset()
        opt = torch.compile(f, backend=cnt)
        got = opt(*make())
        self.assertTrue(torch.equal(got, torch.ones(2)))
        pair["second"] = a              # now x is y
        got = opt(*make())
        self.assertTrue(torch.equal(got, a))   # sees the in-place add


if __name__ == "__main__":
    unittest.main()
