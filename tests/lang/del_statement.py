a = [0, 1, 2, 3, 4, 5, 6]
del a[0]
print(a)
del a[-1]
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError:", e)
p, q = 1, 2
del p, q
print("deleted both")
