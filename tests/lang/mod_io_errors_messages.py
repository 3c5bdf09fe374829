# The exceptions file operations raise, with CPython's messages.
import os
import io

path = "/tmp/taipan_io_errors_%d.txt" % os.getpid()
try:
    open("/nonexistent")
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno, e.filename, e.strerror)
try:
    open("/nonexistent/dir/file", "w")
except OSError as e:
    print(type(e).__name__, e)
try:
    open("/tmp")
except IsADirectoryError as e:
    print(type(e).__name__, e)
with open(path, "w") as f:
    f.write("data\n")
try:
    open(path, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno)
with open(path) as f:
    try:
        f.write("more")
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
    try:
        f.truncate(0)
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
with open(path, "w") as f:
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
    try:
        f.readline()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
for mode in ("r", "rb", "w", "wb"):
    f = open(path, mode)
    f.close()
    for name in ("read", "write", "readline", "seek", "tell", "flush", "fileno", "isatty", "readable", "__next__", "__enter__"):
        arg = {"write": ("x" if "b" not in mode else b"x",), "seek": (0,)}.get(name, ())
        try:
            getattr(f, name)(*arg)
            print(mode, name, "no error")
        except ValueError as e:
            print(mode, name, "ValueError", e)
        except io.UnsupportedOperation as e:
            print(mode, name, "UnsupportedOperation", e)
    print(f.closed, f.close())
try:
    with open(path, "w") as f:
        raise KeyError("inside")
except KeyError as e:
    print("KeyError", e, f.closed)
os.unlink(path)

# Codecs that are not text encodings are refused by name.
import io
for enc in ("hex", "rot13", "no-such-codec"):
    try:
        io.TextIOWrapper(io.BytesIO(), encoding=enc)
    except LookupError as e:
        print("LookupError", e)

# A raw readinto() returning something other than an int.
rawio = io.BufferedReader(io.BytesIO(b"12"))
rawio.readinto = lambda buf: b""
try:
    io.BufferedReader(rawio).readline()
except OSError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, e.__cause__)

# _finalizing is a writable bool of the C streams.
for s in (io.FileIO(__file__), io.BufferedReader(io.BytesIO()), io.TextIOWrapper(io.BytesIO(), encoding="ascii")):
    s._finalizing = True
    print(type(s).__name__, s._finalizing, end=" ")
    for bad in (1, None):
        try:
            s._finalizing = bad
        except TypeError as e:
            print("|", e, end=" ")
    try:
        del s._finalizing
    except TypeError as e:
        print("|", e)
    s._finalizing = False
    s.close()
