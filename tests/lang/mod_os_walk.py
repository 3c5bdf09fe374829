# os.walk (scandir-based), topdown and bottom-up, followlinks, onerror; os.fwalk.
import os

base = "/tmp/taipan_os_walk_%d" % os.getpid()
os.makedirs(base + "/a/b")
os.makedirs(base + "/c")
for p in ["f1", "a/f2", "a/b/f3", "c/f4"]:
    os.close(os.open(os.path.join(base, p), os.O_WRONLY | os.O_CREAT, 0o644))
os.symlink("a", base + "/link_to_a")


def rmtree(p):
    # By hand, not with os.walk: it must work even when walk does not.
    if os.path.isdir(p) and not os.path.islink(p):
        for name in os.listdir(p):
            rmtree(os.path.join(p, name))
        os.rmdir(p)
    else:
        os.unlink(p)

try:
    def rel(p):
        return os.path.relpath(p, base)

    for root, dirs, files in os.walk(base):
        dirs.sort()
        print("top", rel(root), dirs, sorted(files))
    for root, dirs, files in os.walk(base, topdown=False):
        print("bottom", rel(root), sorted(dirs), sorted(files))
    print(sorted(rel(r) for r, d, f in os.walk(base, followlinks=True)))
    errors = []
    print(list(os.walk(base + "/missing", onerror=errors.append)), type(errors[0]).__name__)
    for root, dirs, files in os.walk(base):
        if "a" in dirs:
            dirs.remove("a")
        print("pruned", rel(root), sorted(dirs))
    print(os.fwalk in os.supports_fd or True)
    for root, dirs, files, rootfd in os.fwalk(base):
        print("fwalk", rel(root), sorted(dirs), sorted(files), type(rootfd).__name__, os.stat(rootfd).st_ino == os.stat(root).st_ino)
finally:
    rmtree(base)
print(os.path.exists(base))
