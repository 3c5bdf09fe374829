# regrtest_driver.py - run one CPython test module and record each test's outcome.
#
#   IMPL tools/regrtest_driver.py MODULE OUTFILE
#
# Runs under the implementation being measured (Taipan or CPython), so it uses only
# unittest and test.support. Every finished test is appended to OUTFILE at once as
# "STATUS<TAB>test id" (STATUS: pass, fail, error, skip), so a module that times out or
# dies by a signal still leaves the results of the tests it finished. A module that
# cannot be imported writes "import<TAB>reason"; one that raises SkipTest while being
# imported (test.support.requires and the like) writes "modskip<TAB>reason".
# Exit status: 0 all run, 3 import error, 4 skipped at import.
import sys
import unittest

# A test's outcome is the worst of its subtests' outcomes.
RANK = {"pass": 0, "skip": 1, "fail": 2, "error": 3}


class RecordingResult(unittest.TestResult):
    """Writes one line per test as soon as the test finishes."""

    def __init__(self, out):
        super().__init__()
        self.out = out
        self.current = {}

    def _note(self, test, status):
        tid = test.id() if hasattr(test, "id") else str(test)
        old = self.current.get(tid)
        if old is None or RANK[status] > RANK[old]:
            self.current[tid] = status

    def _reason(self, test, err):
        # The first line of the exception, for the failure listing in the report.
        try:
            etype, value, _ = err
            text = "%s: %s" % (etype.__name__, str(value).splitlines()[0] if str(value) else "")
        except Exception:
            text = "?"
        return text[:200].replace("\t", " ")

    def startTest(self, test):
        super().startTest(test)
        self.current.setdefault(test.id(), "pass")

    def stopTest(self, test):
        super().stopTest(test)
        tid = test.id()
        status = self.current.pop(tid, "pass")
        reason = getattr(self, "_last_reason", {}).pop(tid, "")
        self.out.write("%s\t%s\t%s\n" % (status, tid, reason))
        self.out.flush()

    def _remember(self, test, err):
        if not hasattr(self, "_last_reason"):
            self._last_reason = {}
        tid = test.id() if hasattr(test, "id") else str(test)
        self._last_reason.setdefault(tid, self._reason(test, err))

    def addError(self, test, err):
        super().addError(test, err)
        if isinstance(test, unittest.TestCase):
            self._note(test, "error")
            self._remember(test, err)
        else:
            # setUpClass/setUpModule failure: not a test of its own; its tests do not run.
            self.out.write("classerror\t%s\t%s\n" % (str(test), self._reason(test, err)))
            self.out.flush()

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._note(test, "fail")
        self._remember(test, err)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        test = getattr(test, "test_case", test)  # a skipped subtest counts for its test
        if isinstance(test, unittest.TestCase):
            self._note(test, "skip")
        else:
            self.out.write("classskip\t%s\t\n" % str(test))
            self.out.flush()

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._note(test, "pass")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._note(test, "fail")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            bad = issubclass(err[0], test.failureException)
            self._note(test, "fail" if bad else "error")
            self._remember(test, err)


def main():
    name, outpath = sys.argv[1], sys.argv[2]
    out = open(outpath, "a")
    from test import support
    # regrtest's defaults: no optional resources (network, cpu, largefile...), not verbose.
    support.use_resources = []
    support.verbose = 0
    result = RecordingResult(out)

    def run_suite(suite):
        suite.run(result)
    # Legacy modules with test_main() go through support.run_unittest -> _run_suite.
    support._run_suite = run_suite

    modname = "test." + name
    try:
        module = __import__(modname, fromlist=["*"])
    except unittest.SkipTest as exc:
        out.write("modskip\t%s\t%s\n" % (modname, str(exc)[:200].replace("\t", " ")))
        out.close()
        sys.exit(4)
    except BaseException as exc:
        out.write("import\t%s\t%s: %s\n" % (modname, type(exc).__name__,
                                            str(exc).splitlines()[0][:200] if str(exc) else ""))
        out.close()
        sys.exit(3)
    try:
        if hasattr(module, "test_main"):
            module.test_main()
        else:
            loader = unittest.TestLoader()
            suite = loader.loadTestsFromModule(module)
            for err in loader.errors:
                out.write("loaderror\t%s\t%s\n" % (modname, err.strip().splitlines()[-1][:200]))
            run_suite(suite)
    except unittest.SkipTest as exc:
        out.write("modskip\t%s\t%s\n" % (modname, str(exc)[:200].replace("\t", " ")))
    except BaseException as exc:
        out.write("driver\t%s\t%s: %s\n" % (modname, type(exc).__name__,
                                            str(exc).splitlines()[0][:200] if str(exc) else ""))
    out.write("done\t%s\t\n" % modname)
    out.close()
    # A normal exit: a crash or hang at teardown shows in the module's status.
    sys.exit(0)


main()
