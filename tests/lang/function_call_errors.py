def f(a, b, c=3):
    return a + b + c


try:
    f(1)
except TypeError as e:
    print(e)
try:
    f(1, 2, 3, 4)
except TypeError as e:
    print(e)
try:
    f(1, 2, d=4)
except TypeError as e:
    print(e)
try:
    f(1, 2, a=5)
except TypeError as e:
    print(e)
try:
    g = 5
    g()
except TypeError as e:
    print(e)


def no_args():
    return 0


try:
    no_args(1)
except TypeError as e:
    print(e)
print(f(1, 2), f(c=0, b=1, a=1))
