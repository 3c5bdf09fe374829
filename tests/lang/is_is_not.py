a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c)
print(a is not c, b is not a)
x = None
print(x is None, x is not None)
print(True is True, (1 == 1) is True)
def f():
    pass
print(f() is None)
