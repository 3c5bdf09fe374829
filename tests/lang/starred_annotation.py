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
