print(sorted([5, 2, 8, 1]))
print(sorted([5, 2, 8, 1], reverse=True))
print(sorted("sorting"))
print(sorted((3, 1, 2)))
print(sorted({"b": 1, "a": 2, "c": 0}))
d = {"b": 1, "a": 2, "c": 0}
print(sorted(d.items(), key=lambda kv: kv[1]))
print(sorted([[2, 1], [1, 2], [1, 1]]))
print(sorted([-3, 2, -1], key=abs))
original = [3, 1, 2]
new = sorted(original)
print(original, new)
print(sorted([]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
