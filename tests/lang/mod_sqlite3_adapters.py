# sqlite3 adapters and converters: register_adapter/register_converter, __conform__, PARSE_DECLTYPES/COLNAMES, dates.
import datetime
import sqlite3

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

def adapt_point(p):
    return "%s;%s" % (p.x, p.y)
def convert_point(b):
    x, y = map(float, b.split(b";"))
    return Point(x, y)

sqlite3.register_adapter(Point, adapt_point)
sqlite3.register_converter("point", convert_point)
sqlite3.register_converter("Upper", lambda b: b.decode().upper())

con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
con.execute("create table t(p point, d date, ts timestamp, u upper, n number(10), plain)")
con.execute("insert into t values (?, ?, ?, ?, ?, ?)",
            (Point(1, 2.5), datetime.date(2020, 2, 29), datetime.datetime(2021, 3, 4, 5, 6, 7, 890),
             "shout", 12, Point(3, 4)))
con.execute("insert into t values (null, '1999-12-31', '2000-01-01 00:00:00', 'x', 1.5, null)")
for row in con.execute("select * from t"):
    print(row)
print(con.execute("select p as \"p [upper]\", plain as \"plain [point]\", u as \"u [unknown]\" from t").fetchall())
print(con.execute('select 1 as "x [point]"').description)
print(con.execute("select '7;8' as \"pt [POINT]\"").fetchone())

con2 = sqlite3.connect(":memory:")
con2.execute("create table t(p point, d date)")
con2.execute("insert into t values (?, ?)", (Point(5, 6), datetime.date(2001, 2, 3)))
print(con2.execute("select * from t").fetchone())

class Conforming:
    def __conform__(self, protocol):
        if protocol is sqlite3.PrepareProtocol:
            return "conformed"
print(con2.execute("select ?", (Conforming(),)).fetchone())
print(sqlite3.adapt(Point(0, 1)), sqlite3.adapt(5, sqlite3.PrepareProtocol, 6), sqlite3.adapt(Conforming()), sqlite3.adapt("s", sqlite3.PrepareProtocol, None))
print(sqlite3.adapt(object(), sqlite3.PrepareProtocol, "alt"))

# Adapting the base types is honoured once an adapter for one is registered.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return "%d.%02d" % divmod(self.cents, 100)
sqlite3.register_adapter(Money, str)
print(con2.execute("select ?, typeof(?)", (Money(110), Money(200))).fetchone())
sqlite3.register_adapter(bool, lambda b: "yes" if b else "no")
print(con2.execute("select ?, ?", (True, 1)).fetchone())
print(sorted(k[0].__name__ for k in sqlite3.adapters), sorted(sqlite3.converters))
print(sqlite3.PrepareProtocol.__name__, sqlite3.PrepareProtocol.__module__, type(sqlite3.PrepareProtocol()).__name__)

# A converter that raises propagates; converters get bytes, NULL is not converted.
sqlite3.register_converter("bad", lambda b: 1 / 0)
con3 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
con3.execute("create table b(x bad, y blob)")
con3.execute("insert into b values (1, x'00ff')")
con3.execute("insert into b values (null, null)")
try:
    con3.execute("select x from b").fetchall()
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(con3.execute("select x from b where x is null").fetchall(), con3.execute("select y from b").fetchall())
print(bytes(sqlite3.Binary(b"ab")), sqlite3.Date(2000, 1, 2), sqlite3.Time(3, 4), sqlite3.Timestamp(2000, 1, 2, 3, 4))
