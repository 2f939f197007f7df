# The differential checking mode (MINIDYNAMO_DIFFERENTIAL=1) itself: it must
# catch a compiled call that differs from the eager run, in its result, in
# the state of its arguments, globals or cells, or in what it raises, and
# stay quiet when they agree. Bytecode hooks stand in for compiler bugs by
# replacing the out code with a wrong one.
import unittest

import torch
import torch._dynamo
from torch._dynamo import differential
from torch._dynamo.differential import DifferentialMismatch

differential.ENABLED = True
COUNT = [0]
STATE = {"n": 0}


class Differential(unittest.TestCase):
    def setUp(self):
        torch._dynamo.reset()

    def compiled_with_code_of(self, f, wrong):
        """torch.compile(f) whose out code is replaced by wrong's code."""
        handle = torch._dynamo.convert_frame.register_bytecode_hook(
            lambda code, out: wrong.__code__)
        self.addCleanup(handle.remove)
        return torch.compile(f, backend="eager")

    def test_agreeing_runs_pass_and_state_changes_once(self):
        def f(x, d, l):
            d["k"] = x * 2
            l.append(len(d))
            STATE["n"] += 1
            return x.sin(), d

        d, l = {"a": 1}, []
        out, d2 = torch.compile(f, backend="eager")(torch.ones(2), d, l)
        self.assertIs(d2, d)
        self.assertEqual(l, [2])           # the eager run used copies
        self.assertEqual(STATE["n"], 1)

    def test_a_wrong_result_is_caught(self):
        def f(x):
            return x + 1

        def wrong(x):
            return x + 2

        with self.assertRaisesRegex(DifferentialMismatch,
                                    "the result of .*values"):
            self.compiled_with_code_of(f, wrong)(torch.ones(2))

    def test_a_lost_mutation_is_caught(self):
        def f(x, d):
            d["k"] = 1
            return x

        def wrong(x, d):
            return x

        with self.assertRaisesRegex(DifferentialMismatch,
                                    r"argument 1 .*keys \['k'\] vs \[\]"):
            self.compiled_with_code_of(f, wrong)(torch.ones(2), {})

    def test_a_wrong_global_is_caught(self):
        def f(x):
            COUNT[0] += 1
            return x

        def wrong(x):
            COUNT[0] += 2
            return x

        with self.assertRaisesRegex(DifferentialMismatch, "global 'COUNT'"):
            self.compiled_with_code_of(f, wrong)(torch.ones(1))

    def test_lost_aliasing_is_caught(self):
        def f(x):
            y = x * 2
            return y, y

        def wrong(x):
            return x * 2, x * 2

        with self.assertRaisesRegex(DifferentialMismatch, "one object"):
            self.compiled_with_code_of(f, wrong)(torch.ones(1))

    def test_a_different_exception_is_caught(self):
        def f(x):
            return x

        def wrong(x):
            raise KeyError("boom")

        with self.assertRaisesRegex(DifferentialMismatch,
                                    "eager returned, compiled raised KeyError"):
            self.compiled_with_code_of(f, wrong)(torch.ones(1))

    def test_same_exception_passes_through(self):
        def f(x):
            raise ValueError("same")

        with self.assertRaisesRegex(ValueError, "same"):
            torch.compile(f, backend="eager")(torch.ones(1))

    def test_modules_and_random_numbers(self):
        torch.manual_seed(0)
        m = torch.nn.Sequential(torch.nn.Linear(3, 3), torch.nn.Dropout(0.5))
        x = torch.randn(2, 3)
        out = torch.compile(m, backend="eager")(x)   # dropout draws agree
        self.assertEqual(out.shape, (2, 3))


if __name__ == "__main__":
    unittest.main()
