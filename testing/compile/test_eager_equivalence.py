# Many small functions, each compiled and run eagerly on copies of the same
# inputs: the results must agree (graph breaks, inlining, containers,
# comprehensions, loops, in-place ops, grad mode).
import unittest

import torch
torch.manual_seed(0)
x = torch.randn(3, 4)
y = torch.randn(4)
cases = []
def case(f):
    cases.append(f)
    return f

@case
def f1(x, y): return (x @ y).relu().sum()
@case
def f2(x, y):
    out = []
    for i in range(3):
        out.append(x[i] * y)
    return torch.stack(out)
@case
def f3(x, y):
    d = {"a": x, "b": y}
    return d["a"].sum() + d["b"].mean()
@case
def f4(x, y):
    a, b = x.split(2, dim=1)
    return a * 2, b + 1
@case
def f5(x, y):
    if x.shape[0] > 2:
        return x.t()
    return x
@case
def f6(x, y):
    s = 0
    for v in y:
        s = s + v
    return s
@case
def f7(x, y):
    with torch.no_grad():
        z = x * 2
    return z.requires_grad, z
@case
def f8(x, y):
    return torch.cat([x, x], dim=0).view(2, 3, 4).permute(2, 0, 1).contiguous()
@case
def f9(x, y):
    t = x.clone()
    t[0, 0] = 100.0
    t[1] += 1
    return t
@case
def f10(x, y):
    return x.max(dim=1).values, x.argmax()
@case
def f11(x, y):
    return [x.sum(), (x.mean(), y.std())]
@case
def f12(x, y):
    m = torch.nn.functional.softmax(x, dim=-1)
    return m.sum(dim=-1)
@case
def f13(x, y):
    z = x.abs()
    z.mul_(2)
    return z
@case
def f14(x, y):
    n = x.size(1)
    return y.reshape(1, n).expand(3, n) + x
@case
def f15(x, y):
    return x.float().double().dtype, x.to(torch.float64)
@case
def f16(x, y):
    lst = [x, y]
    lst.reverse() if False else None
    return len(lst), lst[1]
@case
def f17(x, y):
    return torch.where(x > 0, x, torch.zeros_like(x)).sum(0)
@case
def f18(x, y):
    k = {i: x[i].sum() for i in range(2)}
    return k
@case
def f19(x, y):
    return tuple(t * 2 for t in (x, y))
@case
def f20(x, y):
    return (x > 0).any(), (x > 0).float().mean()
@case
def f21(x, y):
    z = x
    for _ in range(3):
        z = torch.tanh(z) + 0.1
    return z
@case
def f22(x, y):
    return x.norm(), torch.linalg if False else x.norm(dim=1)
@case
def f23(x, y):
    a = x.unsqueeze(0)
    return a.squeeze(0).shape == x.shape
@case
def f24(x, y):
    try:
        return x + 1
    finally:
        pass
@case
def f25(x, y):
    return sorted([3, 1, 2]), max(x.shape), x.shape[-1]
@case
def f26(x, y):
    s = {1, 2}
    s.add(3)
    s |= {4}
    s.discard(1)
    return x + len(s), s, 2 in s, {*s, 9}, 1 not in s
@case
def f27(x, y):
    return [x[0, i] for i in {2, 0, 1}], frozenset({1, 2}) | {3}
@case
def f28(x, y):
    a, b = {1, 2, 3}, {2, 3, 4}
    return (a & b, a - b, a ^ b, a <= b, a.union([5]), a.issubset({1, 2, 3}),
            {k * 2 for k in range(4) if k}, x.sum() * len(a | b))
@case
def f29(x, y):
    it = iter([x, y, x * 2])
    first = next(it)
    rest = list(it)
    acc = first.sum()
    for i, t in enumerate(rest, 1):
        acc = acc + i * t.sum()
    for p, q in zip(range(3), [3, 2, 1]):
        acc = acc - p * q
    return acc, tuple(sorted({3, 1, 2})), list(reversed([y, x]))[0]
