# mmap: file-backed maps: whole-file and offset maps, flush to the file, resize growing the file,
# ACCESS_READ/WRITE/COPY, size checks, maps shared with a forked child.
import mmap, os, gc
def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
m = mmap.mmap(-1, 13)
print(repr(m))
m.seek(3); print(repr(m)); m.close()
print(repr(mmap.mmap(-1, 5, access=mmap.ACCESS_READ)), repr(mmap.mmap(-1, 5, access=mmap.ACCESS_COPY)), repr(mmap.mmap(-1, 5, access=mmap.ACCESS_WRITE)))
path = "/tmp/taipan-mmap-%d" % os.getpid()
with open(path, "wb") as f:
    f.write(b"0123456789" * 1000)
with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
    print(len(m), m.size(), m[:10], m[-5:], repr(m)[:60])
    m[0:5] = b"ABCDE"
    m.flush()
    t("size", lambda: m.size())
    m.resize(20000)
    print(len(m), m.size(), os.path.getsize(path), m[9998:10002])
    m.resize(5000)
    print(len(m), os.path.getsize(path))
    m.close()
with open(path, "rb") as f:
    print(f.read(12))
with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 100, offset=mmap.ALLOCATIONGRANULARITY)
    print(len(m), m[:10], m.size(), repr(m)[-30:])
    t("resize offset", lambda: (m.resize(200), len(m), m.size())[1:])
    m.close()
    t("bad offset", lambda: mmap.mmap(f.fileno(), 10, offset=100))
    t("length > size", lambda: mmap.mmap(f.fileno(), 10**6))
    t("offset > size", lambda: mmap.mmap(f.fileno(), 0, offset=4096 * 100))
    t("offset = size", lambda: mmap.mmap(f.fileno(), 0, offset=4096 * 2 - 0 if os.path.getsize(path) == 8192 else 0))
    c = mmap.mmap(f.fileno(), 10, access=mmap.ACCESS_COPY)
    c[0:3] = b"xyz"; print(c[:10])
    t("copy resize", lambda: c.resize(20))
    t("copy flush", lambda: c.flush())
    c.close()
    w = mmap.mmap(f.fileno(), 10, access=mmap.ACCESS_WRITE)
    w[0:3] = b"WWW"; w.close()
    f.seek(0); print(f.read(10))
with open(path, "rb") as f:
    t("ro file default", lambda: mmap.mmap(f.fileno(), 0))
    r = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    print(r[:6], r.find(b"89"), r.rfind(b"0123"), len(r.readline()))
    t("ro file copy", lambda: len(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)))
    t("ro file prot", lambda: len(mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ)))
    r.close()
open(path + "e", "wb").close()
with open(path + "e", "r+b") as f:
    t("empty file", lambda: mmap.mmap(f.fileno(), 0))
    t("empty file len", lambda: mmap.mmap(f.fileno(), 10))
os.unlink(path + "e")
d = os.open("/tmp", os.O_RDONLY)
t("dir", lambda: mmap.mmap(d, 0, access=mmap.ACCESS_READ))
os.close(d)
# A map outlives its file object; the file shrinking under it is not checked here.
f = open(path, "r+b")
m = mmap.mmap(f.fileno(), 0)
f.close()
print(len(m), m[:3], m.size())
m.close()
# Shared anonymous maps are shared with a forked child.
s = mmap.mmap(-1, 16)
pid = os.fork()
if pid == 0:
    s[0:5] = b"child"
    os._exit(0)
os.waitpid(pid, 0)
print(s[:5])
p = mmap.mmap(-1, 16, flags=mmap.MAP_PRIVATE)
pid = os.fork()
if pid == 0:
    p[0:5] = b"child"
    os._exit(0)
os.waitpid(pid, 0)
print(p[:5])
os.unlink(path)
class M(mmap.mmap):
    pass
m = M(-1, 5)
print(repr(m))
m.close(); print(repr(m))
# Unclosed maps are unmapped when collected.
for i in range(200):
    x = mmap.mmap(-1, 1 << 20)
    x[0] = 1
del x
gc.collect()
big = mmap.mmap(-1, 1 << 20)
big[-4:] = b"tail"
print(big.find(b"tail"), big.rfind(b"\0\0tail"), big.find(b"tail", 0, len(big) - 1))
