# torch.compile's API, guards, recompiles and graph breaks, each compared
# with the same function run eagerly.
import dis
import gc
import sys
import unittest
import warnings

import torch
import torch._dynamo
import torch._dynamo.test_case
from torch._dynamo.testing import CompileCounter


class Guards(torch._dynamo.test_case.TestCase):
    def setUp(self):
        torch._dynamo.reset()

    def test_cache_hit_then_recompile_on_shape_dtype_requires_grad(self):
        cnt = CompileCounter()

        @torch.compile(backend=cnt)
        def f(x):
            return x * 2 + 1

        x = torch.randn(3)
        self.assertEqual(f(x), x * 2 + 1)
        self.assertEqual(f(torch.randn(3)).shape, (3,))
        self.assertEqual(cnt.frame_count, 1)
        self.assertEqual(cnt.op_count, 2)
        f(torch.randn(4))                       # new shape
        self.assertEqual(cnt.frame_count, 2)
        f(torch.randn(3, dtype=torch.float64))  # new dtype
        self.assertEqual(cnt.frame_count, 3)
        f(torch.randn(3, requires_grad=True))   # requires_grad
        self.assertEqual(cnt.frame_count, 4)
        f(torch.randn(3).t() if False else x)   # cached again
        self.assertEqual(cnt.frame_count, 4)

    def test_dict_keys_and_order_are_guarded(self):
        cnt = CompileCounter()

        def f(d):
            return d["a"] + 1

        opt = torch.compile(f, backend=cnt)
        t = torch.ones(2)
        opt({"a": t, "b": t})
        opt({"a": t, "b": t})
        self.assertEqual(cnt.frame_count, 1)
        opt({"b": t, "a": t})     # same keys, other order
        self.assertEqual(cnt.frame_count, 2)
        opt({"a": t})             # fewer keys
        self.assertEqual(cnt.frame_count, 3)

    def test_constants_and_globals_are_guarded(self):
        cnt = CompileCounter()

        def f(x, n):
            return x + n + SCALE

        opt = torch.compile(f, backend=cnt)
        x = torch.zeros(2)
        global SCALE
        SCALE = 1
        self.assertEqual(opt(x, 1), x + 2)
        self.assertEqual(opt(x, 2), x + 3)
        self.assertEqual(cnt.frame_count, 2)
        SCALE = 10
        self.assertEqual(opt(x, 1), x + 11)
        self.assertEqual(cnt.frame_count, 3)

    def test_globals_of_other_modules_are_guarded(self):
        ns = {"__name__": "helper_module", "SCALE": 2}
        exec("def scaled(x):\n    return x * SCALE\n", ns)
        scaled = ns["scaled"]
        cnt = CompileCounter()
        opt = torch.compile(lambda x: scaled(x), backend=cnt)
        self.assertEqual(opt(torch.ones(1)), torch.full((1,), 2.0))
        ns["SCALE"] = 5
        self.assertEqual(opt(torch.ones(1)), torch.full((1,), 5.0))
        self.assertEqual(cnt.frame_count, 2)

    def test_builtins_on_objects_are_not_folded(self):
        class Bag:
            def __init__(self):
                self.items = [1, 2]

            def __len__(self):
                return len(self.items)

        bag = Bag()
        opt = torch.compile(lambda x: x * len(bag), backend="eager")
        self.assertEqual(opt(torch.ones(1)), torch.full((1,), 2.0))
        bag.items.append(3)
        self.assertEqual(opt(torch.ones(1)), torch.full((1,), 3.0))

    def test_aliasing_between_arguments_is_guarded(self):
        cnt = CompileCounter()

        def f(d, t):
            d["new"] = d["a"] + t

        opt = torch.compile(f, backend=cnt)
        t = torch.ones(2)
        d = {"a": t}                    # d["a"] is t
        opt(d, t)
        self.assertEqual(d["new"], torch.full((2,), 2.0))
        d2 = {"a": torch.zeros(2)}      # no longer the same tensor
        opt(d2, t)
        self.assertEqual(d2["new"], torch.ones(2))
        self.assertEqual(cnt.frame_count, 2)

    def test_grad_mode_is_guarded(self):
        cnt = CompileCounter()
        opt = torch.compile(lambda x: x * 2, backend=cnt)
        x = torch.ones(2, requires_grad=True)
        self.assertTrue(opt(x).requires_grad)
        with torch.no_grad():
            self.assertFalse(opt(x).requires_grad)
        self.assertEqual(cnt.frame_count, 2)

    def test_recompile_limit_warns_once_and_runs_eagerly(self):
        torch._dynamo.config.recompile_limit = 2
        try:
            cnt = CompileCounter()
            opt = torch.compile(lambda x, n: x + n, backend=cnt)
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                for n in range(5):
                    self.assertEqual(opt(torch.zeros(1), n), torch.zeros(1) + n)
            self.assertEqual(cnt.frame_count, 2)
            self.assertEqual(len([x for x in w if "recompile_limit"
                                  in str(x.message)]), 1)
            self.assertEqual(torch._dynamo.config.cache_size_limit, 2)
        finally:
            torch._dynamo.config.recompile_limit = 8


