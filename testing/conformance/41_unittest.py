# unittest: a text runner's report (time masked), verbose and quiet, skips,
# expected failures, errors, assertRaises forms, setUp/tearDown and cleanups.
import io
import re
import unittest

log = []


class Arith(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")

    def setUp(self):
        self.base = 10
        self.addCleanup(log.append, "cleanup")

    def tearDown(self):
        log.append("tearDown")

    def test_add(self):
        """Adds two numbers."""
        self.assertEqual(self.base + 1, 11)

    def test_compare_fails(self):
        self.assertEqual(self.base, 11)

    def test_error(self):
        raise KeyError("missing")

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.skipIf(True, "condition held")
    def test_skipped_if(self):
        pass

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertTrue(False)

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as ctx:
            self.base / 0
        self.assertIsInstance(ctx.exception, ZeroDivisionError)
        self.assertRaises(KeyError, lambda: {}["k"])
        with self.assertRaisesRegex(ValueError, "bad"):
            raise ValueError("a bad value")

    def test_assertion_messages(self):
        checks = [
            lambda: self.assertTrue(0),
            lambda: self.assertFalse(1),
            lambda: self.assertIn(3, [1, 2]),
            lambda: self.assertIsNone(5),
            lambda: self.assertIs(1, 2),
            lambda: self.assertNotEqual(4, 4),
            lambda: self.assertGreater(1, 2),
            lambda: self.assertAlmostEqual(1.0, 1.1),
            lambda: self.assertEqual(1, 2, "extra words"),
        ]
        for check in checks:
            try:
                check()
            except AssertionError as e:
                log.append(str(e))


def run(verbosity):
    stream = io.StringIO()
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(Arith)
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity).run(suite)
    text = re.sub(r"in \d+\.\d+s", "in X.XXXs", stream.getvalue())
    print(text, end="")
    print("success:", result.wasSuccessful(), "run:", result.testsRun,
          "failures:", len(result.failures), "errors:", len(result.errors),
          "skipped:", len(result.skipped))


run(1)
print("-" * 10)
run(2)
print(log)
