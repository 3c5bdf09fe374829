# utime with times, ns, None, descriptors and dir_fd; the stat time fields it sets.
import os

base = "/tmp/taipan_os_utime_%d" % os.getpid()
os.mkdir(base)
p = base + "/f"
os.close(os.open(p, os.O_WRONLY | os.O_CREAT, 0o644))
os.utime(p, (1000000000, 1200000000))
st = os.stat(p)
print(st.st_atime, st.st_mtime, st[7], st[8], st.st_atime_ns, st.st_mtime_ns)
os.utime(p, (1.5, 2.25))
st = os.stat(p)
print(st.st_atime, st.st_mtime, st.st_atime_ns, st.st_mtime_ns)
os.utime(p, ns=(123456789, 987654321123))
st = os.stat(p)
print(st.st_atime_ns, st.st_mtime_ns, st.st_mtime)
os.utime(p, (-1.5, 0))
print(os.stat(p).st_atime_ns)
os.utime(p)
print(abs(os.stat(p).st_mtime - __import__("time").time()) < 100)
os.utime(p, None)
fd = os.open(p, os.O_RDONLY)
os.utime(fd, (5, 6))
print(os.fstat(fd).st_mtime)
os.close(fd)
dfd = os.open(base, os.O_RDONLY)
os.utime("f", (7, 8), dir_fd=dfd)
print(os.stat(p).st_mtime)
os.close(dfd)
os.symlink("f", base + "/l")
os.utime(base + "/l", (9, 10), follow_symlinks=False)
print(os.stat(p).st_mtime, os.lstat(base + "/l").st_mtime)
for bad in [dict(times=(1, 2), ns=(1, 2)), dict(times=(1,)), dict(times=[1, 2]), dict(ns=(1.5, 2)), dict(ns=5), dict(times=("a", 1))]:
    try:
        os.utime(p, **bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    os.utime(base + "/missing", (1, 1))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
os.unlink(base + "/l")
os.unlink(p)
os.rmdir(base)
print(os.path.exists(base))