class Breaks(torch._dynamo.test_case.TestCase):
    def setUp(self):
        torch._dynamo.reset()

    def test_graph_break_splits_into_two_graphs(self):
        cnt = CompileCounter()

        def f(x):
            y = x.sin()
            torch._dynamo.graph_break()
            inside = torch.compiler.is_compiling()
            return y.cos(), inside

        got, inside = torch.compile(f, backend=cnt)(torch.ones(2))
        self.assertEqual(got, torch.ones(2).sin().cos())
        self.assertTrue(inside)
        self.assertEqual(cnt.frame_count, 2)
        self.assertFalse(torch.compiler.is_compiling())

    def test_print_breaks_and_still_prints(self):
        cnt = CompileCounter()

        def f(x):
            x = x + 1
            print("value", x.shape)
            return x * 2

        self.assertEqual(torch.compile(f, backend=cnt)(torch.zeros(2)),
                         torch.full((2,), 2.0))
        self.assertEqual(cnt.frame_count, 2)

    def test_break_inside_a_no_grad_block(self):
        seen = []

        def f(x):
            with torch.no_grad():
                y = x * 2
                seen.append(torch.is_grad_enabled())   # traced: a list replay
                print(end="")                          # a break, run for real
                z = x * 3
            return y, z, x * 4, torch.is_grad_enabled()

        cnt = CompileCounter()
        x = torch.ones(2, requires_grad=True)
        y, z, w, grad_after = torch.compile(f, backend=cnt)(x)
        self.assertEqual(seen, [False])
        self.assertEqual((y.requires_grad, z.requires_grad, w.requires_grad),
                         (False, False, True))
        self.assertTrue(grad_after)
        self.assertTrue(torch.is_grad_enabled())
        self.assertEqual(cnt.frame_count, 2)

    def test_exception_from_a_break_inside_no_grad_restores_grad_mode(self):
        # The call that broke the graph runs in the block's mode; when it
        # raises, the mode goes back as the block's __exit__ would set it,
        # also where a resume function started inside a block.
        def raising(v):
            raise ValueError("from the call")

        def inside(x):
            with torch.no_grad():
                y = x * 2
                raising(y)
            return y

        def resumed_inside(x):
            with torch.no_grad():
                print(end="")          # a break: the resume starts in here
                y = x * 2
            with torch.enable_grad():
                with torch.no_grad():
                    raising(y)         # two blocks deep in the resume code
            return y

        def resumed_same_block(x):
            with torch.no_grad():
                print(end="")          # the resume starts in the block
                raising(x)             # and breaks again in it
            return x

        def after_blocks(x):
            with torch.no_grad():
                print(end="")
                y = x * 2
            raising(y)                 # outside: the mode is the frame's
            return y

        for fn in (inside, resumed_inside, resumed_same_block, after_blocks):
            for start in (True, False):
                with self.subTest(fn=fn.__name__, grad=start):
                    torch._dynamo.reset()
                    torch.set_grad_enabled(start)
                    try:
                        with self.assertRaises(ValueError):
                            torch.compile(fn, backend="eager")(torch.ones(2))
                        self.assertEqual(torch.is_grad_enabled(), start)
                    finally:
                        torch.set_grad_enabled(True)

    def test_fullgraph_raises_unsupported(self):
        def f(x):
            torch._dynamo.graph_break()
            return x

        with self.assertRaises(torch._dynamo.exc.Unsupported) as cm:
            torch.compile(f, backend="eager", fullgraph=True)(torch.ones(1))
        self.assertIn("graph_break", str(cm.exception))

    def test_data_dependent_branch_runs_correctly(self):
        def f(x):
            if x.sum() > 0:
                return x + 1
            return x - 1

        cnt = CompileCounter()
        opt = torch.compile(f, backend=cnt)
        self.assertEqual(opt(torch.ones(2)), torch.ones(2) + 1)
        self.assertEqual(opt(-torch.ones(2)), -torch.ones(2) - 1)
        # The condition's graph, then one resume function per side.
        self.assertEqual(cnt.frame_count, 3)

    def test_item_breaks_and_resumes(self):
        cnt = CompileCounter()

        def f(x):
            n = int(x.sum().item())
            return x * n

        opt = torch.compile(f, backend=cnt)
        self.assertEqual(opt(torch.ones(3)), torch.full((3,), 3.0))
        self.assertEqual(cnt.frame_count, 2)

    def test_bytecode_hooks_chain_and_see_resume_functions(self):
        calls = []

        def first(code, out):
            calls.append(("first", code.co_name))

        def second(code, out):
            calls.append(("second", code.co_name))
            return out

        h1 = torch._dynamo.convert_frame.register_bytecode_hook(first)
        h2 = torch._dynamo.convert_frame.register_bytecode_hook(second)
        try:
            def f(x):
                x = x + 1
                torch._dynamo.graph_break()
                return x + 1
            opt = torch.compile(f, backend="eager")
            opt(torch.ones(1))
            opt(torch.ones(1))   # cache hits: no hook calls
        finally:
            h1.remove()
            h2.remove()
        names = [n for _, n in calls]
        self.assertEqual([k for k, _ in calls],
                         ["first", "second", "first", "second"])
        self.assertEqual(names[0], "f")
        self.assertTrue(names[2].startswith("torch_dynamo_resume_in_f_at_"))


