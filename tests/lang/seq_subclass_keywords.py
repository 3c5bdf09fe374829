# list and tuple subclasses and keyword arguments (CPython's rules), and the layout attributes of types.
class S(list):
    pass
try:
    S(sequence=())
except TypeError as e:
    print("TypeError", e)

class WithInit(list):
    def __init__(self, seq, newarg=None):
        super().__init__(seq)
        self.newarg = newarg
u = WithInit([1, 2], newarg=3)
print(list(u), u.newarg)

class WithNew(list):
    def __new__(cls, arg, newarg=None):
        self = super().__new__(cls, arg)
        self.newarg = newarg
        return self
u = WithNew([1, 2], newarg=3)
print(list(u), u.newarg)

class T(tuple):
    pass
try:
    T(sequence=())
except TypeError as e:
    print("TypeError", e)
print(T([1, 2]), type(T([1])).__name__)

class TNew(tuple):
    def __new__(cls, arg, newarg=None):
        self = super().__new__(cls, arg)
        self.newarg = newarg
        return self
t = TNew([1, 2], newarg=4)
print(t, t.newarg)

class TInit(tuple):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg
t = TInit([3], newarg=5)
print(t, t.newarg)
try:
    list([], x=1)
except TypeError as e:
    print("TypeError", e)
try:
    tuple((), x=1)
except TypeError as e:
    print("TypeError", e)
print(tuple.__itemsize__, list.__itemsize__, bytes.__itemsize__, type(tuple.__basicsize__).__name__)
