# Universal newlines on reading and newline translation on writing, for each newline value.
import os

path = "/tmp/taipan_io_newline_%d.txt" % os.getpid()
raw = b"a\nb\r\nc\rd\r\n\re"
with open(path, "wb") as f:
    f.write(raw)
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(path, newline=nl) as f:
        print(repr(nl), f.readlines(), f.newlines)
    with open(path, newline=nl) as f:
        print(repr(nl), repr(f.read()))
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(path, "w", newline=nl) as f:
        f.write("x\ny\r\nz\r")
    with open(path, "rb") as f:
        print(repr(nl), f.read())
# A "\r\n" split between two reads is still one line end.
with open(path, "wb") as f:
    f.write(b"x" * 8191 + b"\r\n" + b"tail\r")
with open(path) as f:
    lines = f.readlines()
    print(len(lines), len(lines[0]), repr(lines[0][-2:]), repr(lines[1]), f.newlines)
with open(path, newline="") as f:
    lines = f.readlines()
    print(len(lines), repr(lines[0][-3:]), repr(lines[1]))
try:
    open(path, newline="x")
except ValueError as e:
    print("ValueError", e)
try:
    open(path, newline=b"\n")
except TypeError as e:
    print("TypeError", e)
os.unlink(path)