class Api(torch._dynamo.test_case.TestCase):
    def setUp(self):
        torch._dynamo.reset()

    def test_custom_backend_gets_a_graph_module(self):
        seen = []

        def backend(gm, example_inputs):
            seen.append(([n.op for n in gm.graph.nodes],
                         [str(n.target) for n in gm.graph.nodes],
                         len(example_inputs)))
            return gm.forward

        out = torch.compile(lambda a, b: torch.relu(a) + b,
                            backend=backend)(torch.ones(2), torch.ones(2))
        self.assertEqual(out, torch.full((2,), 2.0))
        ops, targets, n_inputs = seen[0]
        self.assertEqual(ops, ["placeholder", "placeholder", "call_function",
                               "call_function", "output"])
        self.assertEqual(n_inputs, 2)

    def test_disable_and_unknown_backend(self):
        def f(x):
            return x

        self.assertIs(torch.compile(f, disable=True), f)
        with self.assertRaises(torch._dynamo.exc.InvalidBackend):
            torch.compile(f, backend="no_such_backend")

    def test_module_compile_inlines_forward(self):
        torch.manual_seed(0)
        m = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(),
                                torch.nn.Linear(4, 2))
        cnt = CompileCounter()
        opt = torch.compile(m, backend=cnt)
        x = torch.randn(5, 3)
        self.assertEqual(opt(x), m(x))
        self.assertEqual(cnt.frame_count, 1)

    def test_inductor_and_aot_eager_names_run(self):
        for backend in ("inductor", "aot_eager", "eager"):
            torch._dynamo.reset()
            f = torch.compile(lambda x: (x + 1).sum(), backend=backend)
            self.assertEqual(f(torch.ones(3)), torch.tensor(6.0))

    def test_explain_counts_graphs_and_breaks(self):
        def f(x):
            x = x.sin()
            torch._dynamo.graph_break()
            return x.cos() + 1

        e = torch._dynamo.explain(f)(torch.ones(2))
        self.assertEqual(e.graph_count, 2)
        self.assertEqual(e.graph_break_count, 1)
        self.assertEqual(e.op_count, 3)
        self.assertIn("graph_break", e.break_reasons[0].reason)
        line = f.__code__.co_firstlineno + 2     # the graph_break() line
        self.assertIn(f"line {line}>", e.break_reasons[0].user_stack[0])
        self.assertEqual(e.ops_per_graph, [["sin"], ["cos", "operator.add"]])
        self.assertIn("TENSOR_MATCH: L['x']", e.out_guards)
        text = str(e)
        self.assertIn("Graph Count: 2", text)
        self.assertIn("Break Reason 1:", text)

    def test_compiling_a_bound_method(self):
        class Scale:
            def __init__(self):
                self.k = 3

            def apply(self, x):
                return x * self.k

        s = Scale()
        opt = torch.compile(s.apply, backend="eager", fullgraph=True)
        self.assertEqual(opt(torch.ones(2)), torch.full((2,), 3.0))

    def test_graph_module_surface(self):
        captured = []

        def backend(gm, example_inputs):
            captured.append(gm)
            return gm

        torch.compile(lambda x: (x + 1).relu(), backend=backend)(torch.ones(2))
        gm = captured[0]
        self.assertIn("def forward", gm.code)
        self.assertIn("relu", gm.print_readable(print_output=False))
        names = [n.name for n in gm.graph.nodes]
        self.assertEqual(len(names), len(set(names)))
        self.assertEqual(gm(torch.zeros(2))[0], torch.ones(2))

    def test_torch_logs_artifacts(self):
        import io
        import sys
        names = ("graph_breaks", "graph_code", "bytecode", "guards",
                 "recompiles", "side_effects")
        torch._logging.set_logs(**{n: True for n in names})
        err, sys.stderr = sys.stderr, io.StringIO()
        try:
            def f(d, t):
                d["k"] = t + 1
                torch._dynamo.graph_break()
                return t

            opt = torch.compile(f, backend="eager")
            opt({}, torch.ones(1))
            opt({"x": 1}, torch.ones(1))      # recompiles: new dict keys
            text = sys.stderr.getvalue()
        finally:
            sys.stderr = err
            torch._logging.set_logs(**{n: False for n in names})
        for needle in ("[__graph_code] TRACED GRAPH",
                       "[__bytecode] ORIGINAL BYTECODE f",
                       "[__bytecode] MODIFIED BYTECODE f",
                       "[__guards] | +- DICT_KEYS: L['d']",
                       "[__side_effects] Mutating object of type dict "
                       "(source name: L['d'])",
                       "[__graph_breaks] Graph break in user code at",
                       "[__recompiles] Recompiling function f",
                       "- DICT_KEYS: L['d']"):
            self.assertIn(needle, text)

    def test_errors_in_hooks_and_backends_leave_the_cache_usable(self):
        def bad_hook(code, out):
            raise ValueError("hook failed")

        def f(x):
            return x + 1

        opt = torch.compile(f, backend="eager")
        handle = torch._dynamo.convert_frame.register_bytecode_hook(bad_hook)
        try:
            with self.assertRaises(ValueError):
                opt(torch.ones(1))
        finally:
            handle.remove()
        self.assertEqual(opt(torch.ones(1)), torch.full((1,), 2.0))

        def bad_backend(gm, example_inputs):
            raise RuntimeError("backend failed")

        torch._dynamo.reset()
        with self.assertRaises(torch._dynamo.exc.BackendCompilerFailed) as cm:
            torch.compile(f, backend=bad_backend)(torch.ones(1))
        self.assertIn("backend failed", str(cm.exception))
        self.assertEqual(torch.compile(f, backend="eager")(torch.ones(1)),
                         torch.full((1,), 2.0))

    def test_hook_may_replace_the_out_code(self):
        def f(x):
            return x + 1

        def replace(code, out):
            return g.__code__   # a different, valid code object

        def g(x):
            return x * 10

        handle = torch._dynamo.convert_frame.register_bytecode_hook(replace)
        try:
            # Different from eager on purpose: not a differential mismatch.
            with torch._dynamo.differential.skip():
                got = torch.compile(f, backend="eager")(torch.ones(1))
        finally:
            handle.remove()
        self.assertEqual(got, torch.full((1,), 10.0))

        # Anything else than a code object or None is a clear error.
        handle = torch._dynamo.convert_frame.register_bytecode_hook(
            lambda code, out: 42)
        torch._dynamo.reset()
        try:
            with self.assertRaisesRegex(TypeError, "returned int; expected"):
                torch.compile(f, backend="eager")(torch.ones(1))
        finally:
            handle.remove()
        self.assertEqual(torch.compile(f, backend="eager")(torch.ones(1)),
                         torch.full((1,), 2.0))

    def test_no_grad_inside_compiled_code(self):
        def f(x):
            with torch.no_grad():
                y = x * 2
            return y, x * 3

        x = torch.ones(2, requires_grad=True)
        y, z = torch.compile(f, backend="eager", fullgraph=True)(x)
        self.assertFalse(y.requires_grad)
        self.assertTrue(z.requires_grad)
        self.assertTrue(torch.is_grad_enabled())

    def _program_is_freed(self, source, reset):
        # Compiles and runs f from `source` in a fresh namespace holding an
        # object whose __del__ reports it freed: once the program is dropped,
        # nothing may keep that namespace alive (RSS would not do here: a
        # sanitizer's quarantine holds freed memory).
        freed = []

        class Marker:
            def __del__(self):
                freed.append(True)

        ns = {"torch": torch, "marker": Marker()}
        exec(source, ns)
        g = torch.compile(ns["f"], backend="eager")
        self.assertEqual(g(torch.ones(4)).tolist(), [9.0] * 4)
        self.assertEqual(g(torch.ones(4)).tolist(), [9.0] * 4)
        del ns, g
        if reset:
            torch._dynamo.reset()
        gc.collect()
        return freed == [True]

    def test_compiled_variants_die_with_their_code(self):
        # The cache of compiled variants lives on the code object and dies
        # with it: then the test's reference to the out code is the last.
        ns = {"torch": torch}
        exec("def f(x):\n    y = x * 3\n    print(end='')\n"
             "    return y * 3\n", ns)
        g = torch.compile(ns["f"], backend="eager")
        self.assertEqual(g(torch.ones(4)).tolist(), [9.0] * 4)
        (frame,) = torch._dynamo.compiled_frames(ns["f"])
        out_code = frame.out_code
        del frame, ns, g
        gc.collect()
        # The variable's reference and getrefcount's argument.
        self.assertEqual(sys.getrefcount(out_code), 2)

    def test_reset_frees_caches_that_keep_their_globals_alive(self):
        # A guard on a global function keeps that function, so its globals,
        # so f and its code (whose cache holds the guard) alive: a cycle
        # through the code object's cache, which reset() breaks.
        self.assertTrue(self._program_is_freed(
            "def helper(v):\n    print(end='')\n    return v + 1\n"
            "def f(x):\n    return (helper(x * 2) + 0) * 3\n", reset=True))

if __name__ == "__main__":
    unittest.main()
