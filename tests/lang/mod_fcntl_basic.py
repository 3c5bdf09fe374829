# fcntl: fcntl() with int and bytes arguments, ioctl() buffers, argument errors.
import fcntl, os, struct

FIONREAD = 0x541B   # termios.FIONREAD on Linux


def t(label, f, *a):
    try:
        r = f(*a)
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


r, w = os.pipe()
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
fcntl.fcntl(r, fcntl.F_SETFD, 0)
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC, os.get_inheritable(r))
fcntl.fcntl(r, fcntl.F_SETFD, fcntl.FD_CLOEXEC)
print(os.get_inheritable(r))

fl = fcntl.fcntl(w, fcntl.F_GETFL)
print(fl & os.O_NONBLOCK, fl & os.O_ACCMODE == os.O_WRONLY)
fcntl.fcntl(w, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(fcntl.fcntl(w, fcntl.F_GETFL) & os.O_NONBLOCK == os.O_NONBLOCK, os.get_blocking(w))
fcntl.fcntl(w, fcntl.F_SETFL, fl)

# F_DUPFD returns a new descriptor at or above the argument.
d = fcntl.fcntl(r, fcntl.F_DUPFD, 50)
print(d >= 50)
os.close(d)

# An object with fileno() is accepted wherever a descriptor is.
class F:
    def fileno(self):
        return r
print(fcntl.fcntl(F(), fcntl.F_GETFD) & fcntl.FD_CLOEXEC)

# Pipe size: F_GETPIPE_SZ / F_SETPIPE_SZ.
fcntl.fcntl(w, fcntl.F_SETPIPE_SZ, 65536)
print(fcntl.fcntl(w, fcntl.F_GETPIPE_SZ))

# A bytes or str argument is copied and handed back as bytes.
t("bytes arg", fcntl.fcntl, r, fcntl.F_GETFL, b"abc")
t("str arg", fcntl.fcntl, r, fcntl.F_GETFL, "abc")
t("too long", fcntl.fcntl, r, fcntl.F_GETFL, b"x" * 1025)
t("1024 ok", lambda: len(fcntl.fcntl(r, fcntl.F_GETFL, b"x" * 1024)))
t("bytearray", fcntl.fcntl, r, fcntl.F_GETFL, bytearray(b"abc"))
t("float arg", fcntl.fcntl, r, fcntl.F_GETFL, 1.5)
t("negative arg", fcntl.fcntl, r, fcntl.F_GETFL, -1)
t("huge arg", fcntl.fcntl, r, fcntl.F_GETFL, 2**64 + 3)
t("cmd overflow", fcntl.fcntl, r, 2**31)
t("cmd float", fcntl.fcntl, r, 1.0)
t("neg fd", fcntl.fcntl, -1, fcntl.F_GETFL)
t("fd overflow", fcntl.fcntl, 2**40, fcntl.F_GETFL)
t("bad fd", fcntl.fcntl, 9999, fcntl.F_GETFL)
t("str fd", fcntl.fcntl, "x", fcntl.F_GETFL)
t("1 arg", fcntl.fcntl, r)
t("4 args", fcntl.fcntl, r, 1, 2, 3)
t("keywords", lambda: fcntl.fcntl(fd=r, cmd=1))

# ioctl: FIONREAD on a pipe, with each kind of buffer.
os.write(w, b"hello")
t("ioctl int", fcntl.ioctl, r, FIONREAD)
buf = bytearray(4)
t("ioctl mutable", fcntl.ioctl, r, FIONREAD, buf)
print(struct.unpack("i", buf))
buf = bytearray(4)
t("ioctl no mutate", fcntl.ioctl, r, FIONREAD, buf, False)
print(buf)
big = bytearray(2000)
t("ioctl big mutable", fcntl.ioctl, r, FIONREAD, big)
print(struct.unpack("i", big[:4]), len(big))
t("ioctl bytes", fcntl.ioctl, r, FIONREAD, b"abcd")
t("ioctl memoryview", fcntl.ioctl, r, FIONREAD, memoryview(b"abcd"))
t("ioctl str", fcntl.ioctl, r, FIONREAD, "abcd")
t("ioctl too long", fcntl.ioctl, r, FIONREAD, b"x" * 1025)
t("ioctl too long 2", fcntl.ioctl, r, FIONREAD, bytearray(1025), False)
t("ioctl float", fcntl.ioctl, r, FIONREAD, 1.5)
t("ioctl list", fcntl.ioctl, r, FIONREAD, [1])
t("ioctl ENOTTY", fcntl.ioctl, r, -1)
t("ioctl req huge", fcntl.ioctl, r, 2**64)
t("ioctl bad fd", fcntl.ioctl, 9999, FIONREAD)
t("ioctl keywords", lambda: fcntl.ioctl(r, request=FIONREAD))
os.close(r)
os.close(w)

print(fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_NB, fcntl.LOCK_UN)
print(fcntl.F_GETFD, fcntl.F_SETFD, fcntl.F_GETFL, fcntl.F_SETFL, fcntl.F_DUPFD_CLOEXEC)
print(fcntl.F_RDLCK, fcntl.F_WRLCK, fcntl.F_UNLCK, fcntl.F_SETLK, fcntl.F_SETLKW, fcntl.F_GETLK)
print(sorted(n for n in dir(fcntl) if not n.startswith("_")))
print(fcntl.fcntl.__doc__.splitlines()[0])
