# The | and |= operators on dicts.
a = {1: "a", 2: "b"}
b = {2: "B", 3: "C"}
print(a | b, b | a, a)
c = a
c |= b
print(c, a is c)
c |= [(9, 9)]
c |= {"k": "v"}.items()
print(c)
try:
    a | [(1, 2)]
except TypeError as e:
    print("TypeError", e)
try:
    c |= 5
except TypeError as e:
    print("TypeError", e)
class D(dict):
    pass
print(type(D({1: 2}) | {3: 4}).__name__)
