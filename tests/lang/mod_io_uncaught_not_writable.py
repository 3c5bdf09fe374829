# An uncaught io.UnsupportedOperation shows its module in the traceback.
import os

path = "/tmp/taipan_io_uncaught_%d.txt" % os.getpid()
with open(path, "w") as f:
    f.write("read-only now\n")
f = open(path)
os.unlink(path)
print(f.read(), end="")
f.write("nope")
