# mkdir with modes and dir_fd, makedirs/removedirs, rmdir errors, umask.
import os
import stat

base = "/tmp/taipan_os_mkdir_%d" % os.getpid()
old_mask = os.umask(0o022)
os.mkdir(base)
os.mkdir(base + "/m700", 0o700)
os.mkdir(base + "/m777")
print(oct(stat.S_IMODE(os.stat(base + "/m700").st_mode)), oct(stat.S_IMODE(os.stat(base + "/m777").st_mode)))
print(oct(os.umask(0o077)))
os.mkdir(base + "/masked")
print(oct(stat.S_IMODE(os.stat(base + "/masked").st_mode)))
os.umask(0o022)
try:
    os.mkdir(base)
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename == base)
try:
    os.mkdir(base + "/no/such/parent")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
os.makedirs(base + "/x/y/z")
print(os.path.isdir(base + "/x/y/z"))
os.makedirs(base + "/x/y/z", exist_ok=True)
try:
    os.makedirs(base + "/x/y/z")
except FileExistsError as e:
    print("FileExistsError from makedirs")
dfd = os.open(base, os.O_RDONLY)
os.mkdir("viafd", dir_fd=dfd)
print(os.path.isdir(base + "/viafd"))
os.rmdir("viafd", dir_fd=dfd)
print(os.path.exists(base + "/viafd"))
fd = os.open("made", os.O_WRONLY | os.O_CREAT, 0o600, dir_fd=dfd)
os.close(fd)
os.unlink("made", dir_fd=dfd)
print(os.path.exists(base + "/made"))
os.close(dfd)
try:
    os.rmdir(base + "/x")
except OSError as e:
    print(type(e).__name__, e.errno == 39)
os.removedirs(base + "/x/y/z")
print(os.path.exists(base + "/x"))
for d in ["m700", "m777", "masked"]:
    os.rmdir(base + "/" + d)
os.rmdir(base)
print(os.path.exists(base))
os.umask(old_mask)
print(os.mkdir in os.supports_dir_fd, os.stat in os.supports_fd, os.stat in os.supports_follow_symlinks)
