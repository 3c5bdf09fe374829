# An object whose last reference is deleted is finalized by the next
# gc.collect(), even when the call that made it left its value in a
# temporary register or a C buffer of the interpreter.
import gc
import io

record = []


class A:
    def __del__(self):
        record.append("A")


a = A()
del a
gc.collect()
print("module level:", record)


def with_init(base):
    rec = []

    class MyIO(base):
        def __init__(self):
            self.on_del = 1
            self.on_close = 2
            self.on_flush = 3

        def __del__(self):
            rec.append(self.on_del)
            try:
                f = super().__del__
            except AttributeError:
                pass
            else:
                f()

        def close(self):
            rec.append(self.on_close)
            super().close()

        def flush(self):
            rec.append(self.on_flush)
            super().flush()

    f = MyIO()
    del f
    gc.collect()
    return rec


print("IOBase subclass:", with_init(io.IOBase))
print("RawIOBase subclass:", with_init(io.RawIOBase))


def plain():
    rec = []

    class P:
        def __init__(self, x, *, y=2):
            self.x = x + y

        def __del__(self):
            rec.append(self.x)

    p = P(1, y=5)
    del p
    gc.collect()
    q = P(2)
    q = None
    gc.collect()
    return rec


print("plain:", plain())


# A call whose result lands in the newest temporary: nested calls and
# method calls still compute the right values.
def f(*args, **kw):
    return args, sorted(kw.items())


class C:
    def m(self, *a):
        return a


c = C()
print(f(f(1), f(2, k=3), c.m(4, f(5)), *[6], **{"z": 7}))
print([c.m(i) for i in range(3)], (lambda: c.m(f(8)))())
x = f(1) if f(0) else c.m(f(9))
print(x, f(1) or f(2), [] or c.m(3))
