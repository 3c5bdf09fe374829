# fspath, os.PathLike, fsencode/fsdecode and surrogateescape round trips.
import os

print(os.fspath("s"), os.fspath(b"b"))
class P:
    def __init__(self, v):
        self.v = v
    def __fspath__(self):
        return self.v
print(os.fspath(P("x")), os.fspath(P(b"y")), isinstance(P("x"), os.PathLike), isinstance("x", os.PathLike))
for bad in [1, None, P(1), P(None)]:
    try:
        os.fspath(bad)
    except TypeError as e:
        print("TypeError", e)
class S(str):
    def __fspath__(self):
        return "ignored"
print(os.fspath(S("kept")))
print(os.fsencode("caf\u00e9"), os.fsdecode(b"caf\xc3\xa9"), os.fsencode(b"raw"), os.fsdecode("str"))
print(ascii(os.fsdecode(b"\xff")), os.fsencode("\udcff"), os.fsencode(P("p")))
print(os.get_exec_path({"PATH": "/x:/y"}), os.get_exec_path({}) == os.defpath.split(os.pathsep))
base = "/tmp/taipan_os_fspath_%d" % os.getpid()
os.mkdir(P(base))
print(os.path.isdir(P(base)), os.listdir(P(base)), os.listdir(P(base.encode())))
fd = os.open(P(base + "/f"), os.O_WRONLY | os.O_CREAT, 0o644)
os.close(fd)
print([os.fspath(e) == base + "/f" for e in os.scandir(base)])
os.rename(P(base + "/f"), P(base + "/g"))
print(os.listdir(base))
os.unlink(P(base + "/g"))
os.rmdir(P(base))
print(os.path.exists(base))
