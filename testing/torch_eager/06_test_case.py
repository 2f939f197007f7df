# PyTorch's tensor-aware TestCase.assertEqual, run through unittest.
import unittest

import torch

try:
    from torch._dynamo.test_case import TestCase
except ImportError:
    # PyTorch 1.13, which records the expected output, has no torch._dynamo
    # and its common_utils needs expecttest: its assert_close stands in.
    class TestCase(unittest.TestCase):
        def assertEqual(self, x, y, msg=None):
            torch.testing.assert_close(x, y, msg=msg)


class T(TestCase):
    def test_containers(self):
        t = torch.arange(6.0).view(2, 3)
        self.assertEqual({1: t, 2: [t, 3]}, {1: t.clone(), 2: [t * 1, 3]})
        self.assertEqual(t + 1e-9, t)
        self.assertEqual((1, 2.0), (1, 2.0))

    def test_mismatch(self):
        with self.assertRaises(AssertionError) as cm:
            self.assertEqual(torch.tensor([1.0, 2.0, 3.0]),
                             torch.tensor([1.0, 2.5, 3.0]))
        print(str(cm.exception).splitlines()[0])

    def test_dtype(self):
        with self.assertRaises(AssertionError):
            self.assertEqual(torch.ones(2), torch.ones(2, dtype=torch.float64))

    @unittest.skipIf(True, "requires triton")
    def test_skipped(self):
        pass


if __name__ == "__main__":
    import io
    import re
    stream = io.StringIO()
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
    unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
    print(re.sub(r"in \d+\.\d+s", "in X.XXXs", stream.getvalue()))
