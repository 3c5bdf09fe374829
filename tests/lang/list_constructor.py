# The list() constructor and list subclasses.
print(list(), list([1, 2]), list((3,)), list("ab"), list(range(4)), list({"a": 1, "b": 2}))
print(list({1: 2}.items()), list(x for x in range(3)), list(b"hi"))
try:
    list(1)
except TypeError as e:
    print("TypeError", e)
try:
    list([1], [2])
except TypeError as e:
    print("TypeError", e)
try:
    list(iterable=[1])
except TypeError as e:
    print("TypeError", e)
a = [1, 2]
a.__init__([3])
print(a)
class L(list):
    def extra(self):
        return len(self) * 10
l = L([1, 2, 3])
print(l, l.extra(), type(l).__name__, isinstance(l, list))
l.append(4)
print(l[1:], type(l[1:]).__name__, l + [5], type(l + [5]).__name__)
class Sized:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return iter([1, 2, 3])
    def __len__(self):
        return 100
print(list(Sized()))
big = list(range(100000))
print(len(big), big[-1], sum(big))
