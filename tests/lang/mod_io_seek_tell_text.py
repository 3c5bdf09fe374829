# tell() on text files gives cookies that seek() understands, also mid-chunk and with multi-byte text.
import os

path = "/tmp/taipan_io_seek_text_%d.txt" % os.getpid()
text = "alpha\nβeta\r\ngamma ☃\rdelta\nlast"
with open(path, "w", newline="") as f:
    f.write(text)
    print(f.tell())
for nl in (None, "", "\n"):
    with open(path, newline=nl) as f:
        marks = []
        while True:
            pos = f.tell()
            line = f.readline()
            if not line:
                break
            marks.append((pos, line))
        print(repr(nl), marks)
        for pos, line in reversed(marks):
            f.seek(pos)
            assert f.readline() == line, (pos, line)
        f.seek(0)
        f._CHUNK_SIZE = 4
        steps = []
        while True:
            pos = f.tell()
            s = f.read(2)
            if not s:
                break
            steps.append((pos, s))
        for pos, s in steps:
            f.seek(pos)
            assert f.read(2) == s, (pos, s)
        print(len(steps), steps[-1])
with open(path) as f:
    print(f.seek(0, 2), repr(f.read()))
    for args in [(1, 1), (3, 2), (0, 5), (-1, 0)]:
        try:
            f.seek(*args)
        except (ValueError, OSError) as e:
            print(type(e).__name__, e)
    print(f.seek(0, 1))
    f.seek(0)
    next(f)
    try:
        f.tell()
    except OSError as e:
        print("OSError", e)
    for line in f:
        pass
    print(f.tell())
os.unlink(path)
