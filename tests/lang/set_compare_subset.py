# Comparisons between sets mean subset/superset; equality is by elements.
a, b, c = {1, 2}, {1, 2, 3}, {1, 2}
print(a < b, a <= b, a > b, a >= b, a == c, a != c, a < c, a <= c, b > a, b >= b)
print(a == frozenset(a), frozenset(a) == a, {1} < frozenset({1, 2}))
print(a.issubset(b), a.issubset([1, 2]), b.issuperset(a), b.issuperset(range(2)), a.issubset("ab"))
print({1, 2} == [1, 2], {1} != (1,), set() == frozenset())
try:
    {1} < [1, 2]
except TypeError as e:
    print("TypeError", e)
print({1, 2} < {3, 4}, {1, 2} > {3, 4}, {1, 2} == {3, 4})
print(sorted([{1, 2, 3}, {1}, {1, 2}], key=len))
print(max({3, 1}, {2}), min([{1}, {1, 2}]))
print(frozenset({1, 2}) == frozenset({2, 1}), hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
