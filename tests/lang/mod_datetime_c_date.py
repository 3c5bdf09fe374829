# date in C: construction, ordinals, ISO calendar and format, strftime, arithmetic, hashing, errors, __reduce__.
try:
    import _datetime_c as D
except ImportError:
    import _datetime as D

date, T = D.date, D.timedelta


def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)


# construction
for args, kw in [((2020, 1, 1), {}), ((1, 1, 1), {}), ((9999, 12, 31), {}), ((2000, 2, 29), {}),
                 ((), {"year": 2021, "month": 6, "day": 15}), ((2021,), {"day": 3, "month": 4}),
                 ((1900, 2, 29), {}), ((2020,), {}), ((2020, 1), {}), ((2020.0, 1, 1), {}), (("2020", 1, 1), {}),
                 ((0, 1, 1), {}), ((10000, 1, 1), {}), ((2020, 13, 1), {}), ((2020, 0, 1), {}),
                 ((2020, 2, 30), {}), ((2020, 4, 31), {}), ((2020, 1, 0), {}), ((2 ** 40, 1, 1), {}),
                 ((-2 ** 40, 1, 1), {}), ((2 ** 70, 1, 1), {}), ((2020, 1, 1, 1), {}),
                 ((), {"year": 2020, "month": 1, "day": 1, "x": 2}), ((2020, 1), {"x": 1}),
                 ((2020, 1), {"year": 1}), ((b'\x07\xe4\x01\x01',), {}), ((b'\x07\xe4\x0d\x01',), {}),
                 ((b'\x07\xe4\x01',), {}), (('\x07\xe4\x02\x03',), {}), ((True, True, True), {})]:
    show(lambda: date(*args, **kw))

d = date(2020, 2, 29)
print(d.year, d.month, d.day, repr(d), str(d), d.isoformat(), d.toordinal(), d.weekday(), d.isoweekday())
print(date.min, date.max, repr(date.resolution), date.min.toordinal(), date.max.toordinal())
show(lambda: setattr(d, "year", 3))
show(lambda: d.isoformat(1))
show(lambda: d.weekday(1))

# ordinals round-trip, weekdays and ISO calendars over many days
import sys
for o in [1, 2, 58, 59, 60, 365, 366, 730, 1461, 36524, 36525, 146096, 146097, 146098, 693594, 730119, 730120,
          737425, 3652058, 3652059]:
    x = date.fromordinal(o)
    print(o, x, x.toordinal() == o, x.weekday(), x.isocalendar(), x.ctime())
total = 0
for o in range(1, 3652059, 997):
    x = date.fromordinal(o)
    y, w, wd = x.isocalendar()
    total += x.toordinal() == o and date.fromisocalendar(y, w, wd) == x
    total += x.weekday() * 3 + w
print(total)
for y in [1, 4, 100, 400, 1582, 1900, 1999, 2000, 2001, 2004, 2015, 2020, 2021, 2026, 9998, 9999]:
    print(y, [date(y, m, 1).isocalendar()[1:] for m in (1, 12)], date(y, 12, 31).isocalendar(),
          date(y, 1, 1).timetuple()[6:8], date(y, 12, 31).timetuple()[7])
show(lambda: date.fromordinal(0))
show(lambda: date.fromordinal(-5))
show(lambda: date.fromordinal(3652060))
show(lambda: date.fromordinal(1.5))
show(lambda: date.fromordinal())
show(lambda: date.fromordinal(x=1))
show(lambda: date.fromordinal(2 ** 40))

# ISO calendar
ic = date(2020, 1, 1).isocalendar()
print(ic, ic.year, ic.week, ic.weekday, ic == (2020, 1, 3), ic[0], len(ic), tuple(ic), ic.__reduce__())
print(type(ic).__name__, type(ic).__mro__[1:], isinstance(ic, tuple))
print(type(ic)(2020, 1, 2), type(ic)(year=1, week=2, weekday=3))
show(lambda: type(ic)(2020, 1))
for args in [(2020, 1, 1), (2020, 53, 7), (2021, 53, 1), (2020, 54, 1), (2020, 0, 1), (2020, 1, 0), (2020, 1, 8),
             (10000, 1, 1), (0, 1, 1), (9999, 52, 5), (9999, 52, 7), (1, 1, 1), (2020, 1)]:
    show(lambda: date.fromisocalendar(*args))
show(lambda: date.fromisocalendar(year=2020, week=1, day=1))

# ISO format
for s in ["2020-01-01", "20200101", "2020-W01", "2020W01", "2020-W01-3", "2020W013", "2020-W53", "2020-W53-7",
          "2021-W53", "2020-W54", "2020-W00", "2020-W01-0", "2020-W01-8", "2020-W0101", "9999-W52-7", "0000-01-01",
          "2020-13-01", "2020-02-30", "2020-1-01", "2020-0101", "202001-01", "2020-01-01T", "2020-01-0x", "",
          "2020-01-01 ", "2020/01/01", "2020-01-32", "2020-00-10", "2020-01-0\u00e9", "\uff12020-01-01"]:
    show(lambda: date.fromisoformat(s))
