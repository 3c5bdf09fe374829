# datetime in C: construction, parts, isoformat/fromisoformat, arithmetic, aware comparisons, timestamps, astimezone, __reduce__.
try:
    import _datetime_c as D
except ImportError:
    import _datetime as D
import os
import time as _time

os.environ["TZ"] = "Europe/Berlin"
_time.tzset()

T, TZ, datetime, date, time, tzinfo = D.timedelta, D.timezone, D.datetime, D.date, D.time, D.tzinfo
utc, plus1, minus5 = TZ.utc, TZ(T(hours=1)), TZ(T(hours=-5), "EST")


def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)


for args, kw in [((2020, 1, 1), {}), ((2020, 1, 1, 8, 30), {}), ((2020, 1, 1, 8, 30, 5), {}), ((2020, 1, 1, 8, 30, 5, 7), {}),
                 ((2020, 1, 1, 0, 0, 0, 0, utc), {}), ((2020, 1, 1), {"fold": 1, "tzinfo": minus5}),
                 ((1, 1, 1), {}), ((9999, 12, 31, 23, 59, 59, 999999), {}), ((2020, 1), {}), ((2020, 2, 30), {}),
                 ((2020, 1, 1, 24), {}), ((2020, 1, 1, 1, 60), {}), ((2020, 1, 1, 1, 1, 1, -1), {}),
                 ((2020, 1, 1), {"tzinfo": 5}), ((2020, 1, 1), {"fold": 2}), ((2020, 1, 1, 1, 1, 1, 1, None, 0), {}),
                 ((), {"year": 2020, "month": 3, "day": 4, "minute": 5}), ((2020, 1, 1), {"x": 1}),
                 ((b'\x07\xe4\x81\x01\x02\x03\x04\x00\x00\x05',), {}), ((b'\x07\xe4\x01\x01\x02\x03\x04\x00\x00\x05', utc), {}),
                 ((b'\x07\xe4\x01\x01\x02\x03\x04\x00\x00\x05', 1), {}), ((2020.0, 1, 1), {})]:
    def f():
        d = datetime(*args, **kw)
        return (d, str(d), d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond, d.tzinfo, d.fold,
                d.date(), d.time(), d.timetz(), d.utcoffset(), d.dst(), d.tzname())
    show(f)
print(datetime.min, datetime.max, repr(datetime.resolution), datetime.__mro__[1].__name__)

d = datetime(2002, 3, 11, 13, 5, 7, 25000, minus5)
print(d.ctime(), d.timetuple(), d.utctimetuple(), d.weekday(), d.isocalendar(), d.toordinal())
for sep, ts in [("T", "auto"), (" ", "hours"), ("x", "minutes"), ("T", "seconds"), ("T", "milliseconds"),
                ("T", "microseconds"), ("T", "bad"), ("ab", "auto"), (5, "auto"), ("T", 5), ("\u00e9", "auto")]:
    show(lambda: d.isoformat(sep, ts))
    show(lambda: datetime(2020, 5, 6).isoformat(sep=sep, timespec=ts))
for f in ["%Y-%m-%d %H:%M:%S.%f %z %Z %j %a", "%c", "%%z%%Z", ""]:
    print(repr(d.strftime(f)), repr(datetime(2020, 1, 1).strftime(f)), repr(format(d, f)))

for s in ["2020-01-02", "2020-01-02T03", "2020-01-02T03:04", "2020-01-02 03:04:05", "2020-01-02T03:04:05.678",
          "2020-01-02T03:04:05+01:00", "2020-01-02T03:04:05Z", "2020-01-02T03:04:05.123456-05:30", "20200102T030405",
          "2020-W01-1T12:00", "2020W011T12", "2020-W01T12", "2020W01T12", "2020-W01-12:00", "2020-01-02x12:00",
          "2020-01-02T", "2020-01-02T25:00", "2020-01", "2020", "", "2020-01-02T03:04:05+25:00", "2020-01-02T3",
          "2020-01-02\u00e912:00", "2020-13-01T00:00", "2020-01-02T03:04:05.1234567", "2020-W53-7T00:00:00",
          "2020-01-02T03:04:05-00:00", "2020-01-0203:04"]:
    show(lambda: datetime.fromisoformat(s))
show(lambda: datetime.fromisoformat(5))

