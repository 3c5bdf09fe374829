for i, x in enumerate(["a", "b", "c"]):
    print(i, x)
for i, x in enumerate("xy", 1):
    print(i, x)
print(list(enumerate([10, 20], start=5)))
print(list(enumerate([])))
pairs = list(enumerate("abc"))
print(pairs[1], pairs[-1][0])
