# Threads writing to one buffered file at once: every line arrives whole, none lost or doubled.
# gcstress-every: 20
import os
import tempfile
import threading

fd, path = tempfile.mkstemp()
os.close(fd)
try:
    with open(path, "w", buffering=64) as f:
        def w(k):
            for i in range(300):
                f.write("thread %d line %d\n" % (k, i))
                if i % 50 == 0:
                    f.flush()
        ts = [threading.Thread(target=w, args=(k,)) for k in range(4)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
    with open(path) as f:
        lines = f.read().splitlines()
    print(len(lines), sorted(lines) == sorted("thread %d line %d" % (k, i) for k in range(4) for i in range(300)))
    with open(path, "rb") as f:
        chunks = []
        def r():
            while True:
                c = f.read(100)
                if not c:
                    return
                chunks.append(c)
        rs = [threading.Thread(target=r) for _ in range(3)]
        for t in rs:
            t.start()
        for t in rs:
            t.join()
    print(sum(len(c) for c in chunks) == os.path.getsize(path))
finally:
    os.unlink(path)
