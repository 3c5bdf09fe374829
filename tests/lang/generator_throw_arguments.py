# throw() arguments as CPython checks them, and the traceback of a throw into
# a generator that never started (an entry at its def line).
def f():
    while True:
        try:
            print((yield))
        except ValueError as v:
            print("caught ValueError (%s)" % (v))
g = f(); next(g)
for args in [(ValueError,), (ValueError("xyz"),), (ValueError, ValueError(1)), (ValueError, TypeError(1)), (ValueError, ValueError(1), None), (ValueError(1), "foo"), (ValueError, "foo", 23), ("abc",), (0,), (list,)]:
    try:
        g.throw(*args)
    except Exception as e:
        print(type(e).__name__, e)
import traceback
def f():
    try:
        yield
    except:
        raise
g = f()

try:
    1/0
except ZeroDivisionError as v:
    try:
        g.throw(v)
    except Exception as w:
        tb = w.__traceback__
levels = 0
while tb:
    levels += 1
    print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
    tb = tb.tb_next
print(levels)
def f2():
    yield
g = f2(); next(g)
try:
    g.throw(KeyError)
except KeyError as e:
    print([ (t.name, t.lineno) for t in traceback.extract_tb(e.__traceback__)])
