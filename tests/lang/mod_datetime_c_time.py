# time in C: construction, fold, tzinfo delegation, isoformat/fromisoformat, strftime, comparisons, hashing, __reduce__.
try:
    import _datetime_c as D
except ImportError:
    import _datetime as D

T, TZ, time, tzinfo = D.timedelta, D.timezone, D.time, D.tzinfo


def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)


for args, kw in [((), {}), ((12,), {}), ((12, 30), {}), ((12, 30, 5), {}), ((12, 30, 5, 7), {}), ((0, 0, 0, 1), {}),
                 ((23, 59, 59, 999999), {}), ((1, 2, 3, 4, TZ.utc), {}), ((1,), {"fold": 1}),
                 ((1, 2, 3, 4, TZ(T(hours=-3), "X")), {"fold": 1}), ((24,), {}), ((1, 60), {}), ((1, 1, 60), {}),
                 ((1, 1, 1, 10 ** 6), {}), ((-1,), {}), ((1,), {"tzinfo": 1}), ((1,), {"fold": 2}), ((1, 2, 3, 4, None, 5), {}),
                 ((1.0,), {}), ((), {"hour": 3, "second": 4}), ((), {"x": 1}), ((1,), {"hour": 1}),
                 ((b'\x8c\x00\x00\x00\x00\x00',), {}), ((b'\x0c\x01\x02\x00\x01\x00', TZ.utc), {}),
                 ((b'\x0c\x00\x00\x00\x00\x00', 5), {}), ((b'\x18\x00\x00\x00\x00\x00',), {})]:
    def f():
        t = time(*args, **kw)
        return t, str(t), t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.fold, t.utcoffset(), t.dst(), t.tzname()
    show(f)

print(time.min, time.max, repr(time.resolution), bool(time()), bool(time(1)))
show(lambda: setattr(time(), "hour", 3))
show(lambda: time().utcoffset(1))

t = time(1, 2, 3, 4567, TZ(T(hours=5, minutes=30)))
for ts in ["auto", "hours", "minutes", "seconds", "milliseconds", "microseconds", "x", 5]:
    show(lambda: t.isoformat(ts))
    show(lambda: time(7, 8).isoformat(timespec=ts))
show(lambda: t.isoformat("auto", 1))
for f in ["%H:%M:%S.%f", "%z %Z", "%Y-%m-%d %j %a", "%%z %% %f", "", "%"]:
    print(repr(t.strftime(f)), repr(time(9, 8).strftime(f)), repr(format(t, f)),
          repr(time(1, tzinfo=TZ(T(hours=-1, seconds=-5), "A%B")).strftime(f)))
show(lambda: t.strftime(5))
show(lambda: format(t, 5))

for s in ["12", "12:30", "1230", "12:30:45", "123045", "12:30:45.5", "12:30:45,123", "12:30:45.1234567",
          "12:30:45.", "T12:30", "12:30Z", "12:30+01:00", "12:30-0130", "12:30+01:00:30.5", "12:30+24:00", "12:3",
          "12:30:4", "1:30", "12:30:45.12x", "12:30Zx", "", "T", "12:30+", "12:30:", "24:00", "12:30+01", "12:30.5",
          "12.5", "1230:45", "12:3045", "12:30:45:1", "1230451", "12:30:45:", "123045.", "12:30:45.1+", "12:30-",
          "12:30:45.123+05:30:15.25", "12Z", "T12Z", "12:30+01:00Z", "12+1", "12-01:3", "12304512", "12:30-00:00",
          "12:60", "12:30:45.1234567890123"]:
    show(lambda: time.fromisoformat(s))
show(lambda: time.fromisoformat(1))

# comparisons and hashing
utc, plus1, minus1 = TZ.utc, TZ(T(hours=1)), TZ(T(hours=-1))
ts = [time(12), time(12, tzinfo=utc), time(13, tzinfo=plus1), time(11, tzinfo=minus1), time(12, 0, 0, 1, utc),
      time(12, fold=1), time(11, 59)]
for a in ts:
    row = []
    for b in ts:
        try:
            row.append((a < b, a == b, a >= b))
        except TypeError as e:
            row.append(str(e)[:20])
    print(row)
print(hash(time(12, tzinfo=utc)) == hash(time(13, tzinfo=plus1)), hash(time(12)) == hash(time(12, fold=1)),
      hash(time(5, 6, 7, 8)) == hash(time(5, 6, 7, 8)), time(1) == 1, time(1) != "x")
show(lambda: time(1) < 1)

# replace
for args, kw in [((), {}), ((5,), {}), ((), {"minute": 7, "tzinfo": utc}), ((), {"tzinfo": None}), ((), {"fold": 1}),
                 ((), {"hour": 24}), ((), {"tzinfo": 3}), ((1, 2, 3, 4, None, 5), {}), ((), {"fold": 2}), ((), {"x": 1})]:
    show(lambda: time(1, 2, 3, 4, plus1).replace(*args, **kw))

# pickling support
for x in [time(), time(1, 2, 3, 4), time(1, 2, 3, 4, utc, fold=1), time(23, 59, 59, 999999, plus1)]:
    for proto in (2, 4):
        r = x.__reduce_ex__(proto)
        y = r[0](*r[1])
        print(r, y == x, y.fold, y.tzinfo is x.tzinfo)
    print(x.__reduce__())


class GoodTZ(tzinfo):
    def utcoffset(self, dt):
        return T(hours=2)

    def tzname(self, dt):
        return "Good"

    def dst(self, dt):
        return T(0)


class BadTZ(tzinfo):
    def __init__(self, v):
        self.v = v

    def utcoffset(self, dt):
        return self.v

    def tzname(self, dt):
        return self.v

    def dst(self, dt):
        return self.v


g = time(3, 4, tzinfo=GoodTZ())
print(g.isoformat(), g.utcoffset(), g.tzname(), g.dst(), g.strftime("%z %Z"), g == time(1, 4, tzinfo=utc))
for v in [None, 5, "x", T(1), T(-1), T(hours=-23), T(seconds=1, microseconds=5)]:
    b = time(3, 4, tzinfo=BadTZ(v))
    show(lambda: b.utcoffset())
    show(lambda: b.dst())
    show(lambda: b.tzname())
    show(lambda: b.isoformat())


class Sub(time):
    def isoformat(self, timespec="auto"):
        return "Sub!" + time.isoformat(self, timespec)


s = Sub(1, 2)
print(repr(s), str(s), type(s.replace(hour=3)).__name__, type(Sub.fromisoformat("01:02")).__name__, s == time(1, 2),
      format(s, ""), s.__reduce__()[0].__name__)

# timespec is read as a C string
for ts in ["auto\0x", "\ud800", "minutes\0"]:
    show(lambda: time(1).isoformat(ts))
    show(lambda: D.datetime(2020, 1, 1).isoformat("T", ts))