show(lambda: date.fromisoformat(5))
show(lambda: date.fromisoformat(b"2020-01-01"))

# strftime, format, ctime, timetuple
d = date(2002, 3, 11)
print(d.ctime(), date(2020, 12, 25).ctime(), d.timetuple())
for f in ["%Y-%m-%d", "%A %a %B %b %j %U %W %w %y", "%z|%Z|%f|%%z|%%f|%", "%H:%M:%S", "x%%%", "", "%", "%%%f",
          "%e\u00e9\u20ac%Y"]:
    print(repr(d.strftime(f)), repr(format(d, f)), repr(f"{d:{f}}"))
show(lambda: d.strftime(5))
show(lambda: d.strftime())
print(d.strftime(format="%Y"))
show(lambda: format(d, 5))
show(lambda: d.__format__())
show(lambda: d.ctime(1))

# arithmetic
for f in [lambda: d + T(1), lambda: T(-1) + d, lambda: d - T(10), lambda: d + T(seconds=86399),
          lambda: d - T(seconds=1), lambda: d + T(365 * 100), lambda: d - date(2001, 1, 1),
          lambda: date(2001, 1, 1) - d, lambda: date.max + T(1), lambda: date.min - T(1), lambda: date.max - date.min,
          lambda: date.min + T.max, lambda: d + 1, lambda: d - 1, lambda: 1 - d, lambda: d * 2, lambda: T(1) - d,
          lambda: d + d, lambda: date(2020, 1, 31) + T(30), lambda: date(2020, 2, 29) + T(366)]:
    show(f)

# comparisons and hashing
ds = [date(2020, 1, 1), date(2020, 1, 2), date(2020, 2, 1), date(2021, 1, 1), date(2019, 12, 31)]
for a in ds:
    print([(a < b, a <= b, a == b, a != b, a > b, a >= b) for b in ds])
print(date(2020, 1, 1) == 1, date(2020, 1, 1) != "x", hash(date(2020, 1, 1)) == hash(date(2020, 1, 1)),
      len({date(2020, 1, 1), date(2020, 1, 1) + T(0), date.fromordinal(date(2020, 1, 1).toordinal())}))
show(lambda: date(2020, 1, 1) < 1)
show(lambda: date(2020, 1, 1) >= T(1))

# replace
for args, kw in [((), {}), ((2021,), {}), ((2021, 3), {}), ((), {"day": 30}), ((), {"month": 2, "day": 30}),
                 ((2020, 2, 3, 4), {}), ((), {"yea": 3}), ((2020,), {"year": 1}), ((), {"day": 2.0})]:
    show(lambda: date(2020, 1, 31).replace(*args, **kw))

# pickling support
for x in [date(2020, 1, 1), date.min, date.max, date(300, 7, 9)]:
    r = x.__reduce__()
    print(r, r[0](*r[1]) == x, x.__reduce_ex__(2) == r)


class Sub(date):
    def __new__(cls, y, m, d, extra=0):
        self = date.__new__(cls, y, m, d)
        self.extra = extra
        return self

    def isoformat(self):
        return "Sub!" + date.isoformat(self)


s = Sub(2020, 5, 17, 3)
print(type(s).__name__, repr(s), str(s), s.extra, s == date(2020, 5, 17), hash(s) == hash(date(2020, 5, 17)))
for f in [lambda: s + T(1), lambda: s - T(1), lambda: s - date(2020, 1, 1), lambda: Sub.fromordinal(5),
          lambda: Sub.fromisoformat("2021-02-03"), lambda: Sub.fromisocalendar(2020, 3, 4), lambda: s.replace(day=1),
          lambda: s.__reduce__(), lambda: format(s, ""), lambda: type(Sub.today()).__name__,
          lambda: type(date.today()).__name__, lambda: date.today() == date.fromtimestamp(__import__("time").time())]:
    r = f()
    print(type(r).__name__, repr(r), getattr(r, "extra", None))
print(date.fromtimestamp(0) in (date(1970, 1, 1), date(1969, 12, 31)), date.fromtimestamp(86400 * 365.5).year)
for v in [1e20, 1e12, -1e12, float("nan"), float("inf"), "x", 10 ** 30, None]:
    show(lambda: date.fromtimestamp(v))
show(lambda: date.fromtimestamp())
show(lambda: date.today(1))

# the format is read as a C string: it ends at an embedded NUL; surrogates cannot be encoded
print(repr(date(2020, 1, 1).strftime("a\0b%Y")), repr(format(date(2020, 1, 1), "%d\0%m")))
show(lambda: date(2020, 1, 1).strftime("\ud800%Y"))
