# sqlite3 corner cases: shared statements, subclasses, custom parameter containers, threads, dropped cursors, big values.
import gc
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("create table t(x)")
con.executemany("insert into t values (?)", [(i,) for i in range(10)])

# Two cursors running the same SQL text at once get separate statements.
a = con.execute("select x from t order by x")
b = con.execute("select x from t order by x")
print(a.fetchone(), b.fetchone(), a.fetchone(), b.fetchmany(3), a.fetchall()[-1], b.fetchone())

# Re-executing a cursor mid-iteration starts over.
c = con.execute("select x from t")
c.fetchone()
c.execute("select x * 10 from t where x < 3")
print(c.fetchall())

# Parameter containers: tuple/list subclasses, custom sequences, dict subclasses, mappings.
class Seq:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        if i >= 2:
            raise IndexError(i)
        return i * 100
class D(dict):
    def __missing__(self, key):
        return "missing:" + key
class M:
    def __getitem__(self, key):
        return key.upper()
    def keys(self):
        return ["a"]
print(con.execute("select ?, ?", Seq()).fetchone())
print(con.execute("select ?, ?", type("T", (tuple,), {})((1, 2))).fetchone())
print(con.execute("select :a, :b", D(a=1)).fetchone())
try:
    print(con.execute("select :a", M()).fetchone())
except TypeError as e:
    print("TypeError", e)
print(con.execute("select ?", "x").fetchone())
try:
    con.executemany("insert into t values (?)", ((1,), (2,), None))
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
def gen():
    yield (100,)
    raise KeyError("from generator")
try:
    con.executemany("insert into t values (?)", gen())
except KeyError as e:
    print("KeyError", e)
print(con.execute("select count(*) from t").fetchone())

# Subclasses of Connection, Cursor and Row.
class MyCursor(sqlite3.Cursor):
    def first(self):
        return self.fetchone()[0]
class MyConnection(sqlite3.Connection):
    def cursor(self, factory=MyCursor):
        return super().cursor(factory)
class MyRow(sqlite3.Row):
    def total(self):
        return sum(self)
mc = sqlite3.connect(":memory:", factory=MyConnection)
print(type(mc).__name__, type(mc.cursor()).__name__, mc.cursor().execute("select 7").first())
mc.row_factory = MyRow
r = mc.execute("select 1 as a, 2 as b").fetchone()
print(type(r).__name__, r.total(), r["B"], isinstance(r, sqlite3.Row))
print(type(mc.execute("select 1")).__name__)

# Dropping cursors in the middle of an aggregate query, then collecting.
class Count:
    def __init__(self):
        self.n = 0
    def step(self, v):
        self.n += 1
    def finalize(self):
        return self.n
con.create_aggregate("cnt", 1, Count)
for i in range(5):
    cur = con.execute("select x % 3, cnt(x) from t group by x % 3")
    cur.fetchone()
    del cur
gc.collect()
print(con.execute("select cnt(x) from t").fetchone())

# Large values round-trip.
big_text = "\u00e9" * 100000
big_blob = bytes(range(256)) * 1000
print([len(v) for v in con.execute("select ?, ?", (big_text, big_blob)).fetchone()])
print(con.execute("select length(?), length(?)", (big_text, big_blob)).fetchone())
print(con.execute("select 1e308 * 10, -1e308 * 10, 0.1 + 0.2").fetchone())

# Statement cache limits and many distinct statements.
small = sqlite3.connect(":memory:", cached_statements=2)
print(sum(small.execute("select %d" % i).fetchone()[0] for i in range(50)))
nocache = sqlite3.connect(":memory:", cached_statements=0)
print(nocache.execute("select 5").fetchone(), nocache.execute("select 5").fetchone())

# Closing a connection with live cursors and blobs.
cl = sqlite3.connect(":memory:")
cl.execute("create table b(x blob)")
cl.execute("insert into b values (zeroblob(3))")
cur = cl.execute("select 1 union select 2")
blob = cl.blobopen("b", "x", 1)
cl.close()
for f in (cur.fetchone, blob.read, lambda: len(blob)):
    try:
        f()
    except sqlite3.ProgrammingError as e:
        print("ProgrammingError", e)
del cur, blob, cl
gc.collect()
print("done")
