# pop order for small ints, remove's KeyError and discard.
s = set(range(5))
print(s.pop(), s.pop(), s)
s.add(0)
print(s.pop(), s)
t = {10, 20, 30}
print(t.pop(), t.pop(), t.pop())
try:
    t.pop()
except KeyError as e:
    print("KeyError", e)
u = {1, 2}
u.remove(1)
print(u)
try:
    u.remove(5)
except KeyError as e:
    print("KeyError", e, e.args)
try:
    u.remove((1, 2))
except KeyError as e:
    print("KeyError", e, e.args)
print(u.discard(99), u)
u.discard(2)
print(u, len(u))
v = {frozenset({1})}
v.remove({1})
print(v)
w = {frozenset()}
w.discard(set())
print(w)
x = set(range(3))
x.clear()
print(x, x.pop() if x else "empty")
y = set(range(16))
while len(y) > 3:
    y.pop()
print(y)
