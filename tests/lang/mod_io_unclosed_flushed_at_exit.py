# Files left open and unflushed are written out when the program exits (a child process here).
import os
import sys

base = "/tmp/taipan_io_atexit_%d" % os.getpid()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    t = open(base + ".txt", "w")
    t.write("text never flushed\n")
    b = open(base + ".bin", "wb")
    b.write(b"bytes never flushed\n")
    a = open(base + ".txt2", "a", buffering=1)
    a.write("line-buffered but no newline")
    sys.exit(0)
_, status = os.waitpid(pid, 0)
print("child exit status", os.waitstatus_to_exitcode(status))
for suffix in (".txt", ".bin", ".txt2"):
    with open(base + suffix, "rb") as f:
        print(suffix, f.read())
    os.unlink(base + suffix)
