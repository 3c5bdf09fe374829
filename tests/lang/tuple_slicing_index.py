# Indexing and slicing tuples.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t = tuple(range(10))
print(t[0], t[-1], t[3:6], t[::3], t[::-1], t[8:2:-2], t[100:], t[:-100])
show(lambda: t[10])
show(lambda: t[-11])
show(lambda: t["a"])
show(lambda: t[::0])
print(t[:] is t, t[0:10] is t, t[::1] is t)
s = (1,)
print(s[0], s[1:], s[-1:])
def assign():
    t[0] = 1
show(assign)
def delete():
    del t[0]
show(delete)
