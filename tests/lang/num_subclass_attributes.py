# Instances of int and float subclasses can carry attributes (and a __dict__).
class MyInt(int):
    pass
a = MyInt(21)
a.label = "x"
print(a.label, a, a * 1, a.__dict__)
b = MyInt(2 ** 100)
b.tag = [1, 2]
print(b.tag, b - 2 ** 100, vars(b))
class F(float):
    pass
f = F(2.5)
f.tag = 1
print(f.tag, f * 2, f.__dict__)
