# Lexicographic comparison of lists.
pairs = [([], []), ([1], []), ([], [1]), ([1, 2], [1, 2]), ([1, 2], [1, 3]),
         ([1, 2, 3], [1, 2]), ([2], [1, 9, 9]), ([[1, 2]], [[1, 3]]), (["a"], ["b"])]
for x, y in pairs:
    print(x, y, x == y, x != y, x < y, x <= y, x > y, x >= y)
nan = float("nan")
print([nan] == [nan], [nan] < [nan])
n = [nan]
print(n == n)
try:
    print([1, "a"] < [1, 2])
except TypeError as e:
    print("TypeError", e)
print([1, "a"] == [1, 2])
print([1, 2] == (1, 2), [1] != (1,))
try:
    [1] < (1,)
except TypeError as e:
    print("TypeError", e)
print([1, 2.0] == [1.0, 2])