@case
def f30(x, y):
    # slices, shapes and methods of constants
    a = x[1:, ::2] * x.shape[-1] + x[0, 1:3].sum() - y[-2:].mean()
    parts = "w,b".split(",")
    return a, x[:, 0], x.shape[1:], parts, "abc"[::-1].upper()



side_cases = []


def side_case(f):
    side_cases.append(f)
    return f


class Obj:
    def __init__(self):
        self.w = torch.ones(2)
        self.n = 0

@side_case
def s0(d, l, o, x):
    d["s"] = {1, 2}
    d["s"].add(3)
    l.append({7} | {8})
    return x * 2
@side_case
def s1(d, l, o, x):
    d["x"] = x + 1
    l.append(x * 2)
    o.n = o.n + 1
    return d, l
@side_case
def s2(d, l, o, x):
    print("break")
    d["y"] = x
    return len(d)
@side_case
def s3(d, l, o, x):
    v = d.pop("a")
    d["a"] = v * 2
    return v
@side_case
def s4(d, l, o, x):
    l[0] = x
    l.pop()
    return l
@side_case
def s5(d, l, o, x):
    o.w = o.w * x.sum()
    torch._dynamo.graph_break()
    o.w = o.w + 1
    return o.w
@side_case
def s6(d, l, o, x):
    for k in list(d.keys()):
        d[k] = d[k] * 0 if isinstance(d[k], torch.Tensor) else d[k]
    return d
@side_case
def s7(d, l, o, x):
    tmp = dict(d) if False else {k: v for k, v in d.items()}
    tmp["z"] = x
    return sorted(tmp.keys())
@side_case
def s8(d, l, o, x):
    if x.sum() > 0:
        d["pos"] = True
    else:
        d["neg"] = True
    return d
@side_case
def s9(d, l, o, x):
    d.update(b=x) if False else d.update({"b": x})
    d.setdefault("c", 3)
    return d
@side_case
def s10(d, l, o, x):
    d.clear()
    l.clear() if hasattr(l, "clear") and False else None
    return d, l
@side_case
def s11(d, l, o, x):
    l.extend([x, x])
    l.insert(0, 5) if False else None
    return len(l)
@side_case
def s12(d, l, o, x):
    del d["a"]
    d["a"] = x
    return list(d)
@side_case
def s13(d, l, o, x):
    y = x.item() if False else x.sum().item()
    d["item"] = y
    return y
@side_case
def s14(d, l, o, x):
    with torch.no_grad():
        d["ng"] = x * 3
        print("inside")
    return d["ng"].requires_grad


def same(a, b):
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor):
        return a.shape == b.shape and a.dtype == b.dtype and \
            torch.allclose(a, b, equal_nan=True)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) == type(b) and len(a) == len(b) and \
            all(same(p, q) for p, q in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, Obj) and isinstance(b, Obj):
        return same(a.w, b.w) and a.n == b.n
    return a == b


