# *args: *Ts (PEP 646 syntax in 3.11): the annotation is the one item unpacking gives.
from typing import TypeVarTuple, get_type_hints
Ts = TypeVarTuple('Ts')
def func1(*args: *Ts): pass
print(func1.__annotations__, get_type_hints(func1))
class One:
    def __iter__(self):
        yield 'only'
def func2(*args: *One(), **kw: int) -> None: pass
print(func2.__annotations__)
try:
    def func3(*args: *[1, 2]): pass
except ValueError as e:
    print(e)
import warnings
for t in ["def g(): [(yield x) for x in ()]", "def g(): {(yield x) for x in ()}", "def g(): {x: (yield) for x in ()}", "def g(): ((yield) for x in ())", "def g(): [x for x in [(yield 1)]]", "def g(): [(yield from x) for x in ()]"]:
    try:
        compile(t, "<s>", "exec"); print(t, "ok")
    except SyntaxError as e:
        print(t, e, e.offset, e.end_offset)
def fb():
    (no_such_global): int
    print(no_such_global)
try:
    fb()
except Exception as e:
    print(type(e).__name__, e)
def fv():
    (v): int = 3
    return v
print(fv(), fv.__code__.co_varnames)


# Annotations into a mapping that is not a dict (exec with custom locals).
class LowerNS:
    def __init__(self):
        self._dct = {}
    def __setitem__(self, item, value):
        self._dct[item.lower()] = value
    def __getitem__(self, item):
        return self._dct[item]


class Locals:
    def __init__(self, ann):
        self._dct = {'__annotations__': ann}
    def __setitem__(self, item, value):
        print("set", item)
        self._dct[item] = value
    def __getitem__(self, item):
        print("get", item)
        return self._dct[item]


ann = LowerNS()
exec('X: str', {}, Locals(ann))
print(ann._dct)
ns = Locals(None)
del ns._dct['__annotations__']
exec('Y: int = 2', {}, ns)
print(ns._dct)
