# {**x} requires a mapping: unlike dict.update(), pairs are not accepted.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: {**[(1, 2)]})
show(lambda: {**{1: 2}, **{3: 4}})
show(lambda: {**1})
class M:
    def keys(self):
        return ["k"]
    def __getitem__(self, k):
        return k * 2
show(lambda: {**M(), "z": 0})
d = {}
d.update([(1, 2)])
print(d)
