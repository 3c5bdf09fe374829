print(min(3, 1, 2), max(3, 1, 2))
print(min([5, -2, 9]), max([5, -2, 9]))
print(min("hello"), max("hello"))
print(min(["pear", "apple", "fig"]), max(["pear", "apple", "fig"]))
print(max([1, 2.5, 2]), min(-1, -1.5))
print(max(["aaa", "b", "cc"], key=len), min(["aaa", "b", "cc"], key=len))
print(max([(1, "z"), (2, "a"), (2, "b")]))
print(max([3, 1, 3], key=lambda x: -x))
print(max([1, 5, 5, 2], key=lambda x: x % 5))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
