def f():
    try:
        return "from try"
    finally:
        return "from finally"


def g():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallows the exception"


def h():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("finally sets x =", x)


def k():
    for i in range(3):
        try:
            if i == 1:
                return "returned at " + str(i)
        finally:
            print("finally", i)


print(f())
print(g())
print(h())
print(k())
