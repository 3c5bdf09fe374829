# gcstress-every: 100
# unittest.main(exit=False) with a verbosity-2 runner: passing, failing,
# erroring, skipped, expected-failure and subtest cases, class fixtures, the
# failure reports with their tracebacks and diffs (run time masked).
import unittest, sys, io

class T(unittest.TestCase):
    def setUp(self):
        self.x = 1
    def test_ok(self):
        self.assertEqual(self.x, 1)
    def test_fail(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])
    def test_error(self):
        {}['missing']
    @unittest.skip("because")
    def test_skip(self):
        pass
    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)
    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)
    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        with self.assertRaisesRegex(ValueError, "inv.*"):
            int('x')
    def test_dict(self):
        self.assertDictEqual({'a': 1, 'b': 2}, {'a': 1, 'b': 3})
    def test_multiline(self):
        self.assertEqual("a\nb\nc\n", "a\nB\nc\n")
    def test_almost(self):
        self.assertAlmostEqual(1.0, 1.00000001)
        self.assertIn(3, [1, 2])

class U(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.v = 5
    def test_v(self):
        self.assertIsNotNone(self.v)

stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
res = unittest.main(exit=False, testRunner=runner, argv=['x'])
out = stream.getvalue()
import re
out = re.sub(r'Ran (\d+) tests? in [\d.]+s', r'Ran \1 tests in Xs', out)
out = out.replace(__file__, 'FILE')
print(out)
print(res.result.testsRun, len(res.result.failures), len(res.result.errors), len(res.result.skipped), res.result.wasSuccessful())
