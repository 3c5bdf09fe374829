# The errno module: names, values, errorcode, and aliases as CPython keeps them.
import errno

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EINTR, errno.EAGAIN, errno.EWOULDBLOCK, errno.EPIPE)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK], errno.errorcode[95])
names = [n for n in dir(errno) if n.startswith("E")]
print(len(names), len(errno.errorcode))
print(all(errno.errorcode[getattr(errno, n)] in names for n in names))
print(list(errno.errorcode.items())[:6])
print(sorted(errno.errorcode)[:10], max(errno.errorcode))
print(errno.ENOTSUP == errno.EOPNOTSUPP, errno.EDEADLOCK == errno.EDEADLK)
print(type(errno.errorcode).__name__, errno.__name__)
print([n for n in dir(errno) if not n.startswith("E") and not n.startswith("__")])
print(errno.__doc__.splitlines()[0])
