# chmod, access, and the permission bits they change.
import os
import stat

base = "/tmp/taipan_os_chmod_%d" % os.getpid()
os.mkdir(base)
p = base + "/f"
os.close(os.open(p, os.O_WRONLY | os.O_CREAT, 0o644))
for mode in (0o600, 0o755, 0o444, 0o4755, 0o1777):
    os.chmod(p, mode)
    m = os.stat(p).st_mode
    print(oct(stat.S_IMODE(m)), stat.filemode(m))
os.chmod(p, 0o640)
print(os.access(p, os.F_OK), os.access(p, os.R_OK), os.access(p, os.X_OK))
print(os.access(base + "/missing", os.F_OK))
print(os.access(p, os.R_OK | os.W_OK, effective_ids=True))
fd = os.open(p, os.O_RDONLY)
os.chmod(fd, 0o600)
print(oct(stat.S_IMODE(os.fstat(fd).st_mode)))
os.fchmod(fd, 0o644)
print(oct(stat.S_IMODE(os.fstat(fd).st_mode)))
os.close(fd)
dfd = os.open(base, os.O_RDONLY)
os.chmod("f", 0o700, dir_fd=dfd)
print(oct(stat.S_IMODE(os.stat("f", dir_fd=dfd).st_mode)), os.access("f", os.F_OK, dir_fd=dfd))
os.close(dfd)
st = os.stat(p)
os.chown(p, st.st_uid, st.st_gid)
os.chown(p, -1, -1)
os.lchown(p, -1, -1)
print(os.stat(p).st_uid == st.st_uid)
try:
    os.chmod(base + "/missing", 0o644)
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename == base + "/missing")
try:
    os.chmod(p, "x")
except TypeError as e:
    print("TypeError", e)
try:
    os.chown(p, "root", 0)
except TypeError as e:
    print("TypeError", e)
os.unlink(p)
os.rmdir(base)
print(os.path.exists(base))
