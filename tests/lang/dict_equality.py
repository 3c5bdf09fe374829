# == and != between dicts: order-independent, by value, with identity shortcut.
print({1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} == {1: 3}, {1: 2} == {2: 2}, {} == {})
print({1: [1, 2]} == {1: [1, 2]}, {1: 1} == {1: 1.0}, {1: 2} != {1: 2})
nan = float("nan")
print({1: nan} == {1: nan})
x = {1: nan}
print(x == x, x == dict(x))
print({1: 2} == [(1, 2)], {1: 2}.items() == {(1, 2)})
try:
    {1: 2} < {1: 3}
except TypeError as e:
    print("TypeError", e)
class AlwaysEq:
    def __eq__(self, other):
        return True
    def __hash__(self):
        return 1
print({1: AlwaysEq()} == {1: 5}, {AlwaysEq(): 1} == {1: 1})
