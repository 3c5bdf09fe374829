# tzinfo and timezone in C: construction, names, offsets, equality, hashing, errors, pickling support.
try:
    import _datetime_c as D
except ImportError:
    import _datetime as D

T, TZ, tzinfo = D.timedelta, D.timezone, D.tzinfo


def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)


for args, kw in [((T(0),), {}), ((T(hours=1),), {}), ((T(hours=-5, minutes=-30),), {}), ((T(hours=1), "CET"), {}),
                 ((T(0), "UTC"), {}), ((T(seconds=-1),), {}), ((T(microseconds=1),), {}), ((T(hours=23, minutes=59),), {}),
                 ((T(hours=24),), {}), ((-T(hours=24),), {}), ((T(1),), {}), ((-T(hours=24) + T(microseconds=1),), {}),
                 ((1,), {}), ((T(0), 5), {}), ((T(0), None), {}), ((), {}), ((), {"offset": T(0), "name": "a"}),
                 ((T(0), "a", 3), {}), ((), {"name": "x"}), ((T(0),), {"x": 1}), ((T(hours=2, seconds=5, microseconds=7),), {})]:
    def f():
        z = TZ(*args, **kw)
        return z, str(z), z.tzname(None), z.utcoffset(None), z.dst(None), z is TZ.utc, z.__getinitargs__()
    show(f)

print(TZ.utc, repr(TZ.utc), TZ.min, TZ.max, repr(TZ.min), repr(TZ.max), TZ.utc.__reduce__(),
      TZ(T(hours=3), "x").__reduce__())
show(lambda: TZ.utc.tzname(5))
show(lambda: TZ.utc.tzname())
show(lambda: TZ.utc.utcoffset(5))
show(lambda: TZ.utc.dst("x"))
show(lambda: TZ.utc.fromutc(5))
show(lambda: TZ.utc < TZ.utc)
print(TZ.utc == 0, TZ(T(0), "x") == TZ.utc, TZ(T(hours=1)) != TZ(T(hours=1), "y"), TZ(T(hours=1)) == TZ(T(hours=2)))
print(hash(TZ.utc) == hash(T(0)), hash(TZ(T(hours=1), "a")) == hash(TZ(T(hours=1))), len({TZ.utc, TZ(T(0), "z")}))
show(lambda: type("X", (TZ,), {}))
show(lambda: setattr(TZ.utc, "x", 1))
print(isinstance(TZ.utc, tzinfo), TZ.__mro__[1:], TZ.__module__)

show(lambda: tzinfo().tzname(None))
show(lambda: tzinfo().utcoffset(None))
show(lambda: tzinfo().dst(None))
show(lambda: tzinfo().fromutc(None))
show(lambda: tzinfo().__reduce__())
show(lambda: type(tzinfo(1, 2, x=3)).__name__)


class X(tzinfo):
    def __init__(self, a):
        self.a = a

    def __getinitargs__(self):
        return (self.a,)

    def utcoffset(self, dt):
        return T(hours=self.a)


class Y(tzinfo):
    pass


y = Y()
y.q = 1
print(X(3).__reduce__(), y.__reduce__(), Y().__reduce__(), X(2).utcoffset(None))
show(lambda: Y().tzname(None))
