# fcntl: flock() and lockf() between descriptors and between processes.
import fcntl, os, struct

path = "/tmp/taipan-fcntl-%d" % os.getpid()
fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
os.write(fd, b"0123456789")


def t(label, f, *a):
    try:
        print(label, "->", repr(f(*a)))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


# flock locks belong to the open file description: a second open() conflicts.
other = os.open(path, os.O_RDWR)
t("flock ex", fcntl.flock, fd, fcntl.LOCK_EX)
t("flock other nb", fcntl.flock, other, fcntl.LOCK_EX | fcntl.LOCK_NB)
t("flock other sh nb", fcntl.flock, other, fcntl.LOCK_SH | fcntl.LOCK_NB)
t("flock un", fcntl.flock, fd, fcntl.LOCK_UN)
t("flock other sh", fcntl.flock, other, fcntl.LOCK_SH | fcntl.LOCK_NB)
t("flock sh shared", fcntl.flock, fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
t("flock ex blocked", fcntl.flock, fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
t("flock un both", lambda: (fcntl.flock(fd, fcntl.LOCK_UN), fcntl.flock(other, fcntl.LOCK_UN)))
t("flock bad op", fcntl.flock, fd, 99)
t("flock bad fd", fcntl.flock, 9999, fcntl.LOCK_EX)
t("flock str", fcntl.flock, "x", 1)
t("flock float", fcntl.flock, fd, 1.0)
t("flock fileobj", lambda: fcntl.flock(open(path), fcntl.LOCK_SH))

# lockf: POSIX record locks belong to the process, so a child sees them.
t("lockf ex", fcntl.lockf, fd, fcntl.LOCK_EX, 5, 0)
t("lockf bad cmd", fcntl.lockf, fd, 0)
t("lockf nb only", fcntl.lockf, fd, fcntl.LOCK_NB)
t("lockf float len", fcntl.lockf, fd, fcntl.LOCK_SH, 1.5)
t("lockf 6 args", fcntl.lockf, fd, 1, 2, 3, 4, 5)

rp, wp = os.pipe()
pid = os.fork()
if pid == 0:
    results = []
    for cmd, start in ((fcntl.LOCK_EX | fcntl.LOCK_NB, 0), (fcntl.LOCK_SH | fcntl.LOCK_NB, 2),
                       (fcntl.LOCK_EX | fcntl.LOCK_NB, 5)):
        try:
            fcntl.lockf(other, cmd, 1, start)
            results.append("ok")
        except OSError as e:
            results.append(type(e).__name__)
    # F_GETLK reports who holds the conflicting lock.
    flk = struct.pack("hhqqi4x", fcntl.F_WRLCK, 0, 0, 0, 0)
    res = fcntl.fcntl(other, fcntl.F_GETLK, flk)
    typ, whence, start, length, holder = struct.unpack("hhqqi4x", res)
    results.append("%d %d %d %s" % (typ == fcntl.F_WRLCK, start, length, holder == os.getppid()))
    os.write(wp, " ".join(results).encode())
    os._exit(0)
os.waitpid(pid, 0)
print(os.read(rp, 200).decode())
t("lockf un", fcntl.lockf, fd, fcntl.LOCK_UN, 5, 0)

pid = os.fork()
if pid == 0:
    try:
        fcntl.lockf(other, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 2)
        os.write(wp, b"free after unlock")
    except OSError as e:
        os.write(wp, type(e).__name__.encode())
    os._exit(0)
os.waitpid(pid, 0)
print(os.read(rp, 200).decode())

os.close(rp)
os.close(wp)
os.close(other)
os.close(fd)
os.unlink(path)
