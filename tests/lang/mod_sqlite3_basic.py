# sqlite3 over _sqlite3 (libsqlite3): execute, parameters, fetching, description, rowcount, lastrowid, types, rows.
import sqlite3

con = sqlite3.connect(":memory:")
cur = con.cursor()
print(type(con).__name__, type(cur).__name__, cur.connection is con, cur.arraysize, cur.rowcount, cur.lastrowid,
      cur.description)
r = cur.execute("create table t(id integer primary key, name text, score real, data blob, extra)")
print(r is cur, cur.description, cur.rowcount, cur.lastrowid)
cur.execute("insert into t(name, score, data) values (?, ?, ?)", ("alice", 9.5, b"\x00\x01"))
print(cur.rowcount, cur.lastrowid, con.total_changes)
cur.executemany("insert into t(name, score, extra) values (?, ?, ?)",
                [("bob", 7, None), ("carol", -1.25, 2 ** 62), ("dave", 0, "x" * 3)])
print(cur.rowcount, cur.lastrowid, con.total_changes)
cur.execute("insert into t(name, score) values (:n, :s)", {"n": "eve", "s": 3.0})
cur.execute("insert into t(name) values ($n)", {"n": "frank"})
cur.execute("insert into t(name, extra) values (?1, ?1 || ?2)", ("gina", "!"))
cur.executemany("insert into t(name) values (:name)", ({"name": n} for n in ("h1", "h2")))
print(cur.rowcount, cur.lastrowid)

cur.execute("select * from t order by id")
print(cur.description)
print(cur.fetchone())
print(cur.fetchmany())
print(cur.fetchmany(2))
cur.arraysize = 3
print(cur.fetchmany())
print(cur.fetchall())
print(cur.fetchone(), cur.fetchall(), cur.fetchmany())
print(cur.rowcount)

for row in con.execute("select id, name from t where id > ? and id < ?", [2, 5]):
    print(row)
print(list(con.execute("select typeof(1), typeof(1.5), typeof('a'), typeof(x'00'), typeof(null)")))
print(con.execute("select 1, 2.5, 'text', x'ff00', null, 9223372036854775807, -9223372036854775808").fetchone())
print(con.execute("select ?, ?, ?, ?, ?, ?", (True, 1 << 63 - 1, bytearray(b"ba"), memoryview(b"mv"), -0.0,
                                               "\u00e9\u4e2d\U0001f600")).fetchone())
print(con.execute("select ? || ?", ("a\0b", "c")).fetchone(), len(con.execute("select ?", ("a\0b",)).fetchone()[0]))
print(con.execute("select 'line1\nline2' as multi, 3 as \"quoted name\"").description)
print(con.execute("select count(*), sum(score), avg(score), max(name) from t").fetchone())
print(con.execute("update t set score = score + 1 where score is not null").rowcount)
print(con.execute("delete from t where name like 'h%'").rowcount)
print(con.execute("select 1").rowcount, con.execute("select * from t").rowcount)
print(con.execute("insert into t(name) values ('ret') returning id, name").fetchall())

# text_factory
con.text_factory = bytes
print(con.execute("select name from t where id = 1").fetchone())
con.text_factory = lambda b: b.decode().upper()
print(con.execute("select name from t where id = 2").fetchone())
con.text_factory = str
print(con.execute("select name from t where id = 3").fetchone())

# row_factory: sqlite3.Row and callables.
con.row_factory = sqlite3.Row
row = con.execute("select id, name as Name, score from t where id = 1").fetchone()
print(type(row).__name__, len(row), row[0], row["name"], row["NAME"], row[-1], row[1:], tuple(row), row.keys())
print(row == con.execute("select id, name as Name, score from t where id = 1").fetchone(), list(row))
print(hash(row) == hash(con.execute("select id, name as Name, score from t where id = 1").fetchone()))
for bad in ("nope", 5, 1.5):
    try:
        row[bad]
    except Exception as e:
        print(type(e).__name__, e)
con.row_factory = lambda cursor, r: dict(zip([d[0] for d in cursor.description], r))
print(con.execute("select id, name from t where id < 3").fetchall())
c2 = con.cursor()
c2.row_factory = lambda cursor, r: r[::-1]
print(c2.execute("select id, name from t where id = 1").fetchone(), con.row_factory is not None)
con.row_factory = None

# Cursors are independent; re-executing resets.
a = con.execute("select id from t order by id")
b = con.execute("select id from t order by id desc")
print(a.fetchone(), b.fetchone(), a.fetchone(), b.fetchone())
a.execute("select 42")
print(a.fetchall(), b.fetchone())
print(con.execute("select ?", (None,)).fetchone(), con.execute("select :x", {"x": 1, "unused": 2}).fetchone())
cur.setinputsizes([1])
cur.setoutputsize(1, 2)
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"),
      sqlite3.complete_statement("create trigger x after insert on t begin select 1; end;"))
print(sqlite3.paramstyle, sqlite3.apilevel, sqlite3.threadsafety, isinstance(sqlite3.version_info, tuple),
      sqlite3.sqlite_version_info >= (3, 0, 0))
con.close()
