# truncate by path and descriptor, ftruncate, growing with zeros.
import os

base = "/tmp/taipan_os_truncate_%d" % os.getpid()
os.mkdir(base)
p = base + "/f"
fd = os.open(p, os.O_RDWR | os.O_CREAT, 0o644)
os.write(fd, b"0123456789")
os.truncate(p, 4)
print(os.stat(p).st_size, os.pread(fd, 100, 0))
os.truncate(fd, 8)
print(os.fstat(fd).st_size, os.pread(fd, 100, 0))
os.ftruncate(fd, 2)
print(os.pread(fd, 100, 0))
os.close(fd)
try:
    os.truncate(base + "/missing", 0)
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename == base + "/missing")
try:
    os.truncate(p, -1)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.ftruncate(fd, 0)
except OSError as e:
    print(type(e).__name__, e)
os.unlink(p)
os.rmdir(base)
print(os.path.exists(base))
