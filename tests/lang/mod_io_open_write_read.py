# Writing a text file, reading it back whole, in pieces and again after rewriting.
import os

path = "/tmp/taipan_io_write_read_%d.txt" % os.getpid()
f = open(path, "w")
print(f.write("first line\n"), f.write("second line\n"), f.write(""), f.write("é€😀\n"))
f.close()
print(f.closed)

f = open(path)
print(repr(f.read()))
f.close()

with open(path) as f:
    print(repr(f.read(5)), repr(f.read(6)), repr(f.read(0)), repr(f.read(100)), repr(f.read()))

# "w" truncates what was there.
with open(path, "w") as f:
    f.write("short")
with open(path) as f:
    print(repr(f.read()))

# "r+" reads and writes the same file; "w+" truncates first.
with open(path, "r+") as f:
    print(repr(f.read(2)))
    f.seek(0)
    f.write("SH")
    f.seek(0)
    print(repr(f.read()))
with open(path, "w+") as f:
    print(repr(f.read()))
    f.write("new")
    f.seek(0)
    print(repr(f.read()))

# Mode, name and encoding attributes.
with open(path, "r") as f:
    print(f.mode, f.name == path, f.encoding, f.errors, f.readable(), f.writable(), f.seekable())
with open(path, "a") as f:
    print(f.mode, f.readable(), f.writable())
os.unlink(path)
print(os.path.exists(path))
