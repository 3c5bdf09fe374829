# Append modes: writes go to the end whatever the position.
import os

path = "/tmp/taipan_io_append_%d.txt" % os.getpid()
with open(path, "w") as f:
    f.write("one\n")
with open(path, "a") as f:
    print(f.tell())
    f.write("two\n")
    print(f.tell())
with open(path, "a+") as f:
    print(f.tell(), repr(f.read()))
    f.seek(0)
    print(repr(f.readline()))
    f.write("three\n")
    print(f.tell())
    f.seek(0)
    print(f.readlines())
with open(path, "ab") as f:
    print(f.tell(), f.mode, f.raw.mode)
    f.write(b"four\n")
with open(path, "rb") as f:
    print(f.read())
# Appending in binary through a+b, and seeking before writing does not matter.
with open(path, "a+b") as f:
    f.seek(0)
    f.write(b"five\n")
    f.seek(0)
    print(f.read().count(b"\n"), f.raw.mode)
os.unlink(path)
