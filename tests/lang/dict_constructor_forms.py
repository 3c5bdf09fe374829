# dict() from mappings, pairs and keywords, and its errors.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: dict())
show(lambda: dict({1: 2}, x=3))
show(lambda: dict([(1, 2), [3, 4], "ab"]))
show(lambda: dict(zip("abc", range(3))))
show(lambda: dict(a=1, b=2))
show(lambda: dict([(1, 2, 3)]))
show(lambda: dict([1]))
show(lambda: dict([(1, 2), "abc"]))
show(lambda: dict(1))
show(lambda: dict({}, {}))
class Mapping:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()
show(lambda: dict(Mapping()))
show(lambda: dict({1: 2}.items()))
show(lambda: dict([(1, 2), (1, 3)]))
d = {1: 1}
d.update({2: 2}, three=3)
d.update([(4, 4)])
d.update(Mapping())
print(d)
show(lambda: d.update(1, 2))
show(lambda: d.update([1]))
print({**{1: 2}, **{3: 4}, 1: 5})
