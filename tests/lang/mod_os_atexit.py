# atexit: callbacks run at exit, newest first, with their arguments; unregister; errors are reported.
import atexit

class Cb:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Cb(%s)" % self.name
    def __call__(self, *args, **kw):
        print("exit", self.name, args, kw)

class Bad:
    def __repr__(self):
        return "Bad()"
    def __call__(self):
        raise ValueError("from atexit")

first = atexit.register(Cb("first"))
print(type(first).__name__)
atexit.register(Cb("args"), 1, 2, key="v")
atexit.register(Bad())
gone = Cb("gone")
atexit.register(gone)
atexit.register(gone)
atexit.unregister(gone)
print(atexit._ncallbacks())
def late():
    print("late registered from a callback does not run")
atexit.register(lambda: atexit.register(late))
try:
    atexit.register(5)
except TypeError as e:
    print("TypeError", e)
try:
    atexit.register()
except TypeError as e:
    print("TypeError", e)
atexit._run_exitfuncs.__name__
print("end of main")
