print(len(""), len("abc"), len("caf\u00e9"))
print(len([]), len([1, [2, 3]]), len((1, 2, 3)))
print(len({}), len({"a": 1, "b": 2}), len({1, 1, 2}))
print(len(range(5)), len(range(10, 0, -3)))
print(len(str(2 ** 100)))
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