class EagerEquivalence(unittest.TestCase):
    def test_every_case(self):
        for f in cases:
            with self.subTest(f.__name__):
                expected = f(x.clone(), y.clone())
                torch._dynamo.reset()
                got = torch.compile(f, backend="eager")(x.clone(), y.clone())
                self.assertTrue(same(expected, got),
                                f"{f.__name__}: {expected!r} != {got!r}")

    def test_side_effect_cases_leave_the_same_state(self):
        def fresh():
            torch.manual_seed(5)
            return ({"a": torch.ones(2), "b": 1}, [torch.zeros(2), 3], Obj(),
                    torch.randn(2))

        for f in side_cases:
            with self.subTest(f.__name__):
                eager_args = fresh()
                compiled_args = fresh()
                expected = f(*eager_args)
                torch._dynamo.reset()
                got = torch.compile(f, backend="eager")(*compiled_args)
                self.assertTrue(same(expected, got), f.__name__)
                for a, b in zip(eager_args, compiled_args):
                    self.assertTrue(same(a, b), f"{f.__name__}: {a} != {b}")

    def test_properties_run_once_per_call(self):
        class P:
            def __init__(self):
                self._w = torch.ones(2)
                self.calls = 0

            @property
            def w(self):
                self.calls += 1
                return self._w * 2

        p = P()

        def f(x):
            return x + p.w

        torch._dynamo.reset()
        opt = torch.compile(f, backend="eager")
        for n in range(1, 4):
            self.assertTrue(torch.equal(opt(torch.ones(2)),
                                        torch.full((2,), 3.0)))
            self.assertEqual(p.calls, n)   # guards never call the getter

    def test_comprehensions_trace_into_one_graph(self):
        cnt = torch._dynamo.testing.CompileCounter()

        def f(x):
            return ({i: x[i].sum() for i in range(2)},
                    [x[i] * 2 for i in range(3)])

        torch._dynamo.reset()
        torch.compile(f, backend=cnt)(torch.ones(3, 2))
        self.assertEqual(cnt.frame_count, 1)

    def test_answers_about_mutable_objects_are_not_kept(self):
        # A set argument is guarded by its contents; an object's own
        # __contains__/__bool__/__eq__ runs every call (no trace-time answer).
        class Box:
            def __init__(self):
                self.items = []

            def __contains__(self, k):
                return k in self.items

            def __len__(self):
                return len(self.items)

        def f(x, s, box):
            a = x + 1 if 3 in s else x - 1
            b = a * 2 if 3 in box else a
            return b + 10 if box else b

        opt = torch.compile(f, backend="eager")
        torch._dynamo.reset()
        s, box = {1}, Box()
        t = torch.zeros(1)
        for step in range(3):
            self.assertTrue(same(opt(t, s, box), f(t, s, box)), step)
            s.add(3 + step)
            box.items.append(3 + step)

        # Sets are tracked per object: mutating an argument's set breaks the
        # graph and runs for real.
        def g(x, s):
            s.add(5)
            return x + len(s)

        s1, s2 = {1}, {1}
        got = torch.compile(g, backend="eager")(t, s1)
        self.assertTrue(same(got, g(t, s2)))
        self.assertEqual(s1, s2)

    def test_errors_inside_try_blocks_reach_the_handler(self):
        # The out-of-range index is only known from the data: the op must
        # raise where the user's except clause catches it.
        def pick(x, idx):
            try:
                y = x.index_select(0, idx)
            except IndexError:
                y = x * 0
            return y + 1

        def helper(x, idx):
            return x[idx]

        def pick_inlined(x, idx):
            try:
                y = helper(x, idx)
            except IndexError:
                y = -x
            return y.sum()

        def breaks_in_try(x, log):
            try:
                log.append(int("not a number"))   # raises inside the try
            except ValueError:
                log.append("caught")
            with torch.no_grad():
                return x * 2

        bad, good = torch.tensor([1, 9]), torch.tensor([0, 2])
        for f in (pick, pick_inlined):
            for idx in (bad, good, bad):
                with self.subTest(f.__name__, idx=idx.tolist()):
                    torch._dynamo.reset()
                    got = torch.compile(f, backend="eager")(x.clone(), idx)
                    self.assertTrue(same(f(x.clone(), idx), got))
        torch._dynamo.reset()
        log = []
        got = torch.compile(breaks_in_try, backend="eager")(x, log)
        self.assertEqual(log, ["caught"])
        self.assertTrue(same(got, x * 2))
        with self.assertRaisesRegex(torch._dynamo.exc.Unsupported,
                                    "try block"):
            torch._dynamo.reset()
            torch.compile(pick, fullgraph=True)(x, good)


if __name__ == "__main__":
    unittest.main()
