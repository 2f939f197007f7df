# torch.compile's side-effect replay: what the out code emits for mutations
# of objects that existed before the call, checked through bytecode hooks,
# with every compiled call compared against the same function run eagerly.
import contextlib
import copy
import dis
import unittest

import torch
import torch._dynamo.test_case
from torch._dynamo.testing import CompileCounter


def ops(code, name):
    return [i for i in dis.get_instructions(code) if i.opname == name]


class SideEffects(torch._dynamo.test_case.TestCase):
    @contextlib.contextmanager
    def capture(self):
        seen = []
        torch._dynamo.reset()
        handle = torch._dynamo.convert_frame.register_bytecode_hook(
            lambda code, out: seen.append(out))
        try:
            yield seen
        finally:
            handle.remove()

    def check(self, f, *args, fullgraph=True):
        """Runs f eagerly on deep copies and compiled on the originals;
        compares results and the arguments' final states."""
        eager_args = copy.deepcopy(args)
        expected = f(*eager_args)
        with self.capture() as seen:
            got = torch.compile(f, backend="eager", fullgraph=fullgraph)(*args)
        self.assertEqual(expected, got)
        for a, b in zip(eager_args, args):
            self.assertEqual(a, b)
            if isinstance(a, dict):
                self.assertEqual(list(a.keys()), list(b.keys()))
        return seen

    def test_setitem_replays_only_the_new_key(self):
        def f(d, t):
            d["new"] = t * 2
        t = torch.randn(2)
        seen = self.check(f, {"a": t, "b": t + 1}, t)
        self.assertEqual([i.argval for i in ops(seen[0], "BUILD_MAP")], [1])
        self.assertEqual(len(ops(seen[0], "STORE_SUBSCR")), 0)

    def test_overwrite_with_same_value_emits_nothing(self):
        def f(d, t):
            d[1] = d[1]
            return t + 1
        t = torch.randn(2)
        seen = self.check(f, {1: t}, t)
        self.assertEqual(ops(seen[0], "BUILD_MAP"), [])

    def test_pop_del_popitem_clear_rebuild_everything(self):
        def f_pop(d, t):
            d.pop("a")
            d["c"] = t

        def f_del(d, t):
            del d["b"]

        def f_popitem(d, t):
            return d.popitem()

        def f_clear(d, t):
            d.clear()
            d["z"] = t - 1

        t = torch.randn(3)
        for f, n in [(f_pop, 2), (f_del, 1), (f_popitem, 1), (f_clear, 1)]:
            seen = self.check(f, {"a": t, "b": t * 3}, t)
            maps = ops(seen[0], "BUILD_MAP")
            self.assertEqual([m.argval for m in maps], [n], f.__name__)
            self.assertEqual(len([i for i in dis.get_instructions(seen[0])
                                  if i.argval == "clear"]), 1, f.__name__)

    def test_get_and_in_are_not_mutations(self):
        def f(d, t):
            if "a" in d:
                return d.get("a") + t, d.get("missing", 7)
            return t
        t = torch.randn(2)
        seen = self.check(f, {"a": t}, t)
        self.assertEqual(ops(seen[0], "BUILD_MAP"), [])

    def test_setdefault_and_update(self):
        def f(d, t):
            d.setdefault("a", t)          # present: no change
            d.setdefault("b", t + 1)      # missing: a new entry
            d.update({"c": t * 2})
        t = torch.randn(2)
        seen = self.check(f, {"a": t}, t)
        self.assertEqual([m.argval for m in ops(seen[0], "BUILD_MAP")], [2])

    def test_new_dict_is_rebuilt_not_replayed(self):
        def f(t):
            d = {"x": t, "y": t + 1}
            d["z"] = t * 3
            return d
        seen = self.check(f, torch.randn(2))
        self.assertEqual([m.argval for m in ops(seen[0], "BUILD_MAP")], [3])
        self.assertEqual([i for i in dis.get_instructions(seen[0])
                          if i.argval == "update"], [])

    def test_temporary_dict_costs_nothing(self):
        def f(t):
            tmp = {"k": t + 1}
            return tmp["k"] * 2
        seen = self.check(f, torch.randn(2))
        self.assertEqual(ops(seen[0], "BUILD_MAP"), [])

    def test_list_mutation_replays_as_slice_store(self):
        def f(xs, t):
            xs.append(t + 1)
            return len(xs)
        t = torch.randn(2)
        seen = self.check(f, [t], t)
        slices = ops(seen[0], "BUILD_SLICE")
        self.assertEqual(len(slices), 1)

    def test_attribute_store_replays_as_store_attr(self):
        class Box:
            pass

        box = Box()
        box.value = torch.ones(2)

        def f(t):
            box.value = box.value + t
            return box.value * 2

        t = torch.ones(2)
        expected_value = box.value + t
        with self.capture() as seen:
            got = torch.compile(f, backend="eager", fullgraph=True)(t)
        self.assertEqual(got, expected_value * 2)
        self.assertEqual(box.value, expected_value)
        self.assertEqual([i.argval for i in ops(seen[0], "STORE_ATTR")],
                         ["value"])

    def test_attributes_the_frame_adds_keep_eager_order(self):
        # One replay per attribute, at its first store, with its last value:
        # the instance dict ends in the order eager code gives it.
        class Box:
            pass

        def f(box, t):
            box.n = box.n + 1
            box.t = t * 2
            box.b = t + 1
            box.n = box.n + 1
            box.t = t * 3
            return t

        def fresh():
            box = Box()
            box.a = 1
            box.n = 0
            return box

        eager, compiled = fresh(), fresh()
        f(eager, torch.ones(2))
        torch.compile(f, backend="eager")(compiled, torch.ones(2))
        self.assertEqual(list(vars(compiled)), list(vars(eager)))
        self.assertEqual(list(vars(eager)), ["a", "n", "t", "b"])
        self.assertEqual(compiled.t, eager.t)
        self.assertEqual(compiled.n, 2)

    def test_missing_method_of_a_new_object_raises_after_the_effects(self):
        # Eager code raises AttributeError at y.sin, after the list got the
        # new object; the compiled frame must raise at the same point, not
        # while rebuilding its stack before the list replay.
        class Box:
            pass

        def f(x, lst):
            lst.clear()
            lst.append(Box())
            y = lst[0]
            lst.append(y.sin())
            return x

        for fn in (f, torch.compile(f, backend="eager")):
            lst = [torch.zeros(2), 3]
            with self.assertRaisesRegex(AttributeError, "no attribute 'sin'"):
                fn(torch.ones(2), lst)
            self.assertEqual([type(v).__name__ for v in lst], ["Box"])

    def test_global_store_replays_as_store_global(self):
        global COUNTER, STATE

        def f(t):
            global COUNTER
            COUNTER = t + 1
            return COUNTER * 2

        COUNTER = None
        with self.capture() as seen:
            got = torch.compile(f, backend="eager", fullgraph=True)(
                torch.ones(2))
        self.assertEqual(got, torch.full((2,), 4.0))
        self.assertEqual(COUNTER, torch.full((2,), 2.0))
        self.assertEqual([i.argval for i in ops(seen[0], "STORE_GLOBAL")],
                         ["COUNTER"])

        def g(t):
            STATE["x"] = t
        STATE = {"a": torch.zeros(1)}
        with self.capture() as seen:
            torch.compile(g, backend="eager", fullgraph=True)(torch.ones(1))
        # A dict reached through a global is rebuilt whole.
        self.assertEqual(list(STATE.keys()), ["a", "x"])
        self.assertEqual([m.argval for m in ops(seen[0], "BUILD_MAP")], [2])

    def test_ordered_dict_move_to_end_keeps_the_order(self):
        import collections

        def f(d, t):
            d.move_to_end("a")
            d["c"] = t

        t = torch.ones(1)
        d = collections.OrderedDict([("a", t), ("b", t * 2)])
        expected = copy.deepcopy(d)
        f(expected, t)
        torch.compile(f, backend="eager", fullgraph=True)(d, t)
        self.assertEqual(list(d.keys()), list(expected.keys()))
        self.assertEqual(list(d.keys()), ["b", "a", "c"])

    def test_cells_of_the_frame_and_of_closures(self):
        def f(x):
            count = 0

            def inc():
                nonlocal count
                count += 1
            inc()
            inc()
            return x + count, (lambda: count)

        got, get = torch.compile(f, backend="eager")(torch.zeros(1))
        self.assertEqual(got, torch.full((1,), 2.0))
        self.assertEqual(get(), 2)

        def make():
            c = 0

            def bump(x):
                nonlocal c
                c += 1
                return x * c
            return bump

        bump = make()
        opt = torch.compile(bump, backend="eager")
        self.assertEqual(opt(torch.ones(1)), torch.ones(1))
        self.assertEqual(opt(torch.ones(1)), torch.full((1,), 2.0))
        self.assertEqual(bump(torch.ones(1)), torch.full((1,), 3.0))

    def test_cells_of_closures_made_outside(self):
        def make():
            count = 0

            def bump(x):
                nonlocal count
                count += 1
                return x * count

            def get():
                return count
            return bump, get

        bump, get = make()

        def f(x):
            return bump(x) + bump(x)

        cnt = CompileCounter()
        opt = torch.compile(f, backend=cnt)
        self.assertEqual(opt(torch.ones(1)), torch.full((1,), 3.0))
        self.assertEqual(get(), 2)                # replayed into the cell
        self.assertEqual(opt(torch.ones(1)), torch.full((1,), 7.0))
        self.assertEqual(get(), 4)
        self.assertEqual(cnt.frame_count, 2)      # the cell's value is guarded

    def test_objects_made_in_the_frame_are_rebuilt(self):
        class Result:
            def __init__(self, value, scale):
                self.value = value * scale
                self.tag = "r"

            def doubled(self):
                return self.value * 2

        class Empty:
            pass

        def f(x):
            r = Result(x, 3)
            e = Empty()
            e.r = r
            d = {}
            return r, r.doubled(), e, d, d

        with self.capture() as seen:
            r, dbl, e, d1, d2 = torch.compile(f, backend="eager",
                                              fullgraph=True)(torch.ones(2))
        self.assertIs(type(r), Result)
        self.assertEqual(r.value, torch.full((2,), 3.0))
        self.assertEqual(r.tag, "r")
        self.assertEqual(dbl, torch.full((2,), 6.0))
        self.assertIs(e.r, r)          # one object, wherever it appears
        self.assertIs(d1, d2)
        self.assertEqual(len(ops(seen[0], "STORE_ATTR")), 3)

    def test_functional_call_has_no_side_effects(self):
        m = torch.nn.Linear(3, 2)
        w, b = torch.randn(2, 3), torch.randn(2)

        def f(x):
            return torch.func.functional_call(m, {"weight": w, "bias": b}, x)

        x = torch.randn(4, 3)
        with self.capture() as seen:
            got = torch.compile(f, backend="eager", fullgraph=True)(x)
        self.assertEqual(got, torch.nn.functional.linear(x, w, b))
        self.assertEqual(ops(seen[0], "BUILD_MAP"), [])
        self.assertEqual(ops(seen[0], "STORE_ATTR"), [])
        self.assertFalse(torch.equal(m.weight, w))


if __name__ == "__main__":
    unittest.main()
