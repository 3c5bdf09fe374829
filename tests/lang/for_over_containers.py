for x in [1, "two", 3.0]:
    print("list item", x)
for x in (4, 5):
    print("tuple item", x)
for ch in "abc":
    print("char", ch)
d = {"one": 1, "two": 2, "three": 3}
for key in d:
    print("key", key)
for key, value in d.items():
    print(key, "->", value)
for value in d.values():
    print("value", value)
for x in []:
    print("never")
for i, ch in enumerate("xy"):
    print(i, ch)
