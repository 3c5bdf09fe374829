# types.GenericAlias substitution (CPython's _Py_subs_parameters), subclasses,
# repr of argument lists, weak references; types.UnionType subscripts.
import typing, weakref, pickle, collections.abc as cabc
from typing import TypeVar, ParamSpec, TypeVarTuple, Unpack, Callable, List, Concatenate
T = TypeVar("T"); S = TypeVar("S"); P = ParamSpec("P"); Ts = TypeVarTuple("Ts")

print(repr(cabc.Callable[[], bool]), type(cabc.Callable[[int], str]).__name__)
print(repr(cabc.Callable[[int, T], str][bytes]))
print(repr(cabc.Callable[Concatenate[int, P], T]))
print(repr(cabc.Callable[P, T][[int, str], float]))
print(repr(tuple[*Ts]), repr(tuple[int, *Ts][str, bytes]), repr(tuple[*Ts][()]))
print(repr(dict[T, list[S]][str, int]), repr(list[T][int]))
print(repr(tuple[T, *Ts][int, *tuple[str, bytes]]))
print(repr(list[*tuple[int]]))
for bad in [lambda: dict[T, S][int], lambda: list[int][int], lambda: list[T][int, str]]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

class MyAlias(type(list[int])):
    def __repr__(self): return "MyAlias!" + super().__repr__()
m = MyAlias(list, (int,))
print(type(m).__name__, repr(m), m == list[int], list[int] == m)
try:
    m.extra
except AttributeError as e:
    print(e)
r = weakref.ref(list[int]); print(type(r).__name__)
u = int | str
print(u.__module__, type(u).__module__)
try:
    weakref.ref(u)
except TypeError as e:
    print(e)

# Unions: TypeVars are left to typing; aliases dedup by equality.
print(repr(list[T] | int), type(list[T] | int).__name__, repr((list[T] | int)[str]))
print(type(int | T).__name__, repr(list[int] | list[int] | None))
G3 = list[cabc.Callable[P, T]] | int
print(G3.__parameters__ == (P, T), repr(G3[[int, str], float]))
print(pickle.loads(pickle.dumps(list[int])) == list[int])
st = (*tuple[int],)[0]
print(pickle.loads(pickle.dumps(st)) == st, st.__reduce__()[0].__name__)
print(repr(list["C2"]), repr(list[...]), repr(list[None]))
it = iter(tuple[int])
print(type(it).__name__, it.__reduce__()[1], next(it), list(it))
