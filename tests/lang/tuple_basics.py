t = (1, 2, 3)
print(t, len(t), t[1])
single = (5,)
not_tuple = (5)
print(single, not_tuple, type(single).__name__, type(not_tuple).__name__)
empty = ()
print(empty, len(empty))
print(t + (4,), t * 2)
print(t.count(2), t.index(3))
print(tuple([1, 2]), tuple("ab"))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
x = 1, 2
print(x)
print((1, [2, 3]), ((),))
