# sqlite3 check_same_thread: a connection refuses use from another thread unless created with check_same_thread=False.
import sqlite3
import threading

con = sqlite3.connect(":memory:")
# Threads: check_same_thread.
out = []
def worker(conn):
    try:
        conn.execute("select 1")
        out.append("ok")
    except sqlite3.ProgrammingError as e:
        out.append(str(e).split(".")[0])
t = threading.Thread(target=worker, args=(con,))
t.start()
t.join()
shared = sqlite3.connect(":memory:", check_same_thread=False)
t = threading.Thread(target=worker, args=(shared,))
t.start()
t.join()
print(out)

