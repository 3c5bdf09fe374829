# sqlite3 argument checking: each method's calling convention gives CPython 3.11's message.
import sqlite3

c = sqlite3.connect(":memory:")
c.execute("create table t(x blob)")
c.execute("insert into t values (zeroblob(2))")
b = c.blobopen("t", "x", 1)
cu = c.cursor()
for src in ("sqlite3.connect()", "sqlite3.Connection()", "sqlite3.Cursor()", "sqlite3.Cursor(5)", "c.cursor().execute()",
            "type(c.execute('select 1', {1: 2})).__name__", "c.create_function('f')", "c.set_authorizer()", "c.backup()",
            "c.blobopen('t')", "sqlite3.Row()", "c.setlimit(1)", "c.cursor().fetchmany(1, 2)", "c.cursor().setoutputsize()",
            "sqlite3.connect(':memory:', 5, 0, '', True, None, 1, False, 9)", "c.create_window_function('w', 1)",
            "c.executescript('select 1', 2)", "c.deserialize()", "c.serialize(1)", "c.__exit__(1, 2)",
            "cu.executescript('select 1', 2)", "cu.executescript()", "c.create_collation('x')", "c.getlimit()",
            "c.setlimit()", "c.enable_load_extension()", "c.load_extension()", "b.write()", "b.read(1, 2)", "b.seek()",
            "b.tell(1)", "b.__exit__()", "c.__exit__()", "c.__enter__(1)", "cu.setinputsizes()", "cu.close(1)",
            "cu.fetchone(1)", "cu.fetchall(1)", "c.rollback(1)", "c.cursor(1, 2)", "c.interrupt(1)", "sqlite3.adapt()",
            "sqlite3.register_converter('a')", "sqlite3.enable_callback_tracebacks()", "sqlite3.complete_statement()",
            "c.deserialize(1, 2)", "c.create_aggregate('a', 1)", "c.set_progress_handler(None)", "c.set_trace_callback()",
            "sqlite3.Row(1)", "b[0:2:2]", "b['x']", "len(b)", "b.seek(0, 7)", "b.read(-5)", "del b[0]"):
    try:
        if src.startswith("del "):
            exec(src)
            print(src, "-> ok")
        else:
            print(src, "->", eval(src))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
