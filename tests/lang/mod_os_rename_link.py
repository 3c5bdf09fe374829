# rename, replace, link, symlink, readlink and their two-filename errors.
import os

base = "/tmp/taipan_os_rename_%d" % os.getpid()
os.mkdir(base)
def make(name, data=b"x"):
    fd = os.open(base + "/" + name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, data)
    os.close(fd)

make("a", b"AAA")
os.rename(base + "/a", base + "/b")
print(sorted(os.listdir(base)))
make("c", b"C")
os.replace(base + "/b", base + "/c")
print(sorted(os.listdir(base)), os.stat(base + "/c").st_size)
os.link(base + "/c", base + "/hard")
print(os.stat(base + "/c").st_nlink, os.stat(base + "/hard").st_ino == os.stat(base + "/c").st_ino)
os.symlink("c", base + "/soft")
print(os.readlink(base + "/soft"), os.readlink((base + "/soft").encode()))
print(os.path.islink(base + "/soft"), os.lstat(base + "/soft").st_size, os.stat(base + "/soft").st_size)
dfd = os.open(base, os.O_RDONLY)
print(os.readlink("soft", dir_fd=dfd))
os.rename("soft", "soft2", src_dir_fd=dfd, dst_dir_fd=dfd)
print(sorted(os.listdir(base)))
os.symlink("hard", "soft3", dir_fd=dfd)
print(os.readlink(base + "/soft3"))
os.close(dfd)

def show(f, *a):
    try:
        f(*a)
    except OSError as e:
        print(type(e).__name__, str(e).replace(base, "BASE"))
    except TypeError as e:
        print("TypeError", e)

show(os.rename, base + "/nope", base + "/other")
show(os.link, base + "/nope", base + "/other")
show(os.symlink, "target", base + "/c")
show(os.link, base + "/c", base + "/hard")
show(os.readlink, base + "/c")
show(os.rename, base + "/nope", (base + "/nope2").encode())
show(os.replace, base, base + "/c/sub")

for name in os.listdir(base):
    os.unlink(base + "/" + name)
os.rmdir(base)
print(os.path.exists(base))
