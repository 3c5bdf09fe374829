# Changing a dict while iterating it raises RuntimeError.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
d = {1: 1, 2: 2, 3: 3}
def add_during():
    for k in d:
        d[k + 10] = 0
show(add_during)
print(len(d))
d = {1: 1, 2: 2, 3: 3}
def del_during():
    for k in d:
        del d[k]
show(del_during)
d = {1: 1, 2: 2, 3: 3}
def swap_keys():
    for k in d:
        del d[k]
        d[k + 100] = 1
show(swap_keys)
d = {1: 1, 2: 2}
def change_values():
    for k in d:
        d[k] = "v"
    return d
show(change_values)
d = {1: 1, 2: 2, 3: 3}
def items_during():
    for k, v in d.items():
        d.pop(k)
show(items_during)
d = {1: 1, 2: 2}
it = iter(d)
next(it)
d[3] = 3
show(lambda: next(it))
show(lambda: next(it))
d = {1: 1}
def values_during():
    for v in d.values():
        d.clear()
show(values_during)
