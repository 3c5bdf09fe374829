# OSError subclass chosen by errno, for exceptions raised by os calls and built by hand.
import errno
import os

for code in [errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM, errno.EISDIR, errno.ENOTDIR,
             errno.EAGAIN, errno.EINTR, errno.ECHILD, errno.ESRCH, errno.EPIPE, errno.ETIMEDOUT,
             errno.ECONNREFUSED, errno.ECONNRESET, errno.ECONNABORTED, errno.EINVAL, errno.EBADF]:
    e = OSError(code, os.strerror(code))
    print(errno.errorcode[code], type(e).__name__, e.errno == code, str(e))
try:
    os.close(-1)
except OSError as e:
    print(type(e).__name__, errno.errorcode[e.errno], e.filename)
try:
    os.waitpid(-1, 0)
except OSError as e:
    print(type(e).__name__, errno.errorcode[e.errno])
try:
    os.kill(-2**22 - 7, 0)
except OSError as e:
    print(type(e).__name__, errno.errorcode[e.errno])
r, w = os.pipe()
os.close(r)
import _signal
_signal.signal(_signal.SIGPIPE, _signal.SIG_IGN)
try:
    os.write(w, b"x")
except OSError as e:
    print(type(e).__name__, errno.errorcode[e.errno], isinstance(e, ConnectionError))
os.close(w)
try:
    os.rmdir("/")
except OSError as e:
    print(errno.errorcode[e.errno] in ("EBUSY", "EPERM", "EACCES"))
