# sqlite3 callbacks into Python: functions, aggregates, window functions, collations, authorizer, progress, trace.
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("create table t(name, n)")
con.executemany("insert into t values (?, ?)", [("b", 2), ("a", 1), ("C", 3), ("d", None), ("e", 5)])

con.create_function("double", 1, lambda x: None if x is None else x * 2)
con.create_function("kinds", -1, lambda *a: ",".join(type(x).__name__ for x in a))
con.create_function("const", 0, lambda: 42, deterministic=True)
con.create_function("blobby", 1, lambda x: bytes(x, "ascii") * 2)
con.create_function("ratio", 2, lambda a, b: a / b)
con.create_function("huge", 0, lambda: 2 ** 70)
con.create_function("weird", 0, lambda: object())
con.create_function("boom", 0, lambda: 1 / 0)
print(con.execute("select double(n), double(name) from t order by n").fetchall())
print(con.execute("select kinds(1, 2.5, 'x', x'00', null), kinds(), const()").fetchone())
print(con.execute("select blobby('ab'), ratio(7, 2), typeof(ratio(1, 3))").fetchone())
for q in ("select huge()", "select weird()", "select boom()", "select double(1, 2)", "select nosuch(1)"):
    try:
        print(con.execute(q).fetchone())
    except Exception as e:
        print(type(e).__name__, e)
con.create_function("double", 1, None)
try:
    con.execute("select double(1)")
except sqlite3.OperationalError as e:
    print("OperationalError", e)

class Concat:
    def __init__(self):
        self.parts = []
    def step(self, value, sep=","):
        if value is not None:
            self.parts.append(str(value))
        self.sep = sep
    def finalize(self):
        return self.sep.join(sorted(self.parts)) if self.parts else None
con.create_aggregate("concat", 1, Concat)
con.create_aggregate("concat", 2, Concat)
print(con.execute("select concat(name), concat(n, '|') from t").fetchone())
print(con.execute("select concat(name) from t where 0").fetchone())
print(con.execute("select n > 2, concat(name) from t group by n > 2 order by 1").fetchall())

class BadInit:
    def __init__(self):
        raise ValueError
class BadStep:
    def step(self, x):
        raise ValueError
    def finalize(self):
        return 1
class BadFinal:
    def step(self, x):
        pass
    def finalize(self):
        raise ValueError
class NoStep:
    pass
for cls in (BadInit, BadStep, BadFinal, NoStep):
    con.create_aggregate(cls.__name__.lower(), 1, cls)
    try:
        print(con.execute("select %s(n) from t" % cls.__name__.lower()).fetchone())
    except Exception as e:
        print(type(e).__name__, e)

class WindowSum:
    def __init__(self):
        self.total = 0
    def step(self, v):
        self.total += v or 0
    def inverse(self, v):
        self.total -= v or 0
    def value(self):
        return self.total
    def finalize(self):
        return self.total
con.create_window_function("wsum", 1, WindowSum)
print(con.execute("select name, wsum(n) over (order by name rows between 1 preceding and 1 following) "
                  "from t order by name").fetchall())
print(con.execute("select wsum(n) from t").fetchone())

con.create_collation("reverse", lambda a, b: (a < b) - (a > b))
con.create_collation("nocase_py", lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))
print(con.execute("select name from t order by name collate reverse").fetchall())
print(con.execute("select name from t order by name collate nocase_py").fetchall())
con.create_collation("reverse", None)
try:
    con.execute("select name from t order by name collate reverse")
except sqlite3.OperationalError as e:
    print("OperationalError", e)

log = []
def authorizer(action, arg1, arg2, dbname, source):
    log.append((action, arg1, arg2, dbname, source))
    if arg2 == "secret":
        return sqlite3.SQLITE_DENY
    if arg2 == "hidden":
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_OK
con.execute("create table s(secret, hidden, plain)")
con.execute("insert into s values (1, 2, 3)")
con.set_authorizer(authorizer)
print(con.execute("select hidden, plain from s").fetchall())
try:
    con.execute("select secret from s")
except sqlite3.DatabaseError as e:
    print(type(e).__name__, e)
print(sorted(set(log)))
con.set_authorizer(None)
print(con.execute("select secret from s").fetchall())

calls = []
con.set_progress_handler(lambda: calls.append(1), 1)
con.execute("select count(*) from t, t as t2").fetchone()
print(len(calls) > 0)
con.set_progress_handler(lambda: 1, 1)
try:
    con.execute("select count(*) from t, t as t2").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError", e)
con.set_progress_handler(None, 1)

traced = []
con.set_trace_callback(traced.append)
con.execute("select ?, ?", (1, "two"))
con.set_trace_callback(None)
con.execute("select 3")
print(traced)

sqlite3.enable_callback_tracebacks(False)
print(con.execute("select 1").fetchone())
