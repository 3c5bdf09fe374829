# readline(), readlines() and iteration over text and binary files.
import os

path = "/tmp/taipan_io_lines_%d.txt" % os.getpid()
with open(path, "w") as f:
    f.writelines(["one\n", "two\n", "\n", "four without newline"])
with open(path) as f:
    print(repr(f.readline()), repr(f.readline(2)), repr(f.readline(0)), repr(f.readline(-1)))
    try:
        f.readline(None)
    except TypeError as e:
        print("TypeError", e)
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(path) as f:
    print(f.readlines())
with open(path) as f:
    print(f.readlines(5))
    print(f.readlines(1))
    print(f.readlines(0))
with open(path) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(path) as f:
    print(next(f), end="")
    print(list(f))
    try:
        next(f)
    except StopIteration:
        print("StopIteration")
with open(path, "rb") as f:
    print(f.readline(), f.readline(2), list(f))
with open(path, "rb") as f:
    print(f.readlines(6), [len(l) for l in f])
with open(path) as f:
    print(iter(f) is f, [len(l) for l in f])
try:
    iter(f)
except ValueError as e:
    print("ValueError", e)
# Lines longer than the read chunk come back whole.
with open(path, "w") as f:
    f.write("x" * 20000 + "\n" + "y" * 9000)
with open(path) as f:
    print([len(l) for l in f])
with open(path, "rb") as f:
    print([len(l) for l in f])
os.unlink(path)
