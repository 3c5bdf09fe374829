names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
for n, a in zip(names, ages):
    print(n, a)
print(list(zip([1, 2, 3], "ab")))
print(list(zip()))
print(list(zip([1, 2])))
print(list(zip(range(3), range(10, 13), "xyz")))
print(dict(zip(names, ages)))
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print(nums, letters)
