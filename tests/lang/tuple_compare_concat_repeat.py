# Comparison, concatenation and repetition of tuples.
pairs = [((), ()), ((1,), ()), ((1, 2), (1, 2)), ((1, 2), (1, 3)), ((1, 2, 3), (1, 2)), ((2,), (1, 9))]
for x, y in pairs:
    print(x, y, x == y, x < y, x <= y, x > y, x >= y, x != y)
print((1, 2) + (3,), () + (), (1,) * 3, 2 * (0, 1), (1,) * 0, (1, 2) * -1)
try:
    (1,) + [2]
except TypeError as e:
    print("TypeError", e)
try:
    (1,) < ("a",)
except TypeError as e:
    print("TypeError", e)
a = (1, 2)
b = a
a += (3,)
print(a, b, a is b)
a *= 2
print(a)
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({3: 4}), tuple(x for x in "xy"))
try:
    tuple(1)
except TypeError as e:
    print("TypeError", e)
x = (1, 2)
print(tuple(x) is x)
