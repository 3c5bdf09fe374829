# with statements close files on the way out, normally or by an exception; __enter__ of a closed file.
import os

path = "/tmp/taipan_io_with_%d.txt" % os.getpid()
with open(path, "w") as f:
    print(f.closed, f.write("inside\n"))
print(f.closed)
with open(path) as f, open(path, "rb") as g:
    print(f.read(), g.read())
print(f.closed, g.closed)
def use():
    with open(path, "a") as h:
        h.write("more\n")
        return h
h = use()
print(h.closed)
try:
    with open(path) as f:
        print(f.readline(), end="")
        1 / 0
except ZeroDivisionError:
    print("ZeroDivisionError, closed:", f.closed)
try:
    with f:
        pass
except ValueError as e:
    print("ValueError", e)
for kind in ("r", "rb"):
    with open(path, kind) as f:
        result = f.__exit__(None, None, None)
        print(kind, result, f.closed)
with open(path, "rb", buffering=0) as raw:
    print(type(raw).__name__, raw.read(6))
print(raw.closed)
# closefd=False leaves the descriptor open.
fd = os.open(path, os.O_RDONLY)
with open(fd, closefd=False) as f:
    print(f.read(3))
print(f.closed, os.read(fd, 3))
with open(fd, "rb") as f:
    print(f.read(2))
try:
    os.read(fd, 1)
except OSError as e:
    print("OSError", e.errno)
os.unlink(path)
