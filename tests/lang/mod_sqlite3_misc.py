# sqlite3: iterdump, backup, blobs, serialize/deserialize, limits, cursor iteration details and Row.
import sqlite3

con = sqlite3.connect(":memory:")
con.executescript("""
    create table people(id integer primary key, name text not null, photo blob);
    create index people_name on people(name);
    create view v as select name from people;
    insert into people(name, photo) values ('ann', x'0102'), ('o''brien', null), ('z', zeroblob(4));
""")
for line in con.iterdump():
    print(line)

dst = sqlite3.connect(":memory:")
progress = []
con.backup(dst, pages=1, progress=lambda status, remaining, total: progress.append((status, remaining, total)))
print(dst.execute("select * from people").fetchall(), len(progress) >= 1, progress[-1][1])
dst2 = sqlite3.connect(":memory:")
con.backup(dst2)
print(dst2.execute("select count(*) from people").fetchone())

blob = con.blobopen("people", "photo", 3)
print(len(blob), blob.read(), blob.tell())
blob.seek(0)
blob.write(b"ab")
blob.seek(-1, 2)
print(blob.tell(), blob.read(5), blob[0], blob[1:3], blob[-1])
blob[0] = 0x41
blob[2:4] = b"YZ"
blob.close()
print(con.execute("select photo from people where id = 3").fetchone())
with con.blobopen("people", "photo", 1, readonly=True) as b:
    print(b.read(1), b.read())
    for src in ("b.write(b'x')", "b[0]", "b[5]", "b[0] = 300", "b.seek(10)", "b[0:1] = b'xy'"):
        try:
            print(eval(src) if "=" not in src else exec(src))
        except Exception as e:
            print(type(e).__name__, e)
try:
    blob.read()
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)

data = con.serialize()
print(type(data).__name__, data[:16])
mem = sqlite3.connect(":memory:")
mem.deserialize(data)
print(mem.execute("select name from people order by id").fetchall())
try:
    mem.deserialize(b"not a database")
    mem.execute("select 1 from sqlite_master").fetchall()
except sqlite3.DatabaseError as e:
    print("DatabaseError", e)

print(con.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) > 0)
old = con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 100)
print(con.getlimit(sqlite3.SQLITE_LIMIT_LENGTH), old > 100)
try:
    con.execute("select ?", ("x" * 200,))
except sqlite3.DataError as e:
    print("DataError", e)
con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, old)

cur = con.execute("select id, name from people order by id")
print(iter(cur) is cur, next(cur), list(cur), list(cur))
try:
    next(cur)
except StopIteration:
    print("StopIteration")
cur = con.cursor()
print(cur.fetchone(), cur.fetchall(), cur.description)
cur.execute("select name from people where id = -1")
print(cur.description, cur.fetchall())
con.interrupt()
print(con.execute("select 1").fetchone())
print(sqlite3.SQLITE_OK, sqlite3.SQLITE_DENY, sqlite3.SQLITE_IGNORE, sqlite3.SQLITE_SELECT, sqlite3.SQLITE_CONSTRAINT_UNIQUE)
print(isinstance(sqlite3.Row, type), issubclass(sqlite3.Row, object), sqlite3.Row.__module__)
from collections.abc import Sequence
con.row_factory = sqlite3.Row
r = con.execute("select 1 as a, 2 as b").fetchone()
print(isinstance(r, Sequence), r != (1, 2), r == r, 2 in r, list(reversed(r)), r.keys())
con.close()
con.close()
