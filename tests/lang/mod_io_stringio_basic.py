# io.StringIO: reading, writing, seeking and truncating an in-memory text.
from _io import StringIO

s = StringIO()
print(s.write("hello"), s.write(" wörld"), s.tell(), repr(s.getvalue()))
print(s.seek(0), repr(s.read(5)), s.tell(), repr(s.read()), repr(s.read()))
print(s.seek(6), s.write("W"), repr(s.getvalue()), s.tell())
print(s.seek(20), s.write("!"), repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
print(s.truncate(), repr(s.getvalue()), s.tell())
s.seek(0)
print(s.truncate(), repr(s.getvalue()))
s = StringIO("line one\nline two\nlast")
print(s.tell(), repr(s.readline()), repr(s.readline(4)), s.readlines(), repr(s.readline()))
s.seek(0)
print(list(s), s.seek(0, 2), s.seek(0, 1))
for args in [(-1,), (1, 1), (1, 2), (0, 3), (1.5,)]:
    try:
        s.seek(*args)
    except (ValueError, OSError, TypeError) as e:
        print(type(e).__name__, e)
try:
    s.truncate(-1)
except ValueError as e:
    print("ValueError", e)
try:
    s.write(b"bytes")
except TypeError as e:
    print("TypeError", e)
try:
    StringIO(b"bytes")
except TypeError as e:
    print("TypeError", e)
print(repr(StringIO(None).getvalue()), repr(StringIO(initial_value="x").read()))
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed, s.line_buffering, s.encoding, s.errors)
print(s.__getstate__())
with StringIO("ctx") as c:
    print(c.read())
print(c.closed)
for name in ("read", "write", "getvalue", "tell", "seek", "readline", "truncate"):
    try:
        getattr(c, name)(*(("x",) if name == "write" else (0,) if name == "seek" else ()))
    except ValueError as e:
        print(name, "ValueError", e)
try:
    c.detach()
except Exception as e:
    print(type(e).__name__, e)
class Upper(StringIO):
    def write(self, s):
        return super().write(s.upper())
u = Upper()
print("a", "b", file=u)
print(repr(u.getvalue()), isinstance(u, StringIO))

# Pickling round trip: __setstate__ initialises the fresh object.
import io, pickle, copy
s = io.StringIO("foo\nbar")
s.read(2)
s.attr = 5
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    o = pickle.loads(pickle.dumps(s, proto))
    print(proto, repr(o.getvalue()), o.tell(), o.attr, o.read())
c = copy.copy(s); print(c.getvalue(), c.tell())
s.close()
try:
    pickle.dumps(s)
except ValueError as e:
    print(e)
