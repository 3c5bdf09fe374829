# sqlite3 exceptions: the hierarchy, error codes and names, and CPython 3.11's messages for misuse.
import sqlite3

for name in ("Warning", "Error", "InterfaceError", "DatabaseError", "DataError", "OperationalError", "IntegrityError",
             "InternalError", "ProgrammingError", "NotSupportedError"):
    cls = getattr(sqlite3, name)
    print(name, cls.__module__, [b.__name__ for b in cls.__mro__[1:-2]], getattr(sqlite3.Connection, name) is cls)

con = sqlite3.connect(":memory:")
con.execute("create table t(a integer primary key, b text unique not null, c check (c > 0))")
con.execute("insert into t values (1, 'x', 1)")
cases = [
    "con.execute('selec 1')", "con.execute('select * from missing')", "con.execute('select nope')",
    "con.execute('insert into t values (1, \"y\", 1)')", "con.execute('insert into t values (2, \"x\", 1)')",
    "con.execute('insert into t(a, c) values (3, 1)')", "con.execute('insert into t values (4, \"z\", -1)')",
    "con.execute('select ?', (1, 2))", "con.execute('select ?, ?', (1,))", "con.execute('select ?', 5)",
    "con.execute('select :a', {'b': 1})", "con.execute('select ?', {'a': 1})", "con.execute('select ?', (object(),))",
    "con.execute('select ?', ([1],))", "con.execute('select ?', (2 ** 63,))", "con.execute('select ?', ('\\ud800',))",
    "con.execute(5)", "con.execute()", "con.execute('select 1', (), ())", "con.execute('select 1; select 2')",
    "con.execute('')", "con.execute('  -- comment only')", "con.execute('select 1\\0')",
    "con.executemany('select ?', [(1,)])", "con.executemany('insert into t(b, c) values (?, 1)', 5)",
    "con.executemany('insert into t(b, c) values (?, 1)', [('p',), ('p',)])", "con.executescript(5)",
    "con.executescript('create table u(x); selec')", "con.cursor(5)", "con.cursor(factory=5)",
    "sqlite3.connect(5)", "sqlite3.connect(':memory:', timeout='x')", "sqlite3.connect(':memory:', isolation_level='BAD')",
    "sqlite3.connect(':memory:', isolation_level=5)", "sqlite3.connect(':memory:', detect_types='x')",
    "sqlite3.connect(':memory:', bad=1)", "sqlite3.connect('/nonexistent/dir/x.db')",
    "setattr(con, 'isolation_level', 'nope')", "setattr(con, 'isolation_level', 1)", "delattr(con, 'isolation_level')",
    "setattr(con, 'total_changes', 1)", "setattr(con, 'in_transaction', 1)", "setattr(con.cursor(), 'arraysize', 'x')",
    "setattr(con.cursor(), 'rowcount', 1)", "con.cursor().fetchmany('x')", "con.cursor().fetchmany(size=-1)",
    "con.create_function('f', -2, len)", "con.create_function(1, 1, len)", "con.create_function('f', 'x', len)",
    "con.create_collation('c', 5)", "con.create_collation(5, len)", "con.create_aggregate('a', 1, 5)",
    "con.getlimit(999)", "con.setlimit(999, 1)",
    "sqlite3.register_adapter(int)", "sqlite3.register_converter(5, len)", "sqlite3.adapt(object())",
    "sqlite3.adapt(1, 2, 3)", "sqlite3.Row(1, 2)", "sqlite3.Row(con.cursor(), [1])", 
    "sqlite3.complete_statement(5)", "sqlite3.enable_callback_tracebacks('x')", "sqlite3.PrepareProtocol(1)",
    "con.blobopen('t', 'b', 99)", "con.blobopen('missing', 'b', 1)", "con.execute('pragma nope').fetchall()",
    "con.execute('select 1').fetchall()[0][5]", "con.commit(1)", "con.close(1)", "con.interrupt(1)",
    "con.backup(5)", "con.backup(con)", "con.iterdump(1)", "con.serialize(name=5)",
]
for src in cases:
    try:
        r = eval(src)
        print(src, "->", type(r).__name__)
    except Exception as e:
        print(src, "->", type(e).__name__, e)

try:
    con.execute("insert into t values (1, 'dup', 1)")
except sqlite3.IntegrityError as e:
    print(e.sqlite_errorcode, e.sqlite_errorname, e.args)
try:
    con.execute("selec")
except sqlite3.OperationalError as e:
    print(e.sqlite_errorcode, e.sqlite_errorname)

cur = con.cursor()
cur.close()
c2 = sqlite3.connect(":memory:")
c2.close()
for src in ("cur.execute('select 1')", "cur.fetchone()", "cur.fetchall()", "cur.close()", "c2.execute('select 1')",
            "c2.cursor()", "c2.commit()", "c2.rollback()", "c2.close()", "c2.total_changes", "c2.in_transaction",
            "c2.create_function('f', 1, len)", "c2.isolation_level", "c2.row_factory", "c2.iterdump()",
            "con.cursor(factory=lambda c: 5)", "next(iter(cur))"):
    try:
        r = eval(src)
        print(src, "->", r if r is None or isinstance(r, (int, str)) else type(r).__name__)
    except Exception as e:
        print(src, "->", type(e).__name__, e)

class BadCursor(sqlite3.Cursor):
    def __init__(self, con):
        pass
class BadConnection(sqlite3.Connection):
    def __init__(self, *a, **k):
        pass
for src in ("BadCursor(con).execute('select 1')", "BadConnection(':memory:').execute('select 1')",
            "BadConnection(':memory:').cursor()", "con.cursor(BadCursor).fetchone()"):
    try:
        print(src, "->", eval(src))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
