# An AttributeError raised by __getattr__ without a name and object gets them,
# so the traceback suggests a close attribute name (CPython 3.11).
import sys, io
class NonStringifyClass:
    __str__ = None
    __repr__ = None
class A:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError(NonStringifyClass())
class B:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError("Error", 23)
class C:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError(23)
class D:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError
class E:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError(name="other", obj=None)
for cls in [A, B, C, D, E]:
    try:
        cls().bluch
    except AttributeError as exc:
        print(cls.__name__, exc.name, type(exc.obj).__name__)
        old = sys.stderr
        sys.stderr = io.StringIO()
        sys.__excepthook__(*sys.exc_info())
        out = sys.stderr.getvalue()
        sys.stderr = old
        print(out.splitlines()[-1])
