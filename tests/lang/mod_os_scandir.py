# scandir: DirEntry name/path/is_*/stat/inode, context manager, close, fd and bytes forms.
import os

base = "/tmp/taipan_os_scandir_%d" % os.getpid()
os.mkdir(base)
os.mkdir(base + "/dir")
fd = os.open(base + "/file", os.O_WRONLY | os.O_CREAT, 0o644)
os.write(fd, b"12345")
os.close(fd)
os.symlink("file", base + "/link")
os.symlink("dir", base + "/dlink")
os.symlink("missing", base + "/broken")

with os.scandir(base) as it:
    print(type(it).__name__, iter(it) is it)
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path == os.path.join(base, e.name),
          e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False))
f = [e for e in entries if e.name == "file"][0]
print(f.stat().st_size, f.inode() == os.stat(f.path).st_ino, os.fspath(f) == f.path)
print(f.stat() is f.stat(), f.stat(follow_symlinks=False).st_size)
l = [e for e in entries if e.name == "link"][0]
print(l.stat().st_size, l.stat(follow_symlinks=False).st_size == len("file"))
b = [e for e in entries if e.name == "broken"][0]
try:
    b.stat()
except FileNotFoundError as ex:
    print("FileNotFoundError", ex.filename == b.path)
print(b.stat(follow_symlinks=False).st_size)

it = os.scandir(base)
first = next(it)
it.close()
print(list(it), type(first).__name__)
it.close()

print(sorted((e.name, e.path == (base + "/").encode() + e.name) for e in os.scandir(base.encode()))[:2])
old = os.getcwd()
os.chdir(base)
print(sorted(e.path for e in os.scandir()))
os.chdir(old)
dfd = os.open(base, os.O_RDONLY)
print(sorted((e.name, e.path, e.is_dir()) for e in os.scandir(dfd)))
print(sorted(e.stat().st_size for e in os.scandir(dfd) if e.name == "file"))
entries = list(os.scandir(dfd))
print([e.stat().st_size for e in entries if e.name == "file"], [e.is_symlink() for e in entries if e.name == "link"])
os.close(dfd)
try:
    os.DirEntry()
except TypeError as ex:
    print("TypeError:", ex)
print(os.DirEntry.__name__, os.DirEntry.__module__)

# An iterator dropped before the end warns when collected; an exhausted one does not.
import gc
import warnings
for exhaust in (False, True):
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        it = os.scandir(base)
        if exhaust:
            list(it)
        else:
            next(it)
        del it
        gc.collect()
    print([(w.category.__name__, str(w.message).split(" object")[0]) for w in ws])

for name in ["link", "dlink", "broken", "file"]:
    os.unlink(base + "/" + name)
os.rmdir(base + "/dir")
os.rmdir(base)
print(os.path.exists(base))
