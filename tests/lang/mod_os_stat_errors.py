# OSError subclasses, errno, strerror and filename from failing path calls.
import os

def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, repr(e.filename), repr(e.filename2), "|", e)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, "|", e)
    else:
        print("ok", type(r).__name__)

show(os.stat, "/tmp/taipan_os_no_such_file")
show(os.stat, b"/tmp/taipan_os_no_such_file")
show(os.lstat, "/tmp/taipan_os_no_such_file")
show(os.stat, "/etc/passwd/x")
show(os.stat, "")
show(os.stat, "a\0b")
show(os.stat, b"a\0b")
show(os.stat, 3.5)
show(os.stat, None)
show(os.stat, [1])
show(os.listdir, [1])
show(os.mkdir, None)
show(os.stat, 9999)
show(os.fstat, 9999)
show(os.open, "/tmp", os.O_WRONLY)
show(os.open, "/tmp/taipan_os_no_dir/x", os.O_RDONLY)
show(os.rmdir, "/tmp/taipan_os_no_such_dir")
show(os.unlink, "/tmp/taipan_os_no_such_file")
show(os.remove, "/tmp/taipan_os_no_such_file")
show(os.rename, "/tmp/taipan_os_no_such_a", "/tmp/taipan_os_no_such_b")
show(os.readlink, "/tmp")
show(os.chdir, "/tmp/taipan_os_no_such_dir")
show(os.listdir, "/tmp/taipan_os_no_such_dir")
show(os.scandir, "/tmp/taipan_os_no_such_dir")
show(os.stat, ".", dir_fd="x")
show(os.stat, 0, dir_fd=3)
show(os.stat, 0, follow_symlinks=False)
show(os.stat)
show(os.stat, ".", 1)
show(os.stat, ".", bogus=1)
show(os.stat, ".", path=".")

class P:
    def __init__(self, p):
        self.p = p
    def __fspath__(self):
        return self.p

show(os.stat, P("/tmp/taipan_os_no_such_file"))
show(os.stat, P(5))
show(os.stat, P("/tmp"))

e = OSError(2, "No such file or directory", "x")
print(type(e).__name__, e.args, e)
e = OSError(17, "File exists", "a", None, "b")
print(type(e).__name__, e)
print(os.error is OSError)
