# types.MappingProxyType's methods and operators, and type()'s argument errors.
import types
mp = types.MappingProxyType({1: "a", 2: "b", 3: "c"})
print(sorted(set(dir(mp)) - set(dir(object()))))
print(list(reversed(mp)), list(mp.__reversed__()))
print(mp | {4: "d"}, {0: "z"} | mp)
try:
    mp |= {5: "e"}
except TypeError as e:
    print("TypeError", e)
print(types.MappingProxyType[int, str])
class M(type):
    pass
for call in (lambda: type(), lambda: type(1, 2), lambda: M(5), lambda: M(), lambda: type(1, 2, 3, 4)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
print(type(5), M("X", (), {}))
