# timedelta in C: normalisation, floats, arithmetic, repr/str, hashing, errors, __reduce__.
try:
    import _datetime_c as D
except ImportError:
    import _datetime as D

T = D.timedelta


def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)


# construction and normalisation
for args, kw in [((), {}), ((1,), {}), ((0, 1), {}), ((0, 0, 1), {}), ((-1,), {}), ((0, -1), {}),
                 ((0, 0, -1), {}), ((1, 2, 3, 4, 5, 6, 7), {}), ((), {"weeks": 2, "hours": -3}),
                 ((), {"minutes": 61, "seconds": 3601, "milliseconds": 1001}),
                 ((0, 86400 * 3 + 5), {}), ((0, 0, 10 ** 6 * 90061 + 7), {}),
                 ((True, False), {}), ((2 ** 40,), {"days": 0} if False else {}),
                 ((0, 0, 2 ** 70 // 2 ** 10), {})]:
    show(lambda: T(*args, **kw))

# floats and their rounding
for kw in [{"days": 0.5}, {"seconds": 1.5}, {"microseconds": 0.5}, {"microseconds": 1.5},
           {"microseconds": 2.5}, {"microseconds": -0.5}, {"microseconds": -1.5},
           {"seconds": 1e-7}, {"milliseconds": 0.0015}, {"hours": 1.1, "minutes": -2.2},
           {"weeks": 1.2345678, "days": -0.3333}, {"days": 1e-300}, {"days": 1 / 3},
           {"seconds": 0.1, "microseconds": 0.4, "milliseconds": 0.0001},
           {"days": -1.999999999}, {"microseconds": 999999.5}]:
    show(lambda: T(**kw))

# out of range and bad values
for args, kw in [((1000000000,), {}), ((-1000000000,), {}), ((999999999, 86400), {}),
                 ((10 ** 10,), {}), ((10 ** 30,), {}), ((1e300,), {}), ((float("inf"),), {}),
                 ((float("nan"),), {}), ((0, 0, 10 ** 25), {}), ((0, 0, -10 ** 25), {}),
                 (("1",), {}), ((None,), {}), ((), {"hours": "x"}), ((), {"x": 1}),
                 ((1, 2, 3, 4, 5, 6, 7, 8), {}), ((1,), {"days": 2}), ((0, 0, 10 ** 25, -10 ** 25 + 5), {})]:
    show(lambda: T(*args, **kw))

# attributes and class constants
t = T(1, 2, 3)
print(t.days, t.seconds, t.microseconds, T.min, T.max, T.resolution, repr(T.min), repr(T.max))
show(lambda: setattr(t, "days", 3))
print(T(-1, 5).total_seconds(), T.max.total_seconds(), T.min.total_seconds(), T(0, 0, 1).total_seconds(),
      T(123, 4567, 891011).total_seconds())

# repr and str
for v in [T(), T(1), T(-1), T(2), T(-2), T(0, 59), T(0, 3600), T(0, 0, 5), T(1, 1, 1), T(-1, 0, 1), T(0, 86399, 999999),
          T.max, T.min]:
    print(repr(v), str(v), bool(v))

# arithmetic
a, b = T(1, 30, 500), T(-2, 100, 999999)
for name, f in [("a+b", lambda: a + b), ("a-b", lambda: a - b), ("-a", lambda: -a), ("+b", lambda: +b),
                ("abs(b)", lambda: abs(b)), ("abs(a)", lambda: abs(a)), ("a*3", lambda: a * 3),
                ("-3*a", lambda: -3 * a), ("a*0", lambda: a * 0), ("a*10**20", lambda: a * 10 ** 20),
                ("a*2**70//2**70", lambda: (a * (2 ** 70 // 2 ** 69)) * 1), ("a*1.5", lambda: a * 1.5),
                ("0.1*a", lambda: 0.1 * a), ("a*-2.75", lambda: a * -2.75), ("a*1e-300", lambda: a * 1e-300),
                ("a*1e300", lambda: a * 1e300), ("a*inf", lambda: a * float("inf")),
                ("a*nan", lambda: a * float("nan")), ("a/b", lambda: a / b), ("b/a", lambda: b / a),
                ("a/3", lambda: a / 3), ("a/-7", lambda: a / -7), ("a/2.5", lambda: a / 2.5),
                ("a/0.3", lambda: a / 0.3), ("a/0", lambda: a / 0), ("a/0.0", lambda: a / 0.0),
                ("a/T()", lambda: a / T()), ("a//T()", lambda: a // T()), ("a%T()", lambda: a % T()),
                ("divmod0", lambda: divmod(a, T())), ("a//0", lambda: a // 0), ("a//b", lambda: a // b),
                ("b//a", lambda: b // a), ("a//7", lambda: a // 7), ("b//7", lambda: b // 7),
                ("a%b", lambda: a % b), ("b%a", lambda: b % a), ("divmod(a,b)", lambda: divmod(a, b)),
                ("divmod(b,a)", lambda: divmod(b, a)), ("a//10**30", lambda: a // 10 ** 30),
                ("a/10**30", lambda: a / 10 ** 30), ("max/max", lambda: T.max / T.max),
                ("max/res", lambda: T.max / T.resolution), ("max//res", lambda: T.max // T.resolution),
                ("max+res", lambda: T.max + T.resolution), ("min-res", lambda: T.min - T.resolution),
                ("-min", lambda: -T.min), ("max*2", lambda: T.max * 2), ("max/0.5", lambda: T.max / 0.5),
                ("a+1", lambda: a + 1), ("1-a", lambda: 1 - a), ("a*a", lambda: a * a), ("a@a", lambda: a @ a),
                ("a/'x'", lambda: a / "x"), ("3/a", lambda: 3 / a), ("3//a", lambda: 3 // a),
                ("a%3", lambda: a % 3), ("divmod(a,3)", lambda: divmod(a, 3)), ("a*None", lambda: a * None),
                ("a**2", lambda: a ** 2), ("a*True", lambda: a * True), ("a/1.0", lambda: a / 1.0)]:
    print(name, end=": ")
    show(f)

x = T(3)
x += T(0, 5)
x *= 2
x //= 3
print(repr(x))

# comparisons, equality and hashing
vals = [T(0), T(0, 0, 1), T(0, 1), T(1), T(-1), T(-1, 86399, 999999), T(seconds=-1, microseconds=0.0)]
for p in vals:
    print([(p < q, p <= q, p == q, p != q, p > q, p >= q) for q in vals[:3]])
print(T(1) == 1, T(1) != 1, T(0) == 0, T(1) == None, T(days=1) == T(hours=24))
show(lambda: T(1) < 1)
show(lambda: T(1) >= "x")
print(hash(T(1)) == hash(T(hours=24)), hash(T(0, 1, 2)) == hash((0, 1, 2)), hash(T()) == hash((0, 0, 0)))
print(len({T(1), T(hours=24), T(0, 86400), T(2)}), {T(1): "a"}[T(minutes=1440)])

# pickling support
for v in [T(), T(1, 2, 3), T.min, T.max]:
    print(v.__reduce__())
    cls, args = v.__reduce__()
    print(cls(*args) == v)


class Sub(T):
    def extra(self):
        return self.days * 2


s = Sub(2, 3)
print(type(s).__name__, s.extra(), repr(s), str(s), s == T(2, 3), hash(s) == hash(T(2, 3)))
print(type(s + s).__name__, type(-s).__name__, type(s * 2).__name__, type(abs(s)).__name__, type(+s).__name__)
print(s.__reduce__()[0] is Sub, s.__reduce__()[1])
s.attr = 5
print(s.attr, T.__new__(Sub, 1).extra(), isinstance(T.__new__(T, 5), T))
print(type(T(1)).__module__, type(T(1)).__name__, T.__name__)
show(lambda: setattr(T(1), "x", 1))


class Long(T):
    pass


Long.__name__ = "L" * 300
print(repr(Long(1, 2, 3)) == "L" * 300 + "(days=1, seconds=2, microseconds=3)", repr(Long())[-5:])