# arithmetic
for f in [lambda: d + T(1, 2, 3), lambda: T(hours=30) + d, lambda: d - T(days=400), lambda: d - datetime(2002, 1, 1, tzinfo=utc),
          lambda: datetime(2020, 1, 1) - datetime(2019, 6, 5, 4, 3, 2, 1), lambda: d - datetime(2002, 1, 1),
          lambda: datetime.max + T(microseconds=1), lambda: datetime.min - T(microseconds=1), lambda: datetime.max - datetime.min,
          lambda: d + 1, lambda: d - date(2002, 1, 1), lambda: date(2002, 1, 1) - d, lambda: d + d,
          lambda: type(datetime(2020, 1, 1, fold=1) + T(0)).__name__, lambda: (datetime(2020, 1, 1, fold=1) + T(0)).fold,
          lambda: datetime(2020, 1, 1, 23, 59, 59, 999999) + T(microseconds=1), lambda: datetime(2020, 3, 1) - T(1)]:
    show(f)

# comparisons and hashing
ds = [datetime(2020, 1, 1, 12), datetime(2020, 1, 1, 12, tzinfo=utc), datetime(2020, 1, 1, 13, tzinfo=plus1),
      datetime(2020, 1, 1, 7, tzinfo=minus5), datetime(2020, 1, 1, 12, 0, 0, 1, utc), datetime(2020, 1, 1, 12, fold=1)]
for a in ds:
    row = []
    for b in ds:
        try:
            row.append((a < b, a == b, a >= b))
        except TypeError as e:
            row.append(str(e)[:25])
    print(row)
print(hash(ds[1]) == hash(ds[2]) == hash(ds[3]), hash(ds[0]) == hash(ds[5]), len(set(ds)))
print(datetime(2020, 1, 1) == date(2020, 1, 1), date(2020, 1, 1) == datetime(2020, 1, 1), datetime(2020, 1, 1) != date(2020, 1, 1))
show(lambda: datetime(2020, 1, 1) < date(2020, 1, 1))
show(lambda: date(2020, 1, 1) < datetime(2020, 1, 1))
show(lambda: datetime(2020, 1, 1) < 5)

# timestamps and local time (TZ=Europe/Berlin)
for x in [datetime(1970, 1, 1), datetime(2020, 1, 1, 12), datetime(2020, 7, 1, 12), datetime(2020, 10, 25, 2, 30),
          datetime(2020, 10, 25, 2, 30, fold=1), datetime(2020, 3, 29, 2, 30), datetime(2020, 3, 29, 2, 30, fold=1),
          datetime(2020, 1, 1, tzinfo=utc), datetime(2020, 1, 1, 0, 0, 0, 500000, tzinfo=minus5)]:
    ts = x.timestamp()
    print(repr(x), ts, repr(datetime.fromtimestamp(ts)), repr(datetime.utcfromtimestamp(ts)), repr(datetime.fromtimestamp(ts, utc)),
          repr(datetime.fromtimestamp(ts, minus5)), repr(x.astimezone()), repr(x.astimezone(utc)), repr(x.astimezone(plus1)))
for v in [1603585800, 1603589400, 0.5, -0.5, 1.0000005, 1.0000015, 1e-7, -1e-7, 1e20, float("nan"), "x", 10 ** 30]:
    show(lambda: datetime.fromtimestamp(v))
    show(lambda: datetime.utcfromtimestamp(v))
show(lambda: datetime.fromtimestamp(0, 5))
show(lambda: datetime.fromtimestamp(0, tz=utc))
show(lambda: datetime.fromtimestamp())
show(lambda: datetime.now(5))
n, u = datetime.now(), datetime.utcnow()
print(type(n).__name__, n.tzinfo, abs(n - u) < T(hours=3), datetime.now(utc).tzinfo is utc, type(datetime.today()).__name__,
      abs(datetime.now(minus5) - datetime.now(utc)) < T(seconds=5))

# combine, replace, astimezone errors, strptime
show(lambda: datetime.combine(date(2020, 1, 2), time(3, 4, 5, 6, utc, fold=1)))
show(lambda: datetime.combine(date(2020, 1, 2), time(3, 4), minus5))
show(lambda: datetime.combine(date(2020, 1, 2), time(3, 4, tzinfo=utc), None))
show(lambda: datetime.combine(datetime(2020, 1, 2, 9), time(3, 4)))
show(lambda: datetime.combine(1, time()))
show(lambda: datetime.combine(date(2020, 1, 1), 1))
show(lambda: datetime.combine(date(2020, 1, 1)))
for args, kw in [((), {}), ((2021,), {}), ((), {"hour": 5, "tzinfo": utc}), ((), {"tzinfo": None}), ((), {"fold": 1}),
                 ((), {"month": 2, "day": 30}), ((), {"tzinfo": 1}), ((1, 2, 3, 4, 5, 6, 7, None, 0), {})]:
    show(lambda: d.replace(*args, **kw))
show(lambda: d.astimezone(5))
show(lambda: d.astimezone(d.tzinfo) is d)
show(lambda: datetime.strptime("2020-05-06 07:08", "%Y-%m-%d %H:%M"))
show(lambda: datetime.strptime("x", "%Y"))
show(lambda: datetime.strptime(1, "%Y"))

