# frozenset's hash is CPython's order-independent algorithm.
print(hash(frozenset()))
print(hash(frozenset({1})))
print(hash(frozenset({1, 2, 3})))
print(hash(frozenset(range(100))))
print(hash(frozenset({-1, -2})))
print(hash(frozenset({(1, 2), (3, 4)})))
print(hash(frozenset({frozenset({1}), frozenset({2})})))
print(hash(frozenset({1.5, 2**70})))
s = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(s), frozenset({1, 2}) in s)
print({1, 2} in s)
d = {frozenset({1}): "one"}
print(d[frozenset([1])])
f = frozenset({1, 2})
print(frozenset(f) is f, f.copy() is f, frozenset() == frozenset([]))
print(repr(frozenset()), repr(frozenset({1})), repr(frozenset({3, 2})))
class FS(frozenset):
    pass
x = FS([1, 2])
print(x, type(x).__name__, hash(x) == hash(frozenset({1, 2})), x == {1, 2})
print(type(x | {3}).__name__, type(x.copy()).__name__)
