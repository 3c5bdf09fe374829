# Iterating ranges forwards and backwards, including near the small-int limit.
print(list(range(5)), list(range(5, 0, -1)), list(range(0, 10, 4)), list(range(-5, 5, 3)))
print(list(reversed(range(5))), list(reversed(range(0, 10, 4))), list(reversed(range(3, -3, -2))))
it = iter(range(10))
print(next(it), next(it), it.__length_hint__())
print(list(it), it.__length_hint__())
top = 2**62
print(list(range(top - 3, top + 2)), list(reversed(range(top - 3, top + 2))))
print(list(range(-top - 2, -top + 2)), list(range(-top + 1, -top - 3, -1)))
total = 0
for i in range(100000):
    total += i
print(total)
for i in range(3):
    for j in range(i):
        print(i, j, end="; ")
print()
print(list(range(0)), list(reversed(range(0))), list(range(10, 0)))
r = reversed(range(10**20, 10**20 + 3))
print(list(r))
