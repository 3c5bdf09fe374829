s = {3, 1, 2, 3, 1}
print(len(s), sorted(s))
print({1, 2, 3})
print(set())
evens = {x for x in range(10) if x % 2 == 0}
print(sorted(evens), 4 in evens, 5 in evens)
letters = set("mississippi")
print(sorted(letters), len(letters))
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
s.add(10)
s.discard(1)
s.discard(99)
print(sorted(s))
print({1, 2} == {2, 1}, {1} < {1, 2})
