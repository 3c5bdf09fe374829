r = range(3, 15, 4)
print(r, list(r), len(r))
print(r[0], r[-1], r[1:])
print(7 in r, 8 in r)
print(list(range(0)), list(range(-5)), list(range(1, -5, -2)))
print(range(5) == range(0, 5), range(0) == range(5, 5))
print(list(range(4))[::-1])
try:
    range(1, 10, 0)
except ValueError as e:
    print("ValueError:", e)
big = range(10 ** 20)
print(len(range(0, 10 ** 6, 3)), big[-1])
