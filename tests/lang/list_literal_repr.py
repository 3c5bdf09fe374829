print([])
print([1, 2, 3])
print([1, "two", 3.0, None, True])
print([[1, 2], [3, [4, [5]]]])
print(list("abc"), list((1, 2)), list(range(3)))
a = [1, 2, 3,]
print(a, len(a))
print([1] + [2, 3], [0] * 4, 2 * ["x"])
print([[]] * 3)
