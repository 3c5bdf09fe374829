# Indexing, assignment and deletion errors on lists, with CPython's messages.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

a = [10, 20, 30]
show(lambda: a[3])
show(lambda: a[-4])
show(lambda: a[-3])
show(lambda: a["x"])
show(lambda: a[1.5])
show(lambda: a[None])
show(lambda: a[True])
show(lambda: a[2**100])

def setitem(i, v):
    a[i] = v
    return a
show(lambda: setitem(5, 1))
show(lambda: setitem(-1, 99))
show(lambda: setitem("k", 1))

def delitem(i):
    del a[i]
    return a
show(lambda: delitem(10))
show(lambda: delitem(0))
show(lambda: [].pop())
show(lambda: [1].pop(5))
show(lambda: [1, 2, 3].pop(-1))
show(lambda: [1, 2, 3].pop(0))
show(lambda: [1, 2].remove(3))
show(lambda: [1, 2].index(3))
show(lambda: ["a"].index("b"))
show(lambda: [1, 2, 3, 2].index(2, 2))
show(lambda: [1, 2, 3].index(1, 1))
show(lambda: [1, 2, 3].index(3, -1))
show(lambda: [1, 2, 3].index(3, 0, 2))
show(lambda: [1, 2, 3].index(2, -100, 100))
