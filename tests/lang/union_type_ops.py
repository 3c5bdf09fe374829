# types.UnionType: isinstance/issubclass through __subclasscheck__ on any
# object's type, and substitution of its type variables.
import typing, collections.abc
T = typing.TypeVar("T")
K = typing.TypeVar("K")
for x in (int | str, typing.Union[int, str], int | None, int | collections.abc.Mapping):
    print(x, isinstance(1, x), isinstance(None, x), issubclass(bool, x), issubclass(type(None), x),
          issubclass(dict, x))
u = int | T
print(u.__parameters__, u[str], u[int], (T | K)[int, str], (list[T] | dict[K, T])[int, str])
print(hash(int | str) == hash(str | int), (int | str) == (str | int))
class Meta(type):
    def __subclasscheck__(cls, sub):
        return sub is int
class Odd(metaclass=Meta):
    pass
print(issubclass(int, Odd), issubclass(str, Odd))
class Checker:
    def __subclasscheck__(self, sub):
        return sub is float
print(issubclass(float, Checker()), issubclass(int, Checker()))
try:
    issubclass(int, 3)
except TypeError as e:
    print("TypeError", e)
try:
    (int | str)[int]
except TypeError as e:
    print("TypeError", e)
