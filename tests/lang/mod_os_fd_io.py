# Descriptor I/O: open, write, read, lseek, fstat, pread/pwrite, O_APPEND, O_EXCL.
import os

base = "/tmp/taipan_os_fd_io_%d" % os.getpid()
os.mkdir(base)
p = base + "/data"
fd = os.open(p, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
print(type(fd).__name__, fd > 2)
print(os.write(fd, b"hello "), os.write(fd, bytearray(b"world")), os.write(fd, b"!\n"))
print(os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, 0, os.SEEK_END))
print(os.lseek(fd, 0, os.SEEK_SET))
print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 100))
print(os.fstat(fd).st_size, os.stat(p).st_size)
print(os.pread(fd, 5, 6), os.lseek(fd, 0, os.SEEK_CUR))
print(os.pwrite(fd, b"W", 6), os.pread(fd, 20, 0))
os.lseek(fd, -3, os.SEEK_END)
print(os.read(fd, 10))
os.ftruncate(fd, 5)
print(os.fstat(fd).st_size, os.pread(fd, 10, 0))
os.fsync(fd)
os.close(fd)

fd = os.open(p, os.O_WRONLY | os.O_APPEND)
os.write(fd, b"-tail")
os.close(fd)
fd = os.open(p, os.O_RDONLY)
print(os.read(fd, 100))
os.close(fd)

try:
    os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename == p)

for bad in [lambda: os.read(fd, 1), lambda: os.write(fd, b"x"), lambda: os.close(fd), lambda: os.lseek(fd, 0, 0)]:
    try:
        bad()
    except OSError as e:
        print(type(e).__name__, e)
for bad in [lambda: os.write(1, "text"), lambda: os.read("x", 1), lambda: os.read(0), lambda: os.close(2**70)]:
    try:
        bad()
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)

fd = os.open(p, os.O_RDONLY)
print(os.get_inheritable(fd))
os.close(fd)
fd = os.open(p, os.O_RDONLY, dir_fd=None)
os.close(fd)
dfd = os.open(base, os.O_RDONLY)
fd = os.open("data", os.O_RDONLY, dir_fd=dfd)
print(os.read(fd, 5))
os.close(fd)
os.close(dfd)
os.unlink(p)
os.rmdir(base)
print(os.path.exists(base))
