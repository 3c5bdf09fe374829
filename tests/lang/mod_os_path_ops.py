# os.path (posixpath + genericpath) on top of posix: pure and file-system functions.
import os
import os.path

print(os.path is __import__("posixpath"), os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, os.altsep, os.devnull)
print(os.path.join("a", "b", "c"), os.path.join("/a", "/b"), os.path.join(b"x", b"y"))
print(os.path.split("/a/b/c.txt"), os.path.splitext("/a/b/c.tar.gz"), os.path.splitext(".bashrc"))
print(os.path.basename("/a/b/"), os.path.dirname("/a/b/c"), os.path.isabs("/x"), os.path.isabs("x"))
for p in ["/a//b/../c/./d", "//a/b", "///a", "a/../..", "", ".", "./a/", "/..", "a/b/../../.."]:
    print(repr(p), repr(os.path.normpath(p)), repr(os.path.normpath(p.encode())))
print(os.path.commonpath(["/a/b/c", "/a/b/d"]), os.path.commonprefix(["abc", "abd"]))
print(os.path.relpath("/a/b/c", "/a/x"), os.path.relpath("/a", "/a"))
base = "/tmp/taipan_os_path_%d" % os.getpid()
os.mkdir(base)
f = os.path.join(base, "file.txt")
fd = os.open(f, os.O_WRONLY | os.O_CREAT, 0o644)
os.write(fd, b"12345")
os.close(fd)
os.symlink("file.txt", os.path.join(base, "link"))
os.symlink("nowhere", os.path.join(base, "dangling"))
print(os.path.exists(f), os.path.isfile(f), os.path.isdir(f), os.path.islink(f), os.path.getsize(f))
print(os.path.exists(base + "/dangling"), os.path.lexists(base + "/dangling"), os.path.islink(base + "/link"))
print(os.path.isdir(base), os.path.ismount("/"), os.path.ismount(base))
print(os.path.samefile(f, base + "/link"), os.path.realpath(base + "/link") == os.path.realpath(f))
print(os.path.getmtime(f) == os.stat(f).st_mtime, type(os.path.getatime(f)).__name__)
old = os.getcwd()
os.chdir(base)
print(os.path.abspath("file.txt") == os.path.join(os.getcwd(), "file.txt"), os.path.abspath(b".") == os.getcwdb())
os.chdir(old)
os.environ["HOME"] = "/home/taipan"
print(os.path.expanduser("~/x"), os.path.expanduser("~"), os.path.expanduser("x~"))
print(os.path.expanduser("~root") == __import__("pwd").getpwnam("root").pw_dir)
os.environ["TAIPAN_V"] = "val"
print(os.path.expandvars("$TAIPAN_V/${TAIPAN_V}/$NOPE_TAIPAN"))
print(os.path.exists(base + "/missing"), os.path.exists(123456), os.path.exists("a\0b"))
for name in os.listdir(base):
    os.unlink(os.path.join(base, name))
os.rmdir(base)
print(os.path.exists(base))
