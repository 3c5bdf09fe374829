# os.stat_result: a struct sequence with 10 visible items and hidden float/ns times.
import os

base = "/tmp/taipan_os_stat_result_%d" % os.getpid()
os.mkdir(base)
path = base + "/f"
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
os.write(fd, b"0123456789")
os.close(fd)
os.utime(path, ns=(1_500_000_000_250_000_000, 1_600_000_000_750_000_000))

st = os.stat(path)
print(type(st).__name__, type(st).__module__, isinstance(st, tuple))
print(len(st), st.n_fields, st.n_sequence_fields, st.n_unnamed_fields)
print(st.st_size, st[6], st[0] == st.st_mode, st[1] == st.st_ino)
print(oct(st.st_mode & 0o777), st.st_nlink)
print(st.st_atime_ns, st.st_mtime_ns)
print(st.st_atime, st.st_mtime)
print(st[7], st[8], type(st[7]).__name__, type(st.st_atime).__name__)
print(st.st_blksize > 0, st.st_blocks >= 0, type(st.st_rdev).__name__)
print(st[-1] == st.st_ctime_ns // 10**9 or st[-1] == int(st.st_ctime))
print(type(st[:3]).__name__, len(st[2:]), st[:2] == (st.st_mode, st.st_ino))
print(os.stat_result.__match_args__)
print(st == os.stat(path), hash(st) == hash(os.stat(path)))
mode, ino, dev, nlink, uid, gid, size, at, mt, ct = st
print(size, at, mt)
try:
    st.st_size = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    st.foo
except AttributeError as e:
    print("AttributeError:", e)

s2 = os.stat_result(tuple(range(10)))
print(repr(s2))
print(s2.st_atime, s2.st_atime_ns, s2.st_blksize)
s3 = os.stat_result(tuple(range(10)), {"st_atime": 1.5, "st_blksize": 4096})
print(s3.st_atime, s3.st_blksize, s3[7])
s4 = os.stat_result(range(13))
print(s4.st_atime, s4.st_ctime, s4.st_atime_ns)
print(s2.__reduce__()[0] is os.stat_result, s2.__reduce__()[1][0])
for bad in [(1, 2, 3), tuple(range(20)), 5]:
    try:
        os.stat_result(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    os.stat_result(tuple(range(10)), 5)
except TypeError as e:
    print("TypeError:", e)

os.unlink(path)
os.rmdir(base)
print(os.path.exists(base))
