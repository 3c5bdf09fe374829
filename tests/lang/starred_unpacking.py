first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
a, *mid, z = (1, 2)
print(a, mid, z)
head, *tail = [42]
print(head, tail)
(x, *ys), w = [1, 2, 3], 4
print(x, ys, w)
for first, *others in [(1, 2, 3), (4, 5)]:
    print(first, others)
combined = [*"ab", *range(3), *[9]]
print(combined)
t = (*[1, 2], 3)
print(t)
