# Kernel-side copies and special descriptors: sendfile, copy_file_range, splice, memfd, eventfd, xattrs.
import os

base = "/tmp/taipan_os_fd_extra_%d" % os.getpid()
os.mkdir(base)
src = os.open(base + "/src", os.O_RDWR | os.O_CREAT, 0o644)
os.write(src, b"0123456789" * 10)
dst = os.open(base + "/dst", os.O_RDWR | os.O_CREAT, 0o644)
print(os.sendfile(dst, src, 0, 10), os.lseek(src, 0, os.SEEK_CUR), os.pread(dst, 100, 0))
os.lseek(src, 90, os.SEEK_SET)
print(os.sendfile(dst, src, None, 100), os.lseek(src, 0, os.SEEK_CUR))
print(os.copy_file_range(src, dst, 5, 20, 0), os.pread(dst, 100, 0))
r, w = os.pipe()
print(os.splice(src, w, 4, offset_src=3), os.read(r, 10))
os.close(r)
os.close(w)
os.posix_fallocate(dst, 0, 4096)
print(os.fstat(dst).st_size)
os.posix_fadvise(dst, 0, 0, os.POSIX_FADV_SEQUENTIAL)
os.close(src)
os.close(dst)

m = os.memfd_create("taipan")
print(os.get_inheritable(m), os.write(m, b"in memory"), os.pread(m, 100, 0), os.fstat(m).st_size)
os.close(m)
e = os.eventfd(3)
os.eventfd_write(e, 4)
print(os.eventfd_read(e))
os.set_blocking(e, False)
try:
    os.eventfd_read(e)
except BlockingIOError:
    print("BlockingIOError")
os.close(e)
s = os.eventfd(0, os.EFD_SEMAPHORE | os.EFD_NONBLOCK)
os.eventfd_write(s, 2)
print(os.eventfd_read(s), os.eventfd_read(s))
os.close(s)

p = base + "/src"
try:
    os.setxattr(p, "user.taipan", b"v1")
    ok = os.getxattr(p, "user.taipan") == b"v1" and "user.taipan" in os.listxattr(p)
    os.removexattr(p, b"user.taipan")
    ok = ok and "user.taipan" not in os.listxattr(p)
except OSError as ex:
    ok = ex.errno in (95, 1)   # the file system may not support user attributes
print("xattr", ok)
try:
    os.getxattr(base + "/missing", "user.x")
except FileNotFoundError as ex:
    print("FileNotFoundError", ex.filename == base + "/missing")
for name in os.listdir(base):
    os.unlink(base + "/" + name)
os.rmdir(base)
print(os.path.exists(base))
