# print() to files and in-memory streams: sep, end, flush, and file objects without a flush().
import os
from _io import StringIO

path = "/tmp/taipan_io_print_%d.txt" % os.getpid()
with open(path, "w") as f:
    print("hello", 1, 2.5, None, file=f)
    print("a", "b", sep="-", end="!\n", file=f)
    print(file=f)
    print("flushed", file=f, flush=True)
    print(f.buffer.raw.tell())
    print(*range(5), sep=",", file=f)
with open(path) as f:
    print(f.read(), end="")
s = StringIO()
print("x", "y", file=s, sep="")
print("z", file=s, end="")
print(repr(s.getvalue()))
class Collector:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)
c = Collector()
print("no", "flush", "method", file=c)
print(repr("".join(c.parts)))
try:
    print("x", file=c, flush=True)
except AttributeError as e:
    print("AttributeError", e)
try:
    print("x", file=1)
except AttributeError as e:
    print("AttributeError", e)
with open(path, "rb") as f:
    try:
        print("text", file=f)
    except Exception as e:
        print(type(e).__name__, e)
os.unlink(path)