# pickling support
for x in [datetime(2020, 1, 2, 3, 4, 5, 6), datetime(2020, 1, 2, fold=1, tzinfo=utc), datetime.max, datetime(1, 1, 1, tzinfo=minus5)]:
    for proto in (2, 4):
        r = x.__reduce_ex__(proto)
        y = r[0](*r[1])
        print(r, y == x, y.fold, y.tzinfo is x.tzinfo)
    print(x.__reduce__())


class Berlin(tzinfo):
    """A fold-aware zone: +1, +2 from the last Sunday of March to the last Sunday of October (2020 only)."""

    def utcoffset(self, dt):
        return T(hours=1) + self.dst(dt)

    def dst(self, dt):
        start, end = datetime(2020, 3, 29, 2), datetime(2020, 10, 25, 2)
        naive = dt.replace(tzinfo=None)
        if start <= naive < end + T(hours=1):
            if end <= naive < end + T(hours=1):
                return T(0) if dt.fold else T(hours=1)
            return T(hours=1)
        return T(0)

    def tzname(self, dt):
        return "CEST" if self.dst(dt) else "CET"

    def __repr__(self):
        return "Berlin()"


b = Berlin()
for x in [datetime(2020, 10, 25, 2, 30, tzinfo=b), datetime(2020, 10, 25, 2, 30, fold=1, tzinfo=b), datetime(2020, 7, 1, tzinfo=b)]:
    print(repr(x), x.utcoffset(), x.tzname(), x.astimezone(utc), x == x.astimezone(utc), hash(x) == hash(x.astimezone(utc)),
          x.timestamp(), x.strftime("%z %Z"), x.timetuple().tm_isdst)
u = datetime(2020, 10, 25, 0, 30, tzinfo=utc)
for i in range(3):
    lt = (u + T(hours=i)).astimezone(b)
    print(repr(lt), lt.fold, b.fromutc((u + T(hours=i)).replace(tzinfo=b)))
show(lambda: b.fromutc(datetime(2020, 1, 1)))
show(lambda: utc.fromutc(datetime(2020, 1, 1, tzinfo=utc)))
show(lambda: utc.tzname(datetime(2020, 1, 1)))


class Sub(datetime):
    def __new__(cls, *args, **kw):
        self = datetime.__new__(cls, *args, **kw)
        self.extra = "x"
        return self


s = Sub(2020, 1, 2, 3, tzinfo=utc)
for f in [lambda: s, lambda: s + T(1), lambda: s - T(1), lambda: s.replace(hour=4), lambda: Sub.fromisoformat("2020-01-02T03:04"),
          lambda: Sub.fromtimestamp(0, utc), lambda: Sub.combine(date(2020, 1, 1), time(fold=1)), lambda: Sub.fromordinal(5),
          lambda: s.astimezone(plus1), lambda: Sub.strptime("2020", "%Y"), lambda: str(s), lambda: s.__reduce__()[0].__name__]:
    r = f()
    print(type(r).__name__, repr(r), getattr(r, "extra", None), getattr(r, "fold", None))

# CPython's datetimetester cases: Python 2 pickle states, date.__eq__ of a datetime, odd floats
print(repr(datetime("\x07\xdf\x0b\x1b\x14;\x01\x01\xe2@")), repr(time("\x05\x06\x07\x01\xe2@", utc)),
      repr(date("\x07\xdf\x0b\x1b")))
show(lambda: time("\x05\x06\x07\x01\u0100@"))
print(date(2020, 1, 1).__eq__(datetime(2020, 1, 1, 5)), date(2020, 1, 1).__lt__(datetime(2020, 1, 2)),
      datetime(2020, 1, 1, 5).__eq__(date(2020, 1, 1)))
for isocal in [(2 ** 33, 1, 1), (2019, 2 ** 33, 1), (2019, 1, 2 ** 33), (2019, 1, 2 ** 80)]:
    show(lambda: date.fromisocalendar(*isocal))


def bad_float(ratio):
    class BadFloat(float):
        def as_integer_ratio(self):
            return ratio
    return BadFloat(1.5)


for ratio in [1 << 100, (), (42,), (1, 2, 3), (3, 2), (1.5, 2)]:
    show(lambda: T(1) * bad_float(ratio))
    show(lambda: T(1) / bad_float(ratio))


class MyStr(str):
    def replace(self, *args):
        return None


class BadName(tzinfo):
    def tzname(self, dt):
        return MyStr("name")


show(lambda: datetime(2020, 1, 1, tzinfo=BadName()).strftime("%Z"))
show(lambda: time(1, tzinfo=BadName()).strftime("%Z"))
