# types.FunctionType(code, globals, name, argdefs, closure): the checks, and
# calling functions made from function, closure and module code.
import types
def f(): pass
for args in [(1, {}), (f.__code__, 1), (f.__code__, {}, 1), (f.__code__, {}, None, 1), (f.__code__, {}, None, None, 1), (f.__code__, {}, None, None, (1,))]:
  try: types.FunctionType(*args)
  except Exception as e: print(type(e).__name__, e)
def g():
  x = 1
  def h(): return x
  return h
hc = g().__code__
for cl in [None, (), (1,), 5]:
  try: types.FunctionType(hc, {}, None, None, cl)
  except Exception as e: print(type(e).__name__, e)
n = types.FunctionType(f.__code__, {'__name__': 'mm'}, 'nn', (1,2))
print(n.__name__, n.__qualname__, n.__module__, n.__defaults__, n.__doc__)
h2 = types.FunctionType(hc, {}, None, None, g().__closure__)
print(h2())
def adder(a, b=2): return a + b
a2 = types.FunctionType(adder.__code__, globals(), 'add2', (10,))
print(a2(1), a2(1, 1), a2.__name__)
ns = {}
mod = types.FunctionType(compile("x = 5\ny = x * 2", "m", "exec"), ns)
print(mod(), ns['x'], ns['y'])
class D(dict): pass
print(types.FunctionType(f.__code__, D())())
