# Adding or removing elements while iterating a set raises RuntimeError.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
s = {1, 2, 3}
def add_during():
    for x in s:
        s.add(x + 10)
show(add_during)
s = {1, 2, 3}
def remove_during():
    for x in s:
        s.discard(x)
show(remove_during)
s = {1, 2, 3}
it = iter(s)
print(next(it), it.__length_hint__())
s.add(99)
show(lambda: next(it))
show(lambda: next(it))
s = {1, 2, 3}
def replace_during():
    for x in s:
        s.remove(x)
        s.add(x + 100)
    return sorted(s)
show(replace_during)
print(type(iter(set())).__name__)
print(list(iter({5, 6})), list(frozenset({7})))
