# sqlite3 transaction control: isolation_level, implicit BEGIN before DML, commit/rollback, in_transaction, context manager.
import sqlite3

statements = []
con = sqlite3.connect(":memory:")
con.set_trace_callback(statements.append)
print(repr(con.isolation_level), con.in_transaction, con.total_changes)
con.execute("create table t(x)")
print(con.in_transaction)
con.execute("insert into t values (1)")
print(con.in_transaction, con.total_changes)
con.execute("select * from t").fetchall()
con.commit()
print(con.in_transaction)
con.execute("insert into t values (2)")
con.rollback()
print(con.execute("select * from t").fetchall(), con.in_transaction)
con.execute("update t set x = x + 10")
con.commit()
con.commit()
con.rollback()
print(statements)

for level in (None, "DEFERRED", "immediate", "Exclusive", ""):
    statements.clear()
    con.isolation_level = level
    con.execute("insert into t values (3)")
    print(repr(level), repr(con.isolation_level), con.in_transaction, statements)
    con.commit()
con.isolation_level = ""

# Explicit transactions with autocommit off.
con.isolation_level = None
con.execute("begin")
print(con.in_transaction)
con.execute("insert into t values (4)")
con.execute("rollback")
print(con.in_transaction, con.execute("select count(*) from t").fetchone())
con.isolation_level = "DEFERRED"

# Setting isolation_level to None commits an open transaction.
con.execute("insert into t values (5)")
print(con.in_transaction)
con.isolation_level = None
print(con.in_transaction, con.execute("select count(*) from t").fetchone())
con.isolation_level = ""

# The connection as a context manager commits or rolls back.
with con:
    con.execute("insert into t values (6)")
print(con.in_transaction, con.execute("select count(*) from t").fetchone())
try:
    with con:
        con.execute("insert into t values (7)")
        raise ValueError("abort")
except ValueError as e:
    print("ValueError", e)
print(con.in_transaction, con.execute("select max(x) from t").fetchone())
print(con.__enter__() is con, con.__exit__(None, None, None))

# executescript commits first and runs every statement.
con.execute("insert into t values (8)")
statements.clear()
con.executescript("""
    create table u(y);
    insert into u values (1);
    insert into u values (2);
""")
print(statements, con.in_transaction, con.execute("select count(*) from u").fetchone())
print(con.executescript("select 1").__class__.__name__)

# Savepoints and DDL inside a transaction.
con.execute("insert into t values (9)")
con.execute("savepoint sp")
con.execute("insert into t values (10)")
con.execute("rollback to sp")
con.commit()
print(con.execute("select max(x) from t").fetchone(), con.total_changes)

# Two connections to one file see committed data only.
import os
path = "/tmp/taipan-test-sqlite3-%d.db" % os.getpid()
a = sqlite3.connect(path)
b = sqlite3.connect(path, timeout=0)
a.execute("create table v(z)")
a.execute("insert into v values (1)")
print(b.execute("select count(*) from v").fetchall() if False else "skip")
a.commit()
print(b.execute("select count(*) from v").fetchone())
a.execute("insert into v values (2)")
try:
    b.execute("insert into v values (3)")
except sqlite3.OperationalError as e:
    print("OperationalError", e)
a.rollback()
b.execute("insert into v values (3)")
b.commit()
print(a.execute("select * from v").fetchall())
a.close()
b.close()
con2 = sqlite3.connect(path, isolation_level=None)
print(con2.isolation_level, con2.execute("select count(*) from v").fetchone())
con2.close()
os.remove(path)
