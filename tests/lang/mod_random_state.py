# random.getstate/setstate and the _random.Random type directly.
import random, _random

r = random.Random(123)
st = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(st)
print(a == [r.random() for _ in range(3)], st[0], len(st[1]), st[1][-1])
g = _random.Random(5)
print(g.random(), g.getrandbits(1), g.getrandbits(32), g.getrandbits(100), g.getrandbits(0))
g.seed(5)
print(g.random())
s = g.getstate()
print(type(s).__name__, len(s), s[-1])
for bad in [lambda: _random.Random(1, 2), lambda: _random.Random(x=1), lambda: g.seed(1, 2), lambda: g.getrandbits(-1),
            lambda: g.getrandbits(1.5), lambda: g.setstate(1), lambda: g.setstate((1,)), lambda: g.seed([])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
class MyRandom(random.Random):
    def random(self):
        return 0.5
m = MyRandom(1)
print(m.random(), m.randrange(10), m.choice('xyz'))
