# open()'s argument checking, in CPython's words.
import os

path = "/tmp/taipan_io_args_%d.txt" % os.getpid()
with open(path, "w") as f:
    f.write("x")
cases = [
    (3.5,), (None,), ([],),
    (path, "rw"), (path, "rt+b"), (path, "U"), (path, "rtb"), (path, "t"), (path, "rr"), (path, "z"),
    (path, "rb", 0, "utf-8"), (path, "rb", 0, None, "strict"), (path, "rb", 0, None, None, ""),
    (path, "r", 0), (path, "r", -1, "no-such-codec"), (path, "r", -1, None, None, "x"),
    (path, 1), (path, "r", "x"), (path, "r", 1.5), (path, "r", 2 ** 70),
    (path, "r", -1, 5), (path, "r", -1, None, 5), (path, "r", -1, None, None, 5),
]
for args in cases:
    try:
        g = open(*args)
        print(args[1:], "opened", type(g).__name__)
        g.close()
    except (TypeError, ValueError, OSError, LookupError, OverflowError) as e:
        print(args[1:] if args[0] == path else args, type(e).__name__, e)
try:
    open()
except TypeError as e:
    print("TypeError", e)
try:
    open(path, bogus=1)
except TypeError as e:
    print("TypeError", e)
try:
    open(path, "r", -1, None, None, None, True, None, 9)
except TypeError as e:
    print("TypeError", e)
try:
    open(path, closefd=False)
except ValueError as e:
    print("ValueError", e)
g = open(path, errors="bogus")
print(g.errors)
g.close()
g = open(path, "rb", buffering=1)   # a RuntimeWarning on stderr
print(type(g).__name__)
g.close()
print(open(path, mode="rb", buffering=0).read(), open(file=path).read())
class Pathish:
    def __fspath__(self):
        return path
with open(Pathish()) as g:
    print(g.name == path, g.read())
fd = os.open(path, os.O_RDONLY)
with open(fd, closefd=False) as g:
    print(g.name == fd, g.read())
print(os.read(fd, 1), os.close(fd))
with open(path, opener=lambda p, flags: os.open(p, flags)) as g:
    print(g.read())
os.unlink(path)
