# Union, intersection, difference and symmetric difference (operators and methods).
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
c = {5, 7, 9}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, c), a.intersection(b, c), a.difference(b, c), a.symmetric_difference(c))
print(a.union([10, 11], (12,)), a.intersection(range(3, 10)), a.difference("x"), a.symmetric_difference([1, 100]))
print(a.union(), a.intersection(), a.difference(), a.union() is a)
print(a, b, c)
f = frozenset({1, 2, 3})
print(f | {4}, {4} | f, f & {2, 9}, f - {1}, f ^ {3, 4})
print(type(f | {4}).__name__, type({4} | f).__name__, type(f.union([1])).__name__)
try:
    a | [1]
except TypeError as e:
    print("TypeError", e)
try:
    a - 1
except TypeError as e:
    print("TypeError", e)
big = set(range(100))
small = set([3, 50, 99, 1000])
print(small - big, big & small, small & big, len(big - small), small.difference(big, {1000}))
print(set(range(40)) - set(range(1, 40)), set(range(0, 100, 5)) & set(range(0, 100, 3)))
print(a.isdisjoint(b), a.isdisjoint({99}), a.isdisjoint([1]), set().isdisjoint(set()))
