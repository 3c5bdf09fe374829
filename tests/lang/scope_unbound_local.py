x = 10


def f():
    print("before")
    print(x)
    x = 5


try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)
print(isinstance(UnboundLocalError("m"), NameError))
